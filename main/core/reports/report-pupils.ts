// `report pupils` (docs/cli.md): the per-pupil figures of docs/rules/statistics.md §3–7 and the school rates
// of §5 over a period, computed by shared/statistics from one read of the pupils and one of the marks.
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { slashCounts } from '../registers/tallies';
import { isIsoDate, type IsoDate, type Session } from '../../../shared/dates';
import {
  buildPeriodContext,
  buildPupilsReport,
  DEFAULT_AT_RISK_LOWER_PCT,
  type PeriodContext,
  type PupilsReport,
  type PupilWithMarks,
  type StatsMark,
} from '../../../shared/statistics';

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
  const row = db.prepare('SELECT at_risk_lower_pct AS pct FROM school WHERE id = 1').get() as
    { pct: number | null } | undefined;
  return typeof row?.pct === 'number' ? row.pct : DEFAULT_AT_RISK_LOWER_PCT;
}

export function reportPupils(db: Db, input: ReportPupilsInput): PupilsReport {
  const { ctx, byId } = loadPeriodMarks(db, input);
  return buildPupilsReport(ctx, [...byId.values()]);
}

/** Every other mark in [from, to], in pupil, date and session order, from the partial index that holds only them
 * (parameters: from, to). */
export const OTHER_MARKS_SQL = `SELECT pupil_id, date, session, code, minutes_late FROM marks INDEXED BY marks_other_idx
    WHERE +date >= ? AND +date <= ? AND code NOT IN ('/', '\\') ORDER BY pupil_id, date, session`;

/** One pupil of a period as loaded for the statistics: the pupil, their non-slash marks and their slash count. */
export interface LoadedPupil extends PupilWithMarks {
  id: number;
  marks: StatsMark[];
  presentSlashes: number;
  slashesToSince: number;
}
export interface LoadedPeriod {
  ctx: PeriodContext;
  byId: Map<number, LoadedPupil>;
}

/**
 * The one read behind every figure of a period (report pupils, the band list, the statutory lists): the pupils
 * whose dates overlap the period and their marks, ready for computePupilStats. `since` (from <= since <= to)
 * also counts each pupil's present slashes in [from, since], in the same scan, for a second period ending then.
 */
export function loadPeriodMarks(db: Db, input: ReportPupilsInput & { since?: IsoDate }): LoadedPeriod {
  const period = checkReportPeriod(input);
  const ctx = buildPeriodContext(loadCalendar(db), period, {
    atRiskLowerPct: input.atRiskLowerPct ?? schoolAtRiskLowerPct(db),
  });
  const since = input.since ?? period.to;

  const pupilRows = db
    .prepare(
      `SELECT id, upn, dob, boarder, admission_date, leaving_date FROM pupils
    WHERE admission_date <= ? AND (leaving_date IS NULL OR leaving_date >= ?)`,
    )
    .raw()
    .all(period.to, period.from) as [number, string, string, number, string, string | null][];
  const byId = new Map<number, LoadedPupil>();
  for (const [id, upn, dob, boarder, admissionDate, leavingDate] of pupilRows) {
    byId.set(id, {
      id,
      pupil: { upn, dob, boarder: !!boarder, admissionDate, leavingDate: leavingDate || null },
      marks: [],
      presentSlashes: 0,
      slashesToSince: 0,
    });
  }

  // Two reads. Most marks are the plain present slashes, which only add to the counts: they come from the weekly
  // tallies (registers/tallies.ts). Every other mark is read once, from the first week a penalty window can reach
  // back to, up to `to`, from the partial index of those marks, in order, without a sort.
  const slashes = slashCounts(db, period.from, period.to);
  const toSince = since >= period.to ? slashes : slashCounts(db, period.from, since);
  for (const [pupilId, n] of slashes) {
    const x = byId.get(pupilId);
    if (x) {
      x.presentSlashes = n;
      x.slashesToSince = toSince.get(pupilId) ?? 0;
    }
  }
  const markRows = db
    .prepare(OTHER_MARKS_SQL)
    .raw()
    .iterate(ctx.earliestMarkDate, period.to) as IterableIterator<
    [number, string, Session, string, number | null]
  >;
  let currentId = -1;
  let current: StatsMark[] | undefined;
  for (const [pupilId, date, session, code, minutesLate] of markRows) {
    if (pupilId !== currentId) {
      currentId = pupilId;
      current = byId.get(pupilId)?.marks;
    }
    current?.push({ date, session, code, minutesLate });
  }
  return { ctx, byId };
}
