// The attendance lead's figures: the dashboard (aggregates only: no pupil names, UPNs or ids, cohort cells about
// fewer than 5 pupils suppressed) and the band list with movement. Every figure is computed by shared/statistics
// (docs/rules/statistics.md); this file only reads the rows that feed it.
import type { Input, Output } from '../../../shared/contract';
import { academicYearOf, addDays, mondayOf, type IsoDate } from '../../../shared/dates';
import type { Calendar } from '../../../shared/calendar';
import { codeOn } from '../../../shared/codes';
import { breakdowns } from '../../../shared/breakdowns';
import { computePupilStats } from '../../../shared/statistics';
import { buildPeriodContext, type PeriodContext } from '../../../shared/statistics/periods';
import { inDfeCohort, isListed, type PupilStats } from '../../../shared/statistics/pupils';
import { aggregateRates, bandOf, type Band, type GroupRates } from '../../../shared/statistics/rates';
import { addToTally, emptyTally, type CodeTally } from '../../../shared/statistics/tallies';
import type { Ctx } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { compareNames, pupilName } from '../../../shared/names';
import { loadCalendar } from '../calendar/calendar.service';
import {
  checkReportPeriod,
  loadPeriodMarks,
  schoolAtRiskLowerPct,
  type LoadedPupil,
} from '../reports/report-pupils';
import { registersNotTaken } from '../registers/registers.service';
import { eachWeekCode, eachWeekSlashes } from '../registers/tallies';
import { listReferenceFigures } from './national';
import { ladderStages } from '../letters/ladder';

export interface PupilAttrs {
  id: number;
  upn: string;
  name: string;
  surname: string;
  forename: string;
  yearGroup: string;
  regGroup: string;
  sex: string;
  fsm: boolean;
  sen: string;
  cla: boolean;
  socialWorker: boolean;
  eal: boolean;
  dob: IsoDate;
  boarder: boolean;
  admissionDate: IsoDate;
  leavingDate: IsoDate | null;
}

/** The columns of `pupils` that pupilAttrs reads, as SQLite returns them (flags as 0 or 1). */
interface PupilAttrsRow {
  id: number;
  upn: string;
  forename: string;
  surname: string;
  sex: string;
  sen: string;
  dob: IsoDate;
  preferred_forename: string | null;
  year_group: string;
  reg_group: string;
  fsm: number;
  cla: number;
  social_worker: number;
  eal: number;
  boarder: number;
  admission_date: IsoDate;
  leaving_date: IsoDate | null;
}

/** The pupils whose dates overlap [from, to], with what the lists and cohorts need. */
export function pupilAttrs(db: Db, from: IsoDate, to: IsoDate): PupilAttrs[] {
  const rows = db
    .prepare<[IsoDate, IsoDate], PupilAttrsRow>(
      `SELECT id, upn, forename, preferred_forename, surname, year_group, reg_group, sex, fsm, sen, cla,
        social_worker, eal, dob, boarder, admission_date, leaving_date
      FROM pupils WHERE admission_date <= ? AND (leaving_date IS NULL OR leaving_date >= ?)`,
    )
    .all(to, from);
  return rows.map((r) => ({
    id: r.id,
    upn: r.upn,
    name: pupilName({ forename: r.forename, preferredForename: r.preferred_forename, surname: r.surname }),
    surname: r.surname,
    forename: r.forename,
    yearGroup: r.year_group,
    regGroup: r.reg_group,
    sex: r.sex,
    fsm: !!r.fsm,
    sen: r.sen,
    cla: !!r.cla,
    socialWorker: !!r.social_worker,
    eal: !!r.eal,
    dob: r.dob,
    boarder: !!r.boarder,
    admissionDate: r.admission_date,
    leavingDate: r.leaving_date || null,
  }));
}

/** The school year to date: 1 September of today's school year to today (the default period of every screen). */
export function yearToDate(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: `${academicYearOf(today)}-09-01`, to: today };
}

type SchoolRates = Output<'figures.dashboard'>['ytd']['all'];
function withRates(g: GroupRates): SchoolRates {
  const r = (n: number) => (g.possible === 0 ? null : (100 * n) / g.possible);
  return {
    ...g,
    attendancePct: r(g.attended),
    authorisedPct: r(g.authorised),
    unauthorisedPct: r(g.unauthorised),
  };
}

const ukDate = (d: IsoDate) => d.split('-').reverse().join('/');

// ---- dashboard ---------------------------------------------------------------------------------------------

const isPa = (b: Band | null) => b === 'persistent' || b === 'severe';

type Dashboard = Output<'figures.dashboard'>;
type Reason = Dashboard['reasons'][number];

/** The school weeks of a period (their Mondays, from the week of `from` to the week of `to`) and, for each
 * listed pupil, what the weekly trend and the totals need. */
interface DashboardTallies {
  weekMonday: IsoDate[];
  totals: CodeTally[];
  weekPossible: Int32Array[];
  weekAbsence: Int32Array[];
  weekAttended: Float64Array;
  weekPossibleAll: Float64Array;
  /** Absent sessions per code and school week, for the reasons (named by the code's row of that week). */
  absentByCode: Map<string, Float64Array>;
}

function emptyDashboardTallies(from: IsoDate, to: IsoDate, nPupils: number): DashboardTallies {
  const base = mondayOf(from);
  const nWeeks = Math.floor((Date.parse(mondayOf(to)) - Date.parse(base)) / (7 * 86_400_000)) + 1;
  return {
    weekMonday: Array.from({ length: nWeeks }, (_, w) => addDays(base, 7 * w)),
    totals: Array.from({ length: nPupils }, () => emptyTally()),
    weekPossible: Array.from({ length: nPupils }, () => new Int32Array(nWeeks)),
    weekAbsence: Array.from({ length: nPupils }, () => new Int32Array(nWeeks)),
    weekAttended: new Float64Array(nWeeks),
    weekPossibleAll: new Float64Array(nWeeks),
    absentByCode: new Map(),
  };
}

/** Adds `n` marks of one code, with their minutes late, to pupil k's totals, school week w and the reasons. The
 * code's category is that of its week (the code table's eras start on a Monday). */
function addWeekCode(
  t: DashboardTallies,
  k: number,
  w: number,
  code: string,
  n: number,
  minutes: number,
): void {
  const total = t.totals[k];
  const p0 = total.possible;
  const a0 = total.authorised + total.unauthorised;
  const at0 = total.attended;
  const monday = t.weekMonday[w];
  addToTally(total, code, monday, n, minutes);
  if (total.possible === p0) {
    return;
  }
  const absent = total.authorised + total.unauthorised - a0;
  t.weekPossible[k][w] += n;
  t.weekAbsence[k][w] += absent;
  t.weekPossibleAll[w] += n;
  t.weekAttended[w] += total.attended - at0;
  if (absent > 0) {
    let weeks = t.absentByCode.get(code);
    if (!weeks) {
      weeks = new Float64Array(t.weekMonday.length);
      t.absentByCode.set(code, weeks);
    }
    weeks[w] += n;
  }
}

/** The reasons for absence: the absent sessions per code, under the code's label in each week's code table, most
 * sessions first. */
function reasonsOf(t: DashboardTallies): Reason[] {
  const reasons = new Map<string, Reason>();
  for (const [code, weeks] of t.absentByCode) {
    weeks.forEach((n, w) => {
      if (n === 0) {
        return;
      }
      const row = codeOn(code, t.weekMonday[w])!;
      const key = `${code}|${row.label}`;
      const r = reasons.get(key);
      if (r) {
        r.sessions += n;
      } else {
        const category = row.category as Reason['category'];
        reasons.set(key, { code, label: row.label, category, sessions: n });
      }
    });
  }
  return [...reasons.values()].sort((a, b) => b.sessions - a.sessions || (a.code < b.code ? -1 : 1));
}

/** Every listed pupil's marks of [from, to], per school week and code, from the weekly tallies (the present
 * slashes and every other code, registers/tallies.ts), with the days of the part-weeks at the edges read from the
 * marks. No mark is read one by one. */
function dashboardTallies(db: Db, from: IsoDate, to: IsoDate, index: Map<number, number>): DashboardTallies {
  const t = emptyDashboardTallies(from, to, index.size);
  const weekIndex = new Map(t.weekMonday.map((m, w) => [m, w]));
  // The items come a pupil at a time and a week at a time: look each up once.
  let lastPupil = -1;
  let k: number | undefined;
  let lastMonday = '';
  let w: number | undefined;
  const visit = (pupilId: number, monday: IsoDate, code: string, n: number, minutes: number) => {
    if (pupilId !== lastPupil) {
      lastPupil = pupilId;
      k = index.get(pupilId);
    }
    if (monday !== lastMonday) {
      lastMonday = monday;
      w = weekIndex.get(monday);
    }
    if (k !== undefined && w !== undefined) {
      addWeekCode(t, k, w, code, n, minutes);
    }
  };
  eachWeekSlashes(db, from, to, visit);
  eachWeekCode(db, from, to, visit);
  return t;
}

/** The weekly trend: each school week with a school session in the period, with its persistent absence to date. */
function weeklyTrend(t: DashboardTallies, cal: Calendar, from: IsoDate, to: IsoDate): Dashboard['weekly'] {
  const weekly: Dashboard['weekly'] = [];
  const nPupils = t.totals.length;
  const cumP = new Int32Array(nPupils);
  const cumA = new Int32Array(nPupils);
  t.weekMonday.forEach((monday, w) => {
    let withPossible = 0;
    let pa = 0;
    for (let k = 0; k < nPupils; k++) {
      cumP[k] += t.weekPossible[k][w];
      cumA[k] += t.weekAbsence[k][w];
      if (cumP[k] > 0) {
        withPossible++;
        if (isPa(bandOf(cumA[k], cumP[k]))) {
          pa++;
        }
      }
    }
    if (!hasSchoolDay(cal, monday, from, to)) {
      return;
    }
    const possible = t.weekPossibleAll[w];
    const attended = t.weekAttended[w];
    weekly.push({
      weekStart: monday,
      possible,
      attended,
      absence: possible - attended,
      attendancePct: possible ? (100 * attended) / possible : null,
      absencePct: possible ? (100 * (possible - attended)) / possible : null,
      persistentPct: withPossible ? (100 * pa) / withPossible : null,
      persistentCount: pa,
      pupils: withPossible,
    });
  });
  return weekly;
}

/** Whether the school week of `monday` has a school day (Monday to Friday) inside [from, to]. */
function hasSchoolDay(cal: Calendar, monday: IsoDate, from: IsoDate, to: IsoDate): boolean {
  for (let d = 0; d < 5; d++) {
    const day = addDays(monday, d);
    if (day >= from && day <= to && cal.isSchoolDay(day)) {
      return true;
    }
  }
  return false;
}

function latenessOf(totals: CodeTally[]): Dashboard['lateness'] {
  return totals.reduce(
    (s, x) => ({
      lateBeforeClose: s.lateBeforeClose + x.lateBeforeClose,
      lateAfterClose: s.lateAfterClose + x.lateAfterClose,
      minutesLate: s.minutesLate + x.minutesLate,
    }),
    { lateBeforeClose: 0, lateAfterClose: 0, minutesLate: 0 },
  );
}

/** Today's registers and marks, for the strip at the top of the dashboard. */
function todayStrip(ctx: Ctx, cal: Calendar, today: IsoDate): Dashboard['todayStrip'] {
  const db = ctx.store.db;
  const nt = registersNotTaken(ctx, { date: today });
  const groupsToday = cal.isSchoolDay(today)
    ? db
        .prepare<[IsoDate, IsoDate], { g: number; n: number | null }>(
          `SELECT count(DISTINCT reg_group) AS g, sum(boarder = 0) AS n FROM pupils
          WHERE admission_date <= ? AND (leaving_date IS NULL OR leaving_date >= ?)`,
        )
        .get(today, today)!
    : { g: 0, n: 0 };
  const todayMarks = db
    .prepare<[IsoDate], { n: number; np: number; ns: number | null }>(
      `SELECT count(*) AS n, count(DISTINCT CASE WHEN m.code = 'N' THEN m.pupil_id END) AS np,
        sum(m.code = 'N') AS ns
      FROM marks m JOIN pupils p ON p.id = m.pupil_id
      WHERE m.date = ? AND p.admission_date <= m.date AND (p.leaving_date IS NULL OR p.leaving_date >= m.date)`,
    )
    .get(today)!;
  return {
    date: today,
    isSchoolDay: nt.isSchoolDay,
    registersDue: groupsToday.g * 2,
    registersTaken: groupsToday.g * 2 - nt.missing.length,
    registersNotTaken: nt.missing.length,
    sessionsMarked: todayMarks.n,
    sessionsExpected: (groupsToday.n ?? 0) * 2,
    unexplainedPupils: todayMarks.np,
    unexplainedSessions: todayMarks.ns ?? 0,
  };
}

export function dashboard(ctx: Ctx, i: Input<'figures.dashboard'>): Dashboard {
  const db = ctx.store.db;
  const today = ctx.today();
  const ytd = yearToDate(today);
  const period = checkReportPeriod({
    from: i.from ?? ytd.from,
    to: i.to ?? (i.from && i.from > ytd.to ? i.from : ytd.to),
    asOf: i.asOf,
  });
  const cal = loadCalendar(db);
  const pctx = buildPeriodContext(cal, period, { atRiskLowerPct: schoolAtRiskLowerPct(db) });
  const pupils = pupilAttrs(db, period.from, period.to).filter((p) => isListed(pctx, p));
  const index = new Map(pupils.map((p, k) => [p.id, k]));
  const t = dashboardTallies(db, period.from, period.to, index);
  const all = aggregateRates(t.totals);
  const cohort = aggregateRates(t.totals.filter((_, k) => inDfeCohort(pctx, pupils[k])));
  const reasons = reasonsOf(t);
  return {
    from: period.from,
    to: period.to,
    asOf: period.asOf,
    today,
    todayStrip: todayStrip(ctx, cal, today),
    ytd: {
      label: `${ukDate(period.from)} to ${ukDate(period.to)}, this school's registers`,
      all: withRates(all),
      dfeCohort: withRates(cohort),
    },
    reference: listReferenceFigures(db, false),
    weekly: weeklyTrend(t, cal, period.from, period.to),
    reasons,
    reasonTotals: { authorised: all.authorised, unauthorised: all.unauthorised },
    lateness: latenessOf(t.totals),
    cohorts: breakdowns(pupils, t.totals),
  };
}

// ---- the band list -----------------------------------------------------------------------------------------

/** Movement between the band over [from, since] and over [from, to]: into and out of persistent and severe absence. */
export function movementOf(
  before: Band | null,
  now: Band | null,
  listedBefore: boolean,
): Output<'figures.bands'>['rows'][number]['movement'] {
  if (!listedBefore || before === null) {
    return now === null ? null : 'new';
  }
  if (now === 'severe' && before !== 'severe') {
    return 'entered_severe';
  }
  if (isPa(now) && !isPa(before)) {
    return 'entered_persistent';
  }
  if (before === 'severe' && now !== 'severe') {
    return isPa(now) ? 'left_severe' : 'left_persistent';
  }
  if (isPa(before) && !isPa(now)) {
    return 'left_persistent';
  }
  return null;
}

export interface BandRowFull {
  attrs: PupilAttrs;
  figures: PupilStats;
  bandAtSince: Band | null;
  movement: ReturnType<typeof movementOf>;
}

/** Every listed pupil's figures over [from, to] (identical to `report pupils`) and their band at `since`. */
export function bandRows(
  db: Db,
  i: Input<'figures.bands'>,
): { period: { from: IsoDate; to: IsoDate; asOf: IsoDate }; since: IsoDate | null; rows: BandRowFull[] } {
  const period = checkReportPeriod(i);
  if (i.since !== undefined && (i.since < period.from || i.since > period.to)) {
    throw new AppError(
      'invalid',
      `The earlier date for movement (${ukDate(i.since)}) must be within the period ${ukDate(period.from)} to ${ukDate(period.to)}.`,
    );
  }
  const { ctx: pctx, byId } = loadPeriodMarks(db, { ...period, since: i.since });
  const sinceCtx =
    i.since !== undefined
      ? buildPeriodContext(
          loadCalendar(db),
          { from: period.from, to: i.since },
          { atRiskLowerPct: pctx.atRiskLowerPct },
        )
      : null;
  const attrs = new Map(pupilAttrs(db, period.from, period.to).map((p) => [p.id, p]));
  const rows: BandRowFull[] = [];
  for (const x of byId.values()) {
    if (!isListed(pctx, x.pupil)) {
      continue;
    }
    const a = attrs.get(x.id)!;
    if (!matchesFilters(a, i)) {
      continue;
    }
    const figures = computePupilStats(pctx, x.pupil, x.marks, x.counted);
    if (i.band && (i.band === 'pa' ? !isPa(figures.band) : figures.band !== i.band)) {
      continue;
    }
    const listedBefore = sinceCtx !== null && isListed(sinceCtx, x.pupil);
    const bandAtSince = sinceCtx && listedBefore ? bandToSince(x, sinceCtx, period.from) : null;
    rows.push({
      attrs: a,
      figures,
      bandAtSince,
      movement: sinceCtx ? movementOf(bandAtSince, figures.band, listedBefore) : null,
    });
  }
  rows.sort(
    (a, b) =>
      (b.figures.absencePct ?? -1) - (a.figures.absencePct ?? -1) ||
      compareNames(a.attrs.surname, b.attrs.surname) ||
      compareNames(a.attrs.upn, b.attrs.upn),
  );
  return { period, since: i.since ?? null, rows };
}

/** Whether a pupil is in the groups the band list was asked for (year, registration group, sex, flag). */
function matchesFilters(a: PupilAttrs, i: Input<'figures.bands'>): boolean {
  if (i.yearGroup && a.yearGroup !== i.yearGroup) {
    return false;
  }
  if (i.regGroup && a.regGroup !== i.regGroup) {
    return false;
  }
  if (i.sex && a.sex !== i.sex) {
    return false;
  }
  return !i.flag || flagOf(a, i.flag);
}

/** A pupil's band over [from, since]: it needs only possible and absence, so the count-only tally up to `since`
 * plus the dated marks up to it. */
function bandToSince(x: LoadedPupil, sinceCtx: PeriodContext, from: IsoDate): Band | null {
  const t = { ...x.countedToSince };
  for (const m of x.marks) {
    if (m.date > sinceCtx.to) {
      break;
    }
    if (m.date >= from) {
      addToTally(t, m.code, m.date, 1);
    }
  }
  return bandOf(t.authorised + t.unauthorised, t.possible, sinceCtx.atRiskLowerPct);
}

export function flagOf(a: PupilAttrs, flag: NonNullable<Input<'figures.bands'>['flag']>): boolean {
  switch (flag) {
    case 'fsm':
      return a.fsm;
    case 'senSupport':
      return a.sen === 'K';
    case 'ehcPlan':
      return a.sen === 'E';
    case 'lookedAfter':
      return a.cla;
    case 'socialWorker':
      return a.socialWorker;
    case 'eal':
      return a.eal;
  }
}

/** How many listed pupils are in each band, and how many moved into and out of persistent and severe absence since
 * the earlier date (pupils new to the list since then are not movement). */
function bandCounts(rows: BandRowFull[], since: IsoDate | null) {
  const counts = { severe: 0, persistent: 0, at_risk: 0, expected: 0, none: 0 };
  const movement = { enteredPersistent: 0, leftPersistent: 0, enteredSevere: 0, leftSevere: 0 };
  for (const r of rows) {
    counts[r.figures.band ?? 'none']++;
    if (since === null || r.movement === 'new') {
      continue;
    }
    const before = r.bandAtSince;
    const now = r.figures.band;
    if (!isPa(before) && isPa(now)) {
      movement.enteredPersistent++;
    }
    if (isPa(before) && !isPa(now)) {
      movement.leftPersistent++;
    }
    if (before !== 'severe' && now === 'severe') {
      movement.enteredSevere++;
    }
    if (before === 'severe' && now !== 'severe') {
      movement.leftSevere++;
    }
  }
  return { counts, movement };
}

export function bands(ctx: Ctx, i: Input<'figures.bands'>): Output<'figures.bands'> {
  const db = ctx.store.db;
  const { period, since, rows } = bandRows(db, i);
  const { counts, movement } = bandCounts(rows, since);
  // The letter ladder (letters sent, meetings held); a next step is suggested only where the band calls for one.
  const stages = ladderStages(
    db,
    rows.map((r) => r.attrs.id),
  );
  const ladderOf = (id: number, band: string | null) => {
    const l = stages.get(id);
    return l
      ? { stage: l.stage, label: l.label, nextStep: band === 'expected' || band === null ? null : l.nextStep }
      : null;
  };
  const regGroups = db
    .prepare<[], string>('SELECT DISTINCT reg_group FROM pupils ORDER BY reg_group')
    .pluck()
    .all();
  return {
    from: period.from,
    to: period.to,
    asOf: period.asOf,
    since,
    counts,
    movement,
    regGroups,
    rows: rows.map((r) => ({
      pupilId: r.attrs.id,
      upn: r.attrs.upn,
      name: r.attrs.name,
      yearGroup: r.attrs.yearGroup,
      regGroup: r.attrs.regGroup,
      figures: r.figures,
      band: r.figures.band,
      bandAtSince: r.bandAtSince,
      movement: r.movement,
      ladderStage: ladderOf(r.attrs.id, r.figures.band),
    })),
  };
}
