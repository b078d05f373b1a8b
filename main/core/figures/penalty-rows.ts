// The rows of the penalty-notice tables (penalty_notices, penalty_notice_marks, penalty_notice_events), read as
// typed drizzle rows: a notice's status is its latest event (docs/rules/statistics.md §6), never a stored column.
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, ne } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Output } from '../../../shared/contract';
import type { Orm } from '../db/connection';
import { contacts, marks } from '../db/schema';
import { penaltyNoticeEvents, penaltyNoticeMarks, penaltyNotices } from '../db/schema-figures';
import { PN } from './penalty-window';

export type NoticeStatus = Output<'penalty.notices'>['notices'][number]['status'];
export type NoticeKind = (typeof penaltyNotices.$inferSelect)['kind'];

/** The status of the notice in the row being read: the status of its latest event. The outer column is written
 * out, qualified, because drizzle writes a column of a one-table select unqualified (and `id` would be the
 * event's). */
const latestStatus = sql<NoticeStatus>`(SELECT e.status FROM penalty_notice_events e
  WHERE e.notice_id = penalty_notices.id ORDER BY e.id DESC LIMIT 1)`;
const notWithdrawn = ne(latestStatus, 'withdrawn');
const PN_CODES = [...PN];

/** A pupil's notices, oldest first, each with its status. */
export function noticesOf(orm: Orm, pupilId: number) {
  return orm
    .select({
      id: penaltyNotices.id,
      kind: penaltyNotices.kind,
      issuedOn: penaltyNotices.issuedOn,
      parentName: penaltyNotices.parentName,
      parentKey: penaltyNotices.parentKey,
      amount: penaltyNotices.amount,
      note: penaltyNotices.note,
      recordedBy: penaltyNotices.recordedBy,
      recordedAt: penaltyNotices.recordedAt,
      status: latestStatus,
    })
    .from(penaltyNotices)
    .where(eq(penaltyNotices.pupilId, pupilId))
    .orderBy(asc(penaltyNotices.issuedOn), asc(penaltyNotices.id))
    .all();
}
export type NoticeRow = ReturnType<typeof noticesOf>[number];

/** One notice with its status, or undefined. */
export function noticeById(orm: Orm, id: number) {
  return orm
    .select({
      id: penaltyNotices.id,
      kind: penaltyNotices.kind,
      issuedOn: penaltyNotices.issuedOn,
      status: latestStatus,
    })
    .from(penaltyNotices)
    .where(eq(penaltyNotices.id, id))
    .get();
}

/** The parents a notice may be addressed to: those with parental responsibility first, then those the pupil
 * lives with, in the school's order. */
export function parentsOf(orm: Orm, pupilId: number) {
  return orm
    .select({
      name: contacts.name,
      relationship: contacts.relationship,
      livesWith: contacts.livesWith,
      parentalResponsibility: contacts.parentalResponsibility,
    })
    .from(contacts)
    .where(eq(contacts.pupilId, pupilId))
    .orderBy(desc(contacts.parentalResponsibility), desc(contacts.livesWith), asc(contacts.ordinal))
    .all();
}

/** A notice's events, oldest first. */
export function eventsOf(orm: Orm, noticeId: number) {
  return orm
    .select({
      status: penaltyNoticeEvents.status,
      onDate: penaltyNoticeEvents.onDate,
      reason: penaltyNoticeEvents.reason,
      by: penaltyNoticeEvents.by,
      at: penaltyNoticeEvents.at,
    })
    .from(penaltyNoticeEvents)
    .where(eq(penaltyNoticeEvents.noticeId, noticeId))
    .orderBy(asc(penaltyNoticeEvents.id))
    .all();
}

/** The marks a notice relies on, in date and session order, and whether each is still a penalty code. */
export function marksOfNotice(orm: Orm, noticeId: number) {
  return orm
    .select({ markId: marks.id, date: marks.date, session: marks.session, code: marks.code })
    .from(penaltyNoticeMarks)
    .innerJoin(marks, eq(marks.id, penaltyNoticeMarks.markId))
    .where(eq(penaltyNoticeMarks.noticeId, noticeId))
    .orderBy(asc(marks.date), asc(marks.session))
    .all()
    .map((m) => ({ ...m, stillUnauthorised: PN.has(m.code) }));
}

/** Every mark of the pupil's notices that are not withdrawn, with the notice that cites it. */
export function citedMarks(orm: Orm, pupilId: number) {
  return orm
    .select({ markId: penaltyNoticeMarks.markId, noticeId: penaltyNotices.id, kind: penaltyNotices.kind })
    .from(penaltyNoticeMarks)
    .innerJoin(penaltyNotices, eq(penaltyNotices.id, penaltyNoticeMarks.noticeId))
    .where(and(eq(penaltyNotices.pupilId, pupilId), notWithdrawn))
    .all();
}

/** The pupil's marks of the penalty codes in [from, to], in date and session order. */
export function penaltyCodeMarks(orm: Orm, pupilId: number, from: string, to: string) {
  return orm
    .select({ markId: marks.id, date: marks.date, session: marks.session, code: marks.code })
    .from(marks)
    .where(
      and(
        eq(marks.pupilId, pupilId),
        gte(marks.date, from),
        lte(marks.date, to),
        inArray(marks.code, PN_CODES),
      ),
    )
    .orderBy(asc(marks.date), asc(marks.session))
    .all();
}

/** The marks with these ids, in date and session order. */
export function marksByIds(orm: Orm, ids: number[]) {
  return orm
    .select({
      id: marks.id,
      pupilId: marks.pupilId,
      date: marks.date,
      session: marks.session,
      code: marks.code,
    })
    .from(marks)
    .where(inArray(marks.id, ids))
    .orderBy(asc(marks.date), asc(marks.session))
    .all();
}

/** Which of these marks already support a notice of this kind that is not withdrawn, with its date. */
export function marksTaken(orm: Orm, ids: number[], kind: NoticeKind) {
  return orm
    .select({ date: marks.date, session: marks.session, issuedOn: penaltyNotices.issuedOn })
    .from(penaltyNoticeMarks)
    .innerJoin(penaltyNotices, eq(penaltyNotices.id, penaltyNoticeMarks.noticeId))
    .innerJoin(marks, eq(marks.id, penaltyNoticeMarks.markId))
    .where(and(inArray(penaltyNoticeMarks.markId, ids), eq(penaltyNotices.kind, kind), notWithdrawn))
    .orderBy(asc(marks.date), asc(marks.session))
    .all();
}

/** The penalty notices not withdrawn that this parent (by folded name) received for the pupil strictly between
 * two dates, oldest first. */
export function priorPenaltyNotices(
  orm: Orm,
  pupilId: number,
  parentKey: string,
  after: string,
  before: string,
) {
  return orm
    .select({ issuedOn: penaltyNotices.issuedOn })
    .from(penaltyNotices)
    .where(
      and(
        eq(penaltyNotices.pupilId, pupilId),
        eq(penaltyNotices.kind, 'penalty_notice'),
        eq(penaltyNotices.parentKey, parentKey),
        gt(penaltyNotices.issuedOn, after),
        lt(penaltyNotices.issuedOn, before),
        notWithdrawn,
      ),
    )
    .orderBy(asc(penaltyNotices.issuedOn))
    .all();
}
