// Leave of absence through dispatch on real SQLite files: the request → decision → revision state machine, the
// codes granted sessions pre-fill the register with, the G proposals and their confirmation, who may do what,
// the penalty forecast and warnings, evidence files, and the decision letter reopened from its .docx bytes.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { pinToday } from '../helpers/today';
import { dispatch } from '../../main/core/dispatch';
import type { Input, Session } from '../../shared/contract';
import { contract } from '../../shared/contract';
import { leaveChannels } from '../../shared/channels/leave';
import { ok, PUPIL_HEADER, pupilRow, rowCount, setupSchool, tempStore } from '../helpers/store';
import type { Store } from '../../main/core/db/connection';
import { waitForJob } from '../../main/core/letters/jobs';

const HEAD: Session = { userName: 'Mrs H. Head', position: 'Headteacher', roles: ['head'], userId: 7 };
const OFFICE: Session = { userName: 'Mr O. Office', position: 'Office manager', roles: ['office'] };
const DEPUTY: Session = {
  userName: 'Ms D. Deputy',
  position: 'Deputy Headteacher',
  roles: ['lead'],
  authorisedForLeave: true,
};
const LEAD: Session = { userName: 'Mr L. Lead', position: 'Attendance lead', roles: ['lead'] };
const ADMIN: Session = { userName: 'Admin', position: 'IT', roles: ['admin'] };
const GOVERNOR: Session = { userName: 'Gov', position: 'Governor', roles: ['governor'] };

pinToday('2025-11-03');

/** Two siblings living with their mother (1, 2), a pupil whose only contact does not live with them (3), a nursery
 * child not of compulsory school age (4), all in 2 Oak. */
function school() {
  const s = tempStore();
  setupSchool(s);
  const mum = { contact1_name: 'Amira Shah' };
  ok(s, 'pupils.import', {
    csv: [
      PUPIL_HEADER,
      pupilRow(1, { surname: 'Shah', ...mum }),
      pupilRow(2, { surname: 'Shah', ...mum }),
      pupilRow(3, { contact1_lives_with: 'N' }),
      pupilRow(4, { dob: '2021-06-01', year_group: 'N2' }),
    ].join('\n'),
  });
  const ids = ok(s, 'pupils.list', {})
    .pupils.sort((a, b) => a.forename.localeCompare(b.forename))
    .map((p) => p.id);
  const contact = (id: number) => ok(s, 'pupils.get', { id }).contacts[0].id;
  return { s, ids, contact };
}

type Create = Input<'leave.create'>;
function request(
  s: Store,
  pupils: { pupilId: number; requesterContactId: number | null }[],
  over: Partial<Create> = {},
) {
  return ok(
    s,
    'leave.create',
    {
      pupils,
      requesterName: 'Amira Shah',
      howReceived: 'letter',
      dateReceived: '2025-11-03',
      fromDate: '2025-11-17',
      fromSession: 'AM',
      toDate: '2025-11-21',
      toSession: 'PM',
      kind: 'exceptional',
      reason: "Grandmother's 90th birthday in Lahore",
      ...over,
    },
    OFFICE,
  );
}
const planned = (s: Store, pupilId: number) =>
  s.db
    .prepare(
      "SELECT date, session, code, note FROM planned_marks WHERE pupil_id = ? AND source = 'leave' ORDER BY date, session",
    )
    .all(pupilId) as { date: string; session: string; code: string; note: string }[];
const fail = (s: Store, channel: keyof typeof leaveChannels, input: unknown, session: Session) => {
  const r = dispatch(s, channel, input, session);
  if (r.ok) {
    throw new Error(`${channel} unexpectedly succeeded`);
  }
  return r.error;
};

describe('leave requests: received → decided → revised', () => {
  it("a family request makes one request per sibling, pending in the head's queue", () => {
    const { s, ids, contact } = school();
    const r = request(s, [
      { pupilId: ids[0], requesterContactId: contact(ids[0]) },
      { pupilId: ids[1], requesterContactId: contact(ids[1]) },
    ]);
    expect(r.requestIds).toHaveLength(2);
    const q = ok(s, 'leave.queue', {}, HEAD).requests;
    expect(q.map((x) => [x.pupilId, x.familyId, x.status, x.days, x.sessions])).toEqual([
      [ids[0], r.familyId, 'pending', 5, 10],
      [ids[1], r.familyId, 'pending', 5, 10],
    ]);
    const g = ok(s, 'leave.get', { id: r.requestIds[0] }, OFFICE);
    expect(g.siblings).toEqual([{ id: r.requestIds[1], pupilName: 'Forename2 Shah', status: 'pending' }]);
    expect(g.request).toMatchObject({
      requesterName: 'Amira Shah',
      requesterLivesWith: true,
      requesterRelationship: 'Mother',
      status: 'pending',
    });
    expect(g.mayDecide).toBe(false);
    expect(ok(s, 'leave.get', { id: r.requestIds[0] }, DEPUTY).mayDecide).toBe(true);
  });

  it(`a decision records who, in what position and when; a second decision is refused; \
a revision needs a reason, cites the old one and keeps it`, () => {
    const { s, ids, contact } = school();
    const [id] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }]).requestIds;
    const d1 = ok(
      s,
      'leave.decide',
      {
        requestId: id,
        outcome: 'part',
        days: 3,
        reason: 'A family occasion abroad; three days are exceptional, not five',
      },
      HEAD,
    );
    expect(d1.plannedMarks).toBe(6);
    expect(ok(s, 'leave.queue', {}, HEAD).requests).toEqual([]);
    expect(
      fail(s, 'leave.decide', { requestId: id, outcome: 'granted', reason: 'again' }, HEAD),
    ).toMatchObject({ kind: 'conflict' });
    expect(
      fail(
        s,
        'leave.revise',
        { requestId: id, supersedes: d1.decisionId, outcome: 'refused', reason: '  ' },
        HEAD,
      ),
    ).toMatchObject({ kind: 'invalid' });
    const d2 = ok(
      s,
      'leave.revise',
      {
        requestId: id,
        supersedes: d1.decisionId,
        outcome: 'refused',
        reason: 'The family told us the trip is a holiday',
      },
      DEPUTY,
    );
    // the stale decision can no longer be revised
    expect(
      fail(
        s,
        'leave.revise',
        { requestId: id, supersedes: d1.decisionId, outcome: 'granted', reason: 'x' },
        HEAD,
      ),
    ).toMatchObject({ kind: 'conflict' });
    const g = ok(s, 'leave.get', { id }, HEAD);
    expect(g.request.status).toBe('refused');
    expect(
      g.decisions.map((d) => [
        d.id,
        d.outcome,
        d.daysGranted,
        d.sessionsGranted,
        d.supersedes,
        d.current,
        d.deciderName,
        d.deciderPosition,
      ]),
    ).toEqual([
      [d1.decisionId, 'part', 3, 6, null, false, 'Mrs H. Head', 'Headteacher'],
      [d2.decisionId, 'refused', 0, 0, d1.decisionId, true, 'Ms D. Deputy', 'Deputy Headteacher'],
    ]);
    expect(g.decisions[0].decidedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(
      s.db.prepare('SELECT decider_user_id AS u FROM leave_decisions WHERE id = ?').get(d1.decisionId),
    ).toEqual({ u: 7 });
    expect(planned(s, ids[0])).toEqual([]); // the revision replaced the planned marks
    const audit = s.db
      .prepare("SELECT action FROM audit_log WHERE entity = 'leave_request' ORDER BY id")
      .all()
      .map((r) => (r as { action: string }).action);
    expect(audit).toEqual(['leave.request', 'leave.decide', 'leave.revise']);
  });

  it('decisions are append-only in the database itself', () => {
    const { s, ids, contact } = school();
    const [id] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }]).requestIds;
    ok(s, 'leave.decide', { requestId: id, outcome: 'granted', reason: 'Exceptional: a funeral' }, HEAD);
    expect(() => s.db.prepare("UPDATE leave_decisions SET outcome = 'refused'").run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM leave_decisions').run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM leave_requests').run()).toThrow(/cannot be deleted/);
    expect(() =>
      s.db
        .prepare(
          'INSERT INTO leave_decisions (request_id, outcome, days_granted, sessions_granted, ' +
            'sessions, reason, decider_name, decider_position, decided_at, supersedes) VALUES (?, ' +
            "'refused', 0, 0, '[]', 'x', 'x', 'x', 'x', 999)",
        )
        .run(id),
    ).toThrow(/same request/);
    expect(rowCount(s, 'leave_decisions')).toBe(1);
  });
});

describe('granted sessions become planned marks with the right code', () => {
  it('a part grant pre-fills C for the first days only, and the register takes the pre-fill', () => {
    const { s, ids, contact } = school();
    const [id] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }]).requestIds;
    ok(
      s,
      'leave.decide',
      { requestId: id, outcome: 'part', days: 3, reason: 'Three days for the family occasion' },
      HEAD,
    );
    const p = planned(s, ids[0]);
    expect(p.map((x) => `${x.date} ${x.session} ${x.code}`)).toEqual([
      '2025-11-17 AM C',
      '2025-11-17 PM C',
      '2025-11-18 AM C',
      '2025-11-18 PM C',
      '2025-11-19 AM C',
      '2025-11-19 PM C',
    ]);
    expect(p[0].note).toMatch(/Exceptional circumstances: leave granted by Mrs H\. Head \(request \d+\)/);
    const reg = ok(s, 'registers.get', { date: '2025-11-18', session: 'PM', regGroup: '2 Oak' });
    expect(reg.pupils.find((x) => x.pupilId === ids[0])!.planned).toMatchObject({ code: 'C' });
    expect(
      ok(s, 'registers.get', { date: '2025-11-20', session: 'AM', regGroup: '2 Oak' }).pupils.find(
        (x) => x.pupilId === ids[0],
      )!.planned,
    ).toBeNull();
    // saving the register as pre-filled stores C with the note (C needs its detail)
    ok(s, 'registers.save', {
      date: '2025-11-18',
      session: 'PM',
      regGroup: '2 Oak',
      marks: [{ pupilId: ids[0], code: 'C', note: p[3].note }],
    });
    expect(
      s.db
        .prepare("SELECT code FROM marks WHERE pupil_id = ? AND date = '2025-11-18' AND session = 'PM'")
        .get(ids[0]),
    ).toEqual({ code: 'C' });
  });

  it('each kind of leave is granted with its own code', () => {
    const { s, ids, contact } = school();
    const cases: [Create['kind'], string][] = [
      ['medical', 'M'],
      ['interview', 'J1'],
      ['study_leave', 'S'],
      ['performance_abroad', 'C1'],
    ];
    cases.forEach(([kind, code], k) => {
      const day = `2025-12-0${k + 1}`;
      const [id] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }], {
        kind,
        fromDate: day,
        toDate: day,
        fromSession: 'PM',
        toSession: 'PM',
      }).requestIds;
      ok(s, 'leave.decide', { requestId: id, outcome: 'granted', reason: `granted ${kind}` }, HEAD);
      expect(
        planned(s, ids[0])
          .filter((x) => x.date === day)
          .map((x) => `${x.session} ${x.code}`),
      ).toEqual([`PM ${code}`]);
    });
    // A part-time request stored before timetables had their own record is still granted with C2
    const day = '2025-12-08';
    const [old] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }], {
      fromDate: day,
      toDate: day,
      fromSession: 'PM',
      toSession: 'PM',
    }).requestIds;
    s.db.prepare("UPDATE leave_requests SET kind = 'part_time' WHERE id = ?").run(old);
    ok(s, 'leave.decide', { requestId: old, outcome: 'granted', reason: 'granted part_time' }, HEAD);
    expect(planned(s, ids[0]).filter((x) => x.date === day)).toMatchObject([{ session: 'PM', code: 'C2' }]);
  });

  it("religious observance: only the day the body sets apart is R, extra days are leave (C) at the head's discretion", () => {
    const { s, ids, contact } = school();
    const [id] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }], {
      kind: 'religious_observance',
      fromDate: '2025-11-17',
      toDate: '2025-11-18',
      observance: 'Diwali',
      religiousBody: 'Local Hindu temple',
      observanceDays: ['2025-11-17'],
    }).requestIds;
    const g = ok(s, 'leave.get', { id }, HEAD);
    expect(g.requested.map((x) => x.code)).toEqual(['R', 'R', 'C', 'C']);
    expect(g.warnings.find((w) => w.kind === 'observance')?.message).toMatch(
      /1 day asked for is not set apart by Local Hindu temple \(18\/11\/2025\)/,
    );
    ok(
      s,
      'leave.decide',
      { requestId: id, outcome: 'refused', reason: 'The extra day is not exceptional' },
      HEAD,
    );
    expect(planned(s, ids[0]).map((x) => `${x.date} ${x.session} ${x.code}`)).toEqual([
      '2025-11-17 AM R',
      '2025-11-17 PM R',
    ]);
    expect(planned(s, ids[0])[0].note).toMatch(/Diwali \(Local Hindu temple\)/);
  });

  it(`refuses to grant: a requester not living with the pupil, C not asked in advance, C2 for a \
pupil under compulsory age — refusal stays possible`, () => {
    const { s, ids, contact } = school();
    const [notLiving] = request(s, [{ pupilId: ids[2], requesterContactId: contact(ids[2]) }]).requestIds;
    const w = ok(s, 'leave.get', { id: notLiving }, HEAD);
    expect(w.canGrant).toBe(false);
    expect(w.warnings.map((x) => x.kind)).toContain('not_lives_with');
    expect(
      fail(s, 'leave.decide', { requestId: notLiving, outcome: 'granted', reason: 'x' }, HEAD),
    ).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/not recorded as living with the pupil/),
    });
    ok(
      s,
      'leave.decide',
      { requestId: notLiving, outcome: 'refused', reason: 'Not asked by a parent the pupil lives with' },
      HEAD,
    );

    const [late] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }], {
      dateReceived: '2025-11-03',
      fromDate: '2025-11-03',
      toDate: '2025-11-04',
    }).requestIds;
    expect(
      ok(s, 'leave.get', { id: late }, HEAD).warnings.find((x) => x.kind === 'not_in_advance')?.message,
    ).toMatch(
      /^Received 03\/11\/2025, on or after the first day asked for \(03\/11\/2025\): not made in advance/,
    );
    expect(
      fail(s, 'leave.decide', { requestId: late, outcome: 'part', days: 1, reason: 'x' }, HEAD),
    ).toMatchObject({ kind: 'refused', message: expect.stringMatching(/cannot be granted as C/) });
    // an appointment asked on the day is not C: it can be granted
    const [appt] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }], {
      kind: 'medical',
      dateReceived: '2025-11-03',
      fromDate: '2025-11-03',
      toDate: '2025-11-03',
      fromSession: 'PM',
    }).requestIds;
    expect(
      ok(s, 'leave.decide', { requestId: appt, outcome: 'granted', reason: 'Hospital appointment' }, HEAD)
        .plannedMarks,
    ).toBe(1);

    // A part-time request stored before timetables had their own record (new ones are refused: arrangements.test.ts)
    const [ptt] = request(s, [{ pupilId: ids[3], requesterContactId: contact(ids[3]) }]).requestIds;
    s.db.prepare("UPDATE leave_requests SET kind = 'part_time' WHERE id = ?").run(ptt);
    expect(fail(s, 'leave.decide', { requestId: ptt, outcome: 'granted', reason: 'x' }, HEAD)).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/C2 is only for a pupil of compulsory school age/),
    });
  });

  it('two requests cannot both grant the same session', () => {
    const { s, ids, contact } = school();
    const [a] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }]).requestIds;
    const [b] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }], {
      kind: 'medical',
      fromDate: '2025-11-18',
      toDate: '2025-11-18',
    }).requestIds;
    ok(s, 'leave.decide', { requestId: a, outcome: 'granted', reason: 'Exceptional' }, HEAD);
    expect(fail(s, 'leave.decide', { requestId: b, outcome: 'granted', reason: 'x' }, HEAD)).toMatchObject({
      kind: 'conflict',
    });
    expect(ok(s, 'leave.get', { id: b }, HEAD).warnings.map((w) => w.kind)).toContain('overlap');
  });
});

describe('G proposals', () => {
  it(`absences on sessions not granted are proposed as G; unmarked and granted sessions are not; \
the office confirms one by one with the history kept`, () => {
    const { s, ids, contact } = school();
    const [id] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }]).requestIds;
    ok(s, 'leave.decide', { requestId: id, outcome: 'part', days: 3, reason: 'Three days' }, HEAD);
    expect(ok(s, 'leave.gProposals', {}, OFFICE).proposals).toEqual([]);
    // the register: C pre-fill taken on day 3; N on day 4 (both sessions) and O on day 5 AM; day 5 PM not yet taken
    ok(s, 'registers.save', {
      date: '2025-11-19',
      session: 'AM',
      regGroup: '2 Oak',
      marks: [{ pupilId: ids[0], code: 'C', note: 'leave' }],
    });
    for (const [date, session, code] of [
      ['2025-11-20', 'AM', 'N'],
      ['2025-11-20', 'PM', 'N'],
      ['2025-11-21', 'AM', 'O'],
    ] as const) {
      ok(s, 'registers.save', { date, session, regGroup: '2 Oak', marks: [{ pupilId: ids[0], code }] });
    }
    const p = ok(s, 'leave.gProposals', {}, OFFICE).proposals;
    expect(p.map((x) => `${x.date} ${x.session} ${x.code}`)).toEqual([
      '2025-11-20 AM N',
      '2025-11-20 PM N',
      '2025-11-21 AM O',
    ]);
    expect(p[0]).toMatchObject({ requestId: id, pupilId: ids[0], why: 'beyond the 3 days granted' });
    expect(
      ok(s, 'leave.confirmG', { items: [{ requestId: id, date: '2025-11-20', session: 'AM' }] }, OFFICE),
    ).toEqual({ amended: 1 });
    const m = ok(s, 'marks.history', { upn: p[0].upn }).amendments;
    expect(m).toEqual([
      expect.objectContaining({
        date: '2025-11-20',
        session: 'AM',
        oldCode: 'N',
        newCode: 'G',
        changedBy: 'Mr O. Office',
        position: 'Office manager',
        reason: expect.stringMatching(/Holiday not granted \(leave request \d+: beyond the 3 days granted\)/),
      }),
    ]);
    // no longer proposed; a granted session or an unmarked one cannot be confirmed, and nothing is changed
    expect(ok(s, 'leave.gProposals', { requestId: id }, OFFICE).proposals).toHaveLength(2);
    const bad = fail(
      s,
      'leave.confirmG',
      {
        items: [
          { requestId: id, date: '2025-11-20', session: 'PM' },
          { requestId: id, date: '2025-11-19', session: 'AM' },
          { requestId: id, date: '2025-11-21', session: 'PM' },
        ],
      },
      OFFICE,
    );
    expect(bad.kind).toBe('invalid');
    expect(bad.issues).toHaveLength(2);
    expect(
      s.db
        .prepare("SELECT code FROM marks WHERE pupil_id = ? AND date = '2025-11-20' AND session = 'PM'")
        .get(ids[0]),
    ).toEqual({ code: 'N' });
    // confirm the rest at once
    expect(
      ok(
        s,
        'leave.confirmG',
        {
          items: ok(s, 'leave.gProposals', {}, OFFICE).proposals.map((x) => ({
            requestId: x.requestId,
            date: x.date,
            session: x.session,
          })),
        },
        OFFICE,
      ),
    ).toEqual({ amended: 2 });
    expect(ok(s, 'leave.gProposals', {}, OFFICE).proposals).toEqual([]);
  });

  it('after a refusal, leave codes already taken from an earlier grant are proposed too', () => {
    const { s, ids, contact } = school();
    const [id] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }]).requestIds;
    const d = ok(s, 'leave.decide', { requestId: id, outcome: 'granted', reason: 'Exceptional' }, HEAD);
    ok(s, 'registers.save', {
      date: '2025-11-17',
      session: 'AM',
      regGroup: '2 Oak',
      marks: [{ pupilId: ids[0], code: 'C', note: 'leave' }],
    });
    ok(
      s,
      'leave.revise',
      { requestId: id, supersedes: d.decisionId, outcome: 'refused', reason: 'It was a holiday after all' },
      HEAD,
    );
    expect(
      ok(s, 'leave.gProposals', {}, OFFICE).proposals.map(
        (x) => `${x.date} ${x.session} ${x.code} ${x.why.slice(0, 12)}`,
      ),
    ).toEqual(['2025-11-17 AM C leave refuse']);
  });
});

describe('who may do what', () => {
  it('follows the permission table for every leave channel', () => {
    const { s, ids, contact } = school();
    const [id] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }]).requestIds;
    const sessions: Record<string, Session> = {
      office: OFFICE,
      lead: LEAD,
      head: HEAD,
      deputy: DEPUTY,
      admin: ADMIN,
      governor: GOVERNOR,
    };
    const reads = { 'leave.list': {}, 'leave.get': { id }, 'leave.gProposals': {} };
    const table: Record<string, string[]> = {};
    for (const [who, sess] of Object.entries(sessions)) {
      const r = (ch: keyof typeof leaveChannels, input: unknown) => {
        const x = dispatch(s, ch, input, sess);
        return x.ok ? 'ok' : x.error.kind;
      };
      table[who] = [
        ...Object.entries(reads).map(([ch, input]) => r(ch as keyof typeof leaveChannels, input)),
        r('leave.queue', {}),
        r('leave.create', {
          pupils: [{ pupilId: ids[1], requesterContactId: null }],
          requesterName: 'A Parent',
          howReceived: 'email',
          dateReceived: '2025-11-01',
          fromDate: '2025-12-01',
          fromSession: 'AM',
          toDate: '2025-12-01',
          toSession: 'PM',
          kind: 'medical',
          reason: 'Dentist',
        }),
        r('leave.decide', { requestId: id, outcome: 'refused', reason: 'Not exceptional' }),
      ];
    }
    expect(table).toEqual({
      office: ['ok', 'ok', 'ok', 'forbidden', 'ok', 'forbidden'],
      lead: ['ok', 'ok', 'ok', 'forbidden', 'ok', 'forbidden'],
      head: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
      deputy: ['ok', 'ok', 'ok', 'ok', 'ok', 'conflict'], // authorised for leave; the head had decided it already
      admin: ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
      governor: ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
    });
    // every leave channel shuts governors and administrators out at the contract
    for (const [name, spec] of Object.entries(leaveChannels)) {
      expect(spec.roles, name).not.toContain('governor');
      expect(spec.roles, name).not.toContain('admin');
      expect(contract[name as keyof typeof contract]).toBe(spec);
    }
  });
});

describe('warnings, figures and the penalty forecast', () => {
  it("shows the pupil's figures and what refusing and the leave being taken anyway would do", () => {
    const { s, ids, contact } = school();
    // 4 unauthorised sessions already this term
    for (const [date, session] of [
      ['2025-10-06', 'AM'],
      ['2025-10-06', 'PM'],
      ['2025-10-07', 'AM'],
      ['2025-10-07', 'PM'],
    ] as const) {
      ok(s, 'registers.save', { date, session, regGroup: '2 Oak', marks: [{ pupilId: ids[0], code: 'O' }] });
    }
    const [id] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }]).requestIds;
    const g = ok(s, 'leave.get', { id }, HEAD);
    expect(g.forecast).toMatchObject({
      threshold: 10,
      now: 4,
      ifTaken: 14,
      reachesThreshold: true,
      thresholdFirstMet: '2025-11-19',
    });
    expect(g.forecast.byDaysGranted).toEqual([14, 12, 10, 8, 6, 4]);
    expect(g.warnings[0]).toEqual({
      kind: 'penalty',
      message:
        'If this is refused and taken anyway, Forename1 reaches 14 unauthorised sessions in the ' +
        'rolling 10-school-week window (threshold 10; 4 now): ' +
        'a penalty notice must then be considered.',
    });
    expect(g.figures).toMatchObject({
      from: '2025-09-01',
      to: '2025-11-03',
      unauthorised: 4,
      possible: 4,
      band: 'severe',
    });
    expect(g.compulsoryAge).toBe(true);
  });

  it('a pupil not of compulsory school age gets no penalty wording', () => {
    const { s, ids, contact } = school();
    const [id] = request(s, [{ pupilId: ids[3], requesterContactId: contact(ids[3]) }]).requestIds;
    const g = ok(s, 'leave.get', { id }, HEAD);
    expect(g.compulsoryAge).toBe(false);
    expect(g.warnings.map((w) => w.kind)).toEqual(['not_compulsory_age']);
  });

  it('refuses a request that ends before it starts or holds no school session, writing nothing', () => {
    const { s, ids } = school();
    const base = {
      pupils: [{ pupilId: ids[0], requesterContactId: null }],
      requesterName: 'X',
      howReceived: 'email' as const,
      dateReceived: '2025-11-01',
      fromSession: 'AM' as const,
      toSession: 'PM' as const,
      kind: 'exceptional' as const,
      reason: 'r',
    };
    expect(
      fail(s, 'leave.create', { ...base, fromDate: '2025-11-20', toDate: '2025-11-19' }, OFFICE).issues?.[0],
    ).toMatchObject({ path: 'toDate', message: 'the leave ends before it starts' });
    expect(
      fail(s, 'leave.create', { ...base, fromDate: '2025-11-22', toDate: '2025-11-23' }, OFFICE).message,
    ).toMatch(/no school session/);
    expect(
      fail(
        s,
        'leave.create',
        {
          ...base,
          fromDate: '2025-11-17',
          toDate: '2025-11-17',
          pupils: [{ pupilId: ids[0], requesterContactId: 99999 }],
        },
        OFFICE,
      ).message,
    ).toMatch(/is not a contact of/);
    expect(rowCount(s, 'leave_requests')).toBe(0);
    expect(rowCount(s, 'leave_families')).toBe(0);
  });
});

describe('evidence files', () => {
  it('keeps the bytes with their hash, gives them back, and refuses other types and files over 10 MB', () => {
    const { s, ids, contact } = school();
    const [id] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }]).requestIds;
    const pdf = Buffer.from('%PDF-1.4 funeral notice');
    const e = ok(
      s,
      'leave.addEvidence',
      {
        requestId: id,
        fileName: 'Funeral notice.pdf',
        mimeType: 'application/pdf',
        base64: pdf.toString('base64'),
      },
      OFFICE,
    );
    expect(e.size).toBe(pdf.length);
    const back = ok(s, 'leave.evidence', { id: e.id }, HEAD);
    expect(Buffer.from(back.base64, 'base64').equals(pdf)).toBe(true);
    expect(back.sha256).toBe(e.sha256);
    expect(ok(s, 'leave.get', { id }, HEAD).evidence).toEqual([
      expect.objectContaining({
        fileName: 'Funeral notice.pdf',
        mimeType: 'application/pdf',
        addedBy: 'Mr O. Office',
      }),
    ]);
    expect(
      fail(
        s,
        'leave.addEvidence',
        { requestId: id, fileName: 'run.exe', mimeType: 'application/octet-stream', base64: 'AAAA' },
        OFFICE,
      ).message,
    ).toMatch(/must be a PDF/);
    const big = Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64');
    expect(
      fail(
        s,
        'leave.addEvidence',
        { requestId: id, fileName: 'big.pdf', mimeType: 'application/pdf', base64: big },
        OFFICE,
      ).message,
    ).toMatch(/larger than 10 MB/);
    expect(rowCount(s, 'leave_evidence')).toBe(1);
  });
});

describe('the time to decide', () => {
  it('flags a request still undecided 5 school days after it arrived (project default), until it is decided', () => {
    const { s, ids, contact } = school();
    // received Mon 03/11/2025, leave from 17/11
    const [id] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }]).requestIds;
    const due = (today: string) => {
      process.env.ATTENDANCE_TODAY = today;
      try {
        return (
          ok(s, 'leave.get', { id }, HEAD).warnings.find((w) => w.kind === 'decision_due')?.message ?? null
        );
      } finally {
        process.env.ATTENDANCE_TODAY = '2025-11-03';
      }
    };
    expect(due('2025-11-10')).toBeNull(); // the 5th school day after receipt: still in time
    expect(due('2025-11-11')).toMatch(/^The decision was due by 10\/11\/2025/);
    expect(ok(s, 'leave.queue', {}, HEAD).requests.find((r) => r.id === id)?.decideBy).toBe('2025-11-10');
    ok(s, 'leave.decide', { requestId: id, outcome: 'refused', reason: 'Not exceptional' }, HEAD);
    expect(due('2025-11-11')).toBeNull();
    expect(ok(s, 'leave.list', {}, HEAD).requests.find((r) => r.id === id)?.decideBy).toBeNull();
  });
});

describe('the decision letter', () => {
  /** Starts the decision letter (made by the letters engine as a job), waits for it and returns the file's text. */
  async function letterOf(s: Store, decisionId: number, session: Session) {
    const { jobId } = ok(s, 'leave.decisionLetter', { decisionId }, session);
    const job = await waitForJob(jobId);
    expect(job.status, job.error ?? '').toBe('done');
    const logId = job.result!.letters[0].logId!;
    const file = ok(s, 'letters.file', { logId }, session);
    return {
      fileName: file.fileName,
      text: strFromU8(unzipSync(Buffer.from(file.base64, 'base64'))['word/document.xml']).replace(
        /<[^>]+>/g,
        '',
      ),
    };
  }

  it(`a part grant, through the school's leave-granted template, names the dates asked for, the \
sessions granted, the reason, the return date and what follows if more is taken`, async () => {
    const { s, ids, contact } = school();
    const [id] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }]).requestIds;
    const d = ok(
      s,
      'leave.decide',
      { requestId: id, outcome: 'part', days: 3, reason: 'Three days are exceptional for the occasion' },
      HEAD,
    );
    const l = await letterOf(s, d.decisionId, HEAD);
    expect(l.fileName).toMatch(/^Shah-Forename1-leave-granted\.docx$/);
    for (const want of [
      'Test Primary',
      'Monday 17 November 2025',
      'Friday 21 November 2025',
      'granted in part',
      '6 sessions (half-days), from Monday 17 November 2025 (morning) to Wednesday 19 November 2025 (afternoon)',
      'Three days are exceptional for the occasion',
      'back in school on Thursday 20 November 2025 (morning)',
      'penalty notice',
      'Mrs H. Head',
      'Headteacher',
    ]) {
      expect(l.text, want).toContain(want);
    }
    expect(l.text).not.toContain('{{');
    expect(l.text).toMatch(/Yours sincerely.*Mrs H\. Head.*Headteacher/); // signed by the decider
    const logged = s.db
      .prepare('SELECT pupil_id AS pupilId, file_name AS fileName, generated_by AS by FROM leave_letters')
      .all();
    expect(logged).toEqual([{ pupilId: ids[0], fileName: l.fileName, by: 'Mrs H. Head' }]);
    expect(ok(s, 'leave.get', { id }, OFFICE).decisions[0].letters).toHaveLength(1);
    // and it is in the pupil's letter log like every letter
    expect(ok(s, 'letters.log', { pupilId: ids[0] }, OFFICE).entries.map((e) => e.template)).toEqual([
      'leave-granted',
    ]);
  });

  it('a refusal for a pupil not of compulsory school age explains without penalty wording', async () => {
    const { s, ids, contact } = school();
    const [id] = request(s, [{ pupilId: ids[3], requesterContactId: contact(ids[3]) }]).requestIds;
    const d = ok(s, 'leave.decide', { requestId: id, outcome: 'refused', reason: 'Not exceptional' }, HEAD);
    const { text } = await letterOf(s, d.decisionId, HEAD);
    expect(text).toContain('the circumstances were not judged to be exceptional');
    expect(text).toContain('the absence will be recorded as unauthorised');
    expect(text).not.toMatch(/penalty/i);
  });

  it('the office cannot produce a decision letter: it has legal weight, so the head or the lead does (G5)', () => {
    const { s, ids, contact } = school();
    const [id] = request(s, [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }]).requestIds;
    const d = ok(s, 'leave.decide', { requestId: id, outcome: 'refused', reason: 'Not exceptional' }, HEAD);
    expect(fail(s, 'leave.decisionLetter', { decisionId: d.decisionId }, OFFICE).kind).toBe('forbidden');
    expect(rowCount(s, 'leave_letters')).toBe(0);
  });
});
