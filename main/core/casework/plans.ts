// Attendance reintegration plans (docs/rules/casework.md): every change is a new version (append-only), reviews and
// check-ins are appended, a closed plan is read-only (triggers in 0018). A part-time step of the phased timetable
// puts C2 on the sessions it leaves out through the planned-marks path; the register itself is never written here.
import { replacePlannedMarksFrom } from '../registers/planned-marks';
import { and, eq } from 'drizzle-orm';
import type { Input, Output } from '../../../shared/contract';
import { FIRST_REVIEW_DAYS, isPartTime, type PlanContent } from '../../../shared/casework';
import { addDays, weekday, type IsoDate } from '../../../shared/dates';
import {
  caseworkCheckins,
  caseworkPlanReviews,
  caseworkPlans,
  caseworkPlanVersions,
} from '../db/schema-casework';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { loadPupil, nameOf, notFuture } from './common';

export const PLAN_SOURCE = 'casework_plan';
export type PlanRow = typeof caseworkPlans.$inferSelect;

export function loadPlan(ctx: Ctx, id: number): PlanRow {
  const p = ctx.store.orm.select().from(caseworkPlans).where(eq(caseworkPlans.id, id)).get();
  if (!p) {
    throw new AppError('not_found', 'There is no such reintegration plan.');
  }
  return p;
}

function openPlan(ctx: Ctx, id: number): PlanRow {
  const p = loadPlan(ctx, id);
  if (p.status === 'closed') {
    throw new AppError('refused', 'This plan is closed and read-only.');
  }
  return p;
}

export function planContent(ctx: Ctx, planId: number, version: number): PlanContent {
  const v = ctx.store.orm
    .select()
    .from(caseworkPlanVersions)
    .where(and(eq(caseworkPlanVersions.planId, planId), eq(caseworkPlanVersions.version, version)))
    .get();
  if (!v) {
    throw new AppError('internal', `Version ${version} of the plan is missing.`);
  }
  return JSON.parse(v.content) as PlanContent;
}

function checkContent(ctx: Ctx, pupilId: number, startOn: IsoDate, c: PlanContent): void {
  const issues: { path: string; message: string }[] = [];
  c.steps.forEach((s, k) => {
    if (s.from < startOn) {
      issues.push({ path: `content.steps.${k}.from`, message: 'a step starts before the plan' });
    }
    if (k > 0 && s.from <= c.steps[k - 1].to) {
      issues.push({
        path: `content.steps.${k}.from`,
        message: 'steps follow one another without overlapping',
      });
    }
  });
  if (c.firstReview < startOn) {
    issues.push({ path: 'content.firstReview', message: 'the first review is before the plan starts' });
  }
  const own = new Set(
    ctx.store.db
      .prepare<
        [number],
        {
          id: number;
        }
      >('SELECT id FROM casework_barriers WHERE pupil_id = ?')
      .all(pupilId)
      .map((b) => b.id),
  );
  if (c.barrierIds.some((b) => !own.has(b))) {
    issues.push({ path: 'content.barrierIds', message: 'a linked barrier is not this pupil’s' });
  }
  if (issues.length) {
    throw new AppError('invalid', issues.map((x) => x.message).join('; '), issues);
  }
}

/** The C2 sessions of the part-time steps on or after `since`: school days the step leaves out. */
export function plannedSessions(
  ctx: Ctx,
  c: PlanContent,
  since: IsoDate,
): { date: IsoDate; session: 'AM' | 'PM' }[] {
  const cal = loadCalendar(ctx.store.db);
  const out: { date: IsoDate; session: 'AM' | 'PM' }[] = [];
  for (const s of c.steps.filter(isPartTime)) {
    const attends = new Set(s.attends.map((a) => `${a.weekday}${a.session}`));
    for (let d = s.from > since ? s.from : since; d <= s.to; d = addDays(d, 1)) {
      if (!cal.isSchoolDay(d)) {
        continue;
      }
      for (const session of ['AM', 'PM'] as const) {
        if (!attends.has(`${weekday(d)}${session}`)) {
          out.push({ date: d, session });
        }
      }
    }
  }
  return out;
}

/** Rewrites the plan's planned C2 marks from `since` on (those before stay as they were); returns how many. */
function writePlanned(ctx: Ctx, plan: PlanRow, c: PlanContent | null, since: IsoDate): number {
  const marks = (c ? plannedSessions(ctx, c, since) : []).map((s) => ({
    pupilId: plan.pupilId,
    date: s.date,
    session: s.session,
    code: 'C2',
    note: 'Part-time timetable of the reintegration plan',
  }));
  const owner = { source: PLAN_SOURCE, sourceId: plan.id };
  return replacePlannedMarksFrom(ctx.store.db, owner, since, marks, {
    at: ctx.now(),
    userName: ctx.session.userName,
  });
}

export function plannedCount(ctx: Ctx, planId: number): number {
  // count(*) without GROUP BY: always one row, hence the `!`.
  return ctx.store.db
    .prepare<[string, number], { n: number }>(
      'SELECT count(*) AS n FROM planned_marks WHERE source = ? AND source_id = ?',
    )
    .get(PLAN_SOURCE, planId)!.n;
}

export function createPlan(ctx: Ctx, i: Input<'casework.plan.create'>): Output<'casework.plan.create'> {
  const p = loadPupil(ctx, i.pupilId);
  checkContent(ctx, i.pupilId, i.startOn, i.content);
  if (i.content.firstReview > addDays(i.startOn, FIRST_REVIEW_DAYS)) {
    throw new AppError(
      'invalid',
      `The first review of ${nameOf(p)}’s plan falls within ${FIRST_REVIEW_DAYS} days of its start.`,
      [{ path: 'content.firstReview', message: `within ${FIRST_REVIEW_DAYS} days of the start` }],
    );
  }
  const plan = ctx.store.orm
    .insert(caseworkPlans)
    .values({ pupilId: i.pupilId, startOn: i.startOn, createdBy: ctx.session.userName, createdAt: ctx.now() })
    .returning()
    .get();
  ctx.store.orm
    .insert(caseworkPlanVersions)
    .values({
      planId: plan.id,
      version: 1,
      content: JSON.stringify(i.content),
      changeSummary: 'Plan written',
      changedBy: ctx.session.userName,
      changedAt: ctx.now(),
    })
    .run();
  const plannedC2 = writePlanned(ctx, plan, i.content, i.startOn);
  ctx.audit('casework.plan.create', 'casework_plans', plan.id, { pupilId: i.pupilId, plannedC2 });
  return { id: plan.id, plannedC2 };
}

export function revisePlan(ctx: Ctx, i: Input<'casework.plan.revise'>): Output<'casework.plan.revise'> {
  const plan = openPlan(ctx, i.planId);
  checkContent(ctx, plan.pupilId, plan.startOn, i.content);
  const version = plan.currentVersion + 1;
  ctx.store.orm
    .insert(caseworkPlanVersions)
    .values({
      planId: plan.id,
      version,
      content: JSON.stringify(i.content),
      changeSummary: i.changeSummary,
      changedBy: ctx.session.userName,
      changedAt: ctx.now(),
    })
    .run();
  ctx.store.orm
    .update(caseworkPlans)
    .set({ currentVersion: version })
    .where(eq(caseworkPlans.id, plan.id))
    .run();
  const since = ctx.today() > plan.startOn ? ctx.today() : plan.startOn;
  writePlanned(ctx, plan, i.content, since);
  ctx.audit('casework.plan.revise', 'casework_plans', plan.id, { version, summary: i.changeSummary });
  return { version, plannedC2: plannedCount(ctx, plan.id) };
}

export function reviewPlan(ctx: Ctx, i: Input<'casework.plan.review'>): Output<'casework.plan.review'> {
  const plan = openPlan(ctx, i.planId);
  notFuture(ctx, i.reviewedOn, 'reviewedOn', 'A review recorded as held');
  if (i.reviewedOn < plan.startOn) {
    throw new AppError('invalid', 'The review is dated before the plan started.', [
      { path: 'reviewedOn', message: 'before the plan' },
    ]);
  }
  if (i.nextReview && i.nextReview <= i.reviewedOn) {
    throw new AppError('invalid', 'The next review falls after this one.', [
      { path: 'nextReview', message: 'not after this review' },
    ]);
  }
  const r = ctx.store.orm
    .insert(caseworkPlanReviews)
    .values({
      planId: plan.id,
      reviewedOn: i.reviewedOn,
      attendees: i.attendees,
      notes: i.notes,
      changes: i.changes ?? null,
      nextReview: i.nextReview ?? null,
      recordedBy: ctx.session.userName,
      recordedAt: ctx.now(),
    })
    .returning({ id: caseworkPlanReviews.id })
    .get();
  ctx.audit('casework.plan.review', 'casework_plans', plan.id, { reviewId: r.id });
  return { id: r.id };
}

export function checkinPlan(ctx: Ctx, i: Input<'casework.plan.checkin'>): Output<'casework.plan.checkin'> {
  const plan = openPlan(ctx, i.planId);
  notFuture(ctx, i.checkedOn, 'checkedOn', 'A check-in');
  const r = ctx.store.orm
    .insert(caseworkCheckins)
    .values({
      planId: plan.id,
      checkedOn: i.checkedOn,
      note: i.note ?? null,
      by: ctx.session.userName,
      at: ctx.now(),
    })
    .returning({ id: caseworkCheckins.id })
    .get();
  return { id: r.id };
}

export function closePlan(ctx: Ctx, i: Input<'casework.plan.close'>): Output<'casework.plan.close'> {
  const plan = openPlan(ctx, i.planId);
  notFuture(ctx, i.outcomeOn, 'outcomeOn', 'The outcome date');
  if (i.outcomeOn < plan.startOn) {
    throw new AppError('invalid', 'The outcome is dated before the plan started.', [
      { path: 'outcomeOn', message: 'before the plan' },
    ]);
  }
  writePlanned(ctx, plan, null, addDays(i.outcomeOn, 1));
  ctx.store.orm
    .update(caseworkPlans)
    .set({
      status: 'closed',
      outcome: i.outcome,
      outcomeOn: i.outcomeOn,
      outcomeNote: i.note,
      closedBy: ctx.session.userName,
    })
    .where(eq(caseworkPlans.id, plan.id))
    .run();
  ctx.audit('casework.plan.close', 'casework_plans', plan.id, { outcome: i.outcome, outcomeOn: i.outcomeOn });
  return { ok: true };
}

/** The date a plan's next review falls due: the latest review's next date, else the content's first review. */
export function nextReviewOf(ctx: Ctx, plan: PlanRow): IsoDate | null {
  if (plan.status === 'closed') {
    return null;
  }
  const last = ctx.store.db
    .prepare<[number], { n: string | null }>(
      'SELECT next_review AS n FROM casework_plan_reviews WHERE plan_id = ? ORDER BY reviewed_on DESC, id DESC LIMIT 1',
    )
    .get(plan.id);
  return last ? last.n : planContent(ctx, plan.id, plan.currentVersion).firstReview;
}
