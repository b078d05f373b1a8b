// One pupil's figures (docs/rules/statistics.md §3–7) for the pupil page: the same functions as `report
// pupils`, so the page, the dashboard and the CLI can never disagree.
import type { Input, Output } from '../../../shared/contract';
import {
  buildPeriodContext,
  computePupilStats,
  DEFAULT_AT_RISK_LOWER_PCT,
  type StatsMark,
} from '../../../shared/statistics';
import type { Ctx } from '../context';
import { noSuchPupil } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { checkReportPeriod } from './report-pupils';

export function pupilFigures(ctx: Ctx, i: Input<'reports.pupilFigures'>): Output<'reports.pupilFigures'> {
  const db = ctx.store.db;
  const period = checkReportPeriod({ from: i.from, to: i.to, asOf: i.asOf });
  const p = db.prepare('SELECT upn FROM pupils WHERE id = ?').get(i.pupilId) as { upn: string } | undefined;
  if (!p) {
    throw noSuchPupil();
  }
  const school = db.prepare('SELECT at_risk_lower_pct AS pct FROM school WHERE id = 1').get() as
    { pct: number } | undefined;
  const pctx = buildPeriodContext(loadCalendar(db), period, {
    atRiskLowerPct: school?.pct ?? DEFAULT_AT_RISK_LOWER_PCT,
  });
  const marks = db
    .prepare(
      'SELECT date, session, code, minutes_late AS minutesLate FROM marks WHERE pupil_id = ? AND date >= ? AND date <= ? ORDER BY date, session',
    )
    .all(i.pupilId, pctx.earliestMarkDate, period.to) as StatsMark[];
  return {
    from: period.from,
    to: period.to,
    asOf: period.asOf,
    figures: computePupilStats(pctx, { upn: p.upn }, marks),
  };
}
