// Part-time timetables granted as leave of absence before timetables had their own record
// (docs/rules/arrangements.md): shown as timetables, read from leave_requests and the decision in force. Nothing is
// written: the leave decision and its planned marks stay what they were, and are revised through leave as before.
import { and, eq } from 'drizzle-orm';
import type { ArrangementRowT } from '../../../shared/channels/arrangements';
import { weekday, type IsoDate } from '../../../shared/dates';
import { pupilName } from '../../../shared/names';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../db/connection';
import { pupils } from '../db/schema';
import { leaveRequests } from '../db/schema-leave';
import { currentDecision } from '../leave/records';
import { statusOf } from './read';

export function legacyTimetables(db: Db, today: IsoDate, pupilId?: number): ArrangementRowT[] {
  const orm = drizzle(db);
  const rows = orm
    .select()
    .from(leaveRequests)
    .innerJoin(pupils, eq(pupils.id, leaveRequests.pupilId))
    .where(
      and(
        eq(leaveRequests.kind, 'part_time'),
        pupilId === undefined ? undefined : eq(leaveRequests.pupilId, pupilId),
      ),
    )
    .all();
  const out: ArrangementRowT[] = [];
  for (const { leave_requests: request, pupils: pupil } of rows) {
    const decision = currentDecision(orm, request.id);
    if (decision && decision.outcome !== 'refused' && decision.sessions.length) {
      out.push(legacyRow(request, pupil, decision, today));
    }
  }
  return out;
}

type LeaveRequestRow = typeof leaveRequests.$inferSelect;
type PupilRow = typeof pupils.$inferSelect;
type Decision = NonNullable<ReturnType<typeof currentDecision>>;

/** One granted part-time leave request as a timetable: its sessions' first and last dates and the weekday
 * sessions it keeps the pupil away, with no reviews and a warning saying why. */
function legacyRow(r: LeaveRequestRow, p: PupilRow, d: Decision, today: IsoDate): ArrangementRowT {
  const dates = d.sessions.map((s) => s.date).sort();
  const start = dates[0];
  const end = dates[dates.length - 1];
  const away = [...new Set(d.sessions.map((s) => `${weekday(s.date)}${s.session}`))].sort();
  return {
    id: null,
    leaveRequestId: r.id,
    kind: 'part_time',
    pupilId: p.id,
    upn: p.upn,
    pupilName: pupilName(p),
    yearGroup: p.yearGroup,
    regGroup: p.regGroup,
    reasonCategory: null,
    reason: r.reason,
    startDate: start,
    endDate: end,
    agreedEndDate: end,
    parentName: r.requesterName,
    parentAgreedOn: r.dateReceived,
    socialWorkerToldOn: null,
    socialWorkerToldHow: null,
    laToldOn: null,
    laToldHow: null,
    approvedBy: d.deciderName,
    curriculumNotes: null,
    planId: null,
    reviewEveryWeeks: 0,
    nextReviewOn: null,
    pattern: away,
    patterns: [{ fromDate: start, away, by: d.deciderName }],
    reviews: [],
    outcome: null,
    status: statusOf(start, end, null, false, today),
    warnings: [
      `Granted as leave of absence (request ${r.id}) before timetables had their own record: ` +
        'it has no reviews; agree a timetable if it continues.',
    ],
  };
}
