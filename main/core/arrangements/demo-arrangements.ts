// Arrangements for the demo school (deterministic, from the demo's own pupils): a part-time timetable agreed
// today for a phased return (mornings only for four weeks, the LA told, first review in two weeks), and a
// flexi-schooling agreement (Fridays at home) from next week. Pupils are taken from the end of the roll, so the
// e2e tests, which use pupils near the start, meet a school with these already in place.
import type { Session } from '../../../shared/contract';
import { addDays, isCompulsoryAge, mondayOf, type IsoDate } from '../../../shared/dates';
import type { Store } from '../db/connection';
import { makeCtx, type Ctx } from '../context';
import { loadCalendar } from '../calendar/calendar.service';
import { createArrangement } from './arrangements.service';

const LEAD: Session = { userName: 'Mrs S. Okafor', position: 'Attendance lead', roles: ['lead'] };

export function createDemoArrangements(store: Store, today: IsoDate): void {
  const db = store.db;
  const ctx: Ctx = { ...makeCtx(store, LEAD), today: () => today, now: () => `${today}T10:00:00.000Z` };
  const cal = loadCalendar(db);
  const candidates = db
    .prepare<[], { id: number; dob: string; contactId: number; name: string }>(
      `SELECT p.id, p.dob, c.id AS contactId, c.name FROM pupils p
      JOIN contacts c ON c.pupil_id = p.id AND c.ordinal = 1 AND c.lives_with = 1
      WHERE p.leaving_date IS NULL ORDER BY p.id DESC LIMIT 40`,
    )
    .all()
    .filter((p) => isCompulsoryAge(p.dob, today));
  const [tt, flexi] = [candidates[5], candidates[11]];
  const end = cal.nthSchoolDayAfter(today, 19);
  db.transaction(() => {
    if (tt && end && cal.isSchoolDay(today)) {
      createArrangement(ctx, {
        pupilId: tt.id,
        kind: 'part_time',
        reasonCategory: 'phased_return',
        reason:
          'Phased return after six weeks in hospital; mornings first, then full days (reintegration plan)',
        startDate: today,
        endDate: end,
        away: ['1PM', '2PM', '3PM', '4PM', '5PM'],
        parentContactId: tt.contactId,
        parentAgreedOn: today,
        laToldOn: today,
        laToldHow: 'email to the LA inclusion officer',
        firstReviewOn: addDays(today, 14),
      });
    }
    const monday = addDays(mondayOf(today), 7);
    if (flexi) {
      createArrangement(ctx, {
        pupilId: flexi.id,
        kind: 'flexi',
        reason: 'Parents educate at home on Fridays (music and forest school); reviewed each term',
        startDate: monday,
        away: ['5AM', '5PM'],
        parentName: flexi.name,
        parentAgreedOn: today,
        curriculumNotes:
          'Maths and reading set by the class teacher for Fridays; the family shares work each Monday.',
      });
    }
  }).immediate();
}
