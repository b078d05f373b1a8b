// The statistics helpers the figures lists use: longest runs with their dates (the same run as
// longestUnauthorisedRunSessions; G N O for deletion ground 9(1)(i)), code tallies for SQL aggregates (the same
// counts as computePupilStats), and the week-level category rule those aggregates rely on.
import { describe, expect, it } from 'vitest';
import { Calendar, type CalendarRange } from '../../shared/calendar';
import { CODE_ROWS } from '../../shared/codes';
import { addDays, weekday, type IsoDate, type Session } from '../../shared/dates';
import { computePupilStats } from '../../shared/statistics';
import { markCategory } from '../../shared/statistics/code-eras';
import type { StatsMark } from '../../shared/statistics/marks';
import { buildPeriodContext } from '../../shared/statistics/periods';
import { longestRunOf } from '../../shared/statistics/runs';
import { addToTally, emptyTally } from '../../shared/statistics/tallies';

const term = (dateFrom: IsoDate, dateTo: IsoDate): CalendarRange => ({
  dateFrom,
  dateTo,
  kind: 'term',
  label: null,
});
const CAL = new Calendar({
  ranges: [
    term('2025-09-03', '2025-10-24'),
    term('2025-11-03', '2025-12-19'),
    { dateFrom: '2025-11-28', dateTo: '2025-11-28', kind: 'closure', label: null },
  ],
});
const mk = (date: IsoDate, session: Session, code: string, minutesLate: number | null = null): StatsMark => ({
  date,
  session,
  code,
  minutesLate,
});
const GNOU = new Set(['G', 'N', 'O', 'U']);
const GNO = new Set(['G', 'N', 'O']);
const ctxOf = (from: IsoDate, to: IsoDate) => buildPeriodContext(CAL, { from, to });

function days(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (CAL.isSchoolDay(d)) {
      out.push(d);
    }
  }
  return out;
}

describe('longestRunOf (statistics.md §7)', () => {
  it('crosses the half-term holiday and a closure day, giving the first and last session; U ends a G N O run', () => {
    // 20 Oct – 7 Nov: school days around the half-term; O all through, one U on 5 Nov AM
    const marks = days('2025-10-20', '2025-11-07').flatMap((d) => [
      mk(d, 'AM', d === '2025-11-05' ? 'U' : 'O'),
      mk(d, 'PM', 'O'),
    ]);
    const ctx = ctxOf('2025-09-03', '2025-12-19');
    const all = longestRunOf(ctx, marks, GNOU)!;
    expect(all).toMatchObject({
      sessions: 20,
      from: '2025-10-20',
      fromSession: 'AM',
      to: '2025-11-07',
      toSession: 'PM',
      ongoing: false,
    });
    expect(all.sessions).toBe(computePupilStats(ctx, { upn: 'X' }, marks).longestUnauthorisedRunSessions);
    const gno = longestRunOf(ctx, marks, GNO)!;
    expect(gno).toMatchObject({ sessions: 14, from: '2025-10-20', to: '2025-11-04', toSession: 'PM' });
    // across the closure on 28 Nov: the closed day is skipped, not a break
    const c = days('2025-11-26', '2025-12-02').flatMap((d) => [mk(d, 'AM', 'G'), mk(d, 'PM', 'G')]);
    expect(longestRunOf(ctx, c, GNO)!.sessions).toBe(8);
  });

  it(`an unmarked school session ends a run; the run is ongoing when it reaches the last school day \
of the period, even with its afternoon unmarked`, () => {
    const ctx = ctxOf('2025-12-08', '2025-12-12');
    const marks = [
      mk('2025-12-08', 'AM', 'N'),
      mk('2025-12-08', 'PM', 'N'),
      mk('2025-12-09', 'PM', 'N'),
      mk('2025-12-10', 'AM', 'N'),
      mk('2025-12-10', 'PM', 'N'),
      mk('2025-12-11', 'AM', 'N'),
      mk('2025-12-11', 'PM', 'N'),
      mk('2025-12-12', 'AM', 'N'),
    ];
    expect(longestRunOf(ctx, marks, GNOU)).toMatchObject({
      sessions: 6,
      from: '2025-12-09',
      fromSession: 'PM',
      to: '2025-12-12',
      toSession: 'AM',
      ongoing: true,
    });
    expect(longestRunOf(ctx, [mk('2025-12-08', 'AM', '/')], GNOU)).toBeNull();
    expect(longestRunOf(ctxOf('2025-12-09', '2025-12-10'), marks, GNOU)).toMatchObject({
      sessions: 3,
      from: '2025-12-09',
    }); // only [from, to]
  });

  it('on random mark sequences its length is always longestUnauthorisedRunSessions', () => {
    let seed = 5;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const codes = ['/', 'G', 'N', 'O', 'U', 'I', 'M', 'X'];
    const ctx = ctxOf('2025-09-03', '2025-12-19');
    for (let k = 0; k < 200; k++) {
      const marks = days('2025-09-03', '2025-12-19').flatMap((d) =>
        (['AM', 'PM'] as const)
          .filter(() => rand() > 0.05)
          .map((s) => mk(d, s, codes[Math.floor(rand() * (k % 2 ? 3 : codes.length))])),
      );
      expect(longestRunOf(ctx, marks, GNOU)?.sessions ?? 0).toBe(
        computePupilStats(ctx, { upn: 'X' }, marks).longestUnauthorisedRunSessions,
      );
    }
  });
});

describe('addToTally', () => {
  it('counts exactly as computePupilStats from the same marks grouped by code', () => {
    const ctx = ctxOf('2025-09-03', '2025-12-19');
    const codes = ['/', '\\', 'L', 'U', 'I', 'M', 'G', 'N', 'K', 'V', 'D', 'X', 'Y1', 'C2', 'H', 'J'];
    const marks = days('2025-09-03', '2025-12-19').flatMap((d, i) => [
      mk(d, 'AM', codes[i % codes.length], i % 3 ? 5 : null),
      mk(d, 'PM', codes[(i * 7) % codes.length], 2),
    ]);
    const s = computePupilStats(ctx, { upn: 'X' }, marks);
    const t = emptyTally();
    for (const m of marks) {
      addToTally(t, m.code, m.date, 1, m.minutesLate);
    }
    expect(t).toEqual({
      possible: s.possible,
      present: s.present,
      attended: s.attended,
      authorised: s.authorised,
      unauthorised: s.unauthorised,
      lateBeforeClose: s.lateBeforeClose,
      lateAfterClose: s.lateAfterClose,
      minutesLate: s.minutesLate,
      illnessSessions: s.illnessSessions,
    });
  });

  it('every era boundary of the code table falls between a Sunday and a Monday, so a week has one category per code', () => {
    for (const r of CODE_ROWS) {
      if (r.validFrom) {
        expect(weekday(r.validFrom), `${r.code} from ${r.validFrom}`).toBe(1);
      }
      if (r.validTo) {
        expect(weekday(r.validTo), `${r.code} to ${r.validTo}`).toBe(0);
      }
    }
    for (const code of new Set(CODE_ROWS.map((r) => r.code))) {
      for (const monday of ['2024-08-12', '2024-08-19', '2025-09-01']) {
        for (let i = 1; i < 7; i++) {
          expect(markCategory(code, addDays(monday, i))).toBe(markCategory(code, monday));
        }
      }
    }
  });
});
