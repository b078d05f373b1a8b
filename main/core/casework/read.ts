// Reading a pupil's casework and one plan (docs/rules/casework.md). Restricted barrier detail is removed here, in
// the core, for a caller who may not read it: the office sees that the barrier exists, and its status.
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Input, Output } from '../../../shared/contract';
import {
  caseworkActions,
  caseworkBarriers,
  caseworkCheckins,
  caseworkLaJoint,
  caseworkMeetingBarriers,
  caseworkMeetings,
  caseworkPlanExports,
  caseworkPlanReviews,
  caseworkPlans,
  caseworkPlanVersions,
  caseworkReferrals,
} from '../db/schema-casework';
import type { Ctx } from '../context';
import { allCategories, loadPupil, mayReadRestricted, nameOf } from './common';
import { loadPlan, nextReviewOf, planContent, plannedCount } from './plans';
import { planEnd, planFigures, planWeeks } from './plan-figures';
import { pupilTimeline } from './timeline';
import { pupilBand } from './due';
import type { PlanContent } from '../../../shared/casework';

type ActionRow = typeof caseworkActions.$inferSelect;
const toAction = (ctx: Ctx, a: ActionRow) => ({
  id: a.id,
  what: a.what,
  ownerKind: a.ownerKind,
  ownerName: a.ownerName,
  dueOn: a.dueOn,
  status: a.status,
  doneOn: a.doneOn,
  statusNote: a.statusNote,
  meetingId: a.meetingId,
  barrierId: a.barrierId,
  planId: a.planId,
  overdue: a.status === 'open' && a.dueOn < ctx.today(),
});

export function categories(ctx: Ctx): Output<'casework.categories'> {
  return { categories: allCategories(ctx) };
}

function barriersOf(ctx: Ctx, pupilId: number, actions: ActionRow[]) {
  const see = mayReadRestricted(ctx.session);
  const labels = new Map(allCategories(ctx).map((c) => [c.code, c.label]));
  const rows = ctx.store.orm
    .select()
    .from(caseworkBarriers)
    .where(eq(caseworkBarriers.pupilId, pupilId))
    .orderBy(desc(caseworkBarriers.foundOn), desc(caseworkBarriers.id))
    .all();
  return rows.map((b) => {
    const hidden = b.restricted && !see;
    return {
      id: b.id,
      category: hidden ? 'restricted' : b.category,
      categoryLabel: hidden ? 'Restricted' : (labels.get(b.category) ?? b.category),
      side: b.side,
      description: hidden ? null : b.description,
      raisedBy: b.raisedBy,
      raisedByName: hidden ? null : b.raisedByName,
      foundOn: b.foundOn,
      status: b.status,
      closedOn: b.closedOn,
      restricted: b.restricted,
      hidden,
      actionIds: hidden ? [] : actions.filter((a) => a.barrierId === b.id).map((a) => a.id),
    };
  });
}

function meetingsOf(ctx: Ctx, pupilId: number, actions: ActionRow[]) {
  const ms = ctx.store.orm
    .select()
    .from(caseworkMeetings)
    .where(eq(caseworkMeetings.pupilId, pupilId))
    .orderBy(desc(caseworkMeetings.date), desc(caseworkMeetings.id))
    .all();
  const links = ms.length
    ? ctx.store.orm
        .select()
        .from(caseworkMeetingBarriers)
        .where(
          inArray(
            caseworkMeetingBarriers.meetingId,
            ms.map((m) => m.id),
          ),
        )
        .all()
    : [];
  return ms.map((m) => ({
    id: m.id,
    kind: m.kind,
    date: m.date,
    attendees: m.attendees,
    pupilView: m.pupilView,
    parentView: m.parentView,
    notes: m.notes,
    nextReview: m.nextReview,
    planId: m.planId,
    barrierIds: links.filter((l) => l.meetingId === m.id).map((l) => l.barrierId),
    actionIds: actions.filter((a) => a.meetingId === m.id).map((a) => a.id),
    recordedBy: m.recordedBy,
  }));
}

export function pupilCasework(ctx: Ctx, i: Input<'casework.pupil'>): Output<'casework.pupil'> {
  const p = loadPupil(ctx, i.pupilId);
  const actions = ctx.store.orm
    .select()
    .from(caseworkActions)
    .where(eq(caseworkActions.pupilId, p.id))
    .orderBy(asc(caseworkActions.dueOn), asc(caseworkActions.id))
    .all();
  return {
    pupilName: nameOf(p),
    barriers: barriersOf(ctx, p.id, actions),
    meetings: meetingsOf(ctx, p.id, actions),
    actions: actions.map((a) => toAction(ctx, a)),
    referrals: referralsOf(ctx, p.id),
    joint: jointOf(ctx, p.id),
    plans: plansOf(ctx, p.id),
    severe: pupilBand(ctx, p.id) === 'severe',
    timeline: pupilTimeline(ctx, p.id),
  };
}

/** The pupil's referrals, newest first. */
function referralsOf(ctx: Ctx, pupilId: number): Output<'casework.pupil'>['referrals'] {
  const r = caseworkReferrals;
  return ctx.store.orm
    .select({
      id: r.id,
      kind: r.kind,
      service: r.service,
      madeOn: r.madeOn,
      leadPractitioner: r.leadPractitioner,
      outcome: r.outcome,
      outcomeOn: r.outcomeOn,
    })
    .from(r)
    .where(eq(r.pupilId, pupilId))
    .orderBy(desc(r.madeOn))
    .all();
}

/** The pupil's joint plans agreed with the local authority, newest first. */
function jointOf(ctx: Ctx, pupilId: number): Output<'casework.pupil'>['joint'] {
  const j = caseworkLaJoint;
  return ctx.store.orm
    .select({
      id: j.id,
      agreedOn: j.agreedOn,
      laOfficer: j.laOfficer,
      agreedPlan: j.agreedPlan,
      nextReview: j.nextReview,
      considered: j.considered,
      recordedBy: j.recordedBy,
    })
    .from(j)
    .where(eq(j.pupilId, pupilId))
    .orderBy(desc(j.agreedOn), desc(j.id))
    .all();
}

/** The pupil's plans, newest first, with each one's key adult and next review. */
function plansOf(ctx: Ctx, pupilId: number): Output<'casework.pupil'>['plans'] {
  const plans = ctx.store.orm
    .select()
    .from(caseworkPlans)
    .where(eq(caseworkPlans.pupilId, pupilId))
    .orderBy(desc(caseworkPlans.startOn), desc(caseworkPlans.id))
    .all();
  return plans.map((pl) => ({
    id: pl.id,
    startOn: pl.startOn,
    status: pl.status,
    version: pl.currentVersion,
    outcome: pl.outcome,
    outcomeOn: pl.outcomeOn,
    keyAdult: planContent(ctx, pl.id, pl.currentVersion).keyAdult,
    nextReview: nextReviewOf(ctx, pl),
  }));
}

export function getPlan(ctx: Ctx, i: Input<'casework.plan.get'>): Output<'casework.plan.get'> {
  const plan = loadPlan(ctx, i.planId);
  const p = loadPupil(ctx, plan.pupilId);
  const content = planContent(ctx, plan.id, plan.currentVersion);
  return {
    plan: {
      id: plan.id,
      pupilId: p.id,
      pupilName: nameOf(p),
      startOn: plan.startOn,
      endOn: planEnd(ctx, plan),
      status: plan.status,
      version: plan.currentVersion,
      outcome: plan.outcome,
      outcomeOn: plan.outcomeOn,
      outcomeNote: plan.outcomeNote,
      keyAdult: content.keyAdult,
      nextReview: nextReviewOf(ctx, plan),
      content,
    },
    versions: versionsOf(ctx, plan.id),
    reviews: reviewsOf(ctx, plan.id),
    checkins: checkinsOf(ctx, plan.id),
    actions: ctx.store.orm
      .select()
      .from(caseworkActions)
      .where(eq(caseworkActions.planId, plan.id))
      .orderBy(asc(caseworkActions.dueOn))
      .all()
      .map((a) => toAction(ctx, a)),
    ...planFigures(ctx, plan),
    weeks: planWeeks(ctx, plan, content),
    plannedC2: plannedCount(ctx, plan.id),
    exports: exportsOf(ctx, plan.id),
  };
}

type Plan = Output<'casework.plan.get'>;

/** Every version of the plan, newest first, with what changed. */
function versionsOf(ctx: Ctx, planId: number): Plan['versions'] {
  const v = caseworkPlanVersions;
  return ctx.store.orm
    .select()
    .from(v)
    .where(eq(v.planId, planId))
    .orderBy(desc(v.version))
    .all()
    .map((r) => ({
      version: r.version,
      changeSummary: r.changeSummary,
      changedBy: r.changedBy,
      changedAt: r.changedAt,
      content: JSON.parse(r.content) as PlanContent,
    }));
}

/** The plan's reviews, newest first. */
function reviewsOf(ctx: Ctx, planId: number): Plan['reviews'] {
  const r = caseworkPlanReviews;
  return ctx.store.orm
    .select({
      id: r.id,
      reviewedOn: r.reviewedOn,
      attendees: r.attendees,
      notes: r.notes,
      changes: r.changes,
      nextReview: r.nextReview,
      recordedBy: r.recordedBy,
    })
    .from(r)
    .where(eq(r.planId, planId))
    .orderBy(desc(r.reviewedOn))
    .all();
}

/** The key adult's check-ins, newest first. */
function checkinsOf(ctx: Ctx, planId: number): Plan['checkins'] {
  const c = caseworkCheckins;
  return ctx.store.orm
    .select({ id: c.id, checkedOn: c.checkedOn, note: c.note, by: c.by })
    .from(c)
    .where(eq(c.planId, planId))
    .orderBy(desc(c.checkedOn))
    .all();
}

/** The plan's documents produced, newest first. */
function exportsOf(ctx: Ctx, planId: number): Plan['exports'] {
  const e = caseworkPlanExports;
  return ctx.store.orm
    .select({
      id: e.id,
      version: e.version,
      fileName: e.fileName,
      at: e.generatedAt,
      by: e.generatedBy,
      template: e.template,
    })
    .from(e)
    .where(eq(e.planId, planId))
    .orderBy(desc(e.id))
    .all();
}
