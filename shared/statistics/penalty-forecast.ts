// The penalty forecast of a leave decision (docs/rules/statistics.md §6): the penalty figures if the leave is
// refused and taken anyway.
import type { IsoDate, Session } from '../dates';
import { computePupilStats } from '../statistics';
import type { StatsMark } from './marks';
import { PENALTY_THRESHOLD_SESSIONS } from './penalty-windows';
import type { PeriodContext } from './periods';

export interface PenaltyForecast {
  /** penaltySessionsMaxWindow over the period with the marks as they are. */
  now: number;
  /** The same figure if every session in `sessions` were marked `code` (replacing any mark held for it). */
  ifTaken: number;
  /** penaltyThresholdFirstMet with the hypothetical marks. */
  thresholdFirstMet: IsoDate | null;
  reachesThreshold: boolean;
}

/**
 * §6 "if this leave is refused and taken anyway": the figures of computePupilStats, unchanged, over `ctx`'s period
 * (normally the leave's own dates, so the windows are those whose last week holds a leave session) with the given
 * sessions marked `code` (G by default) instead of whatever they hold now.
 */
export function penaltyForecast(
  ctx: PeriodContext,
  marks: readonly StatsMark[],
  sessions: readonly { date: IsoDate; session: Session }[],
  code = 'G',
): PenaltyForecast {
  const key = (m: { date: IsoDate; session: Session }) => `${m.date}|${m.session}`;
  const taken = new Set(sessions.map(key));
  const hypothetical: StatsMark[] = [
    ...marks.filter((m) => !taken.has(key(m))),
    ...[...taken].map((k) => {
      const [date, session] = k.split('|');
      return { date, session: session as Session, code, minutesLate: null };
    }),
  ];
  const before = computePupilStats(ctx, { upn: '' }, marks);
  const after = computePupilStats(ctx, { upn: '' }, hypothetical);
  return {
    now: before.penaltySessionsMaxWindow,
    ifTaken: after.penaltySessionsMaxWindow,
    thresholdFirstMet: after.penaltyThresholdFirstMet,
    reachesThreshold: after.penaltySessionsMaxWindow >= PENALTY_THRESHOLD_SESSIONS,
  };
}
