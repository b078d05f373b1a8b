// Which screens a signed-in person may open: each route is tied to the channel it cannot work without, and the
// contract's permission rule decides (the same rule dispatch applies to every call). A governor opens only
// aggregate screens, never one that could show a pupil's name.
import { contract, refusalFor, STAFF, type Channel, type Role, type Session } from '../../../shared/contract';
import type { Me } from '../../../shared/channels/auth';

const ROUTE_CHANNEL: Record<string, string> = {
  register: 'registers.get',
  followup: 'followup.list',
  grid: 'grid.get',
  checks: 'marks.unexported',
  pupils: 'pupils.list',
  import: 'pupils.import',
  calendar: 'calendar.get',
  settings: 'school.update',
  users: 'users.list',
  audit: 'audit.list',
  dashboard: 'dashboard.get',
  leave: 'leave.list',
  arrangements: 'arrangements.list',
  letters: 'letters.candidates',
  bands: 'figures.bands',
  penalties: 'penalty.tracker',
  statutory: 'statutory.lists',
  backups: 'backups.status',
  casework: 'casework.due',
  governors: 'governors.reports',
  policy: 'policy.saveDraft',
};
/** The only screens a governor (with no other role) may open: whole-school figures. */
export const GOVERNOR_ROUTES = ['', 'dashboard', 'governors'];

export function sessionOfMe(me: Me): Session {
  return {
    userName: me.displayName,
    position: me.position,
    roles: me.roles,
    userId: me.userId,
    authorisedForLeave: me.authorisedForLeave,
  };
}

export function mayCall(me: Me, channel: Channel): boolean {
  return refusalFor(contract[channel], sessionOfMe(me)) === null;
}

export const hasStaffRole = (roles: Role[]) => roles.some((r) => STAFF.includes(r));
export const isGovernorOnly = (roles: Role[]) => roles.every((r) => r === 'governor');

export function canOpen(route: string, me: Me): boolean {
  if (route === '') {
    return true;
  }
  if (isGovernorOnly(me.roles) && !GOVERNOR_ROUTES.includes(route)) {
    return false;
  }
  const c = ROUTE_CHANNEL[route];
  // A screen of another area not mapped here yet: staff only, until its channel is named above.
  if (!c || !(c in contract)) {
    return hasStaffRole(me.roles) || (isGovernorOnly(me.roles) && GOVERNOR_ROUTES.includes(route));
  }
  return mayCall(me, c as Channel);
}
