// `report pupils` (docs/cli.md): the per-pupil figures of docs/rules/statistics.md §3–7 and the school rates
// of §5 over a period, computed by shared/statistics from one read of the pupils and one of the marks.
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { slashCountsTo } from '../registers/tallies';
import { isIsoDate, type IsoDate, type Session } from '../../../shared/dates';
import { buildPupilsReport, type PupilsReport, type PupilWithMarks } from '../../../shared/statistics';
import { DATED_CODES, splitAtEras } from '../../../shared/statistics/code-eras';
import type { StatsMark } from '../../../shared/statistics/marks';
import { buildPeriodContext, type PeriodContext } from '../../../shared/statistics/periods';
import { DEFAULT_AT_RISK_LOWER_PCT } from '../../../shared/statistics/rates';
import { addToTally, emptyTally, type CodeTally } from '../../../shared/statistics/tallies';

export interface ReportPupilsInput {
  from: IsoDate;
  to: IsoDate;
  asOf?: IsoDate;
  atRiskLowerPct?: number;
}

/** Refuses (AppError 'invalid') a period that is not real dates, ends before it starts, or an as-of before `to`. */
export function checkReportPeriod(i: ReportPupilsInput): { from: IsoDate; to: IsoDate; asOf: IsoDate } {
  const { from, to } = i;
  const asOf = i.asOf ?? to;
  for (const [name, d] of [
    ['--from', from],
    ['--to', to],
    ['--as-of', asOf],
  ] as const) {
    if (typeof d !== 'string' || !isIsoDate(d)) {
      throw new AppError('invalid', `${name} ${String(d)} is not a date (YYYY-MM-DD).`);
    }
  }
  if (from > to) {
    throw new AppError('invalid', `The period ends (${to}) before it starts (${from}).`);
  }
  if (asOf < to) {
    throw new AppError('invalid', `--as-of ${asOf} is earlier than --to ${to}.`);
  }
  if (i.atRiskLowerPct !== undefined && !(i.atRiskLowerPct >= 0 && i.atRiskLowerPct <= 10)) {
    throw new AppError('invalid', `The at-risk lower bound must be from 0 to 10 (got ${i.atRiskLowerPct}).`);
  }
  return { from, to, asOf };
}

/** The at-risk lower bound from the school's settings (docs/rules/statistics.md §4), 5 when no school is set
 * up. */
export function schoolAtRiskLowerPct(db: Db): number {
  const row = db
    .prepare<[], { pct: number | null }>('SELECT at_risk_lower_pct AS pct FROM school WHERE id = 1')
    .get();
  return typeof row?.pct === 'number' ? row.pct : DEFAULT_AT_RISK_LOWER_PCT;
}

export function reportPupils(db: Db, input: ReportPupilsInput): PupilsReport {
  const { ctx, byId } = loadPeriodMarks(db, input);
  return buildPupilsReport(ctx, [...byId.values()]);
}

const DATED_LIST = DATED_CODES.map((c) => `'${c}'`).join(', ');
/** The marks whose dates the figures need (shared/statistics.ts, DATED_CODES): the predicate of marks_dated_idx. */
export const DATED_WHERE = `code IN (${DATED_LIST})`;
/** Every other mark but the present slashes, which only add to the counts: the predicate of marks_counted_idx. */
export const COUNTED_WHERE = `code NOT IN ('/', '\\', ${DATED_LIST})`;

/** The marks of the dated codes in [from, to], one row per pupil: the pupil's marks as one list of
 * `date session code` items joined by commas, with ` minutes` after the code only where the mark has minutes late.
 * Most have none, and each `||` costs about as much as reading the row (docs/performance.md, "Fewer aggregates
 * and operators in the period's reads"). The rows are read from their partial index in (pupil, date, session) order
 * (parameters: from, to). A row per pupil rather than per mark halves the cost of reading them
 * (docs/performance.md, "One row per pupil"). SQL leaves the order inside a list unspecified: it is the index's
 * here, and shared/statistics sorts a pupil's marks when they are not in order. */
export const DATED_MARKS_SQL = `SELECT pupil_id, group_concat(CASE WHEN minutes_late IS NULL
      THEN date || session || code ELSE date || session || code || ' ' || minutes_late END, ',')
    FROM marks INDEXED BY marks_dated_idx WHERE +date >= ? AND +date <= ? AND ${DATED_WHERE} GROUP BY pupil_id`;

/** The marks of one row of DATED_MARKS_SQL: an ISO date is 10 characters, a session 2, and no code has a space. */
export function parseDatedMarks(list: string): StatsMark[] {
  return list.split(',').map((item) => {
    const space = item.indexOf(' ', 12);
    const hasMinutes = space !== -1;
    return {
      date: item.slice(0, 10),
      session: item.slice(10, 12) as Session,
      code: hasMinutes ? item.slice(12, space) : item.slice(12),
      minutesLate: hasMinutes ? Number(item.slice(space + 1)) : null,
    };
  });
}

const COUNTED_MARKS_FROM = `FROM marks INDEXED BY marks_counted_idx
    WHERE +date >= ? AND +date <= ? AND ${COUNTED_WHERE} GROUP BY pupil_id, code`;
/** The other marks but the slashes in [from, to], counted per pupil and code in the order of their partial index,
 * with the minutes late and the count up to a second date (parameters: since, from, to). */
export const COUNTED_MARKS_SQL = `SELECT pupil_id, code, count(*), sum(minutes_late), sum(+date <= ?)
    ${COUNTED_MARKS_FROM}`;
/** The same counts for one period (parameters: from, to): the count up to a second date is a fifth of the cost of
 * the read, so a period without one does not pay for it (docs/performance.md, "Fewer aggregates and operators in
 * the period's reads"). */
export const COUNTED_MARKS_ONE_PERIOD_SQL = `SELECT pupil_id, code, count(*), sum(minutes_late)
    ${COUNTED_MARKS_FROM}`;

/** One pupil of a period as loaded for the statistics: the pupil, the marks that need their dates, and the tally
 * of the count-only marks over [from, to] and over [from, since]. */
export interface LoadedPupil extends PupilWithMarks {
  id: number;
  marks: StatsMark[];
  counted: CodeTally;
  countedToSince: CodeTally;
}
export interface LoadedPeriod {
  ctx: PeriodContext;
  byId: Map<number, LoadedPupil>;
}

/**
 * The one read behind every figure of a period (report pupils, the band list, the statutory lists, the penalty
 * tracker): the pupils whose dates overlap the period, ready for computePupilStats. `since` (from <= since <= to)
 * also tallies each pupil's count-only marks in [from, since], in the same reads, for a second period ending then.
 */
export function loadPeriodMarks(db: Db, input: ReportPupilsInput & { since?: IsoDate }): LoadedPeriod {
  const period = checkReportPeriod(input);
  const ctx = buildPeriodContext(loadCalendar(db), period, {
    atRiskLowerPct: input.atRiskLowerPct ?? schoolAtRiskLowerPct(db),
  });
  const since = input.since ?? period.to;

  const pupilRows = db
    .prepare<[IsoDate, IsoDate], [number, string, string, number, string, string | null]>(
      `SELECT id, upn, dob, boarder, admission_date, leaving_date FROM pupils
    WHERE admission_date <= ? AND (leaving_date IS NULL OR leaving_date >= ?)`,
    )
    .raw()
    .all(period.to, period.from);
  const byId = new Map<number, LoadedPupil>();
  for (const [id, upn, dob, boarder, admissionDate, leavingDate] of pupilRows) {
    byId.set(id, {
      id,
      pupil: { upn, dob, boarder: !!boarder, admissionDate, leavingDate: leavingDate || null },
      marks: [],
      counted: emptyTally(),
      countedToSince: emptyTally(),
    });
  }
  tallyCountOnly(db, byId, period.from, period.to, since);

  // Only the marks whose dates matter (the unauthorised codes, for penalty windows, runs and overdue Ns) are read
  // with their dates, from the first week a penalty window can reach back to, up to `to`.
  const dated = db.prepare<[IsoDate, IsoDate], [number, string]>(DATED_MARKS_SQL).raw();
  for (const [pupilId, list] of dated.iterate(ctx.earliestMarkDate, period.to)) {
    const x = byId.get(pupilId);
    if (x) {
      x.marks = parseDatedMarks(list);
    }
  }
  return { ctx, byId };
}

/**
 * Tallies the count-only marks of [from, to] (and of [from, since]) into each loaded pupil. The present slashes
 * come from the weekly tallies (registers/tallies.ts); the other count-only codes are counted by SQL, one part of
 * the period per era of the code table, so each count has one category (shared/statistics.ts, splitAtEras).
 */
function tallyCountOnly(
  db: Db,
  byId: Map<number, LoadedPupil>,
  from: IsoDate,
  to: IsoDate,
  since: IsoDate,
): void {
  const { toEnd: slashes, toSince } = slashCountsTo(db, from, to, since);
  for (const [pupilId, n] of slashes) {
    const x = byId.get(pupilId);
    if (x) {
      addToTally(x.counted, '/', from, n);
      addToTally(x.countedToSince, '/', from, toSince.get(pupilId) ?? 0);
    }
  }
  for (const [a, b] of splitAtEras(from, to)) {
    for (const [pupilId, code, n, minutes, nToSince] of countedMarks(db, since, a, b)) {
      const x = byId.get(pupilId);
      if (x) {
        addToTally(x.counted, code, a, n, minutes);
        addToTally(x.countedToSince, code, a, nToSince, 0);
      }
    }
  }
}

type CountedRow = [pupilId: number, code: string, n: number, minutes: number | null, nToSince: number];

/** The rows of COUNTED_MARKS_SQL for [from, to] and `since`; when `since` is `to`, its count is the whole one. */
function countedMarks(db: Db, since: IsoDate, from: IsoDate, to: IsoDate): CountedRow[] {
  if (since < to) {
    return db.prepare<[IsoDate, IsoDate, IsoDate], CountedRow>(COUNTED_MARKS_SQL).raw().all(since, from, to);
  }
  const rows = db
    .prepare<[IsoDate, IsoDate], [number, string, number, number | null]>(COUNTED_MARKS_ONE_PERIOD_SQL)
    .raw()
    .all(from, to);
  return rows.map(([pupilId, code, n, minutes]) => [pupilId, code, n, minutes, n]);
}
