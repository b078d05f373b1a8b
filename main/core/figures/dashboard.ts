// The attendance lead's dashboard (docs/rules/statistics.md): aggregates only, with no pupil names, UPNs or ids,
// and cohort cells about fewer than 5 pupils suppressed. Each school week's marks come from the weekly tallies
// (registers/tallies.ts); every figure is computed by shared/statistics.
import type { Input, Output } from '../../../shared/contract';
import { addDays, formatUkDate, mondayOf, type IsoDate } from '../../../shared/dates';
import type { Calendar } from '../../../shared/calendar';
import { codeOn } from '../../../shared/codes';
import { breakdowns } from '../../../shared/breakdowns';
import { buildPeriodContext } from '../../../shared/statistics/periods';
import { inDfeCohort, isListed } from '../../../shared/statistics/pupils';
import {
  aggregateRates,
  bandOf,
  isPersistentOrSevere,
  type GroupRates,
} from '../../../shared/statistics/rates';
import { addToTally, emptyTally, type CodeTally } from '../../../shared/statistics/tallies';
import type { Ctx } from '../context';
import type { Db } from '../db/connection';
import { loadCalendar } from '../calendar/calendar.service';
import { checkReportPeriod, schoolAtRiskLowerPct } from '../reports/report-pupils';
import { registersNotTaken } from '../registers/registers.service';
import { eachWeekCode, eachWeekSlashes } from '../registers/tallies';
import { listReferenceFigures } from './national';
import { pupilAttrs, yearToDate } from './figures.service';

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
        if (isPersistentOrSevere(bandOf(cumA[k], cumP[k]))) {
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
      label: `${formatUkDate(period.from)} to ${formatUkDate(period.to)}, this school's registers`,
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
