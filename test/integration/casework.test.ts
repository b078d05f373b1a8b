// Casework on a real SQLite file (docs/rules/casework.md): every record kind, plan versions and read-only closed
// plans, figures before and during a plan equal to report pupils over the same ranges, restricted barrier detail
// for every role, the due list, the ladder's meeting count, the Word export and the governor counts.
import { beforeAll, describe, expect, it } from 'vitest';
import { pinToday } from '../helpers/today';
import { strFromU8, unzipSync } from 'fflate';
import { createDemoSchool } from '../../main/core/demo/demo';
import { dispatch } from '../../main/core/dispatch';
import { reportPupils } from '../../main/core/reports/report-pupils';
import { caseworkCounts } from '../../main/core/casework/handlers';
import { bandsTo } from '../../main/core/casework/due';
import type { Store } from '../../main/core/db/connection';
import type { Role, Session } from '../../shared/contract';
import type { PlanContent } from '../../shared/casework';
import { ok, tempStore } from '../helpers/store';

const TODAY = '2026-12-01';
const as = (role: Role): Session => ({ userName: `A ${role}`, position: role, roles: [role] });
let s: Store;
let pid: number;
let upn: string;
pinToday(TODAY);
beforeAll(() => {
  s = tempStore();
  createDemoSchool(s, { pupils: 40, seed: 7, today: TODAY });
  // a pupil with no casework yet
  const row = s.db
    .prepare(
      'SELECT id, upn FROM pupils WHERE id NOT IN (SELECT pupil_id FROM casework_barriers UNION ' +
        'SELECT pupil_id FROM casework_plans) ORDER BY id LIMIT 1',
    )
    .get() as { id: number; upn: string };
  pid = row.id;
  upn = row.upn;
});

const content = (over: Partial<PlanContent> = {}): PlanContent => ({
  trigger: 'persistent',
  why: 'Mornings have become hard since October.',
  barrierIds: [],
  pupilView: 'I find the start of the day loud.',
  keyAdult: 'Ms Key',
  checkInEveryDays: 2,
  checkInHow: 'At the gate at 8:40',
  steps: [
    {
      label: 'Mornings only',
      from: '2026-11-16',
      to: '2026-11-27',
      attends: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, session: 'AM' as const })),
    },
    {
      label: 'Full time',
      from: '2026-11-30',
      to: '2026-12-18',
      attends: [1, 2, 3, 4, 5].flatMap((weekday) => [
        { weekday, session: 'AM' as const },
        { weekday, session: 'PM' as const },
      ]),
    },
  ],
  measures: [
    { kind: 'sessions_per_week', target: 5 },
    { kind: 'attendance_pct', target: 90 },
  ],
  firstReview: '2026-11-27',
  agreement: {
    parentName: 'A Parent',
    pupilName: 'The pupil',
    agreedOn: '2026-11-13',
    signatory: 'A Lead',
    signatoryPosition: 'Attendance lead',
  },
  ...over,
});

describe('barriers and restricted detail', () => {
  it('records barriers and removes restricted detail in the core for the office; governors reach nothing', () => {
    const open = ok(s, 'casework.addBarrier', {
      pupilId: pid,
      category: 'transport',
      side: 'outside_school',
      description: 'The 7:50 bus was withdrawn',
      raisedBy: 'parent',
      foundOn: '2026-11-02',
    });
    const health = ok(s, 'casework.addBarrier', {
      pupilId: pid,
      category: 'mental_wellbeing',
      side: 'both',
      description: 'Panic attacks before school, seen by CAMHS',
      raisedBy: 'pupil',
      foundOn: '2026-11-03',
    });
    const lead = ok(s, 'casework.pupil', { pupilId: pid }, as('lead'));
    expect(lead.barriers.find((b) => b.id === health.id)).toMatchObject({
      hidden: false,
      description: 'Panic attacks before school, seen by CAMHS',
    });
    for (const role of ['lead', 'head'] as const) {
      expect(JSON.stringify(ok(s, 'casework.pupil', { pupilId: pid }, as(role)))).toContain('CAMHS');
    }
    const office = ok(s, 'casework.pupil', { pupilId: pid }, as('office'));
    const hidden = office.barriers.find((b) => b.id === health.id)!;
    expect(hidden).toMatchObject({
      hidden: true,
      restricted: true,
      description: null,
      categoryLabel: 'Restricted',
    });
    expect(JSON.stringify(office)).not.toMatch(/CAMHS|Panic|mental_wellbeing/);
    expect(office.timeline.some((t) => t.source === 'barrier' && t.restricted)).toBe(true);
    expect(office.barriers.find((b) => b.id === open.id)!.description).toBe('The 7:50 bus was withdrawn');
    for (const role of ['governor', 'admin'] as const) {
      const r = dispatch(s, 'casework.pupil', { pupilId: pid }, as(role));
      expect(r.ok ? 'ok' : r.error.kind).toBe('forbidden');
    }
    const w = dispatch(
      s,
      'casework.addBarrier',
      {
        pupilId: pid,
        category: 'routine',
        side: 'outside_school',
        description: 'x',
        raisedBy: 'staff',
        foundOn: TODAY,
      },
      as('office'),
    );
    expect(w.ok ? 'ok' : w.error.kind).toBe('forbidden');
    ok(s, 'casework.updateBarrier', { id: open.id, status: 'resolved', closedOn: '2026-11-20' });
    expect(() => s.db.prepare('DELETE FROM casework_barriers WHERE id = ?').run(open.id)).toThrow(/refused/);
  });

  it('refuses bad input with a clear message and writes nothing', () => {
    const before = s.db.prepare('SELECT count(*) AS n FROM casework_barriers').get();
    const r = dispatch(
      s,
      'casework.addBarrier',
      { pupilId: pid, category: 'nope', side: 'both', description: 'x', raisedBy: 'staff', foundOn: TODAY },
      as('lead'),
    );
    expect(r.ok ? '' : r.error.message).toMatch(/no barrier category/);
    const f = dispatch(
      s,
      'casework.addBarrier',
      {
        pupilId: pid,
        category: 'other',
        side: 'both',
        description: 'x',
        raisedBy: 'staff',
        foundOn: '2027-01-05',
      },
      as('lead'),
    );
    expect(f.ok ? '' : f.error.kind).toBe('invalid');
    expect(s.db.prepare('SELECT count(*) AS n FROM casework_barriers').get()).toEqual(before);
  });

  it('lets the school add its own category', () => {
    const c = ok(s, 'casework.addCategory', {
      label: 'Part-time work',
      usually: 'outside_school',
      restricted: false,
    });
    expect(ok(s, 'casework.categories', {}).categories.map((x) => x.code)).toContain(c.code);
    const b = ok(s, 'casework.addBarrier', {
      pupilId: pid,
      category: c.code,
      side: 'outside_school',
      description: 'Works at a café',
      raisedBy: 'pupil',
      foundOn: '2026-11-04',
    });
    expect(ok(s, 'casework.pupil', { pupilId: pid }).barriers.find((x) => x.id === b.id)!.categoryLabel).toBe(
      'Part-time work',
    );
  });
});

describe('meetings, actions, referrals and the joint approach', () => {
  it('a meeting with two actions counts once on the letter ladder and as a support step', () => {
    const before = ok(s, 'letters.ladder', { pupilIds: [pid] }).stages[0].meetingsHeld;
    const barriers = ok(s, 'casework.pupil', { pupilId: pid }).barriers.map((b) => b.id);
    const m = ok(s, 'casework.addMeeting', {
      pupilId: pid,
      kind: 'attendance',
      date: '2026-11-10',
      attendees: 'Mum, the pupil, the attendance lead',
      pupilView: 'Mornings are hard',
      parentView: 'Wants help with the bus',
      barrierIds: barriers.slice(0, 1),
      nextReview: '2026-11-24',
      actions: [
        { what: 'Apply for a travel pass', ownerKind: 'parent', dueOn: '2026-11-17' },
        {
          what: 'Meet at the gate each morning',
          ownerKind: 'school',
          ownerName: 'Ms Key',
          dueOn: '2026-12-11',
        },
      ],
    });
    expect(m.actionIds).toHaveLength(2);
    ok(s, 'casework.addMeeting', {
      pupilId: pid,
      kind: 'informal',
      date: '2026-11-05',
      attendees: 'Mum (phone)',
    });
    const ladder = ok(s, 'letters.ladder', { pupilIds: [pid] }).stages[0];
    expect(ladder.meetingsHeld).toBe(before + 1);
    expect(ladder.stage).not.toBe('none');
    const cw = ok(s, 'casework.pupil', { pupilId: pid });
    expect(cw.meetings.find((x) => x.id === m.id)!.actionIds).toEqual(m.actionIds);
    expect(cw.actions.find((a) => a.id === m.actionIds[0])!.overdue).toBe(true);
    expect(() => s.db.prepare('UPDATE casework_meetings SET notes = ? WHERE id = ?').run('x', m.id)).toThrow(
      /append-only/,
    );
  });

  it('an action is done or cancelled with a reason, never deleted', () => {
    const a = ok(s, 'casework.addAction', {
      pupilId: pid,
      what: 'Referral to the school nurse',
      ownerKind: 'school',
      dueOn: '2026-11-30',
    });
    const r = dispatch(s, 'casework.setAction', { id: a.id, status: 'cancelled' }, as('lead'));
    expect(r.ok ? '' : r.error.message).toMatch(/why/);
    expect(() =>
      s.db.prepare("UPDATE casework_actions SET status = 'cancelled' WHERE id = ?").run(a.id),
    ).toThrow(/reason/);
    ok(s, 'casework.setAction', { id: a.id, status: 'cancelled', note: 'Nurse already involved' });
    expect(() => s.db.prepare('DELETE FROM casework_actions WHERE id = ?').run(a.id)).toThrow(/refused/);
    const d = ok(s, 'casework.addAction', {
      pupilId: pid,
      what: 'Alarm clock',
      ownerKind: 'pupil',
      dueOn: '2026-11-20',
    });
    ok(s, 'casework.setAction', { id: d.id, status: 'done', on: '2026-11-19' });
    expect(ok(s, 'casework.pupil', { pupilId: pid }).actions.find((x) => x.id === d.id)).toMatchObject({
      status: 'done',
      doneOn: '2026-11-19',
      overdue: false,
    });
  });

  it('records referrals with an outcome and the joint approach with the LA', () => {
    const r = ok(s, 'casework.addReferral', {
      pupilId: pid,
      kind: 'early_help',
      service: 'Early Help Hub',
      madeOn: '2026-11-11',
      leadPractitioner: 'J Worker',
    });
    ok(s, 'casework.referralOutcome', {
      id: r.id,
      outcome: 'Family support worker allocated',
      outcomeOn: '2026-11-25',
    });
    ok(s, 'casework.addJoint', {
      pupilId: pid,
      agreedOn: '2026-11-12',
      laOfficer: 'LA Officer',
      agreedPlan: 'Reduced timetable, then full time',
      nextReview: '2026-12-10',
    });
    const cw = ok(s, 'casework.pupil', { pupilId: pid });
    expect(cw.referrals[0]).toMatchObject({
      kind: 'early_help',
      outcome: 'Family support worker allocated',
      leadPractitioner: 'J Worker',
    });
    expect(cw.joint).toHaveLength(1);
    expect(() => s.db.prepare('DELETE FROM casework_la_joint').run()).toThrow(/append-only/);
    const times = cw.timeline.map((t) => t.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(cw.timeline.map((t) => t.source)).toEqual(
      expect.arrayContaining(['barrier', 'meeting', 'action', 'referral', 'joint']),
    );
  });
});

describe('reintegration plans', () => {
  let planId: number;
  it('a part-time step puts C2 on the planned sessions it leaves out, not on the register', () => {
    const marksBefore = s.db.prepare('SELECT count(*) AS n FROM marks').get();
    const r = ok(s, 'casework.plan.create', { pupilId: pid, startOn: '2026-11-16', content: content() });
    planId = r.id;
    const planned = s.db
      .prepare(
        "SELECT date, session, code FROM planned_marks WHERE source = 'casework_plan' AND source_id = ? ORDER BY date",
      )
      .all(planId) as { date: string; session: string; code: string }[];
    expect(planned.length).toBe(r.plannedC2);
    expect(
      planned.every(
        (p) => p.session === 'PM' && p.code === 'C2' && p.date >= '2026-11-16' && p.date <= '2026-11-27',
      ),
    ).toBe(true);
    expect(s.db.prepare('SELECT count(*) AS n FROM marks').get()).toEqual(marksBefore);
  });

  it('a change keeps the earlier version; a review is appended; a closed plan is read-only', () => {
    const v = ok(s, 'casework.plan.revise', {
      planId,
      content: content({ keyAdult: 'Mr Other', checkInEveryDays: 3 }),
      changeSummary: 'New key adult',
    });
    expect(v.version).toBe(2);
    const got = ok(s, 'casework.plan.get', { planId });
    expect(got.versions.map((x) => x.version)).toEqual([2, 1]);
    expect(got.versions[1].content.keyAdult).toBe('Ms Key');
    expect(got.plan.content.keyAdult).toBe('Mr Other');
    expect(() => s.db.prepare("UPDATE casework_plan_versions SET content = '{}'").run()).toThrow(
      /append-only/,
    );
    ok(s, 'casework.plan.review', {
      planId,
      reviewedOn: '2026-11-27',
      attendees: 'Mum, pupil, Mr Other',
      notes: 'Mornings going well',
      nextReview: '2026-12-11',
    });
    expect(ok(s, 'casework.plan.get', { planId }).plan.nextReview).toBe('2026-12-11');
    ok(s, 'casework.plan.close', { planId, outcome: 'met', outcomeOn: TODAY, note: 'Back full time' });
    const again = dispatch(
      s,
      'casework.plan.revise',
      { planId, content: content(), changeSummary: 'x' },
      as('lead'),
    );
    expect(again.ok ? '' : again.error.kind).toBe('refused');
    expect(() =>
      s.db.prepare("UPDATE casework_plans SET outcome = 'not_met' WHERE id = ?").run(planId),
    ).toThrow(/read-only/);
    expect(() =>
      s.db
        .prepare(
          'INSERT INTO casework_plan_reviews (plan_id, reviewed_on, attendees, notes, recorded_by, ' +
            "recorded_at) VALUES (?, ?, 'x', 'x', 'x', 'x')",
        )
        .run(planId, TODAY),
    ).toThrow(/read-only/);
  });

  it('figures before and during equal report pupils over the same ranges', () => {
    const got = ok(s, 'casework.plan.get', { planId });
    expect(got.during.from).toBe('2026-11-16');
    for (const part of [got.before, got.during]) {
      const row = reportPupils(s.db, { from: part.from, to: part.to, asOf: TODAY }).pupils.find(
        (p) => p.upn === upn,
      )!;
      expect(part).toMatchObject({
        possible: row.possible,
        attended: row.attended,
        authorised: row.authorised,
        unauthorised: row.unauthorised,
        attendancePct: row.attendancePct,
      });
    }
    expect(got.weeks.length).toBeGreaterThanOrEqual(3);
    expect(got.weeks[0].measures.map((m) => m.kind)).toEqual(['sessions_per_week', 'attendance_pct']);
  });

  it('exports to Word with the pupil’s name and figures, logged on the timeline', () => {
    const e = ok(s, 'casework.plan.export', { planId });
    const files = unzipSync(new Uint8Array(Buffer.from(e.base64, 'base64')));
    const text = strFromU8(files['word/document.xml']);
    const name = ok(s, 'casework.pupil', { pupilId: pid }).pupilName;
    expect(text).toContain('Attendance reintegration plan');
    expect(text).toContain(name.replace(/'/g, '&#39;').split(' ')[0]);
    expect(text).toContain('During the plan');
    expect(files['word/media/plan-chart.png'].slice(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));
    expect(ok(s, 'casework.pupil', { pupilId: pid }).timeline.some((t) => t.source === 'plan_export')).toBe(
      true,
    );
    const office = dispatch(s, 'casework.plan.export', { planId }, as('office'));
    expect(office.ok ? '' : office.error.kind).toBe('forbidden');
  });
});

describe('what is due, and the counts', () => {
  it('lists overdue actions, reviews due, and severe pupils without a joint approach', () => {
    const due = ok(s, 'casework.due', {}, as('lead'));
    expect(due.items.some((i) => i.kind === 'action' && i.pupilId === pid && i.overdue)).toBe(true);
    const severe = ok(s, 'casework.severeWithoutJoint', {
      pupilIds: (s.db.prepare('SELECT id FROM pupils').all() as { id: number }[]).map((r) => r.id),
    });
    expect(
      due.items
        .filter((i) => i.kind === 'joint_missing')
        .map((i) => i.pupilId)
        .sort(),
    ).toEqual([...severe.pupilIds].sort());
    expect(severe.pupilIds).not.toContain(pid);
    // the pupil page's one-pupil band agrees with the whole-school bands
    const bands = bandsTo(s.db, TODAY);
    for (const [id, band] of bands) {
      expect(ok(s, 'casework.pupil', { pupilId: id }).severe, String(id)).toBe(band === 'severe');
    }
    expect(due.items.every((i) => i.pupilName.length > 0)).toBe(true);
    const office = dispatch(s, 'casework.due', {}, as('office'));
    expect(office.ok ? '' : office.error.kind).toBe('forbidden');
  });

  it('counts casework for the governor report, and a governor reads only counts', () => {
    const c = caseworkCounts(s.db, '2026-09-01', TODAY);
    expect(c.plansClosed.met).toBeGreaterThanOrEqual(1);
    expect(c.meetings).toBeGreaterThanOrEqual(2);
    expect(c.referrals).toBeGreaterThanOrEqual(1);
    expect(ok(s, 'casework.counts', { from: '2026-09-01', to: TODAY }, as('governor'))).toEqual(c);
  });
  it('patterns add up: sessions by weekday and by month are the possible sessions, reasons are the absences', () => {
    const absent = s.db
      .prepare(
        "SELECT pupil_id AS id FROM marks WHERE code IN ('I', 'O', 'G') GROUP BY pupil_id ORDER BY count(*) DESC",
      )
      .pluck()
      .get() as number;
    const r = ok(s, 'casework.patterns', { pupilId: absent, from: '2026-09-01', to: TODAY }, as('lead'));
    const byWeekday = r.byWeekday.reduce((n, w) => n + w.amPossible + w.pmPossible, 0);
    const byMonth = r.trend.reduce((n, m) => n + m.possible, 0);
    expect(byWeekday).toBe(r.figures.possible);
    expect(byMonth).toBe(r.figures.possible);
    const reasons = r.byReason.reduce((n, x) => n + x.sessions, 0);
    expect(reasons).toBe(r.figures.authorised + r.figures.unauthorised);
    expect(r.byWeekday.reduce((n, w) => n + w.amAbsent + w.pmAbsent, 0)).toBe(reasons);
    expect(reasons).toBeGreaterThan(0);
  });
});
