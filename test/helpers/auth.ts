// Test helpers for accounts: a cheap scrypt cost and a settable clock for one store, and signing in through the
// same path the browser-mode door takes (token → Session resolved from the database).
import { ANONYMOUS, type Role, type Session } from '../../shared/contract';
import type { Store } from '../../main/core/db/connection';
import { dispatch } from '../../main/core/dispatch';
import { setHashCost } from '../../main/core/auth/password';
import { createAccount } from '../../main/core/auth/accounts';
import { setAuthClock } from '../../main/core/auth/auth.service';
import { resolveSession } from '../../main/core/auth/sessions';

export const FAST = { N: 2 ** 10, r: 8, p: 1 };

/** Lowers the hashing cost of this store and gives it a clock the test moves by hand. */
export function fastAuth(store: Store, start = '2026-12-01T09:00:00.000Z') {
  setHashCost(store, FAST);
  let t = Date.parse(start);
  setAuthClock(store, () => new Date(t));
  return {
    advance(ms: number) {
      t += ms;
    },
    now: () => new Date(t),
  };
}

export function addAccount(
  store: Store,
  username: string,
  roles: Role[],
  password = `${username}-password-1`,
): number {
  return createAccount(store, 'test', {
    username,
    displayName: `User ${username}`,
    position: 'Test',
    roles,
    password,
  });
}

/** Signs in through dispatch and returns the token and the Session the door would resolve for it. */
export function signInAs(
  store: Store,
  username: string,
  password = `${username}-password-1`,
): { token: string; session: () => Session } {
  const r = dispatch(store, 'auth.signIn', { username, password }, ANONYMOUS);
  if (!r.ok) {
    throw new Error(`sign-in of ${username} failed: ${r.error.message}`);
  }
  const token = r.value.token!;
  return { token, session: () => resolveSession(store, token, ANONYMOUS) };
}
