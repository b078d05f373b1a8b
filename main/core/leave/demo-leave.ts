// Leave requests for the demo school (deterministic, from the demo's own pupils and marks): a family request and a
// dental appointment waiting for the head, a granted funeral leave next week (planned C marks in the register),
// and a holiday refused last month that the pupil took anyway (the register's O marks are proposed as G).
import type { Session } from '../../../shared/contract';
import type { IsoDate } from '../../../shared/dates';
import type { Store } from '../db/connection';
import { makeCtx, type Ctx } from '../context';
import { loadCalendar } from '../calendar/calendar.service';
import { createRequest } from './requests';
import { decide } from './decisions';

const OFFICE: Session = { userName: 'Mrs P. Green', position: 'Attendance officer', roles: ['office'] };
const HEAD: Session = { userName: 'Mr D. Adeyemi', position: 'Headteacher', roles: ['head'] };

export function createDemoLeave(store: Store, today: IsoDate): void {
  const db = store.db;
  const at = (s: Session): Ctx => ({
    ...makeCtx(store, s),
    today: () => today,
    now: () => `${today}T09:30:00.000Z`,
  });
  const cal = loadCalendar(db);
  const mother = (pupilId: number) =>
    db
      .prepare<[number], { id: number; name: string }>(
        "SELECT id, name FROM contacts WHERE pupil_id = ? AND relationship = 'Mother' AND lives_with = 1",
      )
      .get(pupilId);
  // families of two on roll, from the end of the roll (the e2e tests use families near the start)
  const families = db
    .prepare<[], { a: number; b: number }>(
      `SELECT a.id AS a, b.id AS b FROM pupils a JOIN contacts ca ON ca.pupil_id = a.id AND ca.ordinal = 1
      JOIN pupils b ON b.id = a.id + 1 AND b.surname = a.surname
      JOIN contacts cb ON cb.pupil_id = b.id AND cb.ordinal = 1 AND cb.name = ca.name
    WHERE a.leaving_date IS NULL AND b.leaving_date IS NULL AND ca.lives_with = 1 ORDER BY a.id DESC LIMIT 3`,
    )
    .all();
  const d: DemoLeave = { office: at(OFFICE), head: at(HEAD), today, cal, mother };
  db.transaction(() => {
    const d10 = cal.nthSchoolDayAfter(today, 10);
    const d12 = cal.nthSchoolDayAfter(today, 12);
    if (families[0] && d10 && d12) {
      wedding(d, families[0], d10, d12);
    }
    const d3 = cal.nthSchoolDayAfter(today, 3);
    if (families[1] && d3) {
      orthodontist(d, families[1].a, d3);
    }
    const d7 = cal.nthSchoolDayAfter(today, 7);
    if (families[2] && d7) {
      funeral(d, families[2].a, d7);
    }
    holidayRefused(d);
  }).immediate();
}

/** What each demo request is made with: the office and the head, the demo's today, its calendar, and a pupil's
 * mother who lives with them. */
interface DemoLeave {
  office: Ctx;
  head: Ctx;
  today: IsoDate;
  cal: ReturnType<typeof loadCalendar>;
  mother: (pupilId: number) => { id: number; name: string } | undefined;
}

/** Two brothers or sisters asked for together, waiting for the head: an aunt's wedding. */
function wedding(d: DemoLeave, f: { a: number; b: number }, d10: IsoDate, d12: IsoDate): void {
  const { office, today, mother } = d;
  const m = mother(f.a);
  const mb = mother(f.b);
  if (m) {
    createRequest(office, {
      pupils: [
        { pupilId: f.a, requesterContactId: m.id },
        { pupilId: f.b, requesterContactId: mb?.id ?? null },
      ],
      requesterName: m.name,
      howReceived: 'form',
      dateReceived: today,
      fromDate: d10,
      fromSession: 'AM',
      toDate: d12,
      toSession: 'PM',
      kind: 'exceptional',
      reason: "Their aunt's wedding in Dublin; the family travel on the first day",
      notes: 'Parent will bring the invitation.',
    });
  }
}

/** An orthodontist appointment one afternoon, waiting for the head. */
function orthodontist(d: DemoLeave, p: number, d3: IsoDate): void {
  const { office, today, mother } = d;
  const m = mother(p);
  if (m) {
    createRequest(office, {
      pupils: [{ pupilId: p, requesterContactId: m.id }],
      requesterName: m.name,
      howReceived: 'email',
      dateReceived: today,
      fromDate: d3,
      fromSession: 'PM',
      toDate: d3,
      toSession: 'PM',
      kind: 'medical',
      reason: 'Orthodontist appointment at the hospital, 14:00',
    });
  }
}

/** A grandfather's funeral next week, granted (planned C marks in the register). */
function funeral(d: DemoLeave, p: number, d7: IsoDate): void {
  const { office, head, today, mother } = d;
  const m = mother(p);
  if (m) {
    const { requestIds } = createRequest(office, {
      pupils: [{ pupilId: p, requesterContactId: m.id }],
      requesterName: m.name,
      howReceived: 'letter',
      dateReceived: today,
      fromDate: d7,
      fromSession: 'AM',
      toDate: d7,
      toSession: 'PM',
      kind: 'exceptional',
      reason: "Grandfather's funeral",
    });
    decide(head, {
      requestId: requestIds[0],
      outcome: 'granted',
      reason: 'A close family funeral is an exceptional circumstance.',
    });
  }
}

/** A pupil marked O on a school day in the last four weeks, whose holiday request for that day was refused (the
 * register's O marks are proposed as G). */
function holidayRefused(d: DemoLeave): void {
  const { office, head, today, cal, mother } = d;
  const db = office.store.db;
  const from = cal.schoolDays(`${today.slice(0, 4)}-01-01`, today).slice(-20, -5);
  const o = from.length
    ? db
        .prepare<[string, string], { p: number; date: IsoDate }>(
          `SELECT m.pupil_id AS p, m.date FROM marks m
    JOIN contacts c ON c.pupil_id = m.pupil_id AND c.relationship = 'Mother' AND c.lives_with = 1
    WHERE m.code = 'O' AND m.session = 'AM' AND m.date BETWEEN ? AND ?
      AND EXISTS (SELECT 1 FROM marks x WHERE x.pupil_id = m.pupil_id AND x.date = m.date AND x.session = 'PM' AND x.code = 'O')
    ORDER BY m.date, m.pupil_id LIMIT 1`,
        )
        .get(from[0], from[from.length - 1])
    : undefined;
  if (o) {
    const m = mother(o.p)!;
    const received = cal.schoolDays(`${today.slice(0, 4)}-01-01`, o.date).slice(-11)[0];
    const { requestIds } = createRequest(
      { ...office, today: () => received },
      {
        pupils: [{ pupilId: o.p, requesterContactId: m.id }],
        requesterName: m.name,
        howReceived: 'letter',
        dateReceived: received,
        fromDate: o.date,
        fromSession: 'AM',
        toDate: o.date,
        toSession: 'PM',
        kind: 'exceptional',
        reason: 'Cheaper flights for a family holiday',
      },
    );
    decide(
      { ...head, now: () => `${received}T15:00:00.000Z` },
      {
        requestId: requestIds[0],
        outcome: 'refused',
        reason: 'A family holiday is not an exceptional circumstance.',
      },
    );
  }
}
