// What the penalty tracker (penalty-tracker.ts) and the notices register (penalty.service.ts) share
// (docs/rules/statistics.md §6): the limit of 2 penalty notices to the same parent for the same child within 3
// years and the dates 3 years either side of a day, and where the last 10 school weeks up to a day start.
import { REGS_2024_START } from '../../../shared/codes';
import { addDays, mondayOf, type IsoDate } from '../../../shared/dates';
import { PENALTY_WINDOW_WEEKS } from '../../../shared/statistics/penalty-windows';
import type { Calendar } from '../../../shared/calendar';

export const MAX_NOTICES_IN_3_YEARS = 2;

/** The Monday of the first of the 10 school weeks ending with the week of `to` (fewer near the calendar's start). */
export function lastWindowStart(cal: Calendar, to: IsoDate): IsoDate {
  let start = mondayOf(to),
    found = cal.isSchoolWeek(start) ? 1 : 0;
  for (
    let m = addDays(start, -7);
    found < PENALTY_WINDOW_WEEKS && m >= mondayOf(REGS_2024_START);
    m = addDays(m, -7)
  ) {
    if (cal.isSchoolWeek(m)) {
      found++;
      start = m;
    }
  }
  return start;
}

export function threeYearsBefore(d: IsoDate): IsoDate {
  const [y, m, day] = d.split('-');
  return `${Number(y) - 3}-${m}-${m === '02' && day === '29' ? '28' : day}`;
}
export function threeYearsAfter(d: IsoDate): IsoDate {
  const [y, m, day] = d.split('-');
  return `${Number(y) + 3}-${m}-${m === '02' && day === '29' ? '28' : day}`;
}
