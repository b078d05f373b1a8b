// The sign_in_throttle rows: the failed sign-ins recorded for a name typed at the door (lower-case), read and
// written with drizzle's typed rows. What a failure does to them is the pure rule in ./throttle.ts.
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../db/connection';
import { signInThrottle } from '../db/schema-auth';
import { NO_FAILURES, type ThrottleState } from './throttle';

/** The recorded failures for a name, or none. */
export function readThrottle(db: Db, key: string): ThrottleState {
  const row = drizzle(db)
    .select({
      failures: signInThrottle.failures,
      notBefore: signInThrottle.notBefore,
      lockedUntil: signInThrottle.lockedUntil,
    })
    .from(signInThrottle)
    .where(eq(signInThrottle.nameKey, key))
    .get();
  return row ?? NO_FAILURES;
}

/** Records a name's failures as of `at`, replacing what was recorded. */
export function writeThrottle(db: Db, key: string, s: ThrottleState, at: string): void {
  const values = { failures: s.failures, notBefore: s.notBefore, lockedUntil: s.lockedUntil, updatedAt: at };
  drizzle(db)
    .insert(signInThrottle)
    .values({ nameKey: key, ...values })
    .onConflictDoUpdate({ target: signInThrottle.nameKey, set: values })
    .run();
}

/** Forgets a username's failures (a sign-in, an unlock, a password reset); true when there were any. */
export function clearThrottle(db: Db, username: string): boolean {
  const r = drizzle(db)
    .delete(signInThrottle)
    .where(eq(signInThrottle.nameKey, username.toLowerCase()))
    .run();
  return r.changes > 0;
}
