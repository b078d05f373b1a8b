// Which screens a signed-in person may open: the route table ties each screen to the channel it cannot work
// without, and the contract's permission rule decides (the same rule dispatch applies to every call). A governor
// opens only the screens the table marks for governors, never one that could show a pupil's name.
import { contract, refusalFor, STAFF, type Channel, type Role, type Session } from '../../../shared/contract';
import type { Me } from '../../../shared/channels/auth';
import { routeEntry } from '../route-table';

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

/** Whether this person may open the screen at this address (the route table: docs/architecture.md, "UI"). An
 * address with no screen opens nothing. */
export function canOpen(route: string, me: Me): boolean {
  const entry = routeEntry(route);
  if (!entry) {
    return false;
  }
  if (isGovernorOnly(me.roles) && !entry.governor) {
    return false;
  }
  return entry.channel === null || mayCall(me, entry.channel);
}
