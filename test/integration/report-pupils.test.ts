// `report pupils` on real SQLite: the docs/cli.md JSON shape with hand-computed numbers, the refusals, and a
// cross-check of a generated demo school against a deliberately naive, separate implementation.
import { describe, expect, it } from 'vitest';
import { reportPupils } from '../../main/core/reports/report-pupils';
import { AppError } from '../../main/core/errors';
import { createDemoSchool, DEMO_RANGES } from '../../main/core/demo/demo';
import type { Store } from '../../main/core/db/connection';
import { Calendar } from '../../shared/calendar';
import { codeOn } from '../../shared/codes';
import { addDays, eachDate, type IsoDate } from '../../shared/dates';
import { PUPIL_HEADER, ok, pupilRow, setupSchool, tempStore, upn } from '../helpers/store';

const PUPIL_KEYS = [
  'upn',
  'possible',
  'present',
  'attended',
  'authorised',
  'unauthorised',
  'attendancePct',
  'absencePct',
  'band',
  'lateBeforeClose',
  'lateAfterClose',
  'minutesLate',
  'illnessSessions',
  'penaltySessionsMaxWindow',
  'penaltyThresholdFirstMet',
  'longestUnauthorisedRunSessions',
  'overdueN',
];
const GROUP_KEYS = [
  'pupils',
  'possible',
  'attended',
  'authorised',
  'unauthorised',
  'absencePct',
  'persistentPct',
  'severePct',
  'persistentCount',
  'severeCount',
];

function inserter(store: Store) {
  const ins = store.db.prepare(
    'INSERT INTO marks (pupil_id, date, session, code, minutes_late, note, source, recorded_by, ' +
      "recorded_at) VALUES (?, ?, ?, ?, ?, NULL, 'test', 'Test Office', '2025-11-20T09:00:00.000Z')",
  );
  const idOf = (n: number) =>
    (store.db.prepare('SELECT id FROM pupils WHERE upn = ?').get(upn(n)) as { id: number }).id;
  return (n: number, date: IsoDate, session: 'AM' | 'PM', code: string, minutes: number | null = null) => {
    ins.run(idOf(n), date, session, code, minutes);
  };
}

/** Both sessions of each weekday in [from, to] except `skip` ("date AM"). */
function sessions(from: IsoDate, to: IsoDate, skip: string[] = []): [IsoDate, 'AM' | 'PM'][] {
  const cal = new Calendar({
    ranges: [
      { dateFrom: '2025-09-03', dateTo: '2025-10-24', kind: 'term', label: null },
      { dateFrom: '2025-11-03', dateTo: '2025-12-19', kind: 'term', label: null },
      { dateFrom: '2025-11-28', dateTo: '2025-11-28', kind: 'closure', label: null },
    ],
  });
  return eachDate(from, to)
    .filter((d) => cal.isSchoolDay(d))
    .flatMap((d) => (['AM', 'PM'] as const).map((s) => [d, s] as [IsoDate, 'AM' | 'PM']))
    .filter(([d, s]) => !skip.includes(`${d} ${s}`));
}

function smallSchool() {
  const store = tempStore();
  setupSchool(store); // Autumn 2025: 3 Sep–24 Oct, 3 Nov–19 Dec, INSET 28 Nov
  ok(store, 'pupils.import', {
    csv: [
      PUPIL_HEADER,
      pupilRow(1),
      pupilRow(2, { boarder: 'Y' }),
      pupilRow(3, { leaving_date: '2025-10-31' }),
      pupilRow(4, { dob: '2021-01-10', year_group: 'N2' }),
      pupilRow(5, { admission_date: '2025-11-10' }),
      pupilRow(6, { leaving_date: '2025-11-03' }),
    ].join('\n'),
  });
  const mark = inserter(store);
  // pupil 1: 6 O in the week before half-term, then N N G U, a late, illness, X, M, a trip and one unmarked session
  for (const [d, s] of sessions('2025-10-20', '2025-10-22')) {
    mark(1, d, s, 'O');
  }
  mark(1, '2025-11-03', 'AM', 'N');
  mark(1, '2025-11-03', 'PM', 'N');
  mark(1, '2025-11-04', 'AM', 'G');
  mark(1, '2025-11-04', 'PM', 'U', 35);
  mark(1, '2025-11-05', 'AM', 'L', 10);
  mark(1, '2025-11-05', 'PM', '\\');
  mark(1, '2025-11-06', 'AM', 'I');
  mark(1, '2025-11-06', 'PM', 'I');
  mark(1, '2025-11-07', 'AM', 'X');
  mark(1, '2025-11-07', 'PM', 'M');
  for (const [d, s] of sessions('2025-11-10', '2025-11-14', ['2025-11-12 AM'])) {
    mark(1, d, s, d === '2025-11-13' && s === 'AM' ? 'V' : s === 'AM' ? '/' : '\\');
  }
  // pupil 2 (a boarder): present throughout; pupil 3 left before the period
  for (const [d, s] of sessions('2025-11-03', '2025-11-14')) {
    mark(2, d, s, s === 'AM' ? '/' : '\\');
  }
  for (const [d, s] of sessions('2025-10-20', '2025-10-24')) {
    mark(3, d, s, 'O');
  }
  // pupil 4 (aged 4): half present, half ill
  for (const [d, s] of sessions('2025-11-03', '2025-11-14')) {
    mark(4, d, s, d < '2025-11-10' ? (s === 'AM' ? '/' : '\\') : 'I');
  }
  // pupil 5 admitted 10 Nov: one O in 10 sessions; pupil 6 left on 3 Nov, present that day
  for (const [d, s] of sessions('2025-11-10', '2025-11-14')) {
    mark(5, d, s, d === '2025-11-14' && s === 'PM' ? 'O' : s === 'AM' ? '/' : '\\');
  }
  mark(6, '2025-11-03', 'AM', '/');
  mark(6, '2025-11-03', 'PM', '\\');
  return store;
}

const zero = {
  present: 0,
  lateBeforeClose: 0,
  lateAfterClose: 0,
  minutesLate: 0,
  illnessSessions: 0,
  penaltySessionsMaxWindow: 0,
  penaltyThresholdFirstMet: null,
  longestUnauthorisedRunSessions: 0,
  overdueN: 0,
};

describe('report pupils (cli.md shape, statistics.md figures)', () => {
  it('returns the exact shape and the hand-computed figures of a small school', () => {
    const store = smallSchool();
    const r = reportPupils(store.db, { from: '2025-11-03', to: '2025-11-14', asOf: '2025-11-17' });
    expect(Object.keys(r)).toEqual(['from', 'to', 'asOf', 'school', 'pupils']);
    expect(Object.keys(r.school)).toEqual(['all', 'dfeCohort']);
    expect(Object.keys(r.school.all)).toEqual(GROUP_KEYS);
    expect(Object.keys(r.school.dfeCohort)).toEqual(GROUP_KEYS);
    for (const p of r.pupils) {
      expect(Object.keys(p)).toEqual(PUPIL_KEYS);
    }
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect([r.from, r.to, r.asOf]).toEqual(['2025-11-03', '2025-11-14', '2025-11-17']);

    // listed: everyone but pupil 3 (left 31 Oct); pupil 6 left on the first day, which is still a day on roll
    const listed = [1, 2, 4, 5, 6].map(upn).sort();
    expect(r.pupils.map((p) => p.upn)).toEqual(listed);
    const by = (n: number) => r.pupils.find((p) => p.upn === upn(n))!;
    expect(by(1)).toEqual({
      upn: upn(1),
      possible: 18,
      present: 10,
      attended: 11,
      authorised: 3,
      unauthorised: 4,
      attendancePct: (100 * 11) / 18,
      absencePct: (100 * 7) / 18,
      band: 'persistent',
      lateBeforeClose: 1,
      lateAfterClose: 1,
      minutesLate: 45,
      illnessSessions: 2,
      penaltySessionsMaxWindow: 10,
      penaltyThresholdFirstMet: '2025-11-04',
      longestUnauthorisedRunSessions: 4,
      overdueN: 2,
    });
    expect(by(2)).toEqual({
      ...zero,
      upn: upn(2),
      possible: 20,
      present: 20,
      attended: 20,
      authorised: 0,
      unauthorised: 0,
      attendancePct: 100,
      absencePct: 0,
      band: 'expected',
    });
    expect(by(4)).toEqual({
      ...zero,
      upn: upn(4),
      possible: 20,
      present: 10,
      attended: 10,
      authorised: 10,
      unauthorised: 0,
      attendancePct: 50,
      absencePct: 50,
      band: 'severe',
      illnessSessions: 10,
    });
    expect(by(5)).toEqual({
      ...zero,
      upn: upn(5),
      possible: 10,
      present: 9,
      attended: 9,
      authorised: 0,
      unauthorised: 1,
      attendancePct: 90,
      absencePct: 10,
      band: 'persistent',
      penaltySessionsMaxWindow: 1,
      longestUnauthorisedRunSessions: 1,
    });
    expect(by(6)).toEqual({
      ...zero,
      upn: upn(6),
      possible: 2,
      present: 2,
      attended: 2,
      authorised: 0,
      unauthorised: 0,
      attendancePct: 100,
      absencePct: 0,
      band: 'expected',
    });

    expect(r.school.all).toEqual({
      pupils: 5,
      possible: 70,
      attended: 52,
      authorised: 13,
      unauthorised: 5,
      absencePct: 1800 / 70,
      persistentPct: 60,
      severePct: 20,
      persistentCount: 3,
      severeCount: 1,
    });
    // the DfE cohort leaves out the boarder (2) and the 4-year-old (4)
    expect(r.school.dfeCohort).toEqual({
      pupils: 3,
      possible: 30,
      attended: 22,
      authorised: 3,
      unauthorised: 5,
      absencePct: 800 / 30,
      persistentPct: 200 / 3,
      severePct: 0,
      persistentCount: 2,
      severeCount: 0,
    });
  });

  it('as-of defaults to `to`; the school setting sets the at-risk bound unless the caller gives one', () => {
    const store = smallSchool();
    const r = reportPupils(store.db, { from: '2025-11-03', to: '2025-11-14' });
    expect(r.asOf).toBe('2025-11-14');
    expect(r.pupils.find((p) => p.upn === upn(1))!.overdueN).toBe(2); // 9 school days after 3 Nov up to 14 Nov
    expect(
      reportPupils(store.db, { from: '2025-11-03', to: '2025-11-07' }).pupils.find((p) => p.upn === upn(1))!
        .overdueN,
    ).toBe(0); // 4 days
    // pupil 1 over 10–14 Nov: 9 possible, 0 absent; pupil 5: 1 O in 10 → 10% persistent either way
    store.db.prepare('UPDATE school SET at_risk_lower_pct = 0 WHERE id = 1').run();
    const zeroBound = reportPupils(store.db, { from: '2025-11-10', to: '2025-11-14' });
    expect(zeroBound.pupils.find((p) => p.upn === upn(1))!.band).toBe('at_risk'); // 0% >= 0%
    expect(
      reportPupils(store.db, { from: '2025-11-10', to: '2025-11-14', atRiskLowerPct: 5 }).pupils.find(
        (p) => p.upn === upn(1),
      )!.band,
    ).toBe('expected');
  });

  it('refuses a period ending before it starts, an as-of earlier than `to` and a date that is not real', () => {
    const store = smallSchool();
    const refused = (i: Parameters<typeof reportPupils>[1]) => {
      try {
        reportPupils(store.db, i);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).kind).toBe('invalid');
        return (e as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refused({ from: '2025-11-14', to: '2025-11-03' })).toMatch(/before it starts/);
    expect(refused({ from: '2025-11-03', to: '2025-11-14', asOf: '2025-11-13' })).toMatch(
      /--as-of 2025-11-13 is earlier than --to 2025-11-14/,
    );
    expect(refused({ from: '2025-02-30', to: '2025-11-14' })).toMatch(/not a date/);
  });

  it('a period without school days lists nobody and gives null rates', () => {
    const store = smallSchool();
    const r = reportPupils(store.db, { from: '2025-10-27', to: '2025-10-31' });
    expect(r.pupils).toEqual([]);
    expect(r.school.all).toEqual({
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
});

// ---- a naive, separate implementation for the cross-check ---------------------------------------------------

interface NaivePupil {
  upn: string;
  possible: number;
  attended: number;
  authorised: number;
  unauthorised: number;
  run: number;
  overdueN: number;
  penaltyMax: number;
  cohort: boolean;
}

function naiveReport(store: Store, from: IsoDate, to: IsoDate, asOf: IsoDate): NaivePupil[] {
  const cal = new Calendar({ ranges: DEMO_RANGES });
  const days = eachDate(from, to).filter((d) => cal.isSchoolDay(d));
  const allWeeks = cal.schoolWeeks('2024-08-19', to); // Mondays of every school week since the 2024 rules
  const pupils = store.db
    .prepare('SELECT id, upn, dob, boarder, admission_date AS adm, leaving_date AS lv FROM pupils')
    .all() as { id: number; upn: string; dob: string; boarder: number; adm: string; lv: string | null }[];
  const out: NaivePupil[] = [];
  for (const p of pupils) {
    if (!days.some((d) => d >= p.adm && (p.lv === null || d <= p.lv))) {
      continue;
    }
    const marks = store.db.prepare('SELECT date, session, code FROM marks WHERE pupil_id = ?').all(p.id) as {
      date: string;
      session: string;
      code: string;
    }[];
    const inPeriod = marks.filter((m) => m.date >= from && m.date <= to);
    const cat = (m: { code: string; date: string }) => codeOn(m.code, m.date)!.category;
    const n = (c: string) => inPeriod.filter((m) => cat(m) === c).length;
    // longest run over every school session of the period
    const code = new Map(inPeriod.map((m) => [`${m.date} ${m.session}`, m.code]));
    let run = 0,
      best = 0;
    for (const d of days) {
      for (const s of ['AM', 'PM']) {
        if (['G', 'N', 'O', 'U'].includes(code.get(`${d} ${s}`) ?? '')) {
          best = Math.max(best, ++run);
        } else {
          run = 0;
        }
      }
    }
    const overdueN = inPeriod.filter((m) => m.code === 'N' && cal.schoolDaysAfter(m.date, asOf) >= 5).length;
    // penalty: windows of 10 school weeks ending in a week with a school day of the period
    const pn = marks.filter(
      (m) => ['G', 'N', 'O', 'U'].includes(m.code) && m.date >= '2024-08-19' && m.date <= to,
    );
    let penaltyMax = 0;
    allWeeks.forEach((monday, i) => {
      if (!days.some((d) => d >= monday && d <= addDays(monday, 6))) {
        return;
      }
      const win = allWeeks.slice(Math.max(0, i - 9), i + 1);
      penaltyMax = Math.max(
        penaltyMax,
        pn.filter((m) => win.some((w) => m.date >= w && m.date <= addDays(w, 6))).length,
      );
    });
    const [by, bm] = p.dob.split('-').map(Number);
    const y = Number(from.slice(0, 4)) - (Number(from.slice(5, 7)) >= 9 ? 0 : 1); // academic year of `from`
    const ageOn31Aug = y - by - (bm >= 9 ? 1 : 0);
    out.push({
      upn: p.upn,
      possible: n('present') + n('aea') + n('authorised') + n('unauthorised'),
      attended: n('present') + n('aea'),
      authorised: n('authorised'),
      unauthorised: n('unauthorised'),
      run: best,
      overdueN,
      penaltyMax,
      cohort: !p.boarder && ageOn31Aug >= 5 && ageOn31Aug <= 15,
    });
  }
  return out.sort((a, b) => (a.upn < b.upn ? -1 : 1));
}

describe('report pupils on a generated demo school, against a naive implementation', () => {
  const store = tempStore();
  createDemoSchool(store, { pupils: 60, seed: 3, today: '2026-12-01' });

  for (const [from, to, asOf] of [
    ['2026-09-01', '2026-12-01', '2026-12-10'], // this term, with this morning's N overdue by the as-of date
    ['2025-09-01', '2026-07-22', '2026-07-22'], // the whole of 2025/26
    ['2026-06-01', '2026-09-30', '2026-09-30'], // across the summer holiday into a new school year
  ] as const) {
    it(`${from} to ${to}: every pupil's possible, absence, run, overdue N and penalty window, and the totals, agree`, () => {
      const r = reportPupils(store.db, { from, to, asOf });
      const naive = naiveReport(store, from, to, asOf);
      expect(r.pupils.map((p) => p.upn)).toEqual(naive.map((p) => p.upn));
      expect(naive.length).toBeGreaterThan(50);
      expect(naive.some((q) => q.penaltyMax > 0) && naive.some((q) => q.run > 0)).toBe(true); // the check is not vacuous
      for (const [i, p] of r.pupils.entries()) {
        const q = naive[i];
        expect({
          upn: p.upn,
          possible: p.possible,
          attended: p.attended,
          authorised: p.authorised,
          unauthorised: p.unauthorised,
          run: p.longestUnauthorisedRunSessions,
          overdueN: p.overdueN,
          penaltyMax: p.penaltySessionsMaxWindow,
        }).toEqual({
          upn: q.upn,
          possible: q.possible,
          attended: q.attended,
          authorised: q.authorised,
          unauthorised: q.unauthorised,
          run: q.run,
          overdueN: q.overdueN,
          penaltyMax: q.penaltyMax,
        });
        expect(p.absencePct).toBe(q.possible ? (100 * (q.authorised + q.unauthorised)) / q.possible : null);
      }
      for (const [group, members] of [
        ['all', naive],
        ['dfeCohort', naive.filter((q) => q.cohort)],
      ] as const) {
        const withPossible = members.filter((q) => q.possible > 0);
        const possible = members.reduce((s, q) => s + q.possible, 0);
        const absence = members.reduce((s, q) => s + q.authorised + q.unauthorised, 0);
        const persistent = withPossible.filter(
          (q) => 100 * (q.authorised + q.unauthorised) >= 10 * q.possible,
        ).length;
        const severe = withPossible.filter(
          (q) => 100 * (q.authorised + q.unauthorised) >= 50 * q.possible,
        ).length;
        const g = r.school[group];
        expect(g).toMatchObject({
          pupils: withPossible.length,
          possible,
          persistentCount: persistent,
          severeCount: severe,
        });
        expect(g.absencePct).toBeCloseTo((100 * absence) / possible, 10);
        expect(g.persistentPct).toBeCloseTo((100 * persistent) / withPossible.length, 10);
        // an aggregate ratio, not the mean of the pupils' rates
        const mean =
          withPossible.reduce((s, q) => s + (100 * (q.authorised + q.unauthorised)) / q.possible, 0) /
          withPossible.length;
        expect(Math.abs(g.absencePct! - mean)).toBeGreaterThan(1e-9);
      }
      // Reception children (4 on 31 August) are outside the DfE cohort
      expect(r.school.dfeCohort.pupils).toBeLessThan(r.school.all.pupils);
    });
  }

  it('the demo has the figures the naive check can see: unauthorised runs, N marks and late minutes', () => {
    const r = reportPupils(store.db, { from: '2026-09-01', to: '2026-12-01', asOf: '2026-12-10' });
    expect(r.pupils.some((p) => p.longestUnauthorisedRunSessions >= 2)).toBe(true);
    expect(r.pupils.reduce((s, p) => s + p.overdueN, 0)).toBeGreaterThan(0);
    expect(r.pupils.reduce((s, p) => s + p.minutesLate, 0)).toBeGreaterThan(0);
  });
});
