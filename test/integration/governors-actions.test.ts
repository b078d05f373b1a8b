// "Actions and impact" of the governor report (docs/rules/governor-report.md): the casework and arrangements
// counts come from those areas' records, equal to counting the rows directly, and the document shows them
// without naming a pupil.
import { describe, expect, it } from 'vitest';
import { tempStore, ok } from '../helpers/store';
import { createDemoSchool } from '../../main/core/demo/demo';
import type { Store } from '../../main/core/db/connection';

const TODAY = '2025-12-19';
const P = { from: '2025-09-01', to: TODAY };

const count = (s: Store, sql: string, ...p: unknown[]) => (s.db.prepare(sql).get(...p) as { n: number }).n;

/** A contract agreed and ended, a CME enquiry referred to the LA, an LA meeting with two actions: all in P. */
function record(s: Store) {
  const [a, b] = s.db.prepare('SELECT id FROM pupils ORDER BY id LIMIT 2').all() as { id: number }[];
  const k = ok(s, 'arrangements.contractCreate', {
    pupilId: a.id,
    agreedOn: '2025-10-01',
    parties: 'Parents, school',
    parentCommitments: 'School every day',
    schoolCommitments: 'A morning check-in',
    supportOffered: 'Breakfast club',
    reviewDates: ['2025-11-01'],
  });
  ok(s, 'arrangements.contractEvent', {
    contractId: k.id,
    kind: 'outcome',
    on: '2025-12-01',
    notes: 'Done',
    outcome: 'kept',
  });
  const c = ok(s, 'arrangements.cmeOpen', { pupilId: b.id, trigger: 'concern', detail: 'Not seen' });
  ok(s, 'arrangements.cmeStep', {
    caseId: c.id,
    step: 'la_referral',
    doneOn: TODAY,
    outcome: 'Referred',
    reference: 'CME-1',
  });
  ok(s, 'arrangements.laMeetingSave', {
    heldOn: '2025-11-10',
    officer: 'LA officer',
    pupils: [{ pupilId: a.id }, { pupilId: b.id }],
    actions: [
      { pupilId: a.id, what: 'Home visit', ownerKind: 'school', dueOn: '2025-11-20' },
      { pupilId: b.id, what: 'Call', ownerKind: 'agency', dueOn: '2025-11-20' },
    ],
  });
}

describe('actions and impact', () => {
  it('counts the casework and arrangements records of the period', () => {
    process.env.ATTENDANCE_TODAY = TODAY;
    const s = tempStore();
    createDemoSchool(s, { pupils: 120, seed: 3, today: TODAY });
    record(s);
    const a = ok(s, 'governors.preview', P).figures.actions;
    const between = [P.from, P.to] as const;
    expect(a.casework).not.toBeNull();
    expect(a.arrangements).not.toBeNull();
    const c = a.casework!;
    expect(c.plansOpened).toBe(
      count(s, 'SELECT count(*) AS n FROM casework_plans WHERE start_on BETWEEN ? AND ?', ...between),
    );
    expect(c.plansClosed).toBe(c.planOutcomes.reduce((n, o) => n + o.plans, 0));
    expect(c.referrals).toBe(
      count(s, 'SELECT count(*) AS n FROM casework_referrals WHERE made_on BETWEEN ? AND ?', ...between),
    );
    const t = a.arrangements!;
    expect(t.contractsAgreed).toBe(
      count(s, 'SELECT count(*) AS n FROM attendance_contracts WHERE agreed_on BETWEEN ? AND ?', ...between),
    );
    expect(t.laMeetingActions).toBe(
      count(
        s,
        `SELECT count(*) AS n FROM la_meeting_actions x JOIN la_meetings m ON m.id = x.meeting_id
         WHERE m.held_on BETWEEN ? AND ?`,
        ...between,
      ),
    );
    expect(t.cmeReferrals).toBe(
      count(
        s,
        "SELECT count(DISTINCT case_id) AS n FROM cme_steps WHERE step = 'la_referral' AND done_on BETWEEN ? AND ?",
        ...between,
      ),
    );
    expect(t.timetablesAgreed).toBe(
      count(
        s,
        "SELECT count(*) AS n FROM arrangements WHERE kind = 'part_time' AND start_date BETWEEN ? AND ?",
        ...between,
      ),
    );
    // the records made above, so the equalities are not 0 = 0
    expect([
      c.plansOpened > 0,
      t.contractsAgreed,
      t.contractsEnded,
      t.cmeCasesOpened,
      t.cmeReferrals,
    ]).toEqual([true, 1, 1, 1, 1]);
    expect([t.laMeetings, t.laMeetingActions]).toEqual([1, 2]);
  });

  it("counts a leave decision on the school's local day, not the date of its UTC stamp", () => {
    process.env.TZ = 'Europe/London';
    process.env.ATTENDANCE_TODAY = TODAY;
    const s = tempStore();
    createDemoSchool(s, { pupils: 60, seed: 5, today: TODAY });
    const decided = (from: string, to: string) =>
      ok(s, 'governors.preview', { from, to }).figures.actions.leave.decided;
    const september = decided('2025-09-01', '2025-09-30');
    const october = decided('2025-10-01', '2025-10-31');
    const request = count(s, 'SELECT min(id) AS n FROM leave_requests');
    const insert = s.db.prepare(
      `INSERT INTO leave_decisions (request_id, outcome, days_granted, sessions_granted, code, sessions, reason,
        decider_name, decider_position, decider_user_id, decided_at, supersedes)
      VALUES (?, 'refused', 0, 0, NULL, '[]', 'Not exceptional', 'Head', 'Headteacher', NULL, ?, NULL)`,
    );
    insert.run(request, '2025-08-31T23:30:00.000Z'); // 00:30 on 1 September, summer time
    insert.run(request, '2025-09-30T23:30:00.000Z'); // 00:30 on 1 October
    expect(decided('2025-09-01', '2025-09-30')).toBe(september + 1);
    expect(decided('2025-10-01', '2025-10-31')).toBe(october + 1);
  });

  it('an empty period counts nothing', () => {
    process.env.ATTENDANCE_TODAY = TODAY;
    const s = tempStore();
    createDemoSchool(s, { pupils: 60, seed: 5, today: TODAY });
    const a = ok(s, 'governors.preview', { from: '2025-09-01', to: '2025-09-01' }).figures.actions;
    expect(a.casework?.plansOpened).toBe(0);
    expect(a.arrangements?.contractsAgreed).toBe(0);
    expect(a.arrangements?.laMeetings).toBe(0);
  });
});
