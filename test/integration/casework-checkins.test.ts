// A plan's check-ins on a real SQLite file (docs/rules/casework.md): one recorded today clears the plan's
// check-in from the due list and shows on the plan; a future date, a closed plan and the office are refused, and
// nothing is written when refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoSchool } from '../../main/core/demo/demo';
import { dispatch } from '../../main/core/dispatch';
import type { Store } from '../../main/core/db/connection';
import type { Role, Session } from '../../shared/contract';
import { ok, tempStore } from '../helpers/store';

const TODAY = '2026-12-01';
const as = (role: Role): Session => ({ userName: `A ${role}`, position: role, roles: [role] });
let s: Store;
const count = () => (s.db.prepare('SELECT count(*) AS n FROM casework_checkins').get() as { n: number }).n;

beforeAll(() => {
  process.env.ATTENDANCE_TODAY = TODAY;
  s = tempStore();
  createDemoSchool(s, { pupils: 200, seed: 7, today: TODAY });
});

describe('check-ins', () => {
  it('a check-in today clears the plan from the due check-ins and is listed on the plan', () => {
    const due = ok(s, 'casework.due', {}, as('lead')).items.filter((i) => i.kind === 'checkin');
    expect(due.length).toBeGreaterThan(0);
    const planId = due[0].refId!;
    const r = ok(
      s,
      'casework.plan.checkin',
      { planId, checkedOn: TODAY, note: 'Settled; in by 8:45.' },
      as('lead'),
    );
    const p = ok(s, 'casework.plan.get', { planId }, as('office'));
    expect(p.checkins[0]).toMatchObject({
      id: r.id,
      checkedOn: TODAY,
      note: 'Settled; in by 8:45.',
      by: 'A lead',
    });
    const after = ok(s, 'casework.due', {}, as('lead')).items;
    expect(after.some((i) => i.kind === 'checkin' && i.refId === planId)).toBe(false);
  });

  it('refuses a future date, a closed plan and the office, writing nothing', () => {
    const open = s.db.prepare("SELECT id FROM casework_plans WHERE status = 'open' LIMIT 1").get() as {
      id: number;
    };
    const closed = s.db.prepare("SELECT id FROM casework_plans WHERE status = 'closed' LIMIT 1").get() as {
      id: number;
    };
    const before = count();
    const future = dispatch(
      s,
      'casework.plan.checkin',
      { planId: open.id, checkedOn: '2026-12-09' },
      as('lead'),
    );
    expect(future.ok ? '' : future.error.message).toMatch(/future/);
    const shut = dispatch(s, 'casework.plan.checkin', { planId: closed.id, checkedOn: TODAY }, as('head'));
    expect(shut.ok ? '' : shut.error.message).toBe('This plan is closed and read-only.');
    const office = dispatch(s, 'casework.plan.checkin', { planId: open.id, checkedOn: TODAY }, as('office'));
    expect(office.ok ? '' : office.error.kind).toBe('forbidden');
    expect(count()).toBe(before);
  });
});
