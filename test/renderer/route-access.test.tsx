// Which screens each role can open (renderer/src/auth/access.ts), decided by the contract's permission rule.
import { describe, expect, it } from 'vitest';
import { canOpen } from '../../renderer/src/auth/access';
import type { Role } from '../../shared/contract';
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
const ROUTES = [
  '',
  'register',
  'followup',
  'grid',
  'checks',
  'pupils',
  'import',
  'calendar',
  'settings',
  'users',
  'audit',
  'dashboard',
  'leave',
];
const open = (roles: Role[]) => ROUTES.filter((r) => canOpen(r, me(roles)));

describe('screens by role', () => {
  it('a governor opens only Home and the dashboard', () => {
    expect(open(['governor'])).toEqual(['', 'dashboard']);
  });
  it('an administrator opens no pupil screen', () => {
    expect(open(['admin'])).toEqual(['', 'calendar', 'settings', 'users', 'audit']);
  });
  it('office and lead staff open the pupil and register screens but not settings, accounts or the audit log', () => {
    for (const r of ['office', 'lead'] as Role[]) {
      expect(open([r])).toEqual([
        '',
        'register',
        'followup',
        'grid',
        'checks',
        'pupils',
        'import',
        'calendar',
        'dashboard',
        'leave',
      ]);
    }
  });
  it('the headteacher opens everything; roles add up', () => {
    expect(open(['head'])).toEqual(ROUTES);
    expect(open(['governor', 'office'])).toContain('pupils');
  });
});
