// The roles as people in a school office name them.
import type { Role } from '../../../shared/contract';

export const ROLE_LABELS: Record<Role, string> = {
  office: 'Office',
  lead: 'Attendance lead',
  head: 'Headteacher',
  admin: 'Administrator',
  governor: 'Governor',
};
export const ROLE_HELP: Record<Role, string> = {
  office: 'registers, pupils, contact logs, leave requests',
  lead: 'everything on attendance, letters, plans, penalty notices',
  head: 'all of that, plus leave decisions and naming authorised persons',
  admin: 'accounts, settings, backups; no pupil data unless given another role',
  governor: 'whole-school figures only: no pupil names',
};
export const rolesText = (roles: Role[]) => roles.map((r) => ROLE_LABELS[r]).join(', ');
