// Health and SEND on the pupil (docs/rules/arrangements.md, "Health and SEND"): the individual healthcare plan and
// its review date, the EHC plan's annual review date, adjustments agreed, the sickness return to the LA at 15
// school days (30 sessions) of illness in the school year, and the professionals around the pupil with the log of
// each notice. Health details go only to the lead and the head: this file leaves them out for anyone else.
import { and, asc, desc, eq } from 'drizzle-orm';
import { HEALTH_READERS, SICKNESS_RETURN_SESSIONS } from '../../../shared/channels/arrangements-health';
import type { Input, Output } from '../../../shared/contract';
import { academicYearOf, academicYearRange, formatUkDate, type IsoDate } from '../../../shared/dates';
import { plural, pupilName } from '../../../shared/names';
import type { Ctx } from '../context';
import type { Db } from '../db/connection';
import { AppError, noSuchPupil } from '../errors';
import { pupils } from '../db/schema';
import {
  healthAdjustments,
  healthPlans,
  professionalNotices,
  pupilProfessionals,
  sicknessReturns,
} from '../db/schema-arrangements-health';

const by = (ctx: Ctx) => ctx.session.displayName ?? ctx.session.userName;
export const mayReadHealth = (ctx: Ctx) => ctx.session.roles.some((r) => HEALTH_READERS.includes(r));

function pupilRow(ctx: Ctx, id: number) {
  const p = ctx.store.orm.select().from(pupils).where(eq(pupils.id, id)).get();
  if (!p) {
    throw noSuchPupil();
  }
  return p;
}

/** Illness (I) sessions in the school year of `on`, up to `on`, and the date of the 30th if reached. */
export function illnessInYear(db: Db, pupilId: number, on: IsoDate) {
  const { from } = academicYearRange(academicYearOf(on));
  // count(*) without GROUP BY: always one row, hence the `!`.
  const n = db
    .prepare<[number, string, string], { n: number }>(
      "SELECT count(*) AS n FROM marks WHERE pupil_id = ? AND code = 'I' AND date BETWEEN ? AND ?",
    )
    .get(pupilId, from, on)!.n;
  const nth = db
    .prepare<[number, string, string, number], { date: string }>(
      "SELECT date FROM marks WHERE pupil_id = ? AND code = 'I' AND date BETWEEN ? AND ? ORDER BY date, session LIMIT 1 OFFSET ?",
    )
    .get(pupilId, from, on, SICKNESS_RETURN_SESSIONS - 1);
  return { illnessSessions: n, reachedOn: nth?.date ?? null, academicYear: academicYearOf(on) };
}

/** The professionals in force: the newest entry per kind, unless it ended the role (name null). */
export function professionalsOf(ctx: Ctx, pupilId: number) {
  const rows = ctx.store.orm
    .select()
    .from(pupilProfessionals)
    .where(eq(pupilProfessionals.pupilId, pupilId))
    .orderBy(desc(pupilProfessionals.id))
    .all();
  const seen = new Set<string>();
  const out: Output<'arrangements.health'>['professionals'] = [];
  for (const r of rows) {
    if (seen.has(r.kind)) {
      continue;
    }
    seen.add(r.kind);
    if (r.name) {
      out.push({ kind: r.kind, name: r.name, organisation: r.organisation, phone: r.phone, email: r.email });
    }
  }
  return out;
}

function healthOf(ctx: Ctx, pupilId: number): NonNullable<Output<'arrangements.health'>['health']> {
  const orm = ctx.store.orm;
  const plan = orm
    .select()
    .from(healthPlans)
    .where(eq(healthPlans.pupilId, pupilId))
    .orderBy(desc(healthPlans.id))
    .limit(1)
    .get();
  const ill = illnessInYear(ctx.store.db, pupilId, ctx.today());
  return {
    plan: plan
      ? {
          ihcp: plan.ihcp,
          ihcpReviewOn: plan.ihcpReviewOn,
          ehcpReviewOn: plan.ehcpReviewOn,
          notes: plan.notes,
          by: plan.by,
          at: plan.at,
        }
      : null,
    adjustments: orm
      .select({
        id: healthAdjustments.id,
        what: healthAdjustments.what,
        fromDate: healthAdjustments.fromDate,
        reviewOn: healthAdjustments.reviewOn,
        by: healthAdjustments.by,
      })
      .from(healthAdjustments)
      .where(eq(healthAdjustments.pupilId, pupilId))
      .orderBy(asc(healthAdjustments.fromDate))
      .all(),
    sickness: {
      illnessSessions: ill.illnessSessions,
      reachedOn: ill.reachedOn,
      returns: orm
        .select({ sentOn: sicknessReturns.sentOn, how: sicknessReturns.how, by: sicknessReturns.by })
        .from(sicknessReturns)
        .where(and(eq(sicknessReturns.pupilId, pupilId), eq(sicknessReturns.academicYear, ill.academicYear)))
        .all(),
    },
  };
}

export function readHealth(ctx: Ctx, i: Input<'arrangements.health'>): Output<'arrangements.health'> {
  pupilRow(ctx, i.pupilId);
  return {
    health: mayReadHealth(ctx) ? healthOf(ctx, i.pupilId) : null,
    professionals: professionalsOf(ctx, i.pupilId),
    notices: ctx.store.orm
      .select({
        kind: professionalNotices.kind,
        date: professionalNotices.date,
        how: professionalNotices.how,
        note: professionalNotices.note,
        by: professionalNotices.by,
      })
      .from(professionalNotices)
      .where(eq(professionalNotices.pupilId, i.pupilId))
      .orderBy(desc(professionalNotices.date), desc(professionalNotices.id))
      .all(),
  };
}

export function savePlan(
  ctx: Ctx,
  i: Input<'arrangements.healthPlanSave'>,
): Output<'arrangements.healthPlanSave'> {
  const p = pupilRow(ctx, i.pupilId);
  if (i.ihcp && !i.ihcpReviewOn) {
    throw new AppError('invalid', `Set the review date of ${pupilName(p)}'s individual healthcare plan.`, [
      { path: 'ihcpReviewOn', message: 'required with a healthcare plan' },
    ]);
  }
  if (i.ehcpReviewOn && p.sen !== 'E') {
    throw new AppError(
      'invalid',
      `${pupilName(p)} has no EHC plan on record (SEN is not "E"): record the plan on the pupil page first.`,
      [{ path: 'ehcpReviewOn', message: 'no EHC plan' }],
    );
  }
  const row = ctx.store.orm
    .insert(healthPlans)
    .values({
      pupilId: i.pupilId,
      ihcp: i.ihcp,
      ihcpReviewOn: i.ihcp ? (i.ihcpReviewOn ?? null) : null,
      ehcpReviewOn: i.ehcpReviewOn ?? null,
      notes: i.notes || null,
      by: by(ctx),
      at: ctx.now(),
    })
    .returning({ id: healthPlans.id })
    .get();
  ctx.audit('arrangements.healthPlanSave', 'pupil', i.pupilId, { ihcp: i.ihcp });
  return row;
}

export function addAdjustment(
  ctx: Ctx,
  i: Input<'arrangements.adjustmentAdd'>,
): Output<'arrangements.adjustmentAdd'> {
  const p = pupilRow(ctx, i.pupilId);
  if (i.reviewOn <= i.fromDate) {
    throw new AppError(
      'invalid',
      `The review of ${pupilName(p)}'s adjustment falls after it starts (${formatUkDate(i.fromDate)}).`,
      [{ path: 'reviewOn', message: 'after the start' }],
    );
  }
  const row = ctx.store.orm
    .insert(healthAdjustments)
    .values({ ...i, by: by(ctx), at: ctx.now() })
    .returning({ id: healthAdjustments.id })
    .get();
  ctx.audit('arrangements.adjustmentAdd', 'pupil', i.pupilId, { reviewOn: i.reviewOn });
  return row;
}

export function sicknessReturnSent(
  ctx: Ctx,
  i: Input<'arrangements.sicknessReturnSent'>,
): Output<'arrangements.sicknessReturnSent'> {
  const p = pupilRow(ctx, i.pupilId);
  const ill = illnessInYear(ctx.store.db, i.pupilId, i.sentOn);
  if (!ill.reachedOn) {
    throw new AppError(
      'refused',
      `${pupilName(p)} has ${plural(ill.illnessSessions, 'illness session')} this school year: ` +
        `the sickness return is due at ${SICKNESS_RETURN_SESSIONS} (15 school days).`,
    );
  }
  if (i.sentOn > ctx.today()) {
    throw new AppError('invalid', 'The return cannot be sent in the future.');
  }
  const row = ctx.store.orm
    .insert(sicknessReturns)
    .values({
      pupilId: i.pupilId,
      academicYear: ill.academicYear,
      reachedOn: ill.reachedOn,
      sentOn: i.sentOn,
      how: i.how,
      by: by(ctx),
      at: ctx.now(),
    })
    .returning({ id: sicknessReturns.id })
    .get();
  ctx.audit('arrangements.sicknessReturnSent', 'pupil', i.pupilId, { sentOn: i.sentOn });
  return row;
}

export function saveProfessional(
  ctx: Ctx,
  i: Input<'arrangements.professionalSave'>,
): Output<'arrangements.professionalSave'> {
  pupilRow(ctx, i.pupilId);
  const row = ctx.store.orm
    .insert(pupilProfessionals)
    .values({
      pupilId: i.pupilId,
      kind: i.kind,
      name: i.name,
      organisation: i.organisation || null,
      phone: i.phone || null,
      email: i.email || null,
      by: by(ctx),
      at: ctx.now(),
    })
    .returning({ id: pupilProfessionals.id })
    .get();
  ctx.audit('arrangements.professionalSave', 'pupil', i.pupilId, { kind: i.kind, ended: i.name === null });
  return row;
}

export function recordNotice(
  ctx: Ctx,
  i: Input<'arrangements.professionalNotice'>,
): Output<'arrangements.professionalNotice'> {
  pupilRow(ctx, i.pupilId);
  if (i.date > ctx.today()) {
    throw new AppError('invalid', 'A notice cannot be dated in the future.');
  }
  const row = ctx.store.orm
    .insert(professionalNotices)
    .values({ ...i, note: i.note || null, by: by(ctx), at: ctx.now() })
    .returning({ id: professionalNotices.id })
    .get();
  ctx.audit('arrangements.professionalNotice', 'pupil', i.pupilId, { kind: i.kind, date: i.date });
  return row;
}
