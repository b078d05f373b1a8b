// The period of a report as the figures need it (docs/rules/statistics.md §1, §6–7): its school days, each session's
// index, the school-week positions of the penalty windows and the cohort's age date, computed once per period.
import type { Calendar } from '../calendar';
import { REGS_2024_START } from '../codes';
import { academicYearOf, addDays, isIsoDate, mondayOf, type IsoDate } from '../dates';
import { PENALTY_WINDOW_WEEKS } from './penalty-windows';
import { DEFAULT_AT_RISK_LOWER_PCT } from './rates';

export interface Period {
  from: IsoDate;
  to: IsoDate;
  asOf?: IsoDate;
}

export interface PeriodContext {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly asOf: IsoDate;
  readonly atRiskLowerPct: number;
  /** The school days in [from, to], in order. */
  readonly schoolDays: readonly IsoDate[];
  /** School day in [from, to] -> its index in schoolDays (a session's index is 2 × day + 0 for AM, 1 for PM). */
  readonly dayIndex: ReadonlyMap<IsoDate, number>;
  /** School day in [from, to] -> number of school days x with d < x <= asOf. */
  readonly schoolDaysToAsOf: ReadonlyMap<IsoDate, number>;
  /** Number of school days in (to, asOf]. */
  readonly schoolDaysAfterTo: number;
  /** The earliest date a mark can matter on (penalty windows reach back before `from`); earlier marks are ignored. */
  readonly earliestMarkDate: IsoDate;
  /** Date in [earliestMarkDate, Sunday of to's week] -> week position: 2k for the k-th school week (k >= 1),
   * 2k + 1 for a date in a week without school sessions that follows the k-th school week. */
  readonly weekPosition: ReadonlyMap<IsoDate, number>;
  /** The school-week numbers k that contain a school session in [from, to], ascending (the last weeks of §6). */
  readonly lastWeeks: readonly number[];
  /** 31 August before the start of the academic year holding `from` (the DfE cohort's age date, §5). */
  readonly cohortAgeDate: IsoDate;
}

export interface PeriodOptions {
  atRiskLowerPct?: number;
}

/** Precomputes everything about the calendar and period that does not depend on the pupil. */
export function buildPeriodContext(
  calendar: Calendar,
  period: Period,
  opts: PeriodOptions = {},
): PeriodContext {
  const { from, to } = period;
  const asOf = period.asOf ?? to;
  checkPeriod(from, to, asOf);
  const { schoolDays, dayIndex } = schoolDaysOf(calendar, from, to);
  // School days after each school day of the period up to asOf: those in (to, asOf] and those in (d, to].
  const afterTo = schoolDaysOf(calendar, addDays(to, 1), asOf).schoolDays.length;
  const schoolDaysToAsOf = new Map<IsoDate, number>();
  schoolDays.forEach((d, i) => schoolDaysToAsOf.set(d, afterTo + schoolDays.length - 1 - i));
  const start = penaltyWindowStart(calendar, from);
  const { weekPosition, lastWeeks } = weekPositions(calendar, start, from, to);
  return {
    from,
    to,
    asOf,
    atRiskLowerPct: opts.atRiskLowerPct ?? DEFAULT_AT_RISK_LOWER_PCT,
    schoolDays,
    dayIndex,
    schoolDaysToAsOf,
    schoolDaysAfterTo: afterTo,
    earliestMarkDate: start,
    weekPosition,
    lastWeeks,
    cohortAgeDate: `${academicYearOf(from)}-08-31`,
  };
}

/** Refuses a period that is not three dates, that ends before it starts, or whose as-of date is before its end. */
function checkPeriod(from: IsoDate, to: IsoDate, asOf: IsoDate): void {
  for (const d of [from, to, asOf]) {
    if (!isIsoDate(d)) {
      throw new RangeError(`${d} is not a date (YYYY-MM-DD)`);
    }
  }
  if (from > to) {
    throw new RangeError(`the period ends (${to}) before it starts (${from})`);
  }
  if (asOf < to) {
    throw new RangeError(`as-of ${asOf} is earlier than the end of the period ${to}`);
  }
}

/** The school days in [from, to] in order, and each one's index. */
function schoolDaysOf(calendar: Calendar, from: IsoDate, to: IsoDate) {
  const schoolDays: IsoDate[] = [];
  const dayIndex = new Map<IsoDate, number>();
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (calendar.isSchoolDay(d)) {
      dayIndex.set(d, schoolDays.length);
      schoolDays.push(d);
    }
  }
  return { schoolDays, dayIndex };
}

/** The Monday a penalty window ending in the first week of the period reaches back to: 9 more school weeks.
 * Marks before 19 August 2024 never count, so the search stops there (and near the calendar's start, fewer weeks
 * exist). */
function penaltyWindowStart(calendar: Calendar, from: IsoDate): IsoDate {
  const regsMonday = mondayOf(REGS_2024_START);
  let start = mondayOf(from);
  let found = 0;
  for (let m = addDays(start, -7); found < PENALTY_WINDOW_WEEKS - 1 && m >= regsMonday; m = addDays(m, -7)) {
    if (calendar.isSchoolWeek(m)) {
      found++;
      start = m;
    }
  }
  return start;
}

/** Each date's week position from `start` to the Sunday of the week of `to` (2k in the k-th school week, 2k + 1
 * in a week without school that follows it), and the school weeks with a session in [from, to]. */
function weekPositions(calendar: Calendar, start: IsoDate, from: IsoDate, to: IsoDate) {
  const weekPosition = new Map<IsoDate, number>();
  const lastWeeks: number[] = [];
  const lastMonday = mondayOf(to);
  let k = 0;
  for (let m = start; m <= lastMonday; m = addDays(m, 7)) {
    const days = schoolDaysOf(calendar, m, addDays(m, 4)).schoolDays;
    if (days.length) {
      k++;
    }
    if (days.some((d) => d >= from && d <= to)) {
      lastWeeks.push(k);
    }
    const p = days.length ? 2 * k : 2 * k + 1;
    for (let i = 0; i < 7; i++) {
      weekPosition.set(addDays(m, i), p);
    }
  }
  return { weekPosition, lastWeeks };
}

/** First index i with days[i] > d (days ascending). */
export function firstAfter(days: readonly IsoDate[], d: IsoDate): number {
  let a = 0,
    b = days.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (days[mid] <= d) {
      a = mid + 1;
    } else {
      b = mid;
    }
  }
  return a;
}

/** §7: the number of school days x with d < x <= asOf, for a date d in [from, to]. */
export function schoolDaysAfterInPeriod(ctx: PeriodContext, d: IsoDate): number {
  return (
    ctx.schoolDaysToAsOf.get(d) ??
    ctx.schoolDays.length - firstAfter(ctx.schoolDays, d) + ctx.schoolDaysAfterTo
  );
}
