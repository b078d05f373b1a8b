// Writing casework records (docs/rules/casework.md): barriers, meetings with the actions agreed at them, actions,
// referrals and the LA joint approach. Nothing is deleted: a barrier is resolved, an action cancelled with a reason.
import { eq } from 'drizzle-orm';
import type { Input, Output } from '../../../shared/contract';
import {
  caseworkActions,
  caseworkBarrierCategories,
  caseworkBarriers,
  caseworkLaJoint,
  caseworkMeetingBarriers,
  caseworkMeetings,
  caseworkPlans,
  caseworkReferrals,
} from '../db/schema-casework';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { allCategories, categoryOf, loadPupil, nameOf, notFuture } from './common';

export function addCategory(ctx: Ctx, i: Input<'casework.addCategory'>): Output<'casework.addCategory'> {
  const code = `school_${i.label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 40)}`;
  if (allCategories(ctx).some((c) => c.code === code || c.label.toLowerCase() === i.label.toLowerCase())) {
    throw new AppError('conflict', `There is already a category called "${i.label}".`);
  }
  ctx.store.orm
    .insert(caseworkBarrierCategories)
    .values({
      code,
      label: i.label,
      usually: i.usually,
      restricted: i.restricted,
      addedBy: ctx.session.userName,
      addedAt: ctx.now(),
    })
    .run();
  ctx.audit('casework.addCategory', 'casework_barrier_categories', code, i);
  return { code };
}

export function addBarrier(ctx: Ctx, i: Input<'casework.addBarrier'>): Output<'casework.addBarrier'> {
  loadPupil(ctx, i.pupilId);
  const c = categoryOf(ctx, i.category);
  notFuture(ctx, i.foundOn, 'foundOn', 'The date the barrier was found');
  const r = ctx.store.orm
    .insert(caseworkBarriers)
    .values({
      pupilId: i.pupilId,
      category: c.code,
      side: i.side,
      description: i.description,
      raisedBy: i.raisedBy,
      raisedByName: i.raisedByName ?? null,
      foundOn: i.foundOn,
      restricted: c.restricted,
      recordedBy: ctx.session.userName,
      recordedAt: ctx.now(),
    })
    .returning({ id: caseworkBarriers.id })
    .get();
  ctx.audit('casework.addBarrier', 'casework_barriers', r.id, { pupilId: i.pupilId, category: c.code });
  return { id: r.id };
}

export function updateBarrier(
  ctx: Ctx,
  i: Input<'casework.updateBarrier'>,
): Output<'casework.updateBarrier'> {
  const b = ctx.store.orm.select().from(caseworkBarriers).where(eq(caseworkBarriers.id, i.id)).get();
  if (!b) {
    throw new AppError('not_found', 'There is no such barrier.');
  }
  const closedOn = i.status === 'resolved' ? (i.closedOn ?? ctx.today()) : null;
  if (closedOn) {
    notFuture(ctx, closedOn, 'closedOn', 'The date the barrier was resolved');
    if (closedOn < b.foundOn) {
      throw new AppError('invalid', 'A barrier cannot be resolved before it was found.', [
        { path: 'closedOn', message: 'before the date found' },
      ]);
    }
  }
  ctx.store.orm
    .update(caseworkBarriers)
    .set({
      status: i.status,
      closedOn,
      description: i.description ?? b.description,
      updatedBy: ctx.session.userName,
      updatedAt: ctx.now(),
    })
    .where(eq(caseworkBarriers.id, i.id))
    .run();
  ctx.audit('casework.updateBarrier', 'casework_barriers', i.id, { from: b.status, to: i.status, closedOn });
  return { ok: true };
}

function checkBarriersOf(ctx: Ctx, pupilId: number, ids: readonly number[]): void {
  for (const id of ids) {
    const b = ctx.store.orm.select().from(caseworkBarriers).where(eq(caseworkBarriers.id, id)).get();
    if (!b || b.pupilId !== pupilId) {
      throw new AppError('invalid', 'A barrier named is not one of this pupil’s barriers.', [
        { path: 'barrierIds', message: 'not this pupil’s barrier' },
      ]);
    }
  }
}

export function checkPlanOf(ctx: Ctx, pupilId: number, planId: number | null | undefined): number | null {
  if (planId === null || planId === undefined) {
    return null;
  }
  const p = ctx.store.orm.select().from(caseworkPlans).where(eq(caseworkPlans.id, planId)).get();
  if (!p || p.pupilId !== pupilId) {
    throw new AppError('invalid', 'The plan named is not one of this pupil’s plans.', [
      { path: 'planId', message: 'not this pupil’s plan' },
    ]);
  }
  return p.id;
}

export type ActionIn = NonNullable<Input<'casework.addMeeting'>['actions']>[number] & {
  barrierId?: number | null;
  planId?: number | null;
  meetingId?: number | null;
};
/** Adds one action on a pupil's casework; other areas (the LA meeting) record their actions through this. */
export function insertAction(ctx: Ctx, pupilId: number, a: ActionIn): number {
  return ctx.store.orm
    .insert(caseworkActions)
    .values({
      pupilId,
      what: a.what,
      ownerKind: a.ownerKind,
      ownerName: a.ownerName ?? null,
      dueOn: a.dueOn,
      meetingId: a.meetingId ?? null,
      barrierId: a.barrierId ?? null,
      planId: a.planId ?? null,
      recordedBy: ctx.session.userName,
      recordedAt: ctx.now(),
    })
    .returning({ id: caseworkActions.id })
    .get().id;
}

export function addMeeting(ctx: Ctx, i: Input<'casework.addMeeting'>): Output<'casework.addMeeting'> {
  const p = loadPupil(ctx, i.pupilId);
  notFuture(ctx, i.date, 'date', `A meeting about ${nameOf(p)} recorded as held`);
  if (i.nextReview && i.nextReview < i.date) {
    throw new AppError('invalid', 'The next review is before the meeting.', [
      { path: 'nextReview', message: 'before the meeting' },
    ]);
  }
  const barrierIds = i.barrierIds ?? [];
  checkBarriersOf(ctx, i.pupilId, barrierIds);
  const planId = checkPlanOf(ctx, i.pupilId, i.planId);
  const m = ctx.store.orm
    .insert(caseworkMeetings)
    .values({
      pupilId: i.pupilId,
      kind: i.kind,
      date: i.date,
      attendees: i.attendees,
      pupilView: i.pupilView ?? null,
      parentView: i.parentView ?? null,
      notes: i.notes ?? null,
      nextReview: i.nextReview ?? null,
      planId,
      recordedBy: ctx.session.userName,
      recordedAt: ctx.now(),
    })
    .returning({ id: caseworkMeetings.id })
    .get();
  for (const b of new Set(barrierIds)) {
    ctx.store.orm.insert(caseworkMeetingBarriers).values({ meetingId: m.id, barrierId: b }).run();
  }
  const actionIds = (i.actions ?? []).map((a) =>
    insertAction(ctx, i.pupilId, { ...a, meetingId: m.id, planId }),
  );
  ctx.audit('casework.addMeeting', 'casework_meetings', m.id, {
    pupilId: i.pupilId,
    kind: i.kind,
    actions: actionIds.length,
  });
  return { id: m.id, actionIds };
}

export function addAction(ctx: Ctx, i: Input<'casework.addAction'>): Output<'casework.addAction'> {
  loadPupil(ctx, i.pupilId);
  if (i.barrierId) {
    checkBarriersOf(ctx, i.pupilId, [i.barrierId]);
  }
  const planId = checkPlanOf(ctx, i.pupilId, i.planId);
  const id = insertAction(ctx, i.pupilId, { ...i, planId });
  ctx.audit('casework.addAction', 'casework_actions', id, { pupilId: i.pupilId });
  return { id };
}

export function setAction(ctx: Ctx, i: Input<'casework.setAction'>): Output<'casework.setAction'> {
  const a = ctx.store.orm.select().from(caseworkActions).where(eq(caseworkActions.id, i.id)).get();
  if (!a) {
    throw new AppError('not_found', 'There is no such action.');
  }
  if (a.status === 'cancelled') {
    throw new AppError('refused', 'This action was cancelled; record a new action instead.');
  }
  if (i.status === 'cancelled' && !i.note?.trim()) {
    throw new AppError('invalid', 'Say why the action is cancelled.', [
      { path: 'note', message: 'a reason is required' },
    ]);
  }
  const on = i.status === 'open' || i.status === 'cancelled' ? null : (i.on ?? ctx.today());
  if (on) {
    notFuture(ctx, on, 'on', 'The date the action was done');
  }
  ctx.store.orm
    .update(caseworkActions)
    .set({
      status: i.status,
      doneOn: on,
      statusNote: i.note ?? null,
      updatedBy: ctx.session.userName,
      updatedAt: ctx.now(),
    })
    .where(eq(caseworkActions.id, i.id))
    .run();
  ctx.audit('casework.setAction', 'casework_actions', i.id, {
    from: a.status,
    to: i.status,
    note: i.note ?? null,
  });
  return { ok: true };
}

export function addReferral(ctx: Ctx, i: Input<'casework.addReferral'>): Output<'casework.addReferral'> {
  loadPupil(ctx, i.pupilId);
  notFuture(ctx, i.madeOn, 'madeOn', 'The date of the referral');
  const r = ctx.store.orm
    .insert(caseworkReferrals)
    .values({
      pupilId: i.pupilId,
      kind: i.kind,
      service: i.service,
      madeOn: i.madeOn,
      leadPractitioner: i.leadPractitioner ?? null,
      recordedBy: ctx.session.userName,
      recordedAt: ctx.now(),
    })
    .returning({ id: caseworkReferrals.id })
    .get();
  ctx.audit('casework.addReferral', 'casework_referrals', r.id, { pupilId: i.pupilId, kind: i.kind });
  return { id: r.id };
}

export function referralOutcome(
  ctx: Ctx,
  i: Input<'casework.referralOutcome'>,
): Output<'casework.referralOutcome'> {
  const r = ctx.store.orm.select().from(caseworkReferrals).where(eq(caseworkReferrals.id, i.id)).get();
  if (!r) {
    throw new AppError('not_found', 'There is no such referral.');
  }
  if (i.outcomeOn < r.madeOn) {
    throw new AppError('invalid', 'The outcome is dated before the referral.', [
      { path: 'outcomeOn', message: 'before the referral' },
    ]);
  }
  ctx.store.orm
    .update(caseworkReferrals)
    .set({
      outcome: i.outcome,
      outcomeOn: i.outcomeOn,
      updatedBy: ctx.session.userName,
      updatedAt: ctx.now(),
    })
    .where(eq(caseworkReferrals.id, i.id))
    .run();
  ctx.audit('casework.referralOutcome', 'casework_referrals', i.id, { before: r.outcome, after: i.outcome });
  return { ok: true };
}

export function addJoint(ctx: Ctx, i: Input<'casework.addJoint'>): Output<'casework.addJoint'> {
  loadPupil(ctx, i.pupilId);
  notFuture(ctx, i.agreedOn, 'agreedOn', 'The date the joint approach was agreed');
  const r = ctx.store.orm
    .insert(caseworkLaJoint)
    .values({
      pupilId: i.pupilId,
      agreedOn: i.agreedOn,
      laOfficer: i.laOfficer,
      agreedPlan: i.agreedPlan,
      nextReview: i.nextReview ?? null,
      considered: i.considered ?? null,
      recordedBy: ctx.session.userName,
      recordedAt: ctx.now(),
    })
    .returning({ id: caseworkLaJoint.id })
    .get();
  ctx.audit('casework.addJoint', 'casework_la_joint', r.id, { pupilId: i.pupilId });
  return { id: r.id };
}
