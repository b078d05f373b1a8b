// `import marks` (docs/cli.md): a marks file read one row at a time, each row stored through the mark writer
// (mark-writer.ts) as a new mark, an amendment or a changed note; all-or-nothing, idempotent, amendments only
// with a reason, name and position.
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Calendar } from '../../../shared/calendar';
import type { Input, Issue, Output } from '../../../shared/contract';
import type { normaliseCode } from '../../../shared/codes';
import { isCompulsoryAge, parseInputDate, type IsoDate } from '../../../shared/dates';
import type { Ctx } from '../context';
import type { Db } from '../db/connection';
import { pupils } from '../db/schema';
import { AppError } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { columnIndex, eachCsvRecord } from '../import/csv';
import { readMarkRow, type ImportedMark, type MarkFile, type RollPupil } from './mark-import-rows';
import { markWriter, type Amender, type MarkWriter, type StoredMark } from './mark-writer';
import { plural } from '../../../shared/names';

function rollByUpn(db: Db) {
  const rows = drizzle(db)
    .select({
      id: pupils.id,
      upn: pupils.upn,
      dob: pupils.dob,
      admissionDate: pupils.admissionDate,
      leavingDate: pupils.leavingDate,
    })
    .from(pupils)
    .all();
  return new Map(rows.map((r) => [r.upn, r]));
}

/** `import marks` (docs/cli.md): all-or-nothing, idempotent, amendments only with reason, name and position.
 */
export function importMarks(ctx: Ctx, input: Input<'marks.import'>): Output<'marks.import'> {
  const db = ctx.store.db;
  const writer = markWriter(ctx);
  const amender = importAmender(ctx, input);
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const counts = { skipped: 0, closureRows: 0, inserted: 0, amended: 0, notes: 0 };
  // The file is read one row at a time and nothing of a row is kept but its problems, so a year of marks for a
  // large school fits in little memory (docs/performance.md).
  const file = eachCsvRecord(input.csv, (head) => {
    const col = columnIndex(head);
    requireMarkColumns(col);
    const f = markFile(col, loadCalendar(db), rollByUpn(db));
    return (rec) => {
      const line = rec.line;
      const row = readMarkRow(f, rec);
      if (row === 'closure') {
        counts.closureRows++;
        return;
      }
      if (Array.isArray(row)) {
        issues.push(...row.map((message) => ({ line, message })));
        return;
      }
      if (row.code === 'X' && isCompulsoryAge(row.pupil.dob, row.date)) {
        warnings.push({ line, message: notOfCompulsoryAgeWarning(row) });
      }
      const stored = writer.existing(row.pupil.id, row.date, row.session);
      // Writes happen as the file is read (dispatch runs this inside one transaction); any problem found later
      // throws, and the transaction rolls everything back, so the import stays all-or-nothing.
      const write = issues.length === 0;
      const outcome = storeImportedMark(writer, row, stored, amender, f.hasNote, write);
      if (outcome === 'needs amender') {
        issues.push({
          line,
          message: 'this changes a stored mark: an amendment needs --reason, --by and --position',
        });
        return;
      }
      counts[outcome]++;
    };
  });
  refuseIfProblems(issues);
  const { inserted, amended, notes } = counts;
  if (inserted || amended || notes) {
    ctx.audit('marks.import', 'marks', null, { inserted, amended, notes, reason: amender?.reason ?? null });
  }
  return {
    rows: file.count,
    inserted,
    amended,
    notesChanged: notes,
    skipped: counts.skipped,
    closureRowsSkipped: counts.closureRows,
    warnings,
  };
}

/** Where the columns of a marks file are, with the roll and the calendar its rows are checked against. */
function markFile(col: (field: string) => number, cal: Calendar, roll: Map<string, RollPupil>): MarkFile {
  return {
    cols: {
      upn: col('upn'),
      date: col('date'),
      session: col('session'),
      code: col('code'),
      minutes: col('minutes_late'),
      note: col('note'),
    },
    hasNote: col('note') >= 0,
    cal,
    roll,
    dateOf: rememberedDates(),
    keyOf: markKeys(),
    seen: new Map<number, number>(),
    codeCache: new Map<string, ReturnType<typeof normaliseCode>>(),
  };
}

/** Refuses the whole import when any row had a problem, listing them all. */
function refuseIfProblems(issues: Issue[]): void {
  if (issues.length) {
    throw new AppError(
      'invalid',
      `${plural(issues.length, 'problem')} in the file; no mark was imported.`,
      issues,
    );
  }
}

/** The warning for an X (not of compulsory school age) given to a pupil who is of compulsory school age. */
function notOfCompulsoryAgeWarning(row: ImportedMark): string {
  return `X (not of compulsory school age) for ${row.upn}, who is of compulsory school age on ${row.date}`;
}

/** Refuses a marks file that lacks any of the upn, date, session and code columns. */
function requireMarkColumns(col: (field: string) => number): void {
  const missing = ['upn', 'date', 'session', 'code'].filter((f) => col(f) < 0);
  if (missing.length) {
    throw new AppError(
      'invalid',
      `The file has no ${missing.join(', ')} column (columns: upn,date,session,code,minutes_late,note).`,
    );
  }
}

/** parseInputDate, remembered for each raw text: a file repeats each date once for every pupil. */
function rememberedDates(): (raw: string) => IsoDate | null {
  const dateMemo = new Map<string, IsoDate | null>();
  return (raw) => {
    let d = dateMemo.get(raw);
    if (d === undefined) {
      d = parseInputDate(raw);
      dateMemo.set(raw, d);
    }
    return d;
  };
}

/** A number for each (pupil, date, session): numeric keys (pupil, day number, session) keep the import's maps
 * cheap for a year of marks. Each date's day number is worked out once. */
function markKeys(): (p: number, d: string, s: string) => number {
  const dayNo = new Map<string, number>();
  return (p, d, s) => {
    let n = dayNo.get(d);
    if (n === undefined) {
      n = Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
      dayNo.set(d, n);
    }
    return (p * 65536 + n) * 2 + (s === 'PM' ? 1 : 0);
  };
}

/** The person amending stored marks in this import, when the reason, name and position were all given; the
 * amendments of one import share a batch id. */
function importAmender(ctx: Ctx, input: Input<'marks.import'>): Amender | null {
  return input.reason && input.by && input.position
    ? { reason: input.reason, by: input.by, position: input.position, batchId: `import-${ctx.now()}` }
    : null;
}

/** Stores one row's mark as a new mark, an amendment or a changed note, and says which it was ('skipped' when
 * the stored mark already matches). Once an earlier row has had a problem (`write` false) nothing is written but
 * the rows are still counted. A change to a stored mark with no amender is 'needs amender' and writes nothing. */
function storeImportedMark(
  writer: MarkWriter,
  m: ImportedMark,
  stored: StoredMark | undefined,
  amender: Amender | null,
  hasNote: boolean,
  write: boolean,
): 'inserted' | 'amended' | 'notes' | 'skipped' | 'needs amender' {
  if (!stored) {
    if (write) {
      writer.insert(m.pupil.id, m.date, m.session, m.code, m.minutes, m.note, 'import');
    }
    return 'inserted';
  }
  if (stored.code !== m.code || (stored.minutesLate ?? null) !== m.minutes) {
    if (!amender) {
      return 'needs amender';
    }
    if (write) {
      writer.amend(stored, m.code, m.minutes, amender);
      if (hasNote && (stored.note ?? null) !== m.note) {
        writer.setNote(stored, m.note);
      }
      writer.markFromMis(stored);
    }
    return 'amended';
  }
  if (hasNote && (stored.note ?? null) !== m.note) {
    if (write) {
      writer.setNote(stored, m.note);
      writer.markFromMis(stored);
    }
    return 'notes';
  }
  return 'skipped';
}
