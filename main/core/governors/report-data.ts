// The figures of the termly governor report (docs/rules/governor-report.md): the dashboard's own computation
// over the period, over the year to date and over the same dates a year earlier, so every figure in the
// document is the one the dashboard shows; breakdowns are the dashboard's (shared/breakdowns.ts), with its
// suppression.
import type { z } from 'zod';
import type { GovernorFiguresSchema, SchoolBlockSchema } from '../../../shared/channels/governors';
import { academicYearOf, addDays, daysBetween, type IsoDate } from '../../../shared/dates';
import type { Band } from '../../../shared/statistics/rates';
import type { Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import { checkReportPeriod } from '../reports/report-pupils';
import { readSchool } from '../school/school.service';
import { bandRows } from '../figures/figures.service';
import { dashboard } from '../figures/dashboard';
import { actionsImpact, type ActionsSources } from './actions-impact';
import { complianceChecks } from './compliance';
import { actionsSources } from './actions-sources';
import { questionsFor, suggestedMessages } from './questions';
import { currentTarget } from './targets';
import { reasonGroups } from './reason-groups';

export type GovernorFigures = z.infer<typeof GovernorFiguresSchema>;
type Block = z.infer<typeof SchoolBlockSchema>;
type Dash = Output<'figures.dashboard'>;

/** The same date a year earlier; 29 February becomes 28 February. */
export function yearEarlier(d: IsoDate): IsoDate {
  const y = Number(d.slice(0, 4)) - 1;
  const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
  return `${y}-${md}`;
}

function block(r: Dash['ytd']['all']): Block {
  return {
    pupils: r.pupils,
    possible: r.possible,
    attended: r.attended,
    authorised: r.authorised,
    unauthorised: r.unauthorised,
    absencePct: r.absencePct,
    persistentPct: r.persistentPct,
    severePct: r.severePct,
    persistentCount: r.persistentCount,
    severeCount: r.severeCount,
  };
}
const span = (d: Dash) => ({
  from: d.from,
  to: d.to,
  all: block(d.ytd.all),
  dfeCohort: block(d.ytd.dfeCohort),
});
/** The same point last year, or null when no pupil had a possible session then (docs/rules/statistics.md §9).
 */
const spanOrNull = (d: Dash) => (d.ytd.all.pupils === 0 ? null : span(d));

const isPa = (b: Band | null) => b === 'persistent' || b === 'severe';

/** Band over [1 September of the year of `to`, the day before `from`] against the band over [that 1 September, `to`]. */
function movement(ctx: Ctx, from: IsoDate, to: IsoDate, asOf: IsoDate): GovernorFigures['movement'] {
  const m = { enteredPersistent: 0, leftPersistent: 0, enteredSevere: 0, leftSevere: 0 };
  const start = `${academicYearOf(to)}-09-01`;
  if (from <= start) {
    return m;
  }
  const { rows } = bandRows(ctx.store.db, { from: start, to, asOf, since: addDays(from, -1) });
  for (const r of rows) {
    const before = r.bandAtSince,
      now = r.figures.band;
    if (before === null || now === null) {
      continue;
    }
    m.enteredPersistent += !isPa(before) && isPa(now) ? 1 : 0;
    m.leftPersistent += isPa(before) && !isPa(now) ? 1 : 0;
    m.enteredSevere += before !== 'severe' && now === 'severe' ? 1 : 0;
    m.leftSevere += before === 'severe' && now !== 'severe' ? 1 : 0;
  }
  return m;
}

/** A term beside a term, a year beside a year: the kind of period a reference row or the report covers. */
function periodKind(label: string): 'term' | 'year' {
  return /autumn|spring|summer|term\b/i.test(label) && !/full year/i.test(label) ? 'term' : 'year';
}

function reference(d: Dash, from: IsoDate, to: IsoDate): GovernorFigures['reference'] {
  const kind = daysBetween(from, to) <= 140 ? 'term' : 'year';
  return d.reference
    .filter((r) => !r.hidden)
    .map((r) => ({
      period: r.period,
      area: r.area,
      dataKind: r.dataKind,
      overall: r.overall,
      authorised: r.authorised,
      unauthorised: r.unauthorised,
      persistent: r.persistent,
      severe: r.severe,
      source: r.source,
      matchesPeriod: periodKind(r.period) === kind,
    }));
}

export function governorFigures(
  ctx: Ctx,
  input: { from: IsoDate; to: IsoDate; asOf?: IsoDate },
  sources?: ActionsSources,
): GovernorFigures {
  const { from, to, asOf } = checkReportPeriod(input);
  const period = dashboard(ctx, { from, to, asOf });
  const ytdFrom = `${academicYearOf(to)}-09-01`;
  const ytd = from === ytdFrom ? period : dashboard(ctx, { from: ytdFrom, to, asOf });
  const lyTo = yearEarlier(to);
  const last = dashboard(ctx, { from: yearEarlier(from), to: lyTo, asOf: lyTo });
  const lastYtd =
    from === ytdFrom ? last : dashboard(ctx, { from: yearEarlier(ytdFrom), to: lyTo, asOf: lyTo });

  const byCode = new Map<string, GovernorFigures['reasons'][number]>();
  for (const r of period.reasons) {
    const x = byCode.get(r.code);
    byCode.set(r.code, x ? { ...x, sessions: x.sessions + r.sessions } : { ...r });
  }
  const reasons = [...byCode.values()].sort((a, b) => b.sessions - a.sessions || (a.code < b.code ? -1 : 1));
  const base = {
    from,
    to,
    asOf,
    schoolName: readSchool(ctx.store.db)?.name ?? 'The school',
    headline: { all: block(period.ytd.all), dfeCohort: block(period.ytd.dfeCohort) },
    yearToDate: span(ytd),
    lastYear: spanOrNull(last),
    lastYearToDate: spanOrNull(lastYtd),
    reasons,
    reasonGroups: reasonGroups(reasons),
    lateness: period.lateness,
    breakdowns: period.cohorts,
    movement: movement(ctx, from, to, asOf),
    actions: actionsImpact(ctx.store.db, from, to, sources ?? actionsSources(ctx)),
    compliance: complianceChecks(ctx, from, to, asOf),
    weekly: period.weekly.map((w, k) => ({
      weekStart: w.weekStart,
      attendancePct: w.attendancePct,
      persistentPct: w.persistentPct,
      lastYearAttendancePct: last.weekly[k]?.attendancePct ?? null,
    })),
    reference: reference(period, from, to),
    target: currentTarget(ctx.store.orm, academicYearOf(to)),
  };
  return { ...base, suggestedMessages: suggestedMessages(base), questions: questionsFor(base) };
}

/** The figures of `report governors --json` (docs/cli.md), exactly its shape. */
export function governorJson(f: GovernorFigures, out: string) {
  return {
    from: f.from,
    to: f.to,
    asOf: f.asOf,
    out,
    headline: f.headline,
    lastYear: f.lastYear,
    reasons: f.reasons.map((r) => ({ code: r.code, sessions: r.sessions })),
    lateness: f.lateness,
    breakdowns: f.breakdowns.map((b) => ({
      dimension: b.dimension,
      rows: b.rows.map((r) => ({
        key: r.key,
        group: r.group,
        rest: r.rest,
        absenceGap: r.absenceGap,
        persistentGap: r.persistentGap,
      })),
    })),
    movement: f.movement,
    actions: f.actions,
  };
}
