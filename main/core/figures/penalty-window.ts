// The penalty tracker's worst window, in dates (docs/rules/statistics.md §6): where the 10 consecutive school
// weeks with the most G N O U sessions lie, the date the threshold was met (also when that was before the
// period, in an earlier school year: a window spans half-terms, terms and school years), and a plain answer to
// "can a notice still be considered?" under the LA's code of conduct (docs/rules/support.md).
import { REGS_2024_START } from '../../../shared/codes';
import { academicYearOf, addDays, mondayOf, type IsoDate } from '../../../shared/dates';
import type { Calendar } from '../../../shared/calendar';
import { PENALTY_THRESHOLD_SESSIONS, PENALTY_WINDOW_WEEKS } from '../../../shared/statistics/penalty-windows';

/** The codes a penalty notice can rely on (G N O U). */
export const PN = new Set(['G', 'N', 'O', 'U']);

export interface WorstWindow {
  /** First and last school day of the 10 school weeks. */
  from: IsoDate;
  to: IsoDate;
  sessions: number;
  /** The mark at which a window ending with its week first held 10 sessions (null below the threshold). */
  metOn: IsoDate | null;
  /** The school year the window's sessions fall in, "2024/25" (the later one when they span two). */
  schoolYear: string;
  /** Every session of the window falls before the school year of the period's end. */
  earlierYear: boolean;
}

const yearLabel = (y: number) => `${y}/${String(y + 1).slice(2)}`;

/** The school weeks a window can use, worked out once for every pupil of a list. */
export interface WindowWeeks {
  /** The Mondays of the school weeks from `lookStart` to the period's end. */
  weeks: IsoDate[];
  index: Map<IsoDate, number>;
  /** The first of them that ends on or after the period's start (a window may end there). */
  firstEnd: number;
  /** The school days of each of those weeks. */
  days: IsoDate[][];
}

export function windowWeeks(
  cal: Calendar,
  period: { from: IsoDate; to: IsoDate },
  lookStart: IsoDate,
): WindowWeeks {
  const weeks = cal.schoolWeeks(lookStart, period.to);
  const firstEnd = weeks.findIndex((m) => addDays(m, 6) >= period.from);
  return {
    weeks,
    index: new Map(weeks.map((m, i) => [m, i])),
    firstEnd: firstEnd < 0 ? weeks.length : firstEnd,
    days: weeks.map((m) => cal.schoolDays(m, addDays(m, 6))),
  };
}

/** The earliest window, among those whose last week is a school week of [from, to], with the most sessions. */
export function worstWindow(
  cal: Calendar,
  marks: readonly { date: IsoDate; session: 'AM' | 'PM'; code: string }[],
  period: { from: IsoDate; to: IsoDate },
  lookStart: IsoDate,
  ww: WindowWeeks = windowWeeks(cal, period, lookStart),
): WorstWindow | null {
  const { weeks, index } = ww;
  const pn = marks
    .filter((m) => PN.has(m.code) && m.date >= REGS_2024_START && m.date <= period.to)
    .filter((m) => index.has(mondayOf(m.date)))
    .sort((a, b) => (a.date === b.date ? (a.session < b.session ? -1 : 1) : a.date < b.date ? -1 : 1));
  if (pn.length === 0) {
    return null;
  }
  const wk = pn.map((m) => index.get(mondayOf(m.date))!);
  const startOf = (k: number) => Math.max(0, k - (PENALTY_WINDOW_WEEKS - 1));
  // upTo[k]: the sessions in weeks 0 … k-1, so a window's count is one subtraction.
  const upTo = new Array<number>(weeks.length + 1).fill(0);
  for (const w of wk) {
    upTo[w + 1]++;
  }
  for (let k = 0; k < weeks.length; k++) {
    upTo[k + 1] += upTo[k];
  }
  let best = -1;
  let bestCount = 0;
  for (let k = ww.firstEnd; k < weeks.length; k++) {
    const count = upTo[k + 1] - upTo[startOf(k)];
    if (count > bestCount) {
      best = k;
      bestCount = count;
    }
  }
  if (best < 0) {
    return null;
  }
  let metOn: IsoDate | null = null;
  for (let i = 0, lo = 0; i < pn.length && metOn === null; i++) {
    while (wk[lo] < startOf(wk[i])) {
      lo++;
    }
    if (i - lo + 1 >= PENALTY_THRESHOLD_SESSIONS) {
      metOn = pn[i].date;
    }
  }
  const inside = pn.filter((_, i) => wk[i] >= startOf(best) && wk[i] <= best);
  const firstDay = ww.days[startOf(best)][0];
  const lastDays = ww.days[best].filter((d) => d <= period.to);
  const lastYear = academicYearOf(inside[inside.length - 1].date);
  return {
    from: firstDay,
    to: lastDays[lastDays.length - 1] ?? weeks[best],
    sessions: bestCount,
    metOn,
    schoolYear: yearLabel(lastYear),
    earlierYear: lastYear < academicYearOf(period.to),
  };
}

export interface NoticeFacts {
  window: WorstWindow;
  /** Sessions of the window that no penalty notice relies on yet. */
  uncitedInWindow: number;
  penaltyNoticesIn3Years: number;
  maxNotices: number;
  /** The school's name for the LA's code (letters settings), or null. */
  codeName: string | null;
}

/** Whether a penalty notice can still be considered for this window, in one plain sentence. */
export function canStillConsider(f: NoticeFacts): { yes: boolean; reason: string } | null {
  if (f.window.sessions < PENALTY_THRESHOLD_SESSIONS) {
    return null;
  }
  const code = f.codeName ?? "the local authority's code of conduct";
  if (f.penaltyNoticesIn3Years >= f.maxNotices) {
    return {
      yes: false,
      reason:
        `No: ${f.penaltyNoticesIn3Years} penalty notices were already issued for this pupil within 3 years; ` +
        `at a further breach ${code} uses another route (for example prosecution or an education supervision order).`,
    };
  }
  if (f.uncitedInWindow < PENALTY_THRESHOLD_SESSIONS) {
    return {
      yes: false,
      reason:
        'No: a penalty notice already relies on the sessions of this window ' +
        `(only ${f.uncitedInWindow} are on no notice), and the same sessions never support a second notice.`,
    };
  }
  const when = f.window.earlierYear
    ? ` The window lies in ${f.window.schoolYear}, an earlier school year: windows run across school years, so it still counts.`
    : '';
  return {
    yes: true,
    reason: `Yes: a notice can still be considered under ${code}.${when}`,
  };
}
