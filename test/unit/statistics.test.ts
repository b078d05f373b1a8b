// docs/rules/statistics.md §3–7 and §5, edge by edge: every figure the app reports comes from
// shared/statistics.
import { describe, expect, it } from 'vitest';
import { Calendar, type CalendarRange } from '../../shared/calendar';
import { addDays, type IsoDate, type Session } from '../../shared/dates';
import { buildPupilsReport, computePupilStats } from '../../shared/statistics';
import { DATED_CODES, markCategory, splitAtEras } from '../../shared/statistics/code-eras';
import type { StatsMark } from '../../shared/statistics/marks';
import { buildPeriodContext } from '../../shared/statistics/periods';
import { inDfeCohort, isListed, type PupilStats, type StatsPupil } from '../../shared/statistics/pupils';
import { aggregateRates, bandOf } from '../../shared/statistics/rates';
import { addToTally, emptyTally } from '../../shared/statistics/tallies';

const term = (dateFrom: IsoDate, dateTo: IsoDate): CalendarRange => ({
  dateFrom,
  dateTo,
  kind: 'term',
  label: null,
});
const closure = (dateFrom: IsoDate, dateTo: IsoDate): CalendarRange => ({
  dateFrom,
  dateTo,
  kind: 'closure',
  label: null,
});

// 2023/24 summer term (old codes), 2024/25 and 2025/26 autumn terms with half-terms, an INSET closure.
const CAL = new Calendar({
  ranges: [
    term('2024-06-03', '2024-07-19'),
    term('2024-09-02', '2024-10-25'),
    term('2024-11-04', '2024-12-20'),
    term('2025-01-06', '2025-02-14'),
    term('2025-02-24', '2025-04-04'),
    term('2025-04-22', '2025-05-23'),
    term('2025-06-02', '2025-07-22'),
    term('2025-09-03', '2025-10-24'),
    term('2025-11-03', '2025-12-19'),
    closure('2025-11-28', '2025-11-28'),
  ],
});

const PUPIL: StatsPupil = {
  upn: 'A000',
  dob: '2016-05-01',
  boarder: false,
  admissionDate: '2020-09-01',
  leavingDate: null,
};
const mk = (date: IsoDate, session: Session, code: string, minutesLate: number | null = null): StatsMark => ({
  date,
  session,
  code,
  minutesLate,
});
/** Both sessions of every school day in [from, to] with `code` (or codeFor(date, session)). */
function fill(
  from: IsoDate,
  to: IsoDate,
  code: string | ((d: IsoDate, s: Session) => string),
  cal = CAL,
): StatsMark[] {
  const out: StatsMark[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (!cal.isSchoolDay(d)) {
      continue;
    }
    for (const s of ['AM', 'PM'] as const) {
      out.push(mk(d, s, typeof code === 'string' ? (code === '/' && s === 'PM' ? '\\' : code) : code(d, s)));
    }
  }
  return out;
}
function stats(
  from: IsoDate,
  to: IsoDate,
  marks: StatsMark[],
  opts: { asOf?: IsoDate; cal?: Calendar; atRisk?: number } = {},
): PupilStats {
  return computePupilStats(
    buildPeriodContext(opts.cal ?? CAL, { from, to, asOf: opts.asOf }, { atRiskLowerPct: opts.atRisk }),
    PUPIL,
    marks,
  );
}
// The school year 2024/25 of CAL: 2 Sep 2024 to 22 Jul 2025.
const Y_FROM = '2024-09-02',
  Y_TO = '2025-07-22';
/** `possible` sessions of 2024/25, the first `absent` of them O, the rest present. */
function withAbsence(possible: number, absent: number): StatsMark[] {
  let i = 0;
  const marks = fill(Y_FROM, Y_TO, (_d, s) => (i++ < absent ? 'O' : s === 'AM' ? '/' : '\\')).slice(
    0,
    possible,
  );
  if (marks.length !== possible) {
    throw new Error(`the year has only ${marks.length} sessions`);
  }
  return marks;
}

describe('per-pupil counts (§3)', () => {
  it('counts possible, present, attended, authorised, unauthorised, lates with minutes and illness; only marks in [from, to]', () => {
    const marks = [
      mk('2025-09-05', 'PM', 'O'), // before the period: not counted
      mk('2025-09-08', 'AM', '/'),
      mk('2025-09-08', 'PM', '\\'),
      mk('2025-09-09', 'AM', 'L', 12),
      mk('2025-09-09', 'PM', 'V'),
      mk('2025-09-10', 'AM', 'I'),
      mk('2025-09-10', 'PM', 'I'),
      mk('2025-09-11', 'AM', 'U', 40),
      mk('2025-09-11', 'PM', 'G'),
      mk('2025-09-12', 'AM', 'X'),
      mk('2025-09-12', 'PM', 'M'),
      mk('2025-09-15', 'AM', 'O'), // after the period: not counted
    ];
    const s = stats('2025-09-08', '2025-09-12', marks);
    expect(s).toMatchObject({
      possible: 9,
      present: 3,
      attended: 4,
      authorised: 3,
      unauthorised: 2,
      lateBeforeClose: 1,
      lateAfterClose: 1,
      minutesLate: 52,
      illnessSessions: 2,
    });
    expect(s.attendancePct).toBeCloseTo(400 / 9, 12);
    expect(s.absencePct).toBeCloseTo(500 / 9, 12);
  });

  it('not-possible codes (D, X, Y1, Q, Z, #) are not possible sessions; no marks means null rates and no band', () => {
    const s = stats('2025-09-08', '2025-09-12', [
      mk('2025-09-08', 'AM', 'D'),
      mk('2025-09-08', 'PM', 'X'),
      mk('2025-09-09', 'AM', 'Y1'),
      mk('2025-09-09', 'PM', 'Q'),
      mk('2025-09-10', 'AM', 'Z'),
      mk('2025-09-10', 'PM', '#'),
    ]);
    expect(s).toMatchObject({
      possible: 0,
      attended: 0,
      authorised: 0,
      unauthorised: 0,
      attendancePct: null,
      absencePct: null,
      band: null,
    });
  });

  it(`a code counts in the category of the code row valid on its date: \
before 19 Aug 2024 J is attended, H and F authorised, B attended, Y not possible`, () => {
    const s = stats('2024-07-08', '2024-07-12', [
      mk('2024-07-08', 'AM', 'J'),
      mk('2024-07-08', 'PM', 'H'),
      mk('2024-07-09', 'AM', 'F'),
      mk('2024-07-09', 'PM', 'B'),
      mk('2024-07-10', 'AM', 'Y'),
      mk('2024-07-10', 'PM', 'C'),
    ]);
    expect(s).toMatchObject({ possible: 5, present: 0, attended: 2, authorised: 3, unauthorised: 0 });
  });

  it('a code not valid on its date counts for nothing: H, J and Y after 19 Aug 2024; K, J1, C2 and Y1 before', () => {
    expect(markCategory('J', '2024-08-18')).toBe('aea');
    expect(markCategory('J', '2024-08-19')).toBeNull();
    expect(markCategory('J1', '2024-08-18')).toBeNull();
    expect(markCategory('J1', '2024-08-19')).toBe('authorised');
    expect(markCategory('#', '2024-08-18')).toBe('not_possible');
    expect(markCategory('NOPE', '2025-01-01')).toBeNull();
    const modernOnOldDate = stats('2024-07-08', '2024-07-12', [
      mk('2024-07-08', 'AM', 'K'),
      mk('2024-07-08', 'PM', 'J1'),
      mk('2024-07-09', 'AM', 'C2'),
      mk('2024-07-09', 'PM', 'Y1'),
    ]);
    expect(modernOnOldDate.possible).toBe(0);
    const oldOnModernDate = stats('2025-09-08', '2025-09-12', [
      mk('2025-09-08', 'AM', 'H'),
      mk('2025-09-08', 'PM', 'J'),
      mk('2025-09-09', 'AM', 'F'),
      mk('2025-09-09', 'PM', 'Y'),
    ]);
    expect(oldOnModernDate.possible).toBe(0);
  });
});

describe('bands (§4)', () => {
  it('exactly 5% is at_risk, exactly 10% persistent, exactly 50% severe; just below each stays in the lower band', () => {
    expect(bandOf(5, 100)).toBe('at_risk');
    expect(bandOf(10, 100)).toBe('persistent');
    expect(bandOf(50, 100)).toBe('severe');
    expect(bandOf(4, 100)).toBe('expected');
    expect(bandOf(49, 100)).toBe('persistent');
    expect(bandOf(1, 20)).toBe('at_risk'); // 5% exactly with small numbers
    expect(bandOf(7, 70)).toBe('persistent'); // 10% exactly where 100*7/70 is not computed
    expect(bandOf(0, 0)).toBeNull();
  });

  it('9.96% stays at_risk (the screen shows 10.0%); the figures come unrounded', () => {
    // 249 of 2500 = 9.96%
    expect(bandOf(249, 2500)).toBe('at_risk');
    // 28 of 281 sessions = 9.964%
    const t = stats(Y_FROM, Y_TO, withAbsence(281, 28));
    expect(t.possible).toBe(281);
    expect(t.absencePct).toBeCloseTo(2800 / 281, 12);
    expect(t.absencePct!.toFixed(1)).toBe('10.0');
    expect(t.band).toBe('at_risk');
  });

  it('exact thresholds through computePupilStats: 10 of 100 persistent, 50 of 100 severe, 5 of 100 at_risk', () => {
    expect(stats(Y_FROM, Y_TO, withAbsence(100, 10)).band).toBe('persistent');
    expect(stats(Y_FROM, Y_TO, withAbsence(100, 50)).band).toBe('severe');
    expect(stats(Y_FROM, Y_TO, withAbsence(100, 49)).band).toBe('persistent');
    expect(stats(Y_FROM, Y_TO, withAbsence(100, 5)).band).toBe('at_risk');
    expect(stats(Y_FROM, Y_TO, withAbsence(100, 4)).band).toBe('expected');
    expect(stats(Y_FROM, Y_TO, withAbsence(300, 30)).absencePct).toBe(10);
  });

  it('the at-risk lower bound is a setting (default 5): at 7.5, 7 of 100 is expected and 15 of 200 at_risk', () => {
    expect(bandOf(7, 100, 7.5)).toBe('expected');
    expect(bandOf(15, 200, 7.5)).toBe('at_risk');
    expect(stats(Y_FROM, Y_TO, withAbsence(100, 6), { atRisk: 7 }).band).toBe('expected');
    expect(stats(Y_FROM, Y_TO, withAbsence(100, 7), { atRisk: 7 }).band).toBe('at_risk');
    expect(stats(Y_FROM, Y_TO, withAbsence(100, 6)).band).toBe('at_risk');
  });
});

describe('school and group rates (§5)', () => {
  const s = (possible: number, absence: number) => ({
    possible,
    attended: possible - absence,
    authorised: absence,
    unauthorised: 0,
  });

  it('rates are aggregate ratios, never a mean of pupil rates', () => {
    // pupil rates 50% and 0% (mean 25%); aggregate 10 / 110
    const r = aggregateRates([s(10, 5), s(100, 0)]);
    expect(r.absencePct).toBeCloseTo(500 / 110, 12);
    expect(r.absencePct).not.toBeCloseTo(25, 1);
    expect(r).toMatchObject({
      pupils: 2,
      possible: 110,
      attended: 105,
      authorised: 5,
      unauthorised: 0,
      severeCount: 1,
      persistentCount: 1,
      persistentPct: 50,
      severePct: 50,
    });
  });

  it('persistentCount includes severe pupils; pupils with possible 0 count in no denominator; empty sets give null', () => {
    const r = aggregateRates([s(100, 60), s(100, 10), s(100, 9), s(0, 0)]);
    expect(r).toMatchObject({ pupils: 3, persistentCount: 2, severeCount: 1 });
    expect(r.persistentPct).toBeCloseTo(200 / 3, 12);
    expect(r.severePct).toBeCloseTo(100 / 3, 12);
    expect(aggregateRates([s(0, 0)])).toEqual({
      pupils: 0,
      possible: 0,
      attended: 0,
      authorised: 0,
      unauthorised: 0,
      absencePct: null,
      persistentPct: null,
      severePct: null,
      persistentCount: 0,
      severeCount: 0,
    });
  });

  it(`DfE cohort: aged 5 to 15 on 31 August before the academic year of \`from\`, not boarders; \
a period into the next year keeps the year of \`from\``, () => {
    const ctx = buildPeriodContext(CAL, { from: '2025-09-03', to: '2025-12-19' });
    expect(ctx.cohortAgeDate).toBe('2025-08-31');
    const p = (dob: IsoDate, boarder = false) => ({ dob, boarder });
    expect(inDfeCohort(ctx, p('2020-08-31'))).toBe(true); // 5 on 31 Aug 2025
    expect(inDfeCohort(ctx, p('2020-09-01'))).toBe(false); // 4 on 31 Aug 2025 (5 the next day)
    expect(inDfeCohort(ctx, p('2009-09-01'))).toBe(true); // 15
    expect(inDfeCohort(ctx, p('2009-08-31'))).toBe(false); // 16 on the day
    expect(inDfeCohort(ctx, p('2012-01-01', true))).toBe(false); // a boarder
    // from in the spring: still 31 August before that academic year
    expect(buildPeriodContext(CAL, { from: '2025-01-06', to: '2025-09-30' }).cohortAgeDate).toBe(
      '2024-08-31',
    );
    // a pupil born 29 Feb 2020 is 5 on 31 Aug 2025
    expect(inDfeCohort(ctx, p('2020-02-29'))).toBe(true);
  });

  it('the school report splits all pupils and the DfE cohort, lists only pupils on roll on a school day, sorted by UPN', () => {
    const ctx = buildPeriodContext(CAL, { from: '2025-09-08', to: '2025-09-12' });
    const pupil = (upn: string, over: Partial<StatsPupil> = {}): StatsPupil => ({ ...PUPIL, upn, ...over });
    const r = buildPupilsReport(ctx, [
      { pupil: pupil('C', { dob: '2021-01-01' }), marks: fill('2025-09-08', '2025-09-12', 'I') }, // aged 4: not in the cohort
      { pupil: pupil('A'), marks: fill('2025-09-08', '2025-09-12', '/') },
      { pupil: pupil('B', { leavingDate: '2025-09-07' }), marks: [] }, // left before: not listed
      { pupil: pupil('D', { boarder: true }), marks: [] },
    ]);
    expect(r.pupils.map((x) => x.upn)).toEqual(['A', 'C', 'D']);
    expect(r.school.all).toMatchObject({
      pupils: 2,
      possible: 20,
      attended: 10,
      authorised: 10,
      absencePct: 50,
      severeCount: 1,
      persistentCount: 1,
    });
    expect(r.school.dfeCohort).toMatchObject({
      pupils: 1,
      possible: 10,
      attended: 10,
      absencePct: 0,
      persistentPct: 0,
    });
  });
});

describe('pupils listed (§3)', () => {
  const ctx = buildPeriodContext(CAL, { from: '2025-10-20', to: '2025-11-07' });
  it('a pupil on roll on at least one school day is listed; the leaving date is the last day on roll', () => {
    expect(isListed(ctx, { admissionDate: '2020-01-01', leavingDate: null })).toBe(true);
    expect(isListed(ctx, { admissionDate: '2020-01-01', leavingDate: '2025-10-20' })).toBe(true); // left on the first day
    expect(isListed(ctx, { admissionDate: '2020-01-01', leavingDate: '2025-10-19' })).toBe(false);
    expect(isListed(ctx, { admissionDate: '2025-11-07', leavingDate: null })).toBe(true); // admitted on the last day
    expect(isListed(ctx, { admissionDate: '2025-11-08', leavingDate: null })).toBe(false);
  });
  it('on roll only during the half-term holiday (no school day) is not listed', () => {
    expect(isListed(ctx, { admissionDate: '2025-10-25', leavingDate: '2025-11-02' })).toBe(false);
  });
});

describe('penalty-notice threshold (§6)', () => {
  it('school weeks across a half-term holiday: the window skips the holiday week', () => {
    // one O per school week: 9 weeks before half-term (Autumn 1 2025 has 8 school weeks from 3 Sep) ...
    const weeks = [
      '2025-09-03',
      '2025-09-08',
      '2025-09-15',
      '2025-09-22',
      '2025-09-29',
      '2025-10-06',
      '2025-10-13',
      '2025-10-20',
      '2025-11-03',
      '2025-11-10',
      '2025-11-17',
    ];
    const marks = weeks.map((d) => mk(d, 'AM', 'O'));
    // window ending with the week of 10 Nov: weeks 1 Sep … 10 Nov are 10 school weeks (27 Oct skipped)
    const s = stats('2025-11-10', '2025-11-14', marks);
    expect(s.penaltySessionsMaxWindow).toBe(10);
    expect(s.penaltyThresholdFirstMet).toBe('2025-11-10');
    // ending with the week of 17 Nov, the week of 1 Sep drops out
    expect(stats('2025-11-17', '2025-11-21', marks).penaltySessionsMaxWindow).toBe(10);
    expect(stats('2025-11-17', '2025-11-21', marks).penaltyThresholdFirstMet).toBe('2025-11-17'); // 8 Sep … 17 Nov
    // without the mark of 8 Sep, the window ending 17 Nov holds 9: the one of 3 Sep is 11 school weeks back
    const no8 = marks.filter((m) => m.date !== '2025-09-08');
    expect(stats('2025-11-17', '2025-11-21', no8)).toMatchObject({
      penaltySessionsMaxWindow: 9,
      penaltyThresholdFirstMet: null,
    });
  });

  it('marks before the period count inside a window; the first date met is within the period', () => {
    const before = fill('2025-09-08', '2025-09-12', 'O').slice(0, 9); // 9 O before the period
    const marks = [
      ...before,
      mk('2025-09-15', 'AM', '/'),
      mk('2025-09-15', 'PM', 'G'),
      mk('2025-09-16', 'AM', 'N'),
    ];
    const s = stats('2025-09-15', '2025-09-19', marks);
    expect(s.unauthorised).toBe(2);
    expect(s.penaltySessionsMaxWindow).toBe(11);
    expect(s.penaltyThresholdFirstMet).toBe('2025-09-15');
  });

  it('a threshold met before the period does not give a first-met date in the period unless a mark in the period still meets it', () => {
    const marks = fill('2025-09-08', '2025-09-12', 'O'); // 10 O in one week
    expect(stats('2025-09-15', '2025-09-19', marks).penaltyThresholdFirstMet).toBeNull();
    expect(stats('2025-09-15', '2025-09-19', marks).penaltySessionsMaxWindow).toBe(10); // the window ending 15 Sep holds them
    expect(
      stats('2025-09-15', '2025-09-19', [...marks, mk('2025-09-19', 'PM', 'U')]).penaltyThresholdFirstMet,
    ).toBe('2025-09-19');
  });

  it('the 10th mark is found in date then AM-before-PM order, whatever order the marks come in', () => {
    // 8 O Mon–Thu, then Fri AM G (the 9th), Fri PM U (the 10th), Mon 15 AM O; given newest first
    const marks = [
      ...fill('2025-09-08', '2025-09-11', 'O'),
      mk('2025-09-12', 'PM', 'U'),
      mk('2025-09-12', 'AM', 'G'),
      mk('2025-09-15', 'AM', 'O'),
    ].reverse();
    expect(stats('2025-09-12', '2025-09-15', marks)).toMatchObject({
      penaltyThresholdFirstMet: '2025-09-12',
      penaltySessionsMaxWindow: 11,
    });
    // with the Friday PM present instead, the 10th is on Monday
    const m2 = marks.map((m) => (m.date === '2025-09-12' && m.session === 'PM' ? { ...m, code: '\\' } : m));
    expect(stats('2025-09-12', '2025-09-15', m2)).toMatchObject({
      penaltyThresholdFirstMet: '2025-09-15',
      penaltySessionsMaxWindow: 10,
    });
  });

  it('only G N O U marks dated on or after 19 Aug 2024 count toward the threshold', () => {
    // 10 O in July 2024 and 9 in September 2024, within 10 school weeks of each other
    const july = fill('2024-07-08', '2024-07-12', 'O');
    const sept = fill('2024-09-02', '2024-09-06', 'O').slice(0, 9);
    const s = stats('2024-09-02', '2024-09-06', [...july, ...sept]);
    expect(s.penaltySessionsMaxWindow).toBe(9);
    expect(s.penaltyThresholdFirstMet).toBeNull();
    // in July 2024 itself the figures are 0 even with 10 unauthorised sessions
    expect(stats('2024-07-08', '2024-07-12', july)).toMatchObject({
      unauthorised: 10,
      penaltySessionsMaxWindow: 0,
      penaltyThresholdFirstMet: null,
    });
  });

  it('the window spans school years and the summer holiday, counting only school weeks', () => {
    // 5 O in the last school week of 2024/25 (w/c 21 Jul 2025) and 5 in the first of 2025/26 (w/c 1 Sep 2025)
    const marks = [...fill('2025-07-21', '2025-07-22', 'G'), ...fill('2025-09-03', '2025-09-05', 'O')];
    const s = stats('2025-09-01', '2025-09-05', marks);
    expect(s).toMatchObject({
      unauthorised: 6,
      penaltySessionsMaxWindow: 10,
      penaltyThresholdFirstMet: '2025-09-05',
    });
    // 10 school weeks back from w/c 1 Sep 2025 reach w/c 19 May 2025 (26 May is half-term): a mark on 16 May is outside
    const may = [mk('2025-05-16', 'AM', 'O'), mk('2025-05-19', 'AM', 'O')];
    expect(stats('2025-09-01', '2025-09-05', may).penaltySessionsMaxWindow).toBe(1);
  });

  it('near the start of the calendar a window is the school weeks that exist', () => {
    const cal = new Calendar({ ranges: [term('2025-09-03', '2025-10-24')] });
    const marks = fill('2025-09-03', '2025-09-05', 'O', cal).concat(
      fill('2025-09-08', '2025-09-09', 'N', cal),
    );
    const s = stats('2025-09-03', '2025-09-12', marks, { cal });
    expect(s.penaltySessionsMaxWindow).toBe(10);
    expect(s.penaltyThresholdFirstMet).toBe('2025-09-09');
  });

  it('marks after `to` never count; the largest window only uses windows whose last week holds a school session of the period', () => {
    const marks = [
      ...fill('2025-09-08', '2025-09-10', 'O').slice(0, 5),
      ...fill('2025-09-15', '2025-09-19', 'O'),
    ];
    // period ends Mon 15 Sep AM: only 5 + 2 marks are on or before `to`
    expect(stats('2025-09-08', '2025-09-15', marks).penaltySessionsMaxWindow).toBe(7);
    // a window ending in a week after the period is not considered
    expect(stats('2025-09-08', '2025-09-12', marks).penaltySessionsMaxWindow).toBe(5);
    // a period with no school session has no window
    expect(stats('2025-10-27', '2025-10-31', marks).penaltySessionsMaxWindow).toBe(0);
  });

  it('the window is 10 school weeks: an 11th week back is outside', () => {
    // one O in each of 11 consecutive school weeks of spring 2025 (no holiday between 6 Jan and 14 Feb + 24 Feb ...)
    const mondays = [
      '2025-01-06',
      '2025-01-13',
      '2025-01-20',
      '2025-01-27',
      '2025-02-03',
      '2025-02-10',
      '2025-02-24',
      '2025-03-03',
      '2025-03-10',
      '2025-03-17',
      '2025-03-24',
    ];
    const marks = mondays.flatMap((d) => [mk(d, 'AM', 'O')]);
    const s = stats('2025-03-24', '2025-03-28', marks);
    expect(s.penaltySessionsMaxWindow).toBe(10); // 13 Jan … 24 Mar, the half-term week of 17 Feb skipped
  });
});

describe('continuous unauthorised absence and overdue N (§7)', () => {
  it('a run continues across a weekend and a holiday, counting only school sessions', () => {
    const marks = [...fill('2025-10-23', '2025-10-24', 'O'), ...fill('2025-11-03', '2025-11-04', 'N')];
    expect(stats('2025-10-20', '2025-11-07', marks).longestUnauthorisedRunSessions).toBe(8);
    // across a weekend and the INSET closure on Fri 28 Nov
    const m2 = [...fill('2025-11-27', '2025-11-27', 'G'), ...fill('2025-12-01', '2025-12-02', 'U')];
    expect(stats('2025-11-24', '2025-12-05', m2).longestUnauthorisedRunSessions).toBe(6);
  });

  it('an unmarked school session ends a run, and so does any other mark', () => {
    const unmarked = fill('2025-09-08', '2025-09-12', 'O').filter(
      (m) => !(m.date === '2025-09-10' && m.session === 'PM'),
    );
    expect(stats('2025-09-08', '2025-09-12', unmarked).longestUnauthorisedRunSessions).toBe(5); // Mon AM … Wed AM
    const other = fill('2025-09-08', '2025-09-12', (d, s) => (d === '2025-09-09' && s === 'AM' ? 'I' : 'O'));
    expect(stats('2025-09-08', '2025-09-12', other).longestUnauthorisedRunSessions).toBe(7); // Tue PM … Fri PM
  });

  it('the run only looks at [from, to]', () => {
    const marks = fill('2025-09-08', '2025-09-19', 'O');
    expect(stats('2025-09-10', '2025-09-16', marks).longestUnauthorisedRunSessions).toBe(10);
  });

  it('an N is overdue when at least 5 school days follow it up to as-of (as-of counts when a school day; default as-of is `to`)', () => {
    const marks = [
      mk('2025-10-20', 'AM', 'N'),
      mk('2025-10-20', 'PM', 'N'),
      mk('2025-10-21', 'AM', 'N'),
      mk('2025-10-22', 'AM', 'O'),
    ];
    // after Mon 20 Oct: 21, 22, 23, 24 Oct, then half-term, then Mon 3 Nov is the 5th school day
    expect(stats('2025-10-20', '2025-10-24', marks, { asOf: '2025-11-02' }).overdueN).toBe(0);
    expect(stats('2025-10-20', '2025-10-24', marks, { asOf: '2025-11-03' }).overdueN).toBe(2);
    expect(stats('2025-10-20', '2025-10-24', marks, { asOf: '2025-11-04' }).overdueN).toBe(3);
    expect(stats('2025-10-20', '2025-10-24', marks).overdueN).toBe(0); // as-of = to
    expect(stats('2025-10-13', '2025-10-20', [mk('2025-10-13', 'AM', 'N')]).overdueN).toBe(1); // 14…20 Oct: 5 school days
    expect(stats('2025-10-13', '2025-10-17', [mk('2025-10-13', 'AM', 'N')]).overdueN).toBe(0); // 14…17 Oct: 4
  });

  it('an as-of earlier than `to` or a period ending before it starts is refused', () => {
    expect(() =>
      buildPeriodContext(CAL, { from: '2025-10-20', to: '2025-10-24', asOf: '2025-10-23' }),
    ).toThrow(/as-of/);
    expect(() => buildPeriodContext(CAL, { from: '2025-10-24', to: '2025-10-20' })).toThrow(
      /before it starts/,
    );
  });
});

describe('count-only marks passed as a tally', () => {
  it('leaving out the count-only marks of the period and passing their tally gives the same figures', () => {
    const ctx = buildPeriodContext(CAL, { from: '2025-09-15', to: '2025-10-24', asOf: '2025-11-05' });
    const marks = fill('2025-09-01', '2025-10-24', (d, s) =>
      d.endsWith('7')
        ? 'O'
        : d.endsWith('3')
          ? 'N'
          : d.endsWith('9') && s === 'AM'
            ? 'L'
            : s === 'AM'
              ? '/'
              : '\\',
    );
    // Some illness, medical and late marks among them (L with minutes), beside the O, N and G that stay marks.
    const withCounted = marks.map((m, k) =>
      k % 11 === 0
        ? { ...m, code: 'I' }
        : k % 13 === 0
          ? { ...m, code: 'M' }
          : m.code === 'L'
            ? { ...m, minutesLate: 7 }
            : m,
    );
    const dated = new Set(DATED_CODES);
    const isCounted = (m: StatsMark) => !dated.has(m.code) && m.date >= ctx.from && m.date <= ctx.to;
    const tally = emptyTally();
    for (const m of withCounted.filter(isCounted)) {
      addToTally(tally, m.code, m.date, 1, m.minutesLate);
    }
    const full = computePupilStats(ctx, PUPIL, withCounted);
    expect(
      computePupilStats(
        ctx,
        PUPIL,
        withCounted.filter((m) => !isCounted(m)),
        tally,
      ),
    ).toEqual(full);
    expect(full.present).toBeGreaterThan(0);
    expect(full.illnessSessions).toBeGreaterThan(0);
    expect(full.minutesLate).toBeGreaterThan(0);
    expect(full.penaltySessionsMaxWindow).toBeGreaterThan(0);
  });

  it('the codes whose marks need their dates are exactly those unauthorised in some era', () => {
    expect(DATED_CODES).toEqual(['G', 'N', 'O', 'U']);
  });

  it('a period is cut where the 2024 code table starts, and nowhere else', () => {
    expect(splitAtEras('2024-07-01', '2024-09-30')).toEqual([
      ['2024-07-01', '2024-08-18'],
      ['2024-08-19', '2024-09-30'],
    ]);
    expect(splitAtEras('2025-09-01', '2026-07-22')).toEqual([['2025-09-01', '2026-07-22']]);
    expect(splitAtEras('2024-08-19', '2024-08-19')).toEqual([['2024-08-19', '2024-08-19']]);
  });
});

describe('a full-size school', () => {
  // Speed is measured by npm run bench against a raw floor; tests never assert times.
  it('a report over 2,000 pupils × 380 sessions covers every pupil and every session', () => {
    const from = Y_FROM,
      to = Y_TO;
    const base = fill(Y_FROM, Y_TO, '/');
    const codes = ['/', '/', '/', '/', '/', '/', 'I', 'O', 'N', 'L', 'G', 'U', 'M'];
    const data = Array.from({ length: 2000 }, (_, i) => ({
      pupil: { ...PUPIL, upn: `P${String(i).padStart(5, '0')}` },
      marks: base.map((m, j) =>
        (i * 7 + j * 13) % 29 < codes.length ? { ...m, code: codes[(i + j) % codes.length] } : m,
      ),
    }));
    const ctx = buildPeriodContext(CAL, { from, to });
    const r = buildPupilsReport(ctx, data);
    expect(r.pupils).toHaveLength(2000);
    expect(base.length).toBeGreaterThan(370);
    expect(r.pupils[0].possible).toBe(base.length);
  });
});
