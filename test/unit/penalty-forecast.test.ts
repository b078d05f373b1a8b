// penaltyForecast (docs/rules/statistics.md §6): the leave decision's "if refused and taken anyway" figure,
// computed by the same computePupilStats as every other figure, with the requested sessions as hypothetical G
// marks.
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../shared/calendar';
import { addDays, type IsoDate, type Session } from '../../shared/dates';
import { computePupilStats } from '../../shared/statistics';
import type { StatsMark } from '../../shared/statistics/marks';
import { penaltyForecast } from '../../shared/statistics/penalty-forecast';
import { buildPeriodContext } from '../../shared/statistics/periods';

const CAL = new Calendar({
  ranges: [
    { dateFrom: '2025-09-03', dateTo: '2025-10-24', kind: 'term', label: null },
    { dateFrom: '2025-11-03', dateTo: '2025-12-19', kind: 'term', label: null },
  ],
});
const mk = (date: IsoDate, session: Session, code: string): StatsMark => ({
  date,
  session,
  code,
  minutesLate: null,
});
const sessionsOf = (from: IsoDate, to: IsoDate) =>
  CAL.schoolDays(from, to).flatMap((date) => (['AM', 'PM'] as const).map((session) => ({ date, session })));

describe('penaltyForecast', () => {
  it('adds the requested sessions as G and reports the worst window whose last week holds a leave session', () => {
    // 4 unauthorised sessions in October, a 3-day request in November (6 sessions): 4 now, 10 if taken
    const marks = [
      mk('2025-10-06', 'AM', 'O'),
      mk('2025-10-06', 'PM', 'O'),
      mk('2025-10-13', 'AM', 'N'),
      mk('2025-10-20', 'AM', 'U'),
    ];
    const ctx = buildPeriodContext(CAL, { from: '2025-11-10', to: '2025-11-12' });
    const f = penaltyForecast(ctx, marks, sessionsOf('2025-11-10', '2025-11-12'));
    expect(f).toEqual({ now: 4, ifTaken: 10, thresholdFirstMet: '2025-11-12', reachesThreshold: true });
    // one session fewer stays below the threshold
    const g = penaltyForecast(ctx, marks, sessionsOf('2025-11-10', '2025-11-12').slice(1));
    expect(g).toMatchObject({ ifTaken: 9, reachesThreshold: false, thresholdFirstMet: null });
  });

  it('replaces a mark already held for a requested session instead of counting it twice', () => {
    const marks = [mk('2025-11-10', 'AM', 'N'), mk('2025-11-10', 'PM', 'I')];
    const ctx = buildPeriodContext(CAL, { from: '2025-11-10', to: '2025-11-10' });
    expect(penaltyForecast(ctx, marks, sessionsOf('2025-11-10', '2025-11-10'))).toMatchObject({
      now: 1,
      ifTaken: 2,
    });
  });

  it('agrees with computePupilStats on the same marks written out', () => {
    const base = [mk('2025-09-08', 'AM', 'G'), mk('2025-10-01', 'PM', 'O')];
    const leave = sessionsOf('2025-11-03', '2025-11-07');
    const ctx = buildPeriodContext(CAL, { from: '2025-11-03', to: '2025-11-07' });
    const direct = computePupilStats(ctx, { upn: 'x' }, [
      ...base,
      ...leave.map((s) => mk(s.date, s.session, 'G')),
    ]);
    expect(penaltyForecast(ctx, base, leave).ifTaken).toBe(direct.penaltySessionsMaxWindow);
    // 8 Sep is school week 2 and 3 Nov week 9 (half term skipped): inside the 10-week window ending with the leave
    expect(direct.penaltySessionsMaxWindow).toBe(12);
    const later = sessionsOf('2025-11-24', '2025-11-24');
    const ctx2 = buildPeriodContext(CAL, { from: '2025-11-24', to: addDays('2025-11-24', 0) });
    expect(penaltyForecast(ctx2, base, later).ifTaken).toBe(3); // 24 Nov is week 12: its window starts at week 3, so 8 Sep has fallen out
  });
});
