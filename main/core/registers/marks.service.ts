// Register marks: the one path that writes them. A new mark is inserted; a change of code or minutes to a stored
// mark is an amendment, which needs a reason and the name and position of the person, and writes the history row
// (original, new, reason, when, who) in the same transaction before the mark itself (the triggers insist).
import { asc, count, eq, isNull, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Calendar } from '../../../shared/calendar';
import type { Input, Issue, Output } from '../../../shared/contract';
import type { normaliseCode } from '../../../shared/codes';
import { isCompulsoryAge, parseInputDate, type IsoDate, type Session } from '../../../shared/dates';
import { auditExport, type Ctx } from '../context';
import type { Db } from '../db/connection';
import { markHistory as markHistoryTable, marks, pupils } from '../db/schema';
import { AppError } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { columnIndex, csvCell, csvLine, eachCsvRecord } from '../import/csv';
import { readMarkRow, type ImportedMark, type MarkFile, type RollPupil } from './mark-import-rows';
import { plural } from '../../../shared/names';

export interface StoredMark {
  id: number;
  code: string;
  minutesLate: number | null;
  note: string | null;
  version: number;
}
export interface Amender {
  reason: string;
  by: string;
  position: string;
  batchId?: string | null;
}

export interface MarkWriter {
  existing(pupilId: number, date: IsoDate, session: Session): StoredMark | undefined;
  insert(
    pupilId: number,
    date: IsoDate,
    session: Session,
    code: string,
    minutesLate: number | null,
    note: string | null,
    source: string,
  ): void;
  amend(mark: StoredMark, code: string, minutesLate: number | null, who: Amender): void;
  setNote(mark: StoredMark, note: string | null): void;
  markFromMis(mark: StoredMark): void;
}

/** A stored mark's columns under SQLite's names, as the raw statements below read them. */
interface StoredMarkRow {
  id: number;
  code: string;
  minutes_late: number | null;
  note: string | null;
  version: number;
}

function toStored(r: StoredMarkRow): StoredMark {
  return { id: r.id, code: r.code, minutesLate: r.minutes_late, note: r.note, version: r.version };
}

/** The SQL of the mark writer: one statement for each thing a write does to a mark. */
const WRITER_SQL = {
  get: 'SELECT id, code, minutes_late, note, version FROM marks WHERE pupil_id = ? AND date = ? AND session = ?',
  insert:
    'INSERT INTO marks (pupil_id, date, session, code, minutes_late, note, source, recorded_by, recorded_at, ' +
    'exported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  fromMis: 'UPDATE marks SET exported_at = ? WHERE id = ?',
  history:
    'INSERT INTO mark_history (mark_id, version, old_code, new_code, old_minutes_late, new_minutes_late, reason, ' +
    'changed_at, changed_by, position, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  update: 'UPDATE marks SET code = ?, minutes_late = ?, version = ?, exported_at = NULL WHERE id = ?',
  note: 'UPDATE marks SET note = ?, exported_at = NULL WHERE id = ?',
};

/** Prepared statements for writing marks, made once per transaction. They stay raw SQL: they run once per mark
 * of a register save or an import (docs/performance.md). */
export function markWriter(ctx: Ctx): MarkWriter {
  const db = ctx.store.db;
  const get = db.prepare<[number, IsoDate, Session], StoredMarkRow>(WRITER_SQL.get);
  const ins = db.prepare(WRITER_SQL.insert);
  const fromMis = db.prepare(WRITER_SQL.fromMis);
  const hist = db.prepare(WRITER_SQL.history);
  const upd = db.prepare(WRITER_SQL.update);
  const note = db.prepare(WRITER_SQL.note);
  const now = ctx.now();
  return {
    existing: (p, d, s) => {
      const r = get.get(p, d, s);
      return r && toStored(r);
    },
    // Marks that came from the MIS are already there; everything else waits for the next export
    // (docs/rules/register-law.md §10).
    insert: (p, d, s, code, min, n, source) => {
      ins.run(p, d, s, code, min, n, source, ctx.session.userName, now, source === 'import' ? now : null);
    },
    markFromMis: (m) => {
      fromMis.run(now, m.id);
    },
    amend(m, code, min, who) {
      if (!who.reason.trim() || !who.by.trim() || !who.position.trim()) {
        throw new AppError(
          'invalid',
          'An amendment needs a reason and the name and position of the person making it.',
        );
      }
      hist.run(
        m.id,
        m.version + 1,
        m.code,
        code,
        m.minutesLate,
        min,
        who.reason.trim(),
        now,
        who.by.trim(),
        who.position.trim(),
        who.batchId ?? null,
      );
      upd.run(code, min, m.version + 1, m.id);
    },
    setNote(m, n) {
      // Audit first: a note changes only when the latest audit row records it (docs/records-integrity.md).
      ctx.audit('mark.note', 'mark', m.id, { from: m.note, to: n });
      note.run(n, m.id);
    },
  };
}

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

/** The marks of [from, to] in UPN, date, session order, read in index order: the pupils by UPN, then each pupil's
 * marks by (pupil, date, session), so nothing is sorted (docs/performance.md). Parameters: from, to. */
export const EXPORT_MARKS_SQL = `SELECT p.upn, m.date, m.session, m.code, m.minutes_late AS minutes, m.note
    FROM pupils p INDEXED BY pupils_upn_uq CROSS JOIN marks m ON m.pupil_id = p.id AND m.date >= ? AND m.date <= ?
    ORDER BY p.upn, m.date, m.session`;

/** `export marks`: CSV ordered by UPN, date, session; formula-like cells neutralised. */
export function exportMarks(ctx: Ctx, { from, to }: Input<'marks.export'>): Output<'marks.export'> {
  if (from > to) {
    throw new AppError('invalid', 'The period ends before it starts.');
  }
  // Raw mode: each row is the array of its columns, in the order of the SELECT.
  type ExportRow = (string | number | null)[];
  const rows = ctx.store.db.prepare<[string, string], ExportRow>(EXPORT_MARKS_SQL).raw().iterate(from, to);
  // The lines are joined 10,000 at a time: one string a line and one a block, rather than millions of small
  // concatenations left for the garbage collector (docs/performance.md, "Memory").
  const blocks = [csvLine(['upn', 'date', 'session', 'code', 'minutes_late', 'note'])];
  let lines: string[] = [];
  let n = 0;
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) {
      r[i] = csvCell(r[i]);
    }
    lines.push(r.join(','));
    n++;
    if (lines.length === 10_000) {
      blocks.push(lines.join('\r\n') + '\r\n');
      lines = [];
    }
  }
  if (lines.length) {
    blocks.push(lines.join('\r\n') + '\r\n');
  }
  const csv = blocks.join('');
  auditExport(ctx, 'export.marks', { from, to, rows: n });
  return { csv, rows: n };
}

/** `history`: every amendment of a pupil's marks, oldest first, then by date and session. */
export function markHistory(ctx: Ctx, { upn }: Input<'marks.history'>): Output<'marks.history'> {
  const orm = drizzle(ctx.store.db);
  const pupil = orm
    .select({ id: pupils.id })
    .from(pupils)
    .where(eq(pupils.upn, upn.trim().toUpperCase()))
    .get();
  if (!pupil) {
    throw new AppError('not_found', `There is no pupil with UPN ${upn}.`);
  }
  const h = markHistoryTable;
  const amendments = orm
    .select({
      date: marks.date,
      session: marks.session,
      oldCode: h.oldCode,
      newCode: h.newCode,
      oldMinutesLate: h.oldMinutesLate,
      newMinutesLate: h.newMinutesLate,
      reason: h.reason,
      changedAt: h.changedAt,
      changedBy: h.changedBy,
      position: h.position,
    })
    .from(h)
    .innerJoin(marks, eq(marks.id, h.markId))
    .where(eq(marks.pupilId, pupil.id))
    .orderBy(asc(h.changedAt), asc(h.id), asc(marks.date), asc(marks.session))
    .all();
  return { upn: upn.trim().toUpperCase(), amendments };
}

/** Marks taken or amended in the app and not yet exported to the MIS, so the two registers never silently differ. */
export function unexportedMarks(ctx: Ctx): Output<'marks.unexported'> {
  const orm = drizzle(ctx.store.db);
  const rows = orm
    .select({
      upn: pupils.upn,
      name: sql<string>`${pupils.forename} || ' ' || ${pupils.surname}`,
      date: marks.date,
      session: marks.session,
      code: marks.code,
      amended: sql<number>`${marks.version} > 1`,
    })
    .from(marks)
    .innerJoin(pupils, eq(pupils.id, marks.pupilId))
    .where(isNull(marks.exportedAt))
    .orderBy(asc(marks.date), asc(marks.session), asc(pupils.surname))
    .limit(5000)
    .all();
  const total = orm.select({ n: count() }).from(marks).where(isNull(marks.exportedAt)).get()!.n;
  return { total, marks: rows.map((r) => ({ ...r, amended: !!r.amended })) };
}

/** The export file for the MIS of every mark not yet exported (docs/cli.md columns), and the stamp that it
 * was. */
export function exportForMis(ctx: Ctx): Output<'marks.exportForMis'> {
  const db = ctx.store.db;
  // Raw SQL: on the first export this is every mark the app has taken.
  const rows = db
    .prepare<
      [],
      {
        id: number;
        upn: string;
        date: string;
        session: string;
        code: string;
        minutes_late: number | null;
        note: string | null;
      }
    >(
      `SELECT m.id, p.upn, m.date, m.session, m.code, m.minutes_late, m.note
    FROM marks m JOIN pupils p ON p.id = m.pupil_id
    WHERE m.exported_at IS NULL ORDER BY p.upn, m.date, m.session`,
    )
    .all();
  let csv = csvLine(['upn', 'date', 'session', 'code', 'minutes_late', 'note']);
  const stamp = db.prepare('UPDATE marks SET exported_at = ? WHERE id = ?');
  const now = ctx.now();
  for (const r of rows) {
    csv += csvLine([r.upn, r.date, r.session, r.code, r.minutes_late, r.note]);
    stamp.run(now, r.id);
  }
  ctx.audit('marks.exportForMis', 'marks', null, { rows: rows.length });
  return { csv, rows: rows.length };
}
