// Attendance before, during and after a reintegration plan, and the success measures week by week
// (docs/rules/casework.md): computed by shared/statistics exactly as `report pupils` computes them.
import type { PlanContent } from '../../../shared/casework';
import { addDays, daysBetween, mondayOf, type IsoDate } from '../../../shared/dates';
import { computePupilStats } from '../../../shared/statistics';
import { buildPeriodContext } from '../../../shared/statistics/periods';
import type { Calendar } from '../../../shared/calendar';
import type { Ctx } from '../context';
import { loadCalendar } from '../calendar/calendar.service';
import { schoolAtRiskLowerPct } from '../reports/report-pupils';
import type { PlanRow } from './plans';
import { pupilMarksBetween } from '../registers/pupil-marks';

export interface RangeFigures {
  from: IsoDate;
  to: IsoDate;
  possible: number;
  attended: number;
  present: number;
  authorised: number;
  unauthorised: number;
  attendancePct: number | null;
  lateBeforeClose: number;
  lateAfterClose: number;
}

/** One pupil's figures over [from, to], as report pupils gives them. */
export function rangeFigures(
  ctx: Ctx,
  pupilId: number,
  from: IsoDate,
  to: IsoDate,
  cal?: Calendar,
): RangeFigures {
  const db = ctx.store.db;
  // The plan's or the pupil page's pupil; a missing one is unchecked here, as before.
  const p = db.prepare<[number], { upn: string }>('SELECT upn FROM pupils WHERE id = ?').get(pupilId)!;
  const pctx = buildPeriodContext(
    cal ?? loadCalendar(db),
    { from, to, asOf: to < ctx.today() ? ctx.today() : to },
    {
      atRiskLowerPct: schoolAtRiskLowerPct(db),
    },
  );
  const marks = pupilMarksBetween(db, pupilId, pctx.earliestMarkDate, to);
  const s = computePupilStats(pctx, { upn: p.upn }, marks);
  return {
    from,
    to,
    possible: s.possible,
    attended: s.attended,
    present: s.present,
    authorised: s.authorised,
    unauthorised: s.unauthorised,
    attendancePct: s.attendancePct,
    lateBeforeClose: s.lateBeforeClose,
    lateAfterClose: s.lateAfterClose,
  };
}

/** The plan's end for its figures: the outcome date once closed, else today (never before the start). */
export function planEnd(ctx: Ctx, plan: PlanRow): IsoDate {
  const end = plan.outcomeOn ?? ctx.today();
  return end < plan.startOn ? plan.startOn : end;
}

/** Before: the same length of time just before the start. During: start to end. After (closed plans): the same
 * length after the outcome date, up to today. */
export function planRanges(ctx: Ctx, plan: PlanRow) {
  const end = planEnd(ctx, plan);
  const len = daysBetween(plan.startOn, end);
  const before = { from: addDays(plan.startOn, -(len + 1)), to: addDays(plan.startOn, -1) };
  const during = { from: plan.startOn, to: end };
  let after: { from: IsoDate; to: IsoDate } | null = null;
  if (plan.status === 'closed' && end < ctx.today()) {
    const to = addDays(end, len + 1);
    after = { from: addDays(end, 1), to: to < ctx.today() ? to : ctx.today() };
  }
  return { before, during, after };
}

export function planFigures(ctx: Ctx, plan: PlanRow) {
  const cal = loadCalendar(ctx.store.db);
  const r = planRanges(ctx, plan);
  return {
    before: rangeFigures(ctx, plan.pupilId, r.before.from, r.before.to, cal),
    during: rangeFigures(ctx, plan.pupilId, r.during.from, r.during.to, cal),
    after: r.after ? rangeFigures(ctx, plan.pupilId, r.after.from, r.after.to, cal) : null,
  };
}

/** The plan's weeks (Monday to Friday) with the success measures against their targets. */
export function planWeeks(ctx: Ctx, plan: PlanRow, c: PlanContent) {
  const cal = loadCalendar(ctx.store.db);
  const end = planEnd(ctx, plan);
  const weeks = [];
  let running = { possible: 0, attended: 0 };
  for (let m = mondayOf(plan.startOn); m <= end; m = addDays(m, 7)) {
    const from = m < plan.startOn ? plan.startOn : m;
    const fri = addDays(m, 4);
    const to = fri > end ? end : fri;
    const f = rangeFigures(ctx, plan.pupilId, from, to, cal);
    running = { possible: running.possible + f.possible, attended: running.attended + f.attended };
    const late = f.lateBeforeClose + f.lateAfterClose;
    const measures = c.measures.map((x) => {
      const value =
        x.kind === 'sessions_per_week'
          ? f.attended
          : x.kind === 'late_per_week'
            ? late
            : running.possible
              ? (100 * running.attended) / running.possible
              : null;
      const met =
        value === null || f.possible === 0
          ? null
          : x.kind === 'late_per_week'
            ? value <= x.target
            : value >= x.target;
      return { kind: x.kind, value, met };
    });
    weeks.push({
      monday: m,
      possible: f.possible,
      attended: f.attended,
      late,
      attendancePct: f.attendancePct,
      measures,
    });
  }
  return weeks;
}
