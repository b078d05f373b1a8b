// One pupil's figures (docs/rules/statistics.md §3–7) for the pupil page: the same functions as `report
// pupils`, so the page, the dashboard and the CLI can never disagree.
import type { Input, Output } from '../../../shared/contract';
import { computePupilStats } from '../../../shared/statistics';
import { buildPeriodContext } from '../../../shared/statistics/periods';
import type { Ctx } from '../context';
import { noSuchPupil } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { checkReportPeriod, schoolAtRiskLowerPct } from './report-pupils';
import { pupilMarksBetween } from '../registers/pupil-marks';

export function pupilFigures(ctx: Ctx, i: Input<'reports.pupilFigures'>): Output<'reports.pupilFigures'> {
  const db = ctx.store.db;
  const period = checkReportPeriod({ from: i.from, to: i.to, asOf: i.asOf });
  const p = db.prepare<[number], { upn: string }>('SELECT upn FROM pupils WHERE id = ?').get(i.pupilId);
  if (!p) {
    throw noSuchPupil();
  }
  const pctx = buildPeriodContext(loadCalendar(db), period, { atRiskLowerPct: schoolAtRiskLowerPct(db) });
  const marks = pupilMarksBetween(db, i.pupilId, pctx.earliestMarkDate, period.to);
  return {
    from: period.from,
    to: period.to,
    asOf: period.asOf,
    figures: computePupilStats(pctx, { upn: p.upn }, marks),
  };
}
