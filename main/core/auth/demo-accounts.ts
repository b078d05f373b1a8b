// The demo school's accounts: one per role, with passwords the sign-in screen shows (in demo mode only).
// Their hashes use a low scrypt cost: the passwords are printed on the screen, so a high cost would protect nothing.
import type { Store } from '../db/connection';
import type { Role } from '../../../shared/contract';
import { isDemo } from '../school/school.service';
import { AppError } from '../errors';
import type { Ctx } from '../context';
import type { Output } from '../../../shared/contract';
import { createAccount } from './accounts';
import { DEMO_SCRYPT } from './password';

export const DEMO_ACCOUNTS: {
  role: Role;
  username: string;
  password: string;
  displayName: string;
  position: string;
}[] = [
  {
    role: 'office',
    username: 'office',
    password: 'office-demo-2026',
    displayName: 'Mrs P. Quill',
    position: 'Office manager',
  },
  {
    role: 'lead',
    username: 'lead',
    password: 'lead-demo-2026',
    displayName: 'Mrs J. Okafor',
    position: 'Deputy Headteacher and Senior Attendance Champion',
  },
  {
    role: 'head',
    username: 'head',
    password: 'head-demo-2026',
    displayName: 'Mr R. Hartley',
    position: 'Headteacher',
  },
  {
    role: 'admin',
    username: 'admin',
    password: 'admin-demo-2026',
    displayName: 'Mr T. Penrose',
    position: 'IT technician',
  },
  {
    role: 'governor',
    username: 'governor',
    password: 'governor-demo-2026',
    displayName: 'Dr G. Ferris',
    position: 'Chair of governors',
  },
];

/** Called once by createDemoSchool. */
export function createDemoAccounts(store: Store): void {
  const exists = store.db.prepare('SELECT 1 FROM users WHERE lower(username) = ?');
  for (const a of DEMO_ACCOUNTS) {
    if (!exists.get(a.username)) {
      createAccount(store, 'Demo setup', { ...a, roles: [a.role] }, DEMO_SCRYPT);
    }
  }
}

export function demoAccounts(ctx: Ctx): Output<'auth.demoAccounts'> {
  if (!isDemo(ctx.store.db)) {
    throw new AppError('refused', 'Demo accounts exist only in the demo school.');
  }
  return { accounts: DEMO_ACCOUNTS };
}
