// Agreeing and changing part-time timetables and flexi-schooling agreements (docs/rules/arrangements.md). The
// rules: a timetable has an end date and a reason that is never behaviour; its parent lives with the pupil; a
// review is due at least every N weeks (the school's setting, 6 by default); only a review extends it; a pattern
// changes from a date; the outcome ends it. Each write re-plans the arrangement's marks (planned.ts).
import { eq } from 'drizzle-orm';
import {
  ARRANGEMENT_KIND_LABELS,
  REFUSED_TIMETABLE_REASONS,
  TIMETABLE_REASON_LABELS,
  type ArrangementKind,
} from '../../../shared/arrangements';
import type { Input, Output } from '../../../shared/contract';
import { addDays, formatUkDate, type IsoDate } from '../../../shared/dates';
import { pupilName } from '../../../shared/names';
import type { Ctx } from '../context';
import { loadPupil } from '../pupils/load';
import { AppError } from '../errors';
import { contacts } from '../db/schema';
import { type caseworkMeetings, caseworkPlans } from '../db/schema-casework';
import {
  arrangementNotices,
  arrangementPatterns,
  arrangements,
  arrangementSettings,
} from '../db/schema-arrangements';
import { loadArrangements } from './read';
import { sourceOf, writePlanned } from './planned';

export function reviewEveryWeeks(ctx: Ctx): number {
  return ctx.store.orm.select().from(arrangementSettings).get()?.reviewEveryWeeks ?? 6;
}

function checkReason(i: Input<'arrangements.create'>): void {
  if (i.kind !== 'part_time') {
    return;
  }
  if (!i.reasonCategory) {
    throw new AppError('invalid', 'Say why the part-time timetable is agreed.');
  }
  if (REFUSED_TIMETABLE_REASONS.includes(i.reasonCategory)) {
    throw new AppError(
      'refused',
      `${TIMETABLE_REASON_LABELS[i.reasonCategory].replace(' (not allowed)', '')} is not a reason for a ` +
        'part-time timetable: the DfE allows one only in very exceptional circumstances in the ' +
        "pupil's interests, never to manage behaviour or as a sanction. " +
        'Use the behaviour policy (or an exclusion) instead.',
    );
  }
  if (!i.endDate) {
    throw new AppError(
      'invalid',
      'A part-time timetable must have an end date: ' +
        'it is temporary, and the pupil then returns full time or moves to alternative provision.',
    );
  }
}

function parentOf(ctx: Ctx, i: Input<'arrangements.create'>, name: string) {
  if (i.parentContactId === null || i.parentContactId === undefined) {
    if (i.kind === 'part_time') {
      throw new AppError('invalid', `Choose the parent ${name} lives with who agreed the timetable.`);
    }
    return { name: i.parentName ?? null, id: null };
  }
  const c = ctx.store.orm.select().from(contacts).where(eq(contacts.id, i.parentContactId)).get();
  if (!c || c.pupilId !== i.pupilId) {
    throw new AppError('invalid', `That contact is not one of ${name}'s.`);
  }
  if (i.kind === 'part_time' && !c.livesWith) {
    throw new AppError(
      'refused',
      `${c.name} does not live with ${name}: a part-time timetable is agreed with a parent the pupil lives with.`,
    );
  }
  return { name: c.name, id: c.id };
}

function refuseOverlap(
  ctx: Ctx,
  pupilId: number,
  kind: ArrangementKind,
  start: IsoDate,
  end: IsoDate | null,
) {
  const clash = loadArrangements(ctx.store.db, ctx.today(), pupilId).find(
    (a) =>
      a.kind === kind && (a.endDate === null || a.endDate >= start) && (end === null || a.startDate <= end),
  );
  if (clash) {
    throw new AppError(
      'conflict',
      `${clash.pupilName} already has a ${ARRANGEMENT_KIND_LABELS[kind].toLowerCase()} from ` +
        `${formatUkDate(clash.startDate)}: change its pattern or record its outcome first.`,
    );
  }
}

/** A casework plan or meeting linked to an arrangement must be the same pupil's. */
export function checkLink(
  ctx: Ctx,
  table: typeof caseworkPlans | typeof caseworkMeetings,
  id: number,
  pupilId: number,
  name: string,
  what: string,
): void {
  const row = ctx.store.orm.select({ p: table.pupilId }).from(table).where(eq(table.id, id)).get();
  if (!row || row.p !== pupilId) {
    throw new AppError('invalid', `That ${what} is not one of ${name}'s.`);
  }
}

/** How often the arrangement is reviewed and its first review, which must fall within that many weeks of the
 * start. */
function reviewsAsked(ctx: Ctx, i: Input<'arrangements.create'>): { weeks: number; firstReview: IsoDate } {
  const weeks = i.reviewEveryWeeks ?? reviewEveryWeeks(ctx);
  const latestReview = addDays(i.startDate, weeks * 7);
  const firstReview = i.firstReviewOn ?? latestReview;
  if (firstReview > latestReview || firstReview < i.startDate) {
    throw new AppError(
      'invalid',
      `The first review must fall within ${weeks} weeks of the start (by ${formatUkDate(latestReview)}).`,
    );
  }
  return { weeks, firstReview };
}

/** The arrangement's first pattern of sessions away, and when the local authority and the social worker were
 * told, where they were. */
function recordPatternAndNotices(
  ctx: Ctx,
  id: number,
  i: Input<'arrangements.create'>,
  by: string,
  now: string,
): void {
  const away = [...new Set(i.away)].sort();
  ctx.store.orm
    .insert(arrangementPatterns)
    .values({ arrangementId: id, fromDate: i.startDate, away: JSON.stringify(away), by, at: now })
    .run();
  const told = [
    { who: 'la' as const, on: i.laToldOn, how: i.laToldHow },
    { who: 'social_worker' as const, on: i.socialWorkerToldOn, how: i.socialWorkerToldHow },
  ];
  for (const t of told) {
    if (t.on) {
      ctx.store.orm
        .insert(arrangementNotices)
        .values({ arrangementId: id, who: t.who, on: t.on, how: t.how || 'not recorded', by, at: now })
        .run();
    }
  }
}

export function createArrangement(ctx: Ctx, i: Input<'arrangements.create'>): Output<'arrangements.create'> {
  const p = loadPupil(ctx.store.orm, i.pupilId);
  const name = pupilName(p);
  checkReason(i);
  if (i.endDate && i.endDate < i.startDate) {
    throw new AppError('invalid', 'The end date is before the start.');
  }
  const parent = parentOf(ctx, i, name);
  const { weeks, firstReview } = reviewsAsked(ctx, i);
  refuseOverlap(ctx, i.pupilId, i.kind, i.startDate, i.endDate ?? null);
  const planId = i.planId ?? null;
  if (planId !== null) {
    checkLink(ctx, caseworkPlans, planId, i.pupilId, name, 'reintegration plan');
  }
  const now = ctx.now();
  const by = ctx.session.displayName ?? ctx.session.userName;
  const row = ctx.store.orm
    .insert(arrangements)
    .values({
      pupilId: i.pupilId,
      kind: i.kind,
      reasonCategory: i.kind === 'part_time' ? (i.reasonCategory ?? null) : null,
      reason: i.reason,
      startDate: i.startDate,
      endDate: i.endDate ?? null,
      parentContactId: parent.id,
      parentName: parent.name,
      parentAgreedOn: i.parentAgreedOn ?? null,
      curriculumNotes: i.curriculumNotes ?? null,
      planId,
      reviewEveryWeeks: weeks,
      firstReviewOn: firstReview,
      approvedBy: by,
      approvedPosition: ctx.session.position,
      createdAt: now,
    })
    .returning()
    .get();
  recordPatternAndNotices(ctx, row.id, i, by, now);
  const planned = replan(ctx, row.id);
  ctx.audit('arrangements.create', 'arrangement', row.id, { kind: i.kind, pupilId: i.pupilId, planned });
  return { id: row.id, plannedMarks: planned };
}

/** Re-plans one arrangement from its stored rows. */
export function replan(ctx: Ctx, id: number): number {
  const a = loadOne(ctx, id);
  const note = `${ARRANGEMENT_KIND_LABELS[a.kind]} agreed by ${a.approvedBy}`;
  return writePlanned(
    ctx.store.db,
    { id, pupilId: a.pupilId, kind: a.kind, startDate: a.startDate, endDate: a.endDate },
    a.patterns,
    ctx.session.userName,
    ctx.now(),
    note,
  );
}

export function loadOne(ctx: Ctx, id: number) {
  const pupilId = ctx.store.orm
    .select({ p: arrangements.pupilId })
    .from(arrangements)
    .where(eq(arrangements.id, id))
    .get()?.p;
  const a =
    pupilId === undefined
      ? undefined
      : loadArrangements(ctx.store.db, ctx.today(), pupilId).find((x) => x.id === id);
  if (!a) {
    throw new AppError('not_found', `There is no arrangement ${id}.`);
  }
  return a;
}

export { sourceOf };
