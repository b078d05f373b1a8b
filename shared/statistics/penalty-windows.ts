// The penalty threshold (docs/rules/statistics.md §6): sessions of unauthorised absence in windows of consecutive
// school weeks, the largest window of the period and the first mark that meets the threshold.
import type { IsoDate } from '../dates';
import type { PeriodContext } from './periods';

/** Number of consecutive school weeks in a penalty window (§6). */
export const PENALTY_WINDOW_WEEKS = 10;
/** Sessions of unauthorised absence within a window that meet the threshold (§6). */
export const PENALTY_THRESHOLD_SESSIONS = 10;

/** A window ending with school week k covers positions [2 × max(1, k - 9), 2k]. */
function windowStart(k: number): number {
  return 2 * Math.max(1, k - (PENALTY_WINDOW_WEEKS - 1));
}

export function penaltyFigures(
  ctx: PeriodContext,
  pos: readonly number[],
  dates: readonly IsoDate[],
): { maxWindow: number; firstMet: IsoDate | null } {
  if (pos.length === 0) {
    return { maxWindow: 0, firstMet: null };
  }
  // the largest window whose last week holds a school session in [from, to]; both window ends rise with k
  let maxWindow = 0,
    lo = 0,
    hi = 0;
  for (const k of ctx.lastWeeks) {
    const s = windowStart(k),
      e = 2 * k;
    while (lo < pos.length && pos[lo] < s) {
      lo++;
    }
    while (hi < pos.length && pos[hi] <= e) {
      hi++;
    }
    if (hi - lo > maxWindow) {
      maxWindow = hi - lo;
    }
  }
  // the first mark m in [from, to] whose window (ending with m's week) holds >= 10 marks ordered at or before m
  let firstMet: IsoDate | null = null;
  lo = 0;
  for (let i = 0; i < pos.length; i++) {
    if (dates[i] < ctx.from) {
      continue;
    }
    const s = windowStart(Math.ceil(pos[i] / 2));
    while (lo < i && pos[lo] < s) {
      lo++;
    }
    if (i - lo + 1 >= PENALTY_THRESHOLD_SESSIONS) {
      firstMet = dates[i];
      break;
    }
  }
  return { maxWindow, firstMet };
}
