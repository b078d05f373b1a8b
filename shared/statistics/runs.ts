// The longest run of consecutive school sessions marked with given codes (docs/rules/statistics.md §7), with its
// first and last session, for the figures' lists and deletion ground 9(1)(i).
import type { IsoDate, Session } from '../dates';
import { markCategory } from './code-eras';
import { sessionIndex, sorted, type StatsMark } from './marks';
import type { PeriodContext } from './periods';

export interface RunOf {
  sessions: number;
  from: IsoDate;
  fromSession: Session;
  to: IsoDate;
  toSession: Session;
  ongoing: boolean;
}

/**
 * §7: the longest run of consecutive school sessions in [from, to] each marked with one of `codes` (any other
 * mark, or no mark, on a school session ends it; non-school days are skipped), with its first and last session;
 With `G N O U` its length is
 * longestUnauthorisedRunSessions; with `G N O` it is the run behind deletion ground 9(1)(i). The earliest longest
 * run wins a tie. `ongoing`: the run reaches the period's last school day (whose afternoon may not be marked yet).
 * Null when no mark in the period has one of the codes.
 */
export function longestRunOf(
  ctx: PeriodContext,
  marks: readonly StatsMark[],
  codes: ReadonlySet<string>,
): RunOf | null {
  let best: RunOf | null = null;
  let run = 0,
    lastSession = -2,
    start: StatsMark | null = null;
  for (const m of sorted(marks)) {
    if (m.date < ctx.from) {
      continue;
    }
    if (m.date > ctx.to) {
      break;
    }
    if (!codes.has(m.code) || markCategory(m.code, m.date) === null) {
      continue;
    }
    const di = ctx.dayIndex.get(m.date);
    if (di === undefined) {
      continue;
    }
    const s = sessionIndex(di, m.session);
    if (s === lastSession + 1) {
      run++;
    } else {
      run = 1;
      start = m;
    }
    lastSession = s;
    if (best === null || run > best.sessions) {
      best = {
        sessions: run,
        from: start!.date,
        fromSession: start!.session,
        to: m.date,
        toSession: m.session,
        ongoing: di === ctx.schoolDays.length - 1,
      };
    }
  }
  return best;
}
