// Reading one row of a marks file for `import marks` (docs/cli.md): the pupil, date, session, code, minutes late
// and note it holds, or everything wrong with it. The checks run in a fixed order, so a file's problems are
// always listed the same way.
import type { Calendar } from '../../../shared/calendar';
import { normaliseCode } from '../../../shared/codes';
import type { IsoDate, Session } from '../../../shared/dates';
import { unneutralise, type CsvRecord } from '../import/csv';

/** A pupil on the roll, with what a row is checked against. */
export interface RollPupil {
  id: number;
  upn: string;
  dob: IsoDate;
  admissionDate: IsoDate;
  leavingDate: IsoDate | null;
}

/** What reading the rows of one file shares: where its columns are, the roll, the calendar, and what the rows
 * read so far have found. */
export interface MarkFile {
  cols: { upn: number; date: number; session: number; code: number; minutes: number; note: number };
  hasNote: boolean;
  cal: Calendar;
  roll: Map<string, RollPupil>;
  dateOf: (raw: string) => IsoDate | null;
  keyOf: (p: number, d: string, s: string) => number;
  /** The line each (pupil, date, session) first appeared on. */
  seen: Map<number, number>;
  codeCache: Map<string, ReturnType<typeof normaliseCode>>;
}

/** A row's mark once every check has passed. */
export interface ImportedMark {
  upn: string;
  pupil: RollPupil;
  date: IsoDate;
  session: Session;
  code: string;
  minutes: number | null;
  note: string | null;
}

/** Reads one row: its mark; 'closure' for a # on a day the school was closed (MIS exports carry them), which the
 * import skips; or the row's problems. */
export function readMarkRow(f: MarkFile, rec: CsvRecord): ImportedMark | 'closure' | string[] {
  const c = rec.cells;
  const upn = unneutralise(c[f.cols.upn] ?? '')
    .trim()
    .toUpperCase();
  const rawDate = (c[f.cols.date] ?? '').trim();
  const pupil = f.roll.get(upn);
  const date = f.dateOf(rawDate);
  const problems: string[] = [];
  if (!upn) {
    problems.push('upn is missing');
  } else if (!pupil) {
    problems.push(`no pupil with UPN ${upn}`);
  }
  if (!date) {
    problems.push(`date ${JSON.stringify(rawDate)} is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
  }
  const rawCode = unneutralise(c[f.cols.code] ?? '').trim();
  // With no problem so far there is a pupil and a date; the two extra tests only tell the compiler so.
  if (problems.length || !pupil || !date) {
    return problems;
  }
  const schoolDay = f.cal.isSchoolDay(date);
  if (rawCode === '#' && !schoolDay) {
    return 'closure';
  }
  const session = (c[f.cols.session] ?? '').trim().toUpperCase();
  if (session !== 'AM' && session !== 'PM') {
    problems.push(`session ${JSON.stringify(c[f.cols.session] ?? '')} must be AM or PM`);
  }
  if (!schoolDay) {
    problems.push(`${date} is not a school session (${describeDay(f.cal.dayKind(date))})`);
  }
  const offRoll = offRollProblem(upn, pupil, date);
  if (offRoll) {
    problems.push(offRoll);
  }
  let code = '';
  if (session === 'AM' || session === 'PM') {
    code = codeOf(f, rawCode, date, session, schoolDay, problems);
    const duplicate = duplicateProblem(f, upn, pupil.id, date, session, rec.line);
    if (duplicate) {
      problems.push(duplicate);
    }
  }
  const rawMin = f.cols.minutes >= 0 ? (c[f.cols.minutes] ?? '').trim() : '';
  const minutes = minutesOf(rawMin, code, problems);
  // A bad session is always a problem; the second test only tells the compiler the session is AM or PM.
  if (problems.length || (session !== 'AM' && session !== 'PM')) {
    return problems;
  }
  const note = f.hasNote ? unneutralise(c[f.cols.note] ?? '').trim() || null : null;
  return { upn, pupil, date, session, code, minutes, note };
}

/** Why the pupil was not on roll on the date (before admission or after leaving), or null when they were. */
function offRollProblem(upn: string, pupil: RollPupil, date: IsoDate): string | null {
  if (date < pupil.admissionDate) {
    return `${upn} was not on roll on ${date} (admitted ${pupil.admissionDate})`;
  } else if (pupil.leavingDate && date > pupil.leavingDate) {
    return `${upn} was not on roll on ${date} (left ${pupil.leavingDate})`;
  }
  return null;
}

/** The row's code normalised for its date and session, or '' when it is not a valid code; what is wrong with it
 * is added to `problems`. Each code, date and session is normalised once per file. */
function codeOf(
  f: MarkFile,
  rawCode: string,
  date: IsoDate,
  session: Session,
  schoolDay: boolean,
  problems: string[],
): string {
  const key = `${rawCode}|${date}|${session}`;
  let n = f.codeCache.get(key);
  if (!n) {
    n = normaliseCode(rawCode, date, session);
    f.codeCache.set(key, n);
  }
  let code = '';
  if (!n.ok) {
    problems.push(n.message);
  } else {
    code = n.code;
  }
  if (code === '#' && schoolDay) {
    problems.push(
      `code # (planned whole-school closure) on a school session: add the closure to the calendar instead`,
    );
  }
  return code;
}

/** The problem when an earlier line already had this pupil's session, or null; the first line for each session
 * is remembered. */
function duplicateProblem(
  f: MarkFile,
  upn: string,
  pupilId: number,
  date: IsoDate,
  session: Session,
  line: number,
): string | null {
  const k = f.keyOf(pupilId, date, session);
  if (f.seen.has(k)) {
    return `${upn} ${date} ${session} is already on line ${f.seen.get(k)}`;
  }
  f.seen.set(k, line);
  return null;
}

/** The row's minutes late (null when none or 0), which only L and U may have; what is wrong with them is added to
 * `problems`. */
function minutesOf(rawMin: string, code: string, problems: string[]): number | null {
  let minutes: number | null = null;
  if (rawMin !== '' && rawMin !== '0') {
    if (!/^\d+$/.test(rawMin)) {
      problems.push(`minutes_late ${JSON.stringify(rawMin)} must be a whole number of minutes`);
    } else if (code && code !== 'L' && code !== 'U') {
      problems.push(`minutes_late is only for L or U (the code is ${code})`);
    } else {
      minutes = Number(rawMin);
    }
    if (minutes !== null && minutes > 300) {
      problems.push(`minutes_late ${rawMin} is more than a session`);
    }
  }
  return minutes;
}

function describeDay(kind: string): string {
  return (
    {
      weekend: 'a weekend',
      bank_holiday: 'a bank holiday',
      closure: 'a planned closure',
      holiday: 'outside term',
      school: 'a school day',
    }[kind] ?? kind
  );
}
