// Reading arrangements (docs/rules/arrangements.md): each agreement with its pattern history, reviews, notices and
// outcome, the end date and next review in force, its status and what is missing. Part-time leave decisions made
// before timetables existed are shown as timetables, read from the leave tables as they are (nothing is stored).
import { asc, eq, inArray } from 'drizzle-orm';
import type { ArrangementStatus, TimetableReason } from '../../../shared/arrangements';
import type { ArrangementRowT } from '../../../shared/channels/arrangements';
import { addDays, formatUkDate, type IsoDate } from '../../../shared/dates';
import { pupilName } from '../../../shared/names';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../db/connection';
import { pupils } from '../db/schema';
import {
  arrangementNotices,
  arrangementOutcomes,
  arrangementPatterns,
  arrangementReviews,
  arrangements,
} from '../db/schema-arrangements';

type Agreement = typeof arrangements.$inferSelect;
type Review = typeof arrangementReviews.$inferSelect;
type Pupil = typeof pupils.$inferSelect;

/** The end in force: the latest extension a review recorded, else the agreed end; an outcome ends it on its date. */
export function endInForce(a: Agreement, reviews: Review[], endedOn: IsoDate | null): IsoDate | null {
  const extended = [...reviews].reverse().find((r) => r.newEndDate)?.newEndDate ?? a.endDate;
  if (endedOn && (!extended || endedOn < extended)) {
    return endedOn;
  }
  return extended;
}

export function nextReview(a: Agreement, reviews: Review[]): IsoDate {
  const last = reviews[reviews.length - 1];
  if (!last) {
    return a.firstReviewOn;
  }
  return last.nextReviewOn ?? addDays(last.reviewedOn, a.reviewEveryWeeks * 7);
}

function statusOf(start: IsoDate, end: IsoDate | null, next: IsoDate | null, ended: boolean, today: IsoDate) {
  let s: ArrangementStatus = 'active';
  if (ended) {
    s = 'ended';
  } else if (today < start) {
    s = 'planned';
  } else if (end && today > end) {
    s = 'expired';
  } else if (next && today > next) {
    s = 'review_overdue';
  }
  return s;
}

/** Every stored arrangement (optionally of one pupil), oldest first. */
export function loadArrangements(db: Db, today: IsoDate, pupilId?: number): ArrangementRowT[] {
  const orm = drizzle(db);
  const rows = orm
    .select()
    .from(arrangements)
    .innerJoin(pupils, eq(pupils.id, arrangements.pupilId))
    .where(pupilId === undefined ? undefined : eq(arrangements.pupilId, pupilId))
    .orderBy(asc(arrangements.startDate), asc(arrangements.id))
    .all();
  const ids = rows.map((r) => r.arrangements.id);
  if (!ids.length) {
    return [];
  }
  const by = <T extends { arrangementId: number }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of list) {
      m.set(x.arrangementId, [...(m.get(x.arrangementId) ?? []), x]);
    }
    return m;
  };
  const patterns = by(
    orm
      .select()
      .from(arrangementPatterns)
      .where(inArray(arrangementPatterns.arrangementId, ids))
      .orderBy(asc(arrangementPatterns.fromDate))
      .all(),
  );
  const reviews = by(
    orm
      .select()
      .from(arrangementReviews)
      .where(inArray(arrangementReviews.arrangementId, ids))
      .orderBy(asc(arrangementReviews.reviewedOn), asc(arrangementReviews.id))
      .all(),
  );
  const notices = by(
    orm
      .select()
      .from(arrangementNotices)
      .where(inArray(arrangementNotices.arrangementId, ids))
      .orderBy(asc(arrangementNotices.on))
      .all(),
  );
  const outcomes = by(
    orm.select().from(arrangementOutcomes).where(inArray(arrangementOutcomes.arrangementId, ids)).all(),
  );
  return rows.map((r) =>
    toRow(
      r.arrangements,
      r.pupils,
      patterns.get(r.arrangements.id) ?? [],
      reviews.get(r.arrangements.id) ?? [],
      notices.get(r.arrangements.id) ?? [],
      outcomes.get(r.arrangements.id)?.[0] ?? null,
      today,
    ),
  );
}

function toRow(
  a: Agreement,
  p: Pupil,
  patterns: (typeof arrangementPatterns.$inferSelect)[],
  reviews: Review[],
  notices: (typeof arrangementNotices.$inferSelect)[],
  outcome: typeof arrangementOutcomes.$inferSelect | null,
  today: IsoDate,
): ArrangementRowT {
  const end = endInForce(a, reviews, outcome?.endedOn ?? null);
  const next = outcome ? null : nextReview(a, reviews);
  const la = notices.filter((n) => n.who === 'la').pop() ?? null;
  const sw = notices.filter((n) => n.who === 'social_worker').pop() ?? null;
  const pats = patterns.map((x) => ({
    fromDate: x.fromDate,
    away: JSON.parse(x.away) as string[],
    by: x.by,
  }));
  const current = [...pats].reverse().find((x) => x.fromDate <= today) ?? pats[0];
  const warnings = warningsOf(a, p, { la, sw, ended: !!outcome, end, today });
  return {
    id: a.id,
    leaveRequestId: null,
    kind: a.kind,
    pupilId: p.id,
    upn: p.upn,
    pupilName: pupilName(p),
    yearGroup: p.yearGroup,
    regGroup: p.regGroup,
    reasonCategory: (a.reasonCategory as TimetableReason | null) ?? null,
    reason: a.reason,
    startDate: a.startDate,
    endDate: end,
    agreedEndDate: a.endDate,
    parentName: a.parentName,
    parentAgreedOn: a.parentAgreedOn,
    socialWorkerToldOn: sw?.on ?? null,
    socialWorkerToldHow: sw?.how ?? null,
    laToldOn: la?.on ?? null,
    laToldHow: la?.how ?? null,
    approvedBy: a.approvedBy,
    curriculumNotes: a.curriculumNotes,
    planId: a.planId,
    reviewEveryWeeks: a.reviewEveryWeeks,
    nextReviewOn: next,
    pattern: current?.away ?? [],
    patterns: pats,
    reviews: reviews.map(reviewOf),
    outcome: outcome
      ? { outcome: outcome.outcome, endedOn: outcome.endedOn, notes: outcome.notes, by: outcome.by }
      : null,
    status: statusOf(a.startDate, end, next, !!outcome, today),
    warnings,
  };
}

/** A review as the arrangement's row shows it. */
function reviewOf(r: Review): ArrangementRowT['reviews'][number] {
  const { id, reviewedOn, notes, newEndDate, nextReviewOn, meetingId, by } = r;
  return { id, reviewedOn, notes, newEndDate, nextReviewOn, meetingId, by };
}

/** What the lead should see on an arrangement still in force: the local authority not told of a timetable, a
 * social worker or virtual school not told, an end date passed with no outcome recorded. */
function warningsOf(
  a: Agreement,
  p: Pupil,
  w: { la: unknown; sw: unknown; ended: boolean; end: IsoDate | null; today: IsoDate },
): string[] {
  const warnings: string[] = [];
  if (w.ended) {
    return warnings;
  }
  if (a.kind === 'part_time' && !w.la) {
    warnings.push('The local authority has not been told of this timetable.');
  }
  if ((p.socialWorker || p.cla) && !w.sw) {
    warnings.push(
      `${pupilName(p)} has a ${p.cla ? 'virtual school' : 'social worker'}: record when they were told.`,
    );
  }
  if (w.end && w.today > w.end) {
    warnings.push(
      `Ended on ${formatUkDate(w.end)}: record the outcome (back to full time, alternative provision) ` +
        'or a review that extends it.',
    );
  }
  return warnings;
}

export { statusOf };
