// Changing an agreed arrangement (docs/rules/arrangements.md), always by a new row: a pattern from a date, a review
// (the only way to extend the end date), a notice to the LA or social worker, and the outcome that ends it.
import type { Input, Output } from '../../../shared/contract';
import { addDays, formatUkDate } from '../../../shared/dates';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import {
  arrangementNotices,
  arrangementOutcomes,
  arrangementPatterns,
  arrangementReviews,
} from '../db/schema-arrangements';
import { checkLink, loadOne, replan } from './arrangements.service';
import { caseworkMeetings } from '../db/schema-casework';

const by = (ctx: Ctx) => ctx.session.displayName ?? ctx.session.userName;

function open(ctx: Ctx, id: number) {
  const a = loadOne(ctx, id);
  if (a.outcome) {
    throw new AppError(
      'refused',
      `This arrangement for ${a.pupilName} ended on ${formatUkDate(a.outcome.endedOn)}: agree a new one instead.`,
    );
  }
  return a;
}

export function changePattern(
  ctx: Ctx,
  i: Input<'arrangements.changePattern'>,
): Output<'arrangements.changePattern'> {
  const a = open(ctx, i.id);
  if (i.fromDate <= a.startDate || (a.endDate && i.fromDate > a.endDate)) {
    throw new AppError(
      'invalid',
      `A new pattern starts after ${formatUkDate(a.startDate)}${a.endDate ? ` and by ${formatUkDate(a.endDate)}` : ''}.`,
    );
  }
  if (a.patterns.some((p) => p.fromDate === i.fromDate)) {
    throw new AppError('conflict', `A pattern already starts on ${formatUkDate(i.fromDate)}.`);
  }
  ctx.store.orm
    .insert(arrangementPatterns)
    .values({
      arrangementId: i.id,
      fromDate: i.fromDate,
      away: JSON.stringify([...new Set(i.away)].sort()),
      by: by(ctx),
      at: ctx.now(),
    })
    .run();
  const planned = replan(ctx, i.id);
  ctx.audit('arrangements.changePattern', 'arrangement', i.id, { fromDate: i.fromDate, away: i.away });
  return { plannedMarks: planned };
}

export function reviewArrangement(ctx: Ctx, i: Input<'arrangements.review'>): Output<'arrangements.review'> {
  const a = open(ctx, i.id);
  if (i.reviewedOn < a.startDate) {
    throw new AppError('invalid', 'A review cannot be before the arrangement starts.');
  }
  if (i.reviewedOn > ctx.today()) {
    throw new AppError('invalid', 'A review is recorded once it has happened: its date is in the future.');
  }
  if (i.newEndDate && a.endDate && i.newEndDate <= a.endDate) {
    throw new AppError(
      'invalid',
      `An extension moves the end after ${formatUkDate(a.endDate)}; to end it earlier, record the outcome.`,
    );
  }
  const latest = addDays(i.reviewedOn, a.reviewEveryWeeks * 7);
  const next = i.nextReviewOn ?? latest;
  if (next > latest || next <= i.reviewedOn) {
    throw new AppError(
      'invalid',
      `The next review must fall within ${a.reviewEveryWeeks} weeks of this one (by ${formatUkDate(latest)}).`,
    );
  }
  if (i.meetingId !== null && i.meetingId !== undefined) {
    checkLink(ctx, caseworkMeetings, i.meetingId, a.pupilId, a.pupilName, 'casework meeting');
  }
  const row = ctx.store.orm
    .insert(arrangementReviews)
    .values({
      arrangementId: i.id,
      reviewedOn: i.reviewedOn,
      notes: i.notes,
      newEndDate: i.newEndDate ?? null,
      nextReviewOn: next,
      meetingId: i.meetingId ?? null,
      by: by(ctx),
      at: ctx.now(),
    })
    .returning()
    .get();
  const planned = replan(ctx, i.id);
  ctx.audit('arrangements.review', 'arrangement', i.id, {
    reviewId: row.id,
    newEndDate: i.newEndDate ?? null,
  });
  return { reviewId: row.id, plannedMarks: planned };
}

export function recordOutcome(
  ctx: Ctx,
  i: Input<'arrangements.recordOutcome'>,
): Output<'arrangements.recordOutcome'> {
  const a = open(ctx, i.id);
  if (i.endedOn < a.startDate) {
    throw new AppError('invalid', 'It cannot end before it starts.');
  }
  if (a.endDate && i.endedOn > a.endDate) {
    throw new AppError(
      'invalid',
      `It ends on ${formatUkDate(a.endDate)}; to carry on after that, record a review that extends it.`,
    );
  }
  ctx.store.orm
    .insert(arrangementOutcomes)
    .values({
      arrangementId: i.id,
      outcome: i.outcome,
      endedOn: i.endedOn,
      notes: i.notes,
      by: by(ctx),
      at: ctx.now(),
    })
    .run();
  const planned = replan(ctx, i.id);
  ctx.audit('arrangements.recordOutcome', 'arrangement', i.id, { outcome: i.outcome, endedOn: i.endedOn });
  return { plannedMarks: planned };
}

export function recordTold(ctx: Ctx, i: Input<'arrangements.recordTold'>): Output<'arrangements.recordTold'> {
  loadOne(ctx, i.id);
  ctx.store.orm
    .insert(arrangementNotices)
    .values({ arrangementId: i.id, who: i.who, on: i.on, how: i.how, by: by(ctx), at: ctx.now() })
    .run();
  ctx.audit('arrangements.recordTold', 'arrangement', i.id, { who: i.who, on: i.on });
  return { ok: true };
}
