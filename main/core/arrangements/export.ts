// The `timetables --db F --json` document (docs/rules/arrangements.md, "The command line"): every part-time
// timetable (part-time leave decisions included) and flexi-schooling agreement with its pattern, dates, reviews
// and status, for the IT technician and the local authority's returns.
import type { IsoDate } from '../../../shared/dates';
import type { Db } from '../db/connection';
import { allArrangements } from './queries';

export function timetablesJson(db: Db, today: IsoDate) {
  return {
    asOf: today,
    timetables: allArrangements(db, today).map((a) => ({
      kind: a.kind,
      id: a.id,
      leaveRequestId: a.leaveRequestId,
      upn: a.upn,
      name: a.pupilName,
      yearGroup: a.yearGroup,
      regGroup: a.regGroup,
      reasonCategory: a.reasonCategory,
      reason: a.reason,
      startDate: a.startDate,
      endDate: a.endDate,
      agreedEndDate: a.agreedEndDate,
      pattern: a.pattern,
      patterns: a.patterns.map((p) => ({ fromDate: p.fromDate, away: p.away })),
      parentName: a.parentName,
      parentAgreedOn: a.parentAgreedOn,
      laToldOn: a.laToldOn,
      socialWorkerToldOn: a.socialWorkerToldOn,
      approvedBy: a.approvedBy,
      reviewEveryWeeks: a.reviewEveryWeeks,
      nextReviewOn: a.nextReviewOn,
      reviews: a.reviews.map((r) => ({
        reviewedOn: r.reviewedOn,
        notes: r.notes,
        newEndDate: r.newEndDate,
        nextReviewOn: r.nextReviewOn,
        by: r.by,
      })),
      outcome: a.outcome ? { outcome: a.outcome.outcome, endedOn: a.outcome.endedOn } : null,
      status: a.status,
    })),
  };
}
