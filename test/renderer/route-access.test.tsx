// Which screens each role can open (renderer/src/route-table.ts, read by renderer/src/auth/access.ts), decided by
// the contract's permission rule on each screen's channel. The test reads the table, so it covers every route.
import { describe, expect, it } from 'vitest';
import { canOpen } from '../../renderer/src/auth/access';
import { ROUTE_TABLE } from '../../renderer/src/route-table';
import { SCREENS } from '../../renderer/src/route-screens';
import { contract, type Role } from '../../shared/contract';
import type { Me } from '../../shared/channels/auth';

const me = (roles: Role[]): Me => ({
  userId: 1,
  username: 'x',
  displayName: 'X',
  position: '',
  roles,
  authorisedForLeave: false,
  mustChangePassword: false,
  locked: false,
});
const ROUTES: string[] = ROUTE_TABLE.map((r) => r.path);
const open = (roles: Role[]) => ROUTES.filter((r) => canOpen(r, me(roles)));
/** Screens that show pupils by name. */
const PUPIL_SCREENS = [
  'register',
  'followup',
  'grid',
  'pupils',
  'leave',
  'bands',
  'penalties',
  'statutory',
  'casework',
];

describe('screens by role', () => {
  it('every route has a screen and a channel of the contract (Home alone needs none)', () => {
    expect(Object.keys(SCREENS).sort()).toEqual([...ROUTES].sort());
    for (const r of ROUTE_TABLE) {
      if (r.channel === null) {
        expect(r.path).toBe('');
      } else {
        expect(Object.keys(contract)).toContain(r.channel);
      }
    }
  });
  it('a governor opens only Home, the dashboard and the governor reports', () => {
    expect(open(['governor'])).toEqual(['', 'dashboard', 'governors']);
  });
  it('an administrator opens no pupil screen', () => {
    const admin = open(['admin']);
    expect(admin).toEqual(expect.arrayContaining(['', 'calendar', 'settings', 'users', 'audit', 'backups']));
    expect(admin.filter((r) => PUPIL_SCREENS.includes(r))).toEqual([]);
  });
  it('office staff open the pupil and register screens but not settings, accounts or the audit log', () => {
    const office = open(['office']);
    expect(office).toEqual(expect.arrayContaining(['', 'register', 'followup', 'grid', 'pupils', 'leave']));
    for (const r of ['settings', 'users', 'audit', 'backups']) {
      expect(office).not.toContain(r);
    }
  });
  it('an address with no screen opens nothing, for anyone', () => {
    expect(canOpen('no-such-screen', me(['head', 'admin']))).toBe(false);
  });
  it('the headteacher with the administrator role opens everything; roles add up', () => {
    expect(open(['head', 'admin'])).toEqual(ROUTES);
    expect(open(['governor', 'office'])).toContain('pupils');
  });
});
