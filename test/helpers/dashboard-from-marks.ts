// The dashboard's figures worked out the slow way, for the property test of the weekly tallies
// (test/integration/tallies.test.ts): every mark of the period read one by one and tallied on its own date, as the
// dashboard did before it read the tallies (docs/performance.md, "Figures from tallies"). It shares only the
// pure rules of shared/statistics.ts and shared/breakdowns.ts with the service, not its reads.
import type { Db } from '../../main/core/db/connection';
import { loadCalendar } from '../../main/core/calendar/calendar.service';
import { pupilAttrs } from '../../main/core/figures/figures.service';
import { schoolAtRiskLowerPct } from '../../main/core/reports/report-pupils';
import { breakdowns } from '../../shared/breakdowns';
import { codeOn } from '../../shared/codes';
import { addDays, mondayOf, type IsoDate } from '../../shared/dates';
import { buildPeriodContext } from '../../shared/statistics/periods';
import { isListed } from '../../shared/statistics/pupils';
import { aggregateRates, bandOf } from '../../shared/statistics/rates';
import { addToTally, emptyTally, type CodeTally } from '../../shared/statistics/tallies';

interface WeekRow {
  weekStart: IsoDate;
  possible: number;
  attended: number;
  persistentCount: number;
  pupils: number;
}

export interface DashboardFigures {
  all: ReturnType<typeof aggregateRates>;
  weekly: WeekRow[];
  reasons: { code: string; label: string; category: string; sessions: number }[];
  lateness: { lateBeforeClose: number; lateAfterClose: number; minutesLate: number };
  cohorts: ReturnType<typeof breakdowns>;
}

type MarkRow = [number, IsoDate, string, number | null];

export function dashboardFromMarks(db: Db, from: IsoDate, to: IsoDate): DashboardFigures {
  const cal = loadCalendar(db);
  const pctx = buildPeriodContext(cal, { from, to, asOf: to }, { atRiskLowerPct: schoolAtRiskLowerPct(db) });
  const pupils = pupilAttrs(db, from, to).filter((p) => isListed(pctx, p));
  const index = new Map(pupils.map((p, k) => [p.id, k]));
  const mondays: IsoDate[] = [];
  for (let m = mondayOf(from); m <= to; m = addDays(m, 7)) {
    mondays.push(m);
  }
  const totals: CodeTally[] = pupils.map(() => emptyTally());
  const weekTotals = pupils.map(() => mondays.map(() => emptyTally()));
  const reasons = new Map<string, DashboardFigures['reasons'][number]>();
  const marks = db
    .prepare<[IsoDate, IsoDate], MarkRow>(
      'SELECT pupil_id, date, code, minutes_late FROM marks WHERE date >= ? AND date <= ? ORDER BY id',
    )
    .raw()
    .all(from, to);
  for (const [pupilId, date, code, minutes] of marks) {
    const k = index.get(pupilId);
    if (k === undefined) {
      continue;
    }
    const before = totals[k].authorised + totals[k].unauthorised;
    addToTally(totals[k], code, date, 1, minutes);
    addToTally(weekTotals[k][mondays.indexOf(mondayOf(date))], code, date, 1, minutes);
    if (totals[k].authorised + totals[k].unauthorised > before) {
      const row = codeOn(code, date)!;
      const key = `${code}|${row.label}`;
      const r = reasons.get(key) ?? { code, label: row.label, category: row.category, sessions: 0 };
      r.sessions++;
      reasons.set(key, r);
    }
  }
  return {
    all: aggregateRates(totals),
    weekly: weeklyRows(mondays, weekTotals, (m) => hasSchoolDay(cal.isSchoolDay.bind(cal), m, from, to)),
    reasons: [...reasons.values()].sort((a, b) => b.sessions - a.sessions || (a.code < b.code ? -1 : 1)),
    lateness: {
      lateBeforeClose: sum(totals, (t) => t.lateBeforeClose),
      lateAfterClose: sum(totals, (t) => t.lateAfterClose),
      minutesLate: sum(totals, (t) => t.minutesLate),
    },
    cohorts: breakdowns(pupils, totals),
  };
}

function sum(ts: CodeTally[], f: (t: CodeTally) => number): number {
  return ts.reduce((s, t) => s + f(t), 0);
}

function hasSchoolDay(isSchoolDay: (d: IsoDate) => boolean, monday: IsoDate, from: IsoDate, to: IsoDate) {
  return [0, 1, 2, 3, 4].some((d) => {
    const day = addDays(monday, d);
    return day >= from && day <= to && isSchoolDay(day);
  });
}

/** Each week's school totals, and its persistent absence to date (each pupil's weeks summed up to it). */
function weeklyRows(
  mondays: IsoDate[],
  weekTotals: CodeTally[][],
  shown: (monday: IsoDate) => boolean,
): WeekRow[] {
  const rows: WeekRow[] = [];
  mondays.forEach((weekStart, w) => {
    const toDate = weekTotals.map((weeks) => aggregateRates(weeks.slice(0, w + 1)));
    const withPossible = toDate.filter((t) => t.possible > 0);
    const pa = withPossible.filter((t) => {
      const band = bandOf(t.authorised + t.unauthorised, t.possible);
      return band === 'persistent' || band === 'severe';
    });
    const week = aggregateRates(weekTotals.map((weeks) => weeks[w]));
    if (shown(weekStart)) {
      rows.push({
        weekStart,
        possible: week.possible,
        attended: week.attended,
        persistentCount: pa.length,
        pupils: withPossible.length,
      });
    }
  });
  return rows;
}
