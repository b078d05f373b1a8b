// Sign-in and its throttling: the password check at the sign-in and unlock doors, counted by the name typed (an
// unknown name is never logged, docs/records-integrity.md), and the session it starts. It hashes (scrypt, slow on
// purpose) outside any transaction, then writes in one small IMMEDIATE transaction: no write lock while it hashes.
import type { Db, Store } from '../db/connection';
import type { Ctx } from '../context';
import type { Input, Output } from '../../../shared/contract';
import { AppError } from '../errors';
import {
  dummyHash,
  hashCostFor,
  hashPassword,
  needsRehash,
  newToken,
  tokenHash,
  verifyPassword,
} from './password';
import { afterFailure, gate, type LockoutPolicy } from './throttle';
import { clearThrottle, readThrottle, writeThrottle } from './throttle-rows';
import { pluralS } from '../../../shared/names';
import { audit, clock, readAuthSettings } from './auth.service';
import { label, meOf, userById, userByName, type UserDbRow } from './user-rows';

export const WRONG_CREDENTIALS = 'The username or password is not right.';

const policyOf = (db: Db): LockoutPolicy => {
  const s = readAuthSettings(db);
  return { maxFailures: s.maxFailures, lockoutMinutes: s.lockoutMinutes };
};

const hhmm = (iso: string) => {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

function gateMessage(g: Extract<ReturnType<typeof gate>, { open: false }>): string {
  return g.why === 'locked'
    ? `Too many failed sign-ins with this username: it is locked until ${hhmm(g.until)}. ` +
        'Try again then, or ask the administrator to unlock it.'
    : `Too many failed sign-ins: wait ${g.seconds} second${pluralS(g.seconds)} before trying again.`;
}

/**
 * Checks a password for a username typed at a sign-in or unlock, counting failures by the name typed. Throws a
 * refusal with the same words whether or not the account exists; returns the account when the password is right.
 */
/** What the audit log records for a typed name that is no account. */
export const UNKNOWN_USERNAME = '(a username that is no account)';

export function checkPassword(
  store: Store,
  typed: string,
  password: string,
  door: 'sign-in' | 'unlock',
): UserDbRow {
  const db = store.db;
  const key = typed.trim().toLowerCase();
  const now = clock(store);
  const at = now.toISOString();
  const u = userByName(db, typed);
  // A name that is no account may be a password typed into the username box: it is never written to the log.
  const shown = u ? typed : UNKNOWN_USERNAME;
  const g = gate(readThrottle(db, key), now);
  if (!g.open) {
    db.transaction(() =>
      audit(db, at, shown, 'auth.signInFailed', 'user', u?.id ?? null, { username: shown, why: g.why, door }),
    ).immediate();
    throw new AppError('refused', gateMessage(g));
  }
  // Hash even for an unknown name, so the time taken does not tell which usernames exist.
  const right = verifyPassword(password, u?.password_hash ?? dummyHash(hashCostFor(store))) && !!u;
  if (!right) {
    const lockedNow = db
      .transaction(() => {
        const cur = gate(readThrottle(db, key), now); // read again inside the transaction: another door may have failed too
        const s = afterFailure(cur.open ? cur.state : readThrottle(db, key), now, policyOf(db));
        writeThrottle(db, key, s, at);
        audit(db, at, shown, 'auth.signInFailed', 'user', u?.id ?? null, {
          username: shown,
          why: 'password',
          failures: s.failures,
          door,
        });
        if (s.lockedUntil) {
          audit(db, at, shown, 'auth.lockedOut', 'user', u?.id ?? null, {
            username: shown,
            until: s.lockedUntil,
          });
        }
        return s.lockedUntil;
      })
      .immediate();
    throw new AppError(
      'refused',
      lockedNow
        ? `${WRONG_CREDENTIALS} Too many failed sign-ins: this username is locked until ${hhmm(lockedNow)}.`
        : WRONG_CREDENTIALS,
    );
  }
  return u;
}

export function startSession(store: Store, u: UserDbRow, at: string, rehash: string | null): string {
  const db = store.db;
  const token = newToken();
  clearThrottle(db, u.username);
  if (rehash) {
    db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(rehash, at, u.id);
  }
  const sid = db
    .prepare('INSERT INTO auth_sessions (token_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)')
    .run(tokenHash(token), u.id, at, at).lastInsertRowid;
  audit(db, at, label(u), 'auth.signIn', 'user', u.id, { session: Number(sid) });
  return token;
}

export function signIn(ctx: Ctx, i: Input<'auth.signIn'>): Output<'auth.signIn'> {
  const { store } = ctx;
  const db = store.db;
  const u = checkPassword(store, i.username, i.password, 'sign-in');
  const at = clock(store).toISOString();
  if (u.disabled_at) {
    // Only someone who knows the password learns that the account is disabled.
    db.transaction(() =>
      audit(db, at, label(u), 'auth.signInFailed', 'user', u.id, { username: i.username, why: 'disabled' }),
    ).immediate();
    throw new AppError('refused', 'This account is disabled. Ask the administrator if you need it again.');
  }
  const cost = hashCostFor(store);
  const rehash = needsRehash(u.password_hash, cost) ? hashPassword(i.password, cost) : null;
  const token = db.transaction(() => startSession(store, u, at, rehash)).immediate();
  return { token, me: meOf(db, userById(db, u.id)!, false) };
}
