// Part-time timetables and flexi-schooling agreements through dispatch on real SQLite files: the C2 / C / X planned
// marks each pattern produces, a pattern change from a date, expiry and outcome stopping the marks, an extension only
// through a review, refusals (behaviour, no end date, a parent the pupil does not live with), a taken mark never
// planned over, part-time leave decisions shown as timetables with nothing stored changed, the due list and counts.
import { describe, expect, it } from 'vitest';
import { pinToday } from '../helpers/today';
import { dispatch } from '../../main/core/dispatch';
import type { Input, Session } from '../../shared/contract';
import { ok, PUPIL_HEADER, pupilRow, rowCount, setupSchool, tempStore } from '../helpers/store';
import type { Store } from '../../main/core/db/connection';
import { arrangementCounts, arrangementsDue } from '../../main/core/arrangements/queries';
import { cli } from '../helpers/cli';
import { strFromU8, unzipSync } from 'fflate';
import { waitForJob } from '../../main/core/letters/jobs';
import { LetterDataLoader } from '../../main/core/letters/letter-data';

const LEAD: Session = { userName: 'Mr L. Lead', position: 'Attendance lead', roles: ['lead'] };
const OFFICE: Session = { userName: 'Mr O. Office', position: 'Office manager', roles: ['office'] };
const HEAD: Session = { userName: 'Mrs H. Head', position: 'Headteacher', roles: ['head'], userId: 7 };

pinToday('2025-11-03');

/** A Year 8 pupil (1), a sixth former past compulsory school age (2), a pupil whose contact does not live with
 * them (3), all in 8A. Autumn 2 runs 03/11/2025-19/12/2025 with an INSET day on Friday 28/11/2025. */
function school() {
  const s = tempStore();
  setupSchool(s);
  const y8 = { year_group: '8', reg_group: '8A' };
  ok(s, 'pupils.import', {
    csv: [
      PUPIL_HEADER,
      pupilRow(1, { ...y8, surname: 'Evans', dob: '2012-10-01' }),
      pupilRow(2, { year_group: '13', reg_group: '8A', surname: 'Grant', dob: '2008-05-01' }),
      pupilRow(3, { ...y8, surname: 'Hale', dob: '2012-12-01', contact1_lives_with: 'N' }),
    ].join('\n'),
  });
  const ids = ok(s, 'pupils.list', {})
    .pupils.sort((a, b) => a.surname.localeCompare(b.surname))
    .map((p) => p.id);
  const contact = (id: number) => ok(s, 'pupils.get', { id }).contacts[0].id;
  return { s, ids, contact };
}

const PM = ['1PM', '2PM', '3PM', '4PM', '5PM'];
type Create = Input<'arrangements.create'>;
function timetable(s: Store, pupilId: number, contactId: number, over: Partial<Create> = {}) {
  return ok(
    s,
    'arrangements.create',
    {
      pupilId,
      kind: 'part_time',
      reasonCategory: 'phased_return',
      reason: 'Phased return after a long illness; mornings first',
      startDate: '2025-11-03',
      endDate: '2025-11-28',
      away: PM,
      parentContactId: contactId,
      parentAgreedOn: '2025-10-30',
      laToldOn: '2025-10-31',
      laToldHow: 'email to the LA inclusion officer',
      ...over,
    },
    LEAD,
  );
}
const planned = (s: Store, pupilId: number, source = 'timetable') =>
  s.db
    .prepare(
      'SELECT date, session, code FROM planned_marks WHERE pupil_id = ? AND source = ? ORDER BY date, session',
    )
    .all(pupilId, source) as { date: string; session: string; code: string }[];
const fail = (
  s: Store,
  channel: 'arrangements.create' | 'arrangements.review',
  input: unknown,
  who = LEAD,
) => {
  const r = dispatch(s, channel, input, who);
  if (r.ok) {
    throw new Error(`${channel} unexpectedly succeeded`);
  }
  return r.error;
};

describe('part-time timetables', () => {
  it('plans C2 only on the missed sessions of school days up to the end date (mornings only: afternoons)', () => {
    const { s, ids, contact } = school();
    const r = timetable(s, ids[0], contact(ids[0]));
    const p = planned(s, ids[0]);
    // 03/11-27/11 is 19 school days (28/11 is INSET); one afternoon each
    expect(r.plannedMarks).toBe(19);
    expect(p).toHaveLength(19);
    expect(new Set(p.map((x) => x.session))).toEqual(new Set(['PM']));
    expect(new Set(p.map((x) => x.code))).toEqual(new Set(['C2']));
    expect(p.some((x) => x.date === '2025-11-28' || x.date > '2025-11-28')).toBe(false);
    const reg = ok(s, 'registers.get', { date: '2025-11-04', session: 'PM', regGroup: '8A' }, OFFICE);
    expect(reg.pupils.find((x) => x.pupilId === ids[0])?.planned?.code).toBe('C2');
    const am = ok(s, 'registers.get', { date: '2025-11-04', session: 'AM', regGroup: '8A' }, OFFICE);
    expect(am.pupils.find((x) => x.pupilId === ids[0])?.planned).toBeNull();
    const row = ok(s, 'arrangements.list', {}, OFFICE).arrangements[0];
    expect(row).toMatchObject({
      kind: 'part_time',
      pupilName: 'Forename1 Evans',
      endDate: '2025-11-28',
      nextReviewOn: '2025-12-15',
      status: 'active',
      laToldOn: '2025-10-31',
      pattern: PM,
    });
  });

  it('a pupil past compulsory school age gets X, not C2', () => {
    const { s, ids, contact } = school();
    timetable(s, ids[1], contact(ids[1]));
    expect(new Set(planned(s, ids[1]).map((x) => x.code))).toEqual(new Set(['X']));
  });

  it('a pattern change from a date keeps the sessions before it and re-plans those after', () => {
    const { s, ids, contact } = school();
    const { id } = timetable(s, ids[0], contact(ids[0]));
    const r = ok(
      s,
      'arrangements.changePattern',
      { id, fromDate: '2025-11-17', away: ['3PM', '4PM', '5PM'] },
      LEAD,
    );
    // 10 afternoons before 17/11, then Wed-Fri of 17-21/11 (3) and Wed-Thu of 24-27/11 (2)
    expect(r.plannedMarks).toBe(15);
    const p = planned(s, ids[0]);
    expect(p.filter((x) => x.date < '2025-11-17')).toHaveLength(10);
    expect(p.find((x) => x.date === '2025-11-17')).toBeUndefined();
    expect(p.find((x) => x.date === '2025-11-19')).toMatchObject({ session: 'PM', code: 'C2' });
    const a = ok(s, 'arrangements.get', { id }, OFFICE).arrangement;
    expect(a.patterns.map((x) => x.fromDate)).toEqual(['2025-11-03', '2025-11-17']);
  });

  it('the outcome stops the marks after its date; an end after the agreed end needs a review', () => {
    const { s, ids, contact } = school();
    const { id } = timetable(s, ids[0], contact(ids[0]));
    const late = dispatch(
      s,
      'arrangements.recordOutcome',
      { id, outcome: 'full_time', endedOn: '2025-12-05', notes: 'Back full time' },
      LEAD,
    );
    expect(late.ok).toBe(false);
    ok(
      s,
      'arrangements.recordOutcome',
      { id, outcome: 'full_time', endedOn: '2025-11-14', notes: 'Back full time' },
      LEAD,
    );
    expect(
      planned(s, ids[0])
        .map((x) => x.date)
        .pop(),
    ).toBe('2025-11-14');
    expect(planned(s, ids[0])).toHaveLength(10);
    const again = dispatch(s, 'arrangements.review', { id, reviewedOn: '2025-11-03', notes: 'x' }, LEAD);
    expect(again.ok).toBe(false);
    expect(ok(s, 'arrangements.get', { id }, OFFICE).arrangement.status).toBe('ended');
  });

  it('an extension is recorded only through a review, which plans the extra sessions', () => {
    const { s, ids, contact } = school();
    const { id } = timetable(s, ids[0], contact(ids[0]));
    const shorter = fail(s, 'arrangements.review', {
      id,
      reviewedOn: '2025-11-03',
      notes: 'Going well',
      newEndDate: '2025-11-20',
    });
    expect(shorter.message).toMatch(/record the outcome/);
    const r = ok(
      s,
      'arrangements.review',
      { id, reviewedOn: '2025-11-03', notes: 'Going well; two more weeks', newEndDate: '2025-12-12' },
      LEAD,
    );
    // 19 + 01/12-05/12 and 08/12-12/12
    expect(r.plannedMarks).toBe(29);
    const a = ok(s, 'arrangements.get', { id }, OFFICE).arrangement;
    expect(a).toMatchObject({
      endDate: '2025-12-12',
      agreedEndDate: '2025-11-28',
      nextReviewOn: '2025-12-15',
    });
    expect(a.reviews).toHaveLength(1);
  });

  it('refuses behaviour and sanctions with the reason, no end date, and a parent the pupil does not live with', () => {
    const { s, ids, contact } = school();
    const base = {
      pupilId: ids[0],
      kind: 'part_time',
      reason: 'x',
      startDate: '2025-11-03',
      endDate: '2025-11-28',
      away: PM,
      parentContactId: contact(ids[0]),
    };
    const behaviour = fail(s, 'arrangements.create', { ...base, reasonCategory: 'behaviour' });
    expect(behaviour.kind).toBe('refused');
    expect(behaviour.message).toMatch(/never to manage behaviour/);
    expect(fail(s, 'arrangements.create', { ...base, reasonCategory: 'sanction' }).kind).toBe('refused');
    const noEnd = fail(s, 'arrangements.create', { ...base, reasonCategory: 'medical', endDate: null });
    expect(noEnd.message).toMatch(/must have an end date/);
    const away = fail(s, 'arrangements.create', {
      ...base,
      pupilId: ids[2],
      reasonCategory: 'medical',
      parentContactId: contact(ids[2]),
    });
    expect(away.message).toMatch(/does not live with Forename3 Hale/);
    const office = fail(s, 'arrangements.create', { ...base, reasonCategory: 'medical' }, OFFICE);
    expect(office.kind).toBe('forbidden');
    expect(rowCount(s, 'arrangements')).toBe(0);
    expect(rowCount(s, 'planned_marks')).toBe(0);
  });

  it('never plans over a mark already taken, and the stored rows cannot be changed or deleted', () => {
    const { s, ids, contact } = school();
    ok(s, 'registers.save', {
      date: '2025-11-03',
      session: 'PM',
      regGroup: '8A',
      marks: [{ pupilId: ids[0], code: '/' }],
    });
    timetable(s, ids[0], contact(ids[0]));
    expect(planned(s, ids[0]).find((x) => x.date === '2025-11-03')).toBeUndefined();
    expect(planned(s, ids[0])).toHaveLength(18);
    expect(() => s.db.prepare("UPDATE arrangements SET end_date = '2026-07-01'").run()).toThrow(
      /append-only/,
    );
    expect(() => s.db.prepare('DELETE FROM arrangement_patterns').run()).toThrow(/refused/);
    expect(() =>
      s.db
        .prepare(
          'INSERT INTO arrangements (pupil_id, kind, reason, start_date, end_date, ' +
            'review_every_weeks, first_review_on, approved_by, approved_position, created_at) VALUES ' +
            "(?, 'part_time', 'x', '2025-11-03', NULL, 6, '2025-11-10', 'a', 'b', 'c')",
        )
        .run(ids[0]),
    ).toThrow(/needs an end date/);
  });

  it('a second timetable over the first is refused; reviews follow the school setting', () => {
    const { s, ids, contact } = school();
    ok(s, 'arrangements.setSettings', { reviewEveryWeeks: 4 }, HEAD);
    const { id } = timetable(s, ids[0], contact(ids[0]));
    expect(ok(s, 'arrangements.get', { id }, OFFICE).arrangement.nextReviewOn).toBe('2025-12-01');
    expect(fail(s, 'arrangements.create', { ...baseInput(ids[0], contact(ids[0])) }).kind).toBe('conflict');
    const late = fail(s, 'arrangements.create', {
      ...baseInput(ids[1], contact(ids[1])),
      firstReviewOn: '2026-01-05',
    });
    expect(late.message).toMatch(/within 4 weeks/);
  });
});

function baseInput(pupilId: number, contactId: number) {
  return {
    pupilId,
    kind: 'part_time',
    reasonCategory: 'medical',
    reason: 'x',
    startDate: '2025-11-10',
    endDate: '2025-11-21',
    away: PM,
    parentContactId: contactId,
  };
}

describe('flexi-schooling agreements', () => {
  it('plans C on the agreed home sessions only, with no end date needed', () => {
    const { s, ids } = school();
    const r = ok(
      s,
      'arrangements.create',
      {
        pupilId: ids[0],
        kind: 'flexi',
        reason: 'Parents educate at home on Fridays',
        startDate: '2025-11-03',
        away: ['5AM', '5PM'],
        parentName: 'Parent1 Surname1 and partner',
        curriculumNotes: 'Forest school and maths at home',
      },
      HEAD,
    );
    const p = planned(s, ids[0], 'flexi');
    expect(r.plannedMarks).toBe(p.length);
    expect(p.slice(0, 4)).toEqual([
      { date: '2025-11-07', session: 'AM', code: 'C' },
      { date: '2025-11-07', session: 'PM', code: 'C' },
      { date: '2025-11-14', session: 'AM', code: 'C' },
      { date: '2025-11-14', session: 'PM', code: 'C' },
    ]);
    expect(p.find((x) => x.date === '2025-11-28')).toBeUndefined();
    const a = ok(s, 'arrangements.list', { kind: 'flexi' }, OFFICE).arrangements;
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ endDate: null, status: 'active', approvedBy: 'Mrs H. Head' });
  });
});

describe('part-time leave decisions made before timetables', () => {
  it('are listed as timetables, and their decision and planned marks stay exactly as stored', () => {
    const { s, ids, contact } = school();
    const create = (kind: 'part_time' | 'medical') =>
      dispatch(
        s,
        'leave.create',
        {
          pupils: [{ pupilId: ids[0], requesterContactId: contact(ids[0]) }],
          requesterName: 'Parent1 Surname1',
          howReceived: 'letter',
          dateReceived: '2025-11-03',
          fromDate: '2025-11-10',
          fromSession: 'PM',
          toDate: '2025-11-10',
          toSession: 'PM',
          kind,
          reason: 'Hospital physiotherapy on Monday afternoons',
        },
        OFFICE,
      );
    const refused = create('part_time');
    expect(refused.ok || refused.error.message).toMatch(/no longer a kind of leave/);
    // a request stored before: the kind as it was then
    const made = create('medical');
    const reqId = made.ok ? made.value.requestIds[0] : -1;
    s.db.prepare("UPDATE leave_requests SET kind = 'part_time' WHERE id = ?").run(reqId);
    ok(s, 'leave.decide', { requestId: reqId, outcome: 'granted', reason: 'Agreed with the family' }, HEAD);
    const before = s.db.prepare('SELECT * FROM planned_marks ORDER BY id').all();
    const decisions = s.db.prepare('SELECT * FROM leave_decisions ORDER BY id').all();
    const list = ok(s, 'arrangements.list', { kind: 'part_time' }, OFFICE).arrangements;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: null,
      leaveRequestId: reqId,
      startDate: '2025-11-10',
      endDate: '2025-11-10',
      pattern: ['1PM'],
    });
    expect(s.db.prepare('SELECT * FROM planned_marks ORDER BY id').all()).toEqual(before);
    expect(s.db.prepare('SELECT * FROM leave_decisions ORDER BY id').all()).toEqual(decisions);
    expect(rowCount(s, 'arrangements')).toBe(0);
  });
});

describe('the due list and the governor counts', () => {
  it('lists reviews and ends due within a week, and an ended timetable with no outcome', () => {
    const { s, ids, contact } = school();
    const { id } = timetable(s, ids[0], contact(ids[0]), { firstReviewOn: '2025-11-07' });
    const due = arrangementsDue(s.db, '2025-11-03');
    expect(due.map((d) => [d.arrangementId, d.what, d.due, d.overdue])).toEqual([
      [id, 'review', '2025-11-07', false],
    ]);
    const later = arrangementsDue(s.db, '2025-11-10').map((d) => [d.what, d.overdue]);
    expect(later).toEqual([['review', true]]);
    const after = arrangementsDue(s.db, '2025-12-01');
    expect(after.map((d) => d.what)).toEqual(['outcome']);
    expect(after[0].message).toMatch(/Forename1 Evans/);
    expect(ok(s, 'arrangements.due', { today: '2025-12-01' }, OFFICE).items).toHaveLength(1);
  });

  it('counts timetables and flexi agreements agreed, in force and ended in a period, and reviews held', () => {
    const { s, ids, contact } = school();
    const { id } = timetable(s, ids[0], contact(ids[0]));
    ok(s, 'arrangements.review', { id, reviewedOn: '2025-11-03', notes: 'First review' }, LEAD);
    ok(
      s,
      'arrangements.create',
      { pupilId: ids[1], kind: 'flexi', reason: 'Fridays at home', startDate: '2025-09-05', away: ['5AM'] },
      LEAD,
    );
    expect(arrangementCounts(s.db, '2025-11-01', '2025-12-19')).toEqual({
      timetablesAgreed: 1,
      timetablesInForce: 1,
      timetablesEnded: 0,
      flexiAgreed: 0,
      flexiInForce: 1,
      reviews: 1,
      contractsAgreed: 0,
    });
    expect(arrangementCounts(s.db, '2025-09-01', '2025-10-24').timetablesInForce).toBe(0);
  });
});

describe('guardrail G4 reads the agreements', () => {
  it('a flexi pupil whose only absence is the agreed Fridays is flagged; the same C marks without an agreement are not', () => {
    const { s, ids } = school();
    const [withAgreement, without] = [ids[0], ids[2]];
    ok(
      s,
      'arrangements.create',
      {
        pupilId: withAgreement,
        kind: 'flexi',
        reason: 'Fridays at home',
        startDate: '2025-09-05',
        away: ['5AM', '5PM'],
      },
      HEAD,
    );
    const upns = new Map(ok(s, 'pupils.list', {}).pupils.map((p) => [p.id, p.upn]));
    const lines = ['upn,date,session,code'];
    for (
      let d = new Date('2025-09-03T00:00:00Z');
      d <= new Date('2025-10-24T00:00:00Z');
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const day = d.getUTCDay();
      if (day === 0 || day === 6) {
        continue;
      }
      const iso = d.toISOString().slice(0, 10);
      for (const id of [withAgreement, without]) {
        for (const ses of ['AM', 'PM']) {
          lines.push(`${upns.get(id)},${iso},${ses},${day === 5 ? 'C' : '/'}`);
        }
      }
    }
    ok(s, 'marks.import', { csv: lines.join('\n') });
    const c = ok(s, 'letters.candidates', {
      template: 'attendance-concern',
      pupilIds: [withAgreement, without],
      from: '2025-09-03',
      to: '2025-10-24',
    });
    const flags = (id: number) => c.pupils.find((p) => p.pupilId === id)?.flags.map((f) => f.code);
    expect(flags(withAgreement)).toContain('G4');
    expect(flags(without)).toBeDefined();
    expect(flags(without)).not.toContain('G4');
    // the candidates and batches read the agreements for all their pupils at once: the same count as one by one
    const period = { from: '2025-09-03', to: '2025-10-24', asOf: '2025-10-24' };
    const agreed = (many: boolean) => {
      const loader = new LetterDataLoader(s.db, period);
      if (many) {
        loader.readForMany();
      }
      return [withAgreement, without].map((id) => loader.facts(loader.load(id), '2025-10-24').agreedSessions);
    };
    expect(agreed(true)).toEqual(agreed(false));
    expect(agreed(true)[0]).toBeGreaterThan(0);
  });
});

describe('links to casework', () => {
  it("a timetable belongs to the pupil's reintegration plan and a review cites the casework meeting; another pupil's are refused", () => {
    const { s, ids, contact } = school();
    const plan = (pupilId: number) =>
      Number(
        s.db
          .prepare(
            "INSERT INTO casework_plans (pupil_id, start_on, created_by, created_at) VALUES (?, '2025-11-03', 'Lead', 'now')",
          )
          .run(pupilId).lastInsertRowid,
      );
    const meeting = (pupilId: number) =>
      Number(
        s.db
          .prepare(
            'INSERT INTO casework_meetings (pupil_id, kind, date, attendees, recorded_by, ' +
              "recorded_at) VALUES (?, 'review', '2025-11-03', 'Lead, parent', 'Lead', 'now')",
          )
          .run(pupilId).lastInsertRowid,
      );
    const other = plan(ids[1]);
    expect(
      fail(s, 'arrangements.create', { ...baseInput(ids[0], contact(ids[0])), planId: other }).message,
    ).toMatch(/not one of Forename1 Evans's/);
    const mine = plan(ids[0]);
    const { id } = timetable(s, ids[0], contact(ids[0]), { planId: mine });
    expect(ok(s, 'arrangements.get', { id }, OFFICE).arrangement.planId).toBe(mine);
    const m = meeting(ids[0]);
    expect(
      fail(s, 'arrangements.review', { id, reviewedOn: '2025-11-03', notes: 'x', meetingId: meeting(ids[1]) })
        .kind,
    ).toBe('invalid');
    ok(
      s,
      'arrangements.review',
      { id, reviewedOn: '2025-11-03', notes: 'At the review meeting', meetingId: m },
      LEAD,
    );
    expect(ok(s, 'arrangements.get', { id }, OFFICE).arrangement.reviews[0].meetingId).toBe(m);
  });
});

describe('timetables --db F --json', () => {
  it('prints one JSON object listing every timetable and flexi agreement with pattern, dates, reviews and status', () => {
    const { s, ids, contact } = school();
    const { id } = timetable(s, ids[0], contact(ids[0]));
    ok(
      s,
      'arrangements.review',
      { id, reviewedOn: '2025-11-03', notes: 'Settling in', newEndDate: '2025-12-05' },
      LEAD,
    );
    ok(
      s,
      'arrangements.create',
      {
        pupilId: ids[1],
        kind: 'flexi',
        reason: 'Fridays at home',
        startDate: '2025-11-07',
        away: ['5AM', '5PM'],
      },
      LEAD,
    );
    const upn0 = ok(s, 'pupils.get', { id: ids[0] }).pupil.upn;
    s.db.close();
    const r = cli(['timetables', '--db', s.path, '--json']);
    expect(r).toMatchObject({ code: 0, err: '' });
    const doc = JSON.parse(r.out) as { asOf: string; timetables: Record<string, unknown>[] };
    expect(doc.asOf).toBe('2025-11-03');
    expect(doc.timetables).toHaveLength(2);
    expect(doc.timetables[0]).toMatchObject({
      kind: 'part_time',
      upn: upn0,
      startDate: '2025-11-03',
      endDate: '2025-12-05',
      agreedEndDate: '2025-11-28',
      pattern: PM,
      reviews: [{ reviewedOn: '2025-11-03', newEndDate: '2025-12-05', notes: 'Settling in' }],
      outcome: null,
      status: 'active',
    });
    expect(doc.timetables[1]).toMatchObject({
      kind: 'flexi',
      endDate: null,
      pattern: ['5AM', '5PM'],
      status: 'planned',
    });
    expect(cli(['timetables', '--db', s.path, '--bogus']).code).toBe(2);
  });
});

describe('labels in lists', () => {
  it('the pupil list and the register name the arrangement in force that day', () => {
    const { s, ids, contact } = school();
    timetable(s, ids[0], contact(ids[0]));
    ok(
      s,
      'arrangements.create',
      {
        pupilId: ids[1],
        kind: 'flexi',
        reason: 'Fridays at home',
        startDate: '2025-11-07',
        away: ['5AM', '5PM'],
      },
      LEAD,
    );
    const label = (onDate: string) =>
      Object.fromEntries(ok(s, 'pupils.list', { onDate }, OFFICE).pupils.map((p) => [p.id, p.arrangement]));
    expect(label('2025-11-04')).toEqual({ [ids[0]]: 'part-time timetable', [ids[1]]: null, [ids[2]]: null });
    expect(label('2025-12-01')).toEqual({ [ids[0]]: null, [ids[1]]: 'flexi agreement', [ids[2]]: null });
    const reg = ok(s, 'registers.get', { date: '2025-11-07', session: 'AM', regGroup: '8A' }, OFFICE);
    expect(reg.pupils.find((p) => p.pupilId === ids[1])?.arrangement).toBe('flexi agreement');
  });
});

describe('the LA termly targeting meeting', () => {
  const GOVERNOR: Session = { userName: 'Gov', position: 'Governor', roles: ['governor'] };
  it(`the pack lists pupils by band and the timetables in force; \
the meeting actions become casework actions followed up in the next pack`, async () => {
    const { s, ids, contact } = school();
    timetable(s, ids[0], contact(ids[0]));
    const upns = new Map(ok(s, 'pupils.list', {}).pupils.map((p) => [p.id, p.upn]));
    // Forename3 Hale misses every Monday and Tuesday of the autumn term so far (persistently absent, 40%)
    const lines = ['upn,date,session,code'];
    for (const date of ['2025-09-03', '2025-09-04', '2025-09-05', '2025-09-08', '2025-09-09']) {
      for (const ses of ['AM', 'PM']) {
        lines.push(`${upns.get(ids[2])},${date},${ses},${date >= '2025-09-08' ? 'O' : '/'}`);
      }
    }
    ok(s, 'marks.import', { csv: lines.join('\n') });
    const pack = ok(s, 'arrangements.laPack', { asOf: '2025-09-09' }, LEAD);
    expect(pack.csv.split('\r\n')[1]).toMatch(/^persistent,Forename3 Hale,/);
    await waitForJob(pack.jobId);
    const file = ok(s, 'arrangements.laPackFile', { jobId: pack.jobId }, LEAD);
    const xml = strFromU8(unzipSync(Buffer.from(file.base64, 'base64'))['word/document.xml']);
    expect(xml).toContain('Forename3 Hale');
    expect(xml).toContain('Persistently absent (10% or more)');
    expect(dispatch(s, 'arrangements.laPack', {}, GOVERNOR)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(dispatch(s, 'arrangements.laPack', {}, OFFICE)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });

    const m = ok(
      s,
      'arrangements.laMeetingSave',
      {
        heldOn: '2025-11-03',
        officer: 'Ms J. Patel (LA attendance officer)',
        pupils: [{ pupilId: ids[2], band: 'persistent' }],
        actions: [
          {
            pupilId: ids[2],
            what: 'Home visit with the EWO',
            ownerKind: 'agency',
            ownerName: 'EWO',
            dueOn: '2025-11-14',
          },
        ],
      },
      LEAD,
    );
    expect(m.actions).toBe(1);
    const cw = s.db.prepare('SELECT pupil_id, what, status, due_on FROM casework_actions').all();
    expect(cw).toEqual([
      {
        pupil_id: ids[2],
        what: 'Home visit with the EWO (agreed at the LA targeting meeting of 03/11/2025)',
        status: 'open',
        due_on: '2025-11-14',
      },
    ]);
    const next = ok(s, 'arrangements.laPack', { asOf: '2025-11-03' }, LEAD);
    await waitForJob(next.jobId);
    const xml2 = strFromU8(
      unzipSync(Buffer.from(ok(s, 'arrangements.laPackFile', { jobId: next.jobId }, LEAD).base64, 'base64'))[
        'word/document.xml'
      ],
    );
    expect(xml2).toContain('Home visit with the EWO');
    expect(xml2).toContain('Forename1 Evans'); // the timetable in force
    const listed = ok(s, 'arrangements.laMeetings', {}, HEAD).meetings;
    expect(listed[0]).toMatchObject({
      officer: 'Ms J. Patel (LA attendance officer)',
      pupils: [{ pupilId: ids[2] }],
    });
    const bad = dispatch(
      s,
      'arrangements.laMeetingSave',
      {
        heldOn: '2025-11-03',
        officer: 'x',
        pupils: [{ pupilId: ids[2] }],
        actions: [{ pupilId: ids[0], what: 'x', ownerKind: 'school', dueOn: '2025-11-14' }],
      },
      LEAD,
    );
    expect(bad.ok).toBe(false);
    expect(rowCount(s, 'la_meetings')).toBe(1);
    expect(() => s.db.prepare('DELETE FROM la_meeting_actions').run()).toThrow(/append-only/);
  });
});

describe('children missing education', () => {
  it('10 school days of unauthorised absence open a case; ground 9(1)(i) is refused until the joint enquiries are recorded', () => {
    const { s, ids } = school();
    const upn = ok(s, 'pupils.get', { id: ids[2] }).pupil.upn;
    const days = ['2025-10-13', '2025-10-14', '2025-10-15', '2025-10-16', '2025-10-17'];
    const days2 = ['2025-10-20', '2025-10-21', '2025-10-22', '2025-10-23', '2025-10-24', '2025-11-03'];
    const lines = ['upn,date,session,code'];
    for (const d of [...days, ...days2]) {
      lines.push(`${upn},${d},AM,N`, `${upn},${d},PM,N`);
    }
    ok(s, 'marks.import', { csv: lines.join('\n') });
    const scanned = ok(s, 'arrangements.cmeScan', {}, OFFICE);
    expect(scanned.opened).toEqual(['Forename3 Hale']);
    expect(ok(s, 'arrangements.cmeScan', {}, OFFICE).opened).toEqual([]); // one open case at a time
    const [c] = ok(s, 'arrangements.cmeList', {}, OFFICE).cases;
    expect(c).toMatchObject({ pupilId: ids[2], trigger: 'unauthorised_10_days', open: true });
    expect(c.missing).toHaveLength(3);

    const leave = (ground: string) =>
      dispatch(
        s,
        'pupils.recordLeaving',
        { id: ids[2], leavingDate: '2025-11-03', ground, confirmedBy: 'Head' },
        HEAD,
      );
    const refused = leave('2024-9(1)(i)');
    expect(refused).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(refused.ok || refused.error.message).toMatch(
      /Missing: Calls and messages to every contact; Home visit/,
    );
    expect(
      ok(s, 'arrangements.cmeForDeletion', { pupilId: ids[2], ground: '2024-9(1)(i)' }, HEAD).needed,
    ).toBe(true);
    expect(
      ok(s, 'arrangements.cmeForDeletion', { pupilId: ids[2], ground: '2024-9(1)(a)' }, HEAD).needed,
    ).toBe(false);

    const step = (stepName: 'contacts' | 'home_visit' | 'la_referral', reference?: string) =>
      dispatch(
        s,
        'arrangements.cmeStep',
        { caseId: c.id, step: stepName, doneOn: '2025-11-03', outcome: 'No answer, no one home', reference },
        OFFICE,
      );
    expect(step('la_referral').ok).toBe(false); // the referral needs its reference
    expect(step('contacts').ok).toBe(true);
    expect(step('home_visit').ok).toBe(true);
    expect(leave('2024-9(1)(i)').ok).toBe(false);
    expect(step('la_referral', 'CME/2025/114').ok).toBe(true);
    const after = ok(s, 'arrangements.cmeList', { pupilId: ids[2] }, OFFICE).cases[0];
    expect(after.missing).toEqual([]);
    expect(after.steps.map((x) => [x.step, x.by])).toEqual([
      ['contacts', 'Mr O. Office'],
      ['home_visit', 'Mr O. Office'],
      ['la_referral', 'Mr O. Office'],
    ]);
    // nothing was deleted along the way, and now a named person may confirm the deletion
    expect(ok(s, 'pupils.get', { id: ids[2] }).pupil.leavingDate).toBeNull();
    expect(leave('2024-9(1)(i)').ok).toBe(true);
    expect(() => s.db.prepare('DELETE FROM cme_steps').run()).toThrow(/append-only/);
  });

  it('the office can raise a concern by hand; a step on a closed case is refused', () => {
    const { s, ids } = school();
    const { id } = ok(
      s,
      'arrangements.cmeOpen',
      { pupilId: ids[0], trigger: 'concern', detail: 'Neighbour says the family moved away' },
      OFFICE,
    );
    ok(
      s,
      'arrangements.cmeStep',
      { caseId: id, step: 'found', doneOn: '2025-11-03', outcome: 'At a new school' },
      OFFICE,
    );
    const r = dispatch(
      s,
      'arrangements.cmeStep',
      { caseId: id, step: 'home_visit', doneOn: '2025-11-03', outcome: 'x' },
      OFFICE,
    );
    expect(r).toMatchObject({ ok: false, error: { kind: 'refused' } });
  });
});

describe('attendance contracts', () => {
  it(`records the agreement, produces the Word copy from the attendance-contract template (logged), \
keeps the signed copy, reviews and the outcome`, async () => {
    const { s, ids } = school();
    const { id } = ok(
      s,
      'arrangements.contractCreate',
      {
        pupilId: ids[0],
        agreedOn: '2025-11-03',
        parties:
          'Parent1 Surname1 (mother), Forename1 Evans, Mr L. Lead for the school, the LA attendance team',
        parentCommitments: 'Bring Forename1 to school by 8.40am every day',
        pupilCommitments: 'Go to the morning check-in with the key adult',
        schoolCommitments: 'A key adult check-in every morning; a weekly call home',
        supportOffered: 'Early help referral (LA), breakfast club place (school)',
        reviewDates: ['2025-11-17', '2025-12-08'],
      },
      LEAD,
    );
    expect(dispatch(s, 'arrangements.contractCreate', { pupilId: ids[0] }, OFFICE).ok).toBe(false);
    const job = ok(s, 'arrangements.contractLetter', { contractId: id }, LEAD);
    expect(job.letters).toBe(1);
    const done = await waitForJob(job.jobId);
    expect(done.status).toBe('done');
    const [c] = ok(s, 'arrangements.contracts', { pupilId: ids[0] }, OFFICE).contracts;
    const letter = c.events.find((e) => e.kind === 'letter')!;
    expect(letter.letterLogId).not.toBeNull();
    const file = ok(s, 'letters.file', { logId: letter.letterLogId! }, LEAD);
    const xml = strFromU8(unzipSync(Buffer.from(file.base64, 'base64'))['word/document.xml']);
    expect(xml).toContain('Bring Forename1 to school by 8.40am every day');
    expect(xml).toContain('17/11/2025, 08/12/2025');
    expect(c.nextReviewOn).toBe('2025-11-17');

    const signed = ok(
      s,
      'arrangements.contractSignedCopy',
      {
        contractId: id,
        fileName: 'signed.pdf',
        mimeType: 'application/pdf',
        base64: Buffer.from('%PDF-1.4 signed').toString('base64'),
      },
      OFFICE,
    );
    const back = ok(s, 'arrangements.contractFile', { eventId: signed.id }, OFFICE);
    expect(Buffer.from(back.base64, 'base64').toString()).toBe('%PDF-1.4 signed');
    ok(
      s,
      'arrangements.contractEvent',
      { contractId: id, kind: 'review', on: '2025-11-03', notes: 'First week went well' },
      LEAD,
    );
    ok(
      s,
      'arrangements.contractEvent',
      { contractId: id, kind: 'outcome', on: '2025-11-03', notes: 'Attendance up to 96%', outcome: 'kept' },
      LEAD,
    );
    const after = ok(s, 'arrangements.contracts', {}, OFFICE).contracts[0];
    expect(after.outcome).toBe('Kept: attendance improved: Attendance up to 96%');
    expect(after.nextReviewOn).toBeNull();
    expect(
      dispatch(
        s,
        'arrangements.contractEvent',
        { contractId: id, kind: 'review', on: '2025-11-03', notes: 'x' },
        LEAD,
      ),
    ).toMatchObject({ ok: false, error: { kind: 'refused' } });
    expect(() => s.db.prepare('UPDATE attendance_contracts SET parties = ?').run('x')).toThrow(/append-only/);
  });
});
