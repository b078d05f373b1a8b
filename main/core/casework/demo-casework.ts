// Casework for the demo school (docs/rules/casework.md): barriers, meetings with actions, referrals and LA joint
// approaches for the pupils the bands flag, and about ten reintegration plans at different stages (met, escalated,
// under review). Deterministic: choices follow the pupil's id, dates follow `today`. Written through the services.
import type { Store } from '../db/connection';
import type { Session } from '../../../shared/contract';
import type { PlanContent } from '../../../shared/casework';
import { addDays, mondayOf, type IsoDate } from '../../../shared/dates';
import { makeCtx, type Ctx } from '../context';
import { bandsTo } from './due';
import {
  addAction,
  addBarrier,
  addJoint,
  addMeeting,
  addReferral,
  setAction,
  updateBarrier,
} from './records';
import { closePlan, createPlan, reviewPlan, checkinPlan } from './plans';

const LEAD: Session = { userName: 'Mrs J. Okafor', position: 'Attendance lead', roles: ['lead', 'head'] };
const BARRIERS: [string, 'in_school' | 'outside_school' | 'both', string, 'pupil' | 'parent' | 'staff'][] = [
  ['routine', 'outside_school', 'Late nights gaming; hard to get up for the 8:15 bus', 'parent'],
  ['mental_wellbeing', 'both', 'Anxiety on Sunday nights and Monday mornings; seen by the GP', 'pupil'],
  ['transport', 'outside_school', 'The school bus route was cut in October', 'parent'],
  ['relationships', 'in_school', 'Falling out with a friendship group in form', 'pupil'],
  ['physical_health', 'outside_school', 'Repeated migraines; awaiting a paediatric appointment', 'parent'],
  ['young_carer', 'outside_school', 'Helps look after a younger sibling when mum is unwell', 'staff'],
  ['learning', 'in_school', 'Falling behind in maths and avoiding those lessons', 'staff'],
  ['housing_money', 'outside_school', 'Temporary accommodation across town since the summer', 'parent'],
];
const STAFF = ['Mr D. Patel (Head of Year)', 'Ms L. Green (pastoral lead)', 'Mrs S. Ahmed (learning mentor)'];

const fullWeek = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, session: 'AM' as const },
  { weekday, session: 'PM' as const },
]);
const mornings = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, session: 'AM' as const }));

function planContent(start: IsoDate, barrierIds: number[], keyAdult: string, k: number): PlanContent {
  const mid = addDays(start, 11);
  return {
    trigger: k % 3 === 0 ? 'severe' : k % 3 === 1 ? 'persistent' : 'illness',
    why: 'Attendance has fallen this term and the family asked for a gradual return.',
    barrierIds,
    pupilView:
      k % 2
        ? 'Mornings are the worst. I am OK once I am in, if someone meets me.'
        : 'I want to be back with my friends but the big hall at lunch is too much.',
    keyAdult,
    checkInEveryDays: k % 2 ? 2 : 5,
    checkInHow: 'A five-minute check-in at the student support base at 8:40',
    steps: [
      { label: 'Weeks 1–2: mornings only', from: start, to: mid, attends: mornings },
      { label: 'Then full time', from: addDays(mid, 3), to: addDays(start, 70), attends: fullWeek },
    ],
    measures: [
      { kind: 'sessions_per_week', target: k % 2 ? 5 : 8 },
      { kind: 'attendance_pct', target: 90 },
    ],
    firstReview: addDays(start, 11),
    agreement: {
      parentName: 'Parent or carer',
      pupilName: 'Pupil',
      agreedOn: start,
      signatory: LEAD.userName,
      signatoryPosition: LEAD.position,
    },
  };
}

/** The demo's casework for pupil k: one or two barriers found about two months ago and a meeting that acts on
 * them, with its actions done or not, then the follow-ups. */
function casework(ctx: Ctx, pid: number, k: number, today: IsoDate, severe: boolean): void {
  const found = addDays(today, -60 + (k % 5) * 7);
  const b1 = BARRIERS[k % BARRIERS.length];
  const b2 = BARRIERS[(k + 3) % BARRIERS.length];
  const ids = [b1, ...(k % 2 ? [b2] : [])].map(
    ([category, side, description, raisedBy], n) =>
      addBarrier(ctx, { pupilId: pid, category, side, description, raisedBy, foundOn: addDays(found, n * 3) })
        .id,
  );
  if (k % 4 === 0) {
    updateBarrier(ctx, { id: ids[0], status: 'being_addressed' });
  }
  const meetOn = addDays(found, 7);
  const m = addMeeting(ctx, {
    pupilId: pid,
    kind: k % 3 === 0 ? 'informal' : 'attendance',
    date: meetOn,
    attendees: `Parent, the pupil, ${STAFF[k % 3]}`,
    pupilView: 'Says mornings are hard and would like a named adult.',
    parentView: 'Worried; wants to work with school.',
    barrierIds: ids,
    nextReview: addDays(meetOn, 21),
    actions: [
      {
        what: 'Morning meet and greet at the gate',
        ownerKind: 'school',
        ownerName: STAFF[k % 3],
        dueOn: addDays(meetOn, 7),
      },
      { what: 'Set a school-night bedtime and alarm', ownerKind: 'parent', dueOn: addDays(meetOn, 14) },
    ],
  });
  setAction(ctx, { id: m.actionIds[0], status: 'done', on: addDays(meetOn, 5) });
  if (k % 3 === 1) {
    setAction(ctx, {
      id: m.actionIds[1],
      status: 'not_done',
      on: addDays(meetOn, 15),
      note: 'Parent said evenings are too busy',
    });
  }
  followUps(ctx, pid, k, today, severe, meetOn);
}

/** The demo's later casework for pupil k after the meeting on `meetOn`: a referral, a phone call that is now
 * overdue, and a joint plan with the local authority for some of the severely absent. */
function followUps(ctx: Ctx, pid: number, k: number, today: IsoDate, severe: boolean, meetOn: IsoDate): void {
  if (k % 3 === 2) {
    addReferral(ctx, {
      pupilId: pid,
      kind: k % 2 ? 'early_help' : 'signposting',
      service: k % 2 ? 'Riverside Early Help Hub' : 'School nurse drop-in',
      madeOn: addDays(meetOn, 2),
      leadPractitioner: k % 2 ? 'A. Mensah (family support)' : null,
    });
  }
  if (k % 5 === 0) {
    addAction(ctx, {
      pupilId: pid,
      what: 'Phone the family to review the week',
      ownerKind: 'school',
      ownerName: STAFF[(k + 1) % 3],
      dueOn: addDays(today, -3),
    });
  }
  if (severe && k % 2 === 0) {
    addJoint(ctx, {
      pupilId: pid,
      agreedOn: addDays(meetOn, 10),
      laOfficer: 'K. Byrne, School Attendance Support Team',
      agreedPlan:
        'Reintegration plan in school; LA to offer an early help assessment; review at the next targeting support meeting.',
      nextReview: addDays(today, 14),
      considered: 'Whole-family plan considered: yes, via early help.',
    });
  }
}

function plans(ctx: Ctx, flagged: number[], today: IsoDate): void {
  flagged.slice(0, 10).forEach((pid, k) => {
    const start = mondayOf(addDays(today, -(k % 2 ? 49 : 28) - 7 * (k % 3)));
    const barriers = ctx.store.db
      .prepare<[number], { id: number }>('SELECT id FROM casework_barriers WHERE pupil_id = ?')
      .all(pid)
      .map((b) => b.id);
    const p = createPlan(ctx, {
      pupilId: pid,
      startOn: start,
      content: planContent(start, barriers, STAFF[k % 3], k),
    });
    addAction(ctx, {
      pupilId: pid,
      planId: p.id,
      what: 'Quiet room pass for lunchtimes',
      ownerKind: 'school',
      ownerName: STAFF[k % 3],
      dueOn: addDays(start, 3),
    });
    checkinPlan(ctx, { planId: p.id, checkedOn: addDays(start, 2), note: 'Settled quickly' });
    if (addDays(start, 11) <= today) {
      reviewPlan(ctx, {
        planId: p.id,
        reviewedOn: addDays(start, 11),
        attendees: `Parent, pupil, ${STAFF[k % 3]}`,
        notes: 'Mornings going well; ready to try afternoons.',
        nextReview: k < 2 ? addDays(start, 25) : addDays(today, (k % 4) - 1),
      });
    }
    if (k === 0 && addDays(start, 25) <= today) {
      closePlan(ctx, {
        planId: p.id,
        outcome: 'met',
        outcomeOn: addDays(start, 25),
        note: 'Back full time and attending every session for three weeks.',
      });
    }
    if (k === 1 && addDays(start, 25) <= today) {
      closePlan(ctx, {
        planId: p.id,
        outcome: 'escalated',
        outcomeOn: addDays(start, 25),
        note: 'Attendance did not improve; referred to the LA under its code.',
      });
    }
  });
}

export function createDemoCasework(store: Store, today: IsoDate): void {
  const ctx: Ctx = { ...makeCtx(store, LEAD), today: () => today };
  const bands = bandsTo(store.db, today);
  const order = (b: string) => (b === 'severe' ? 0 : b === 'persistent' ? 1 : 2);
  const flagged = [...bands]
    .filter(([, b]) => b === 'severe' || b === 'persistent' || b === 'at_risk')
    .sort((a, b) => order(a[1]!) - order(b[1]!) || a[0] - b[0])
    .map(([id]) => id);
  store.db
    .transaction(() => {
      // leave one severe pupil without a joint approach and some persistent pupils without support, as in life
      const withCasework = flagged.filter((_, k) => k % 7 !== 3).slice(0, 36);
      withCasework.forEach((pid, k) => casework(ctx, pid, k, today, bands.get(pid) === 'severe'));
      plans(ctx, withCasework, today);
    })
    .immediate();
}
