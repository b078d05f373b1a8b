// An account's status in the accounts list, in words: disabled, locked out, a new password due, or active.
import type { UserRow } from '../../../../shared/channels/auth';
import { formatWhen } from '../../auth/when';

export function accountStatus(u: UserRow): string {
  if (u.disabledAt) {
    return `Disabled ${formatWhen(u.disabledAt)}${u.disabledReason ? `: ${u.disabledReason}` : ''}`;
  }
  if (u.lockedUntil) {
    return `Locked out until ${formatWhen(u.lockedUntil)}`;
  }
  if (u.mustChangePassword) {
    return 'Active, new password due';
  }
  return 'Active';
}
