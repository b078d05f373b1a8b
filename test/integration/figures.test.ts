// The figures area through dispatch on real SQLite files: one pupil's figures are the same on the band list, the
// pupil page and the CLI; the dashboard's school blocks are the CLI's; the dashboard carries no pupil data and
// suppresses small cohorts; the band list's movement; the penalty tracker and notice rules; statutory lists; CSV.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoSchool } from '../../main/core/demo/demo';
import { dispatch } from '../../main/core/dispatch';
import { reportPupils } from '../../main/core/reports/report-pupils';
import { movementOf, type PupilAttrs } from '../../main/core/figures/figures.service';
import { breakdowns } from '../../shared/breakdowns';
import { emptyTally, addToTally } from '../../shared/statistics/tallies';
import { isCompulsoryAge } from '../../shared/dates';
import type { Session } from '../../shared/contract';
import { cli } from '../helpers/cli';
import { ok, tempStore } from '../helpers/store';
import type { Store } from '../../main/core/db/connection';

const TODAY = '2026-12-01';
const YTD = { from: '2026-09-01', to: TODAY };
const LEAD: Session = { userName: 'Ms Lead', position: 'Attendance lead', roles: ['lead'] };
const GOVERNOR: Session = { userName: 'Mr Governor', position: 'Governor', roles: ['governor'] };
const OFFICE: Session = { userName: 'Mrs Office', position: 'Office', roles: ['office'] };

let store: Store;
let dbPath: string;
beforeAll(() => {
  process.env.ATTENDANCE_TODAY = TODAY;
  store = tempStore();
  dbPath = store.path;
  createDemoSchool(store, { pupils: 140, seed: 7, today: TODAY });
});

describe('one pupil, one set of figures', () => {
  it(`the band list row, reports.pupilFigures and the CLI report row are identical for every pupil; \
the dashboard blocks are the CLI school block`, () => {
    const out = cli(['report', 'pupils', '--db', dbPath, '--from', YTD.from, '--to', YTD.to, '--json']);
    expect(out.code).toBe(0);
    const report = JSON.parse(out.out) as ReturnType<typeof reportPupils>;
    const list = ok(store, 'figures.bands', YTD);
    expect(list.rows.length).toBe(report.pupils.length);
    const byUpn = new Map(list.rows.map((r) => [r.upn, r]));
    for (const row of report.pupils) {
      const b = byUpn.get(row.upn)!;
      expect(b.figures).toEqual(row);
      expect(ok(store, 'reports.pupilFigures', { pupilId: b.pupilId, ...YTD }).figures).toEqual(row);
    }
    const d = ok(store, 'figures.dashboard', {});
    expect(d.from).toBe(YTD.from);
    expect(d.to).toBe(YTD.to);
    for (const k of ['all', 'dfeCohort'] as const) {
      const { attendancePct, authorisedPct, unauthorisedPct, ...block } = d.ytd[k];
      expect(block).toEqual(report.school[k]);
      expect(attendancePct! + (block.absencePct ?? 0)).toBeCloseTo(100, 9);
      expect(authorisedPct! + unauthorisedPct!).toBeCloseTo(block.absencePct!, 9);
    }
    expect(list.counts.severe + list.counts.persistent).toBe(d.ytd.all.persistentCount);
    expect(list.counts.severe).toBe(d.ytd.all.severeCount);
  });

  it('a period in another school year and a term agree too', () => {
    for (const period of [
      { from: '2025-09-01', to: '2026-07-22' },
      { from: '2026-11-02', to: '2026-11-27', asOf: TODAY },
    ]) {
      const report = reportPupils(store.db, period);
      const d = ok(store, 'figures.dashboard', period);
      const { attendancePct: _a, authorisedPct: _b, unauthorisedPct: _c, ...all } = d.ytd.all;
      expect(all).toEqual(report.school.all);
      const list = ok(store, 'figures.bands', period);
      expect(list.rows.map((r) => r.figures).sort((a, b) => a.upn.localeCompare(b.upn))).toEqual(
        report.pupils,
      );
    }
  });
});

describe('dashboard', () => {
  it('governors may read it and it holds no pupil names, UPNs or ids; governors may not read the band list', () => {
    const d = ok(store, 'figures.dashboard', {}, GOVERNOR);
    const text = JSON.stringify(d);
    const pupils = store.db.prepare('SELECT upn, surname, forename FROM pupils').all() as {
      upn: string;
      surname: string;
      forename: string;
    }[];
    for (const p of pupils) {
      expect(text).not.toContain(p.upn);
      expect(text).not.toContain(`"${p.surname}`);
    }
    expect(text).not.toMatch(/pupilId/);
    const r = dispatch(store, 'figures.bands', YTD, GOVERNOR);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('forbidden');
    }
  });

  it('adds up: weeks sum to the year, reasons sum to authorised + unauthorised, the today strip matches the registers', () => {
    const d = ok(store, 'figures.dashboard', {});
    expect(d.weekly.reduce((s, w) => s + w.possible, 0)).toBe(d.ytd.all.possible);
    expect(d.weekly.reduce((s, w) => s + w.attended, 0)).toBe(d.ytd.all.attended);
    expect(d.reasons.reduce((s, r) => s + r.sessions, 0)).toBe(d.ytd.all.authorised + d.ytd.all.unauthorised);
    expect(d.reasons.filter((r) => r.category === 'unauthorised').reduce((s, r) => s + r.sessions, 0)).toBe(
      d.reasonTotals.unauthorised,
    );
    // the last week's year-to-date persistent-absence rate is the year's
    expect(d.weekly[d.weekly.length - 1].persistentPct).toBeCloseTo(d.ytd.all.persistentPct!, 9);
    expect(d.weekly[d.weekly.length - 1].persistentCount).toBe(d.ytd.all.persistentCount);
    const nt = ok(store, 'registers.notTaken', { date: TODAY });
    expect(d.todayStrip.registersNotTaken).toBe(nt.missing.length);
    expect(d.todayStrip.registersTaken + d.todayStrip.registersNotTaken).toBe(d.todayStrip.registersDue);
    expect(d.todayStrip.unexplainedPupils).toBe(ok(store, 'followup.list', { date: TODAY }).pupils.length);
    expect(d.reference.some((r) => r.period === '2023/24 full year, census' && r.overall === 7.1)).toBe(true);
  });

  it('a cohort cell about fewer than 5 pupils is suppressed, with its rest, and a second group where one would be revealed', () => {
    const mk = (id: number, over: Partial<PupilAttrs>): PupilAttrs => ({
      id,
      upn: `U${id}`,
      name: '',
      surname: '',
      forename: '',
      yearGroup: '1',
      regGroup: '1A',
      sex: 'F',
      fsm: false,
      sen: 'N',
      cla: false,
      socialWorker: false,
      eal: false,
      dob: '2019-01-01',
      boarder: false,
      admissionDate: '2025-09-01',
      leavingDate: null,
      ...over,
    });
    const pupils = [
      ...Array.from({ length: 10 }, (_, k) => mk(k, { yearGroup: '1' })),
      ...Array.from({ length: 8 }, (_, k) => mk(100 + k, { yearGroup: '2', regGroup: '2A' })),
      ...Array.from({ length: 3 }, (_, k) => mk(200 + k, { yearGroup: '3', regGroup: '3A', cla: true })),
    ];
    const totals = pupils.map((_, k) => {
      const t = emptyTally();
      addToTally(t, '/', '2025-09-01', 18);
      addToTally(t, 'I', '2025-09-01', k % 3);
      return t;
    });
    const gaps = breakdowns(pupils, totals);
    const years = gaps.find((g) => g.dimension === 'yearGroup')!;
    expect(years.rows.map((r) => [r.label, r.group.suppressed])).toEqual([
      ['Year 1', false],
      ['Year 2', true],
      ['Year 3', true],
    ]);
    expect(years.rows[0].group.pupils).toBe(10);
    expect(years.rows[1].group.pupils).toBeNull();
    const cla = gaps.find((g) => g.dimension === 'lookedAfter')!.rows[0];
    expect(cla.group.suppressed && cla.rest.suppressed).toBe(true);
    expect(cla.absenceGap).toBeNull();
    const sex = gaps.find((g) => g.dimension === 'sex')!.rows;
    expect(sex).toHaveLength(1); // all girls: the rest is empty, so suppressed
    expect(sex[0].group.suppressed).toBe(true);
  });

  it('reference figures: the shipped national table is listed, and the school can add a local row and edit or hide a shipped row', () => {
    const s = tempStore();
    createDemoSchool(s, { pupils: 10, seed: 1, today: TODAY });
    const shipped = ok(s, 'figures.national.list', {}, GOVERNOR).rows;
    expect(shipped.length).toBe(7);
    const row = shipped.find((r) => r.shippedId === '2022-23-census')!;
    ok(
      s,
      'figures.national.save',
      {
        shippedId: '2022-23-census',
        period: row.period,
        area: row.area,
        dataKind: 'census',
        overall: 7.5,
        authorised: 5.0,
        unauthorised: 2.5,
        persistent: 21.2,
        severe: 2.0,
        primary: 5.9,
        secondary: 9.0,
        special: 13.0,
        source: 'Corrected by the school',
      },
      LEAD,
    );
    const { schoolId } = ok(
      s,
      'figures.national.save',
      {
        period: '2025/26 autumn, LA daily data',
        area: 'Riverside LA',
        dataKind: 'local',
        overall: 6.1,
        authorised: null,
        unauthorised: null,
        persistent: 17.5,
        severe: null,
        primary: null,
        secondary: null,
        special: null,
        source: 'LA attendance report, January 2026',
      },
      LEAD,
    );
    ok(
      s,
      'figures.national.save',
      {
        shippedId: '2023-24-census-primary',
        period: 'x',
        area: 'England',
        dataKind: 'census',
        overall: null,
        authorised: null,
        unauthorised: null,
        persistent: null,
        severe: null,
        primary: null,
        secondary: null,
        special: null,
        source: 'hidden',
        hidden: true,
      },
      LEAD,
    );
    const after = ok(s, 'figures.national.list', {}).rows;
    expect(after.find((r) => r.shippedId === '2022-23-census')).toMatchObject({
      origin: 'edited',
      overall: 7.5,
      source: 'Corrected by the school',
    });
    expect(after.find((r) => r.schoolId === schoolId)).toMatchObject({
      origin: 'school',
      area: 'Riverside LA',
      overall: 6.1,
    });
    expect(after.some((r) => r.shippedId === '2023-24-census-primary')).toBe(false);
    expect(
      ok(s, 'figures.national.list', { includeHidden: true }).rows.some(
        (r) => r.shippedId === '2023-24-census-primary' && r.hidden,
      ),
    ).toBe(true);
    expect(ok(s, 'figures.dashboard', {}).reference.find((r) => r.schoolId === schoolId)?.period).toBe(
      '2025/26 autumn, LA daily data',
    );
    const refused = dispatch(
      s,
      'figures.national.save',
      {
        period: 'p',
        area: 'a',
        dataKind: 'local',
        overall: 1,
        authorised: null,
        unauthorised: null,
        persistent: null,
        severe: null,
        primary: null,
        secondary: null,
        special: null,
        source: 's',
      },
      OFFICE,
    );
    expect(refused.ok).toBe(false);
  });
});

describe('band list', () => {
  it('movement compares the band over [from, since] with the band over [from, to]', () => {
    expect(movementOf('expected', 'persistent', true)).toBe('entered_persistent');
    expect(movementOf('at_risk', 'severe', true)).toBe('entered_severe');
    expect(movementOf('persistent', 'severe', true)).toBe('entered_severe');
    expect(movementOf('severe', 'persistent', true)).toBe('left_severe');
    expect(movementOf('severe', 'at_risk', true)).toBe('left_persistent');
    expect(movementOf('persistent', 'expected', true)).toBe('left_persistent');
    expect(movementOf('persistent', 'persistent', true)).toBeNull();
    expect(movementOf(null, 'expected', false)).toBe('new');
  });

  it('bandAtSince is the band of report pupils over [from, since]; the movement counts add up; filters narrow the rows', () => {
    const since = '2026-10-23';
    const list = ok(store, 'figures.bands', { ...YTD, since });
    const before = new Map(
      reportPupils(store.db, { from: YTD.from, to: since }).pupils.map((p) => [p.upn, p.band]),
    );
    for (const r of list.rows) {
      expect(r.bandAtSince).toBe(before.get(r.upn) ?? null);
    }
    const pa = (b: string | null) => b === 'persistent' || b === 'severe';
    const known = list.rows.filter((r) => r.movement !== 'new');
    expect(list.movement.enteredPersistent).toBe(
      known.filter((r) => !pa(r.bandAtSince) && pa(r.band)).length,
    );
    expect(list.movement.leftPersistent).toBe(known.filter((r) => pa(r.bandAtSince) && !pa(r.band)).length);
    expect(list.movement.enteredPersistent + list.movement.leftPersistent).toBeGreaterThan(0);
    const fsm = ok(store, 'figures.bands', { ...YTD, flag: 'fsm', band: 'pa' });
    const fsmUpns = new Set(
      (store.db.prepare('SELECT upn FROM pupils WHERE fsm = 1').all() as { upn: string }[]).map((r) => r.upn),
    );
    expect(fsm.rows.length).toBeGreaterThan(0);
    for (const r of fsm.rows) {
      expect(fsmUpns.has(r.upn)).toBe(true);
      expect(pa(r.band)).toBe(true);
    }
    const refused = dispatch(store, 'figures.bands', { ...YTD, since: '2026-08-01' }, OFFICE);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.message).toMatch(/within the period/);
    }
  });

  it('every list exports to CSV, formula-safe', () => {
    const s = tempStore();
    createDemoSchool(s, { pupils: 20, seed: 5, today: TODAY });
    s.db
      .prepare(
        'UPDATE pupils SET forename = \'=HYPERLINK("x")\', preferred_forename = NULL WHERE id = ' +
          '(SELECT min(id) FROM pupils WHERE leaving_date IS NULL)',
      )
      .run();
    const r = ok(s, 'figures.exportCsv', { list: 'bands', ...YTD });
    expect(r.rows).toBe(ok(s, 'figures.bands', YTD).rows.length);
    expect(r.csv.split('\r\n')[0]).toMatch(/^upn,name,year_group,reg_group,possible/);
    expect(r.csv).toContain("'=HYPERLINK");
    expect(r.csv).not.toMatch(/(^|,)=HYPERLINK/m);
    for (const list of ['penalty', 'continuous', 'deletion', 'sickness', 'overdueN'] as const) {
      const x = ok(s, 'figures.exportCsv', list === 'penalty' ? { list } : { list, asOf: TODAY });
      expect(x.csv.split('\r\n').filter(Boolean).length).toBe(x.rows + 1);
      expect(x.filename).toMatch(/\.csv$/);
    }
  });
});

// ---- penalty notices --------------------------------------------------------------------------------------

function schoolWithTruant(): { s: Store; pupilId: number; markIds: number[] } {
  const s = tempStore();
  createDemoSchool(s, { pupils: 30, seed: 9, today: TODAY });
  // a compulsory-age pupil with 24 G sessions: 12 school days in November 2026, amended from what the demo marked
  const p = s.db
    .prepare("SELECT id, upn FROM pupils WHERE year_group = '4' AND leaving_date IS NULL ORDER BY id LIMIT 1")
    .get() as { id: number; upn: string };
  const days = [
    '2026-11-09',
    '2026-11-10',
    '2026-11-11',
    '2026-11-12',
    '2026-11-13',
    '2026-11-16',
    '2026-11-17',
    '2026-11-18',
    '2026-11-19',
    '2026-11-20',
    '2026-11-23',
    '2026-11-24',
  ];
  const csv = [
    'upn,date,session,code',
    ...days.flatMap((d) => [`${p.upn},${d},AM,G`, `${p.upn},${d},PM,G`]),
  ].join('\n');
  ok(s, 'marks.import', { csv, reason: 'Holiday not granted, confirmed', by: 'Test', position: 'Office' });
  const markIds = (
    s.db
      .prepare(
        "SELECT id FROM marks WHERE pupil_id = ? AND code = 'G' AND date BETWEEN '2026-11-09' AND '2026-11-24' ORDER BY date, session",
      )
      .all(p.id) as { id: number }[]
  ).map((r) => r.id);
  return { s, pupilId: p.id, markIds };
}

describe('penalty notices', () => {
  it('the tracker lists pupils at or near the threshold of compulsory school age only, with sessions to go', () => {
    const { s, pupilId } = schoolWithTruant();
    const t = ok(s, 'penalty.tracker', {});
    const row = t.rows.find((r) => r.pupilId === pupilId)!;
    expect(row.sessionsMaxWindow).toBeGreaterThanOrEqual(24);
    expect(row.sessionsToGo).toBe(0);
    expect(row.thresholdFirstMet).not.toBeNull();
    const report = new Map(reportPupils(s.db, YTD).pupils.map((p) => [p.upn, p]));
    const dobs = new Map(
      (
        s.db.prepare('SELECT id, dob, upn FROM pupils').all() as { id: number; dob: string; upn: string }[]
      ).map((r) => [r.id, r]),
    );
    for (const r of t.rows) {
      expect(isCompulsoryAge(dobs.get(r.pupilId)!.dob, TODAY)).toBe(true);
      expect(r.sessionsMaxWindow).toBe(report.get(r.upn)!.penaltySessionsMaxWindow);
      expect(r.sessionsMaxWindow).toBeGreaterThanOrEqual(t.near);
    }
    // every pupil at or near the threshold is either listed or counted as left out (not of compulsory age, or left)
    const near = [...report.values()].filter((p) => p.penaltySessionsMaxWindow >= t.near);
    expect(t.rows.length + t.leftOutNotCompulsory + t.leftOutNotOnRoll).toBe(near.length);
  });

  it('a reception pupil not yet of compulsory school age is never put forward and a notice for them is refused', () => {
    const s = tempStore();
    createDemoSchool(s, { pupils: 60, seed: 4, today: TODAY });
    const p = s.db
      .prepare(
        "SELECT id, upn, dob FROM pupils WHERE year_group = 'R' AND dob >= '2021-09-01' AND leaving_date IS NULL ORDER BY id LIMIT 1",
      )
      .get() as { id: number; upn: string; dob: string };
    expect(isCompulsoryAge(p.dob, TODAY)).toBe(false);
    const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23'];
    ok(s, 'marks.import', {
      csv: [
        'upn,date,session,code',
        ...days.flatMap((d) => [`${p.upn},${d},AM,O`, `${p.upn},${d},PM,O`]),
      ].join('\n'),
      reason: 'r',
      by: 'T',
      position: 'O',
    });
    const t = ok(s, 'penalty.tracker', {});
    expect(t.rows.some((r) => r.pupilId === p.id)).toBe(false);
    expect(t.leftOutNotCompulsory).toBeGreaterThanOrEqual(1);
    const ids = (
      s.db.prepare("SELECT id FROM marks WHERE pupil_id = ? AND code = 'O'").all(p.id) as { id: number }[]
    ).map((r) => r.id);
    const r = dispatch(
      s,
      'penalty.record',
      {
        pupilId: p.id,
        kind: 'penalty_notice',
        issuedOn: TODAY,
        parentName: 'A Parent',
        amount: 80,
        markIds: ids,
      },
      LEAD,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('refused');
      expect(r.error.message).toMatch(/not of compulsory school age/);
    }
  });

  it(`records notices linked to their marks; the same marks cannot support a second penalty notice; \
at most 2 per parent per child in 3 years; the second is £160`, () => {
    const { s, pupilId, markIds } = schoolWithTruant();
    const first = markIds.slice(0, 10),
      second = markIds.slice(10, 20),
      third = markIds.slice(20, 24);
    const nti = ok(
      s,
      'penalty.record',
      {
        pupilId,
        kind: 'notice_to_improve',
        issuedOn: '2026-11-25',
        parentName: 'Jo Bloggs',
        amount: null,
        markIds: first,
      },
      LEAD,
    );
    const pn1 = ok(
      s,
      'penalty.record',
      {
        pupilId,
        kind: 'penalty_notice',
        issuedOn: '2026-11-26',
        parentName: 'Jo Bloggs',
        amount: 80,
        markIds: first,
      },
      LEAD,
    );
    expect(pn1.id).toBeGreaterThan(nti.id);
    const again = dispatch(
      s,
      'penalty.record',
      {
        pupilId,
        kind: 'penalty_notice',
        issuedOn: '2026-11-27',
        parentName: 'Jo Bloggs',
        amount: 160,
        markIds: [...first.slice(5), ...second.slice(0, 5)],
      },
      LEAD,
    );
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.kind).toBe('conflict');
      expect(again.error.message).toMatch(
        /5 of the chosen marks already support the penalty notice of 26\/11\/2026/,
      );
    }
    const cheap = dispatch(
      s,
      'penalty.record',
      {
        pupilId,
        kind: 'penalty_notice',
        issuedOn: '2026-11-27',
        parentName: 'Jo Bloggs',
        amount: 80,
        markIds: second,
      },
      LEAD,
    );
    expect(cheap.ok).toBe(false);
    if (!cheap.ok) {
      expect(cheap.error.message).toMatch(/second notice is £160/);
    }
    ok(
      s,
      'penalty.record',
      {
        pupilId,
        kind: 'penalty_notice',
        issuedOn: '2026-11-27',
        parentName: '  jo   BLOGGS ',
        amount: 160,
        markIds: second,
      },
      LEAD,
    );
    // a third for the same parent within 3 years is refused; six G marks from the earlier part of the term make 10
    const p = s.db.prepare('SELECT upn FROM pupils WHERE id = ?').get(pupilId) as { upn: string };
    ok(s, 'marks.import', {
      csv: [
        'upn,date,session,code',
        ...['2026-11-02', '2026-11-03', '2026-11-04'].flatMap((d) => [
          `${p.upn},${d},AM,O`,
          `${p.upn},${d},PM,O`,
        ]),
      ].join('\n'),
      reason: 'r',
      by: 'T',
      position: 'O',
    });
    const more = (
      s.db
        .prepare(
          "SELECT id FROM marks WHERE pupil_id = ? AND code = 'O' AND date BETWEEN '2026-11-02' AND '2026-11-04'",
        )
        .all(pupilId) as { id: number }[]
    ).map((r) => r.id);
    const thirdTry = dispatch(
      s,
      'penalty.record',
      {
        pupilId,
        kind: 'penalty_notice',
        issuedOn: TODAY,
        parentName: 'Jo Bloggs',
        amount: 160,
        markIds: [...more, ...third],
      },
      LEAD,
    );
    expect(thirdTry.ok).toBe(false);
    if (!thirdTry.ok) {
      expect(thirdTry.error.kind).toBe('refused');
      expect(thirdTry.error.message).toMatch(
        /already received 2 penalty notices .* within 3 years .*at most 2/,
      );
    }
    // the limit is per parent: another parent may receive a notice for other marks
    const other = dispatch(
      s,
      'penalty.record',
      {
        pupilId,
        kind: 'penalty_notice',
        issuedOn: TODAY,
        parentName: 'Sam Bloggs',
        amount: 80,
        markIds: [...more, ...third],
      },
      LEAD,
    );
    expect(other.ok).toBe(true);
    // the office may read the register of notices but not record one
    const office = dispatch(
      s,
      'penalty.record',
      {
        pupilId,
        kind: 'notice_to_improve',
        issuedOn: TODAY,
        parentName: 'Jo Bloggs',
        amount: null,
        markIds: [markIds[0]],
      },
      OFFICE,
    );
    expect(office.ok).toBe(false);
    const list = ok(s, 'penalty.notices', { pupilId }, OFFICE);
    expect(list.notices.map((n) => [n.kind, n.status, n.marks.length])).toEqual([
      ['notice_to_improve', 'issued', 10],
      ['penalty_notice', 'issued', 10],
      ['penalty_notice', 'issued', 10],
      ['penalty_notice', 'issued', 10],
    ]);
    expect(list.candidateMarks.filter((m) => m.citedBy.some((c) => c.kind === 'penalty_notice')).length).toBe(
      30,
    );
  });

  it(`the tracker's uncited sessions leave out the marks a live penalty notice relies on, and count \
them again once it is withdrawn; its notices in three years count the live ones only`, () => {
    const { s, pupilId, markIds } = schoolWithTruant();
    const uncited = () => ok(s, 'penalty.tracker', {}).rows.find((r) => r.pupilId === pupilId)!;
    const before = uncited();
    expect(before.uncitedInLastWindow).toBeGreaterThanOrEqual(24);
    const { id } = ok(
      s,
      'penalty.record',
      {
        pupilId,
        kind: 'penalty_notice',
        issuedOn: '2026-11-25',
        parentName: 'Jo Bloggs',
        amount: 80,
        markIds: markIds.slice(0, 12),
      },
      LEAD,
    );
    const cited = uncited();
    expect(before.penaltyNoticesIn3Years).toBe(0);
    expect(cited.penaltyNoticesIn3Years).toBe(1);
    expect(cited.uncitedInLastWindow).toBe(before.uncitedInLastWindow - 12);
    ok(
      s,
      'penalty.update',
      { noticeId: id, status: 'withdrawn', onDate: TODAY, reason: 'Issued in error' },
      LEAD,
    );
    expect(uncited().uncitedInLastWindow).toBe(before.uncitedInLastWindow);
    expect(uncited().penaltyNoticesIn3Years).toBe(0);
  });

  it(`status changes are appended (paid, withdrawn, prosecuted) with a reason, never deleted; \
a withdrawn notice releases its marks`, () => {
    const { s, pupilId, markIds } = schoolWithTruant();
    const { id } = ok(
      s,
      'penalty.record',
      {
        pupilId,
        kind: 'penalty_notice',
        issuedOn: '2026-11-25',
        parentName: 'Jo Bloggs',
        amount: 80,
        markIds: markIds.slice(0, 12),
      },
      LEAD,
    );
    ok(
      s,
      'penalty.update',
      { noticeId: id, status: 'unpaid', onDate: '2026-11-30', reason: 'Not paid within 28 days' },
      LEAD,
    );
    ok(
      s,
      'penalty.update',
      {
        noticeId: id,
        status: 'withdrawn',
        onDate: TODAY,
        reason: 'Issued in error: the holiday was authorised',
      },
      LEAD,
    );
    const n = ok(s, 'penalty.notices', { pupilId }).notices[0];
    expect(n.status).toBe('withdrawn');
    expect(n.events.map((e) => e.status)).toEqual(['issued', 'unpaid', 'withdrawn']);
    expect(n.events[2].reason).toMatch(/Issued in error/);
    const again = dispatch(
      s,
      'penalty.update',
      { noticeId: id, status: 'paid', onDate: TODAY, reason: 'x' },
      LEAD,
    );
    expect(again.ok).toBe(false);
    expect(() => s.db.prepare('DELETE FROM penalty_notices').run()).toThrow(/append-only/);
    expect(() => s.db.prepare('UPDATE penalty_notice_events SET status = ?').run('paid')).toThrow(
      /append-only/,
    );
    expect(() => s.db.prepare('DELETE FROM penalty_notice_marks').run()).toThrow(/append-only/);
    // released: the same marks support a new notice
    ok(
      s,
      'penalty.record',
      {
        pupilId,
        kind: 'penalty_notice',
        issuedOn: TODAY,
        parentName: 'Jo Bloggs',
        amount: 80,
        markIds: markIds.slice(0, 12),
      },
      LEAD,
    );
  });

  it(`refuses marks that are not the pupil's unauthorised marks, too few for a penalty notice, or \
spread over more than 10 school weeks`, () => {
    const { s, pupilId, markIds } = schoolWithTruant();
    const present = (
      s.db.prepare("SELECT id FROM marks WHERE pupil_id = ? AND code = '/' LIMIT 1").get(pupilId) as {
        id: number;
      }
    ).id;
    const r1 = dispatch(
      s,
      'penalty.record',
      {
        pupilId,
        kind: 'notice_to_improve',
        issuedOn: TODAY,
        parentName: 'Jo',
        amount: null,
        markIds: [present],
      },
      LEAD,
    );
    expect(!r1.ok && r1.error.message).toMatch(/not unauthorised absence/);
    const r2 = dispatch(
      s,
      'penalty.record',
      {
        pupilId,
        kind: 'penalty_notice',
        issuedOn: TODAY,
        parentName: 'Jo',
        amount: 80,
        markIds: markIds.slice(0, 6),
      },
      LEAD,
    );
    expect(!r2.ok && r2.error.message).toMatch(/at least 10 sessions/);
    const r3 = dispatch(
      s,
      'penalty.record',
      {
        pupilId,
        kind: 'penalty_notice',
        issuedOn: TODAY,
        parentName: 'Jo',
        amount: null,
        markIds: markIds.slice(0, 10),
      },
      LEAD,
    );
    expect(!r3.ok && r3.error.message).toMatch(/amount/);
    // 4 sessions in the week of 7 September and 8 in November: 12 marks over 11 school weeks (the half-term week is not one)
    const p = s.db.prepare('SELECT upn FROM pupils WHERE id = ?').get(pupilId) as { upn: string };
    ok(s, 'marks.import', {
      csv: [
        'upn,date,session,code',
        `${p.upn},2026-09-07,AM,O`,
        `${p.upn},2026-09-07,PM,O`,
        `${p.upn},2026-09-08,AM,O`,
        `${p.upn},2026-09-08,PM,O`,
      ].join('\n'),
      reason: 'r',
      by: 'T',
      position: 'O',
    });
    const sept = (
      s.db
        .prepare("SELECT id FROM marks WHERE pupil_id = ? AND date BETWEEN '2026-09-07' AND '2026-09-08'")
        .all(pupilId) as { id: number }[]
    ).map((r) => r.id);
    const r5 = dispatch(
      s,
      'penalty.record',
      {
        pupilId,
        kind: 'penalty_notice',
        issuedOn: TODAY,
        parentName: 'Jo',
        amount: 80,
        markIds: [...sept, ...markIds.slice(16, 24)],
      },
      LEAD,
    );
    expect(!r5.ok && r5.error.message).toMatch(
      /span 11 school weeks: a penalty notice relies on sessions within 10 consecutive school weeks/,
    );
    const old = s.db
      .prepare("SELECT id FROM marks WHERE pupil_id != ? AND code IN ('G','N','O','U') LIMIT 1")
      .get(pupilId) as { id: number } | undefined;
    if (old) {
      const r4 = dispatch(
        s,
        'penalty.record',
        {
          pupilId,
          kind: 'notice_to_improve',
          issuedOn: TODAY,
          parentName: 'Jo',
          amount: null,
          markIds: [old.id],
        },
        LEAD,
      );
      expect(!r4.ok && r4.error.message).toMatch(/another pupil's/);
    }
  });
});

// ---- statutory lists --------------------------------------------------------------------------------------

describe('statutory lists', () => {
  it(`10 school days of continuous unauthorised absence, 20 school days of G/N/O for deletion \
review, 30 illness sessions, overdue N`, () => {
    const { s, pupilId } = schoolWithTruant();
    const p = s.db.prepare('SELECT upn FROM pupils WHERE id = ?').get(pupilId) as { upn: string };
    // extend the run of G to more than 20 school days with O, which counts for 9(1)(i) too: 2 Nov to 1 Dec AM
    ok(s, 'marks.import', {
      csv: [
        'upn,date,session,code',
        ...[
          '2026-11-02',
          '2026-11-03',
          '2026-11-04',
          '2026-11-05',
          '2026-11-06',
          '2026-11-25',
          '2026-11-26',
          '2026-11-27',
          '2026-11-30',
        ].flatMap((d) => [`${p.upn},${d},AM,O`, `${p.upn},${d},PM,O`]),
        `${p.upn},2026-12-01,AM,O`,
      ].join('\n'),
      reason: 'r',
      by: 'T',
      position: 'O',
    });
    const l = ok(s, 'figures.statutoryLists', { asOf: TODAY });
    const c = l.continuous.find((x) => x.pupilId === pupilId)!;
    expect(c).toMatchObject({ runSessions: 43, runFrom: '2026-11-02', runTo: TODAY, ongoing: true });
    expect(l.deletionReview.find((x) => x.pupilId === pupilId)).toMatchObject({
      runSessions: 43,
      runFrom: '2026-11-02',
    });
    const report = new Map(
      reportPupils(s.db, { from: '2026-09-01', to: TODAY }).pupils.map((x) => [x.upn, x]),
    );
    for (const x of l.continuous) {
      expect(x.runSessions).toBe(report.get(x.upn)!.longestUnauthorisedRunSessions);
    }
    expect(l.continuous.every((x) => x.runSessions >= 20)).toBe(true);
    expect([...report.values()].filter((x) => x.longestUnauthorisedRunSessions >= 20).length).toBe(
      l.continuous.length,
    );
    expect(l.deletionReview.every((x) => x.runSessions >= 40)).toBe(true);
    for (const x of l.sickness) {
      expect(report.get(x.upn)!.illnessSessions).toBeGreaterThanOrEqual(30);
    }
    expect(l.overdueN.length).toBe([...report.values()].reduce((n, x) => n + x.overdueN, 0));
    const inYear = ok(s, 'followup.overdueN', { asOf: TODAY }).marks.filter((m) => m.date >= '2026-09-01');
    expect(l.overdueN.map((m) => [m.pupilId, m.date, m.session, m.schoolDaysSince])).toEqual(
      expect.arrayContaining(inYear.map((m) => [m.pupilId, m.date, m.session, m.schoolDaysSince])),
    );
    expect(l.overdueN.length).toBe(inYear.length);
    // the pupil is still on roll: nothing was deleted
    expect(
      (s.db.prepare('SELECT leaving_date AS l FROM pupils WHERE id = ?').get(pupilId) as { l: string | null })
        .l,
    ).toBeNull();
  });
});
