// Sessions: who is signed in (auth.me), signing out, locking and unlocking the screen, and the Session behind a
// door's token, read from the database on every call (idle lock and expiry). The doors themselves are in ./door.ts.
import type { Store } from '../db/connection';
import type { Ctx } from '../context';
import type { Input, Output, Session } from '../../../shared/contract';
import { AppError } from '../errors';
import { tokenHash } from './password';
import { clearThrottle, readThrottle } from './throttle-rows';
import { audit, clock, readAuthSettings } from './auth.service';
import { checkPassword } from './sign-in';
import { label, meOf, sessionOf, userById, userCount, type UserDbRow } from './user-rows';

/** A session unused for this long has ended (the idle lock comes much sooner). */
export const SESSION_MAX_IDLE_HOURS = 12;

export function needAccount(ctx: Ctx): { u: UserDbRow; sid: number | undefined } {
  const id = ctx.session.userId;
  const u = id === undefined ? undefined : userById(ctx.store.db, id);
  if (!u) {
    throw new AppError('refused', 'Only a signed-in account can do this.');
  }
  return { u, sid: ctx.session.authSessionId };
}

export function me(ctx: Ctx): Output<'auth.me'> {
  const db = ctx.store.db;
  const idleLockMinutes = readAuthSettings(db).idleLockMinutes;
  const u = ctx.session.userId === undefined ? undefined : userById(db, ctx.session.userId);
  return {
    me: u ? meOf(db, u, ctx.session.restriction === 'locked') : null,
    needsFirstAdmin: userCount(db) === 0,
    idleLockMinutes,
  };
}

export function signOut(ctx: Ctx): Output<'auth.signOut'> {
  const { u, sid } = needAccount(ctx);
  const db = ctx.store.db;
  const at = clock(ctx.store).toISOString();
  db.transaction(() => {
    if (sid !== undefined) {
      db.prepare(
        "UPDATE auth_sessions SET ended_at = ?, end_reason = 'signed out' WHERE id = ? AND ended_at IS NULL",
      ).run(at, sid);
    }
    audit(db, at, label(u), 'auth.signOut', 'user', u.id, { session: sid ?? null });
  }).immediate();
  return { ok: true };
}

export function lock(ctx: Ctx): Output<'auth.lock'> {
  const { u, sid } = needAccount(ctx);
  const db = ctx.store.db;
  const at = clock(ctx.store).toISOString();
  if (sid === undefined) {
    throw new AppError('refused', 'This door has no screen to lock.');
  }
  db.transaction(() => {
    const r = db
      .prepare(
        'UPDATE auth_sessions SET locked_at = ? WHERE id = ? AND ended_at IS NULL AND locked_at IS NULL',
      )
      .run(at, sid);
    if (r.changes) {
      audit(db, at, label(u), 'auth.lock', 'user', u.id, { session: sid });
    }
  }).immediate();
  return { ok: true };
}

export function unlock(ctx: Ctx, i: Input<'auth.unlock'>): Output<'auth.unlock'> {
  const { u, sid } = needAccount(ctx);
  const db = ctx.store.db;
  if (sid === undefined) {
    throw new AppError('refused', 'This door has no screen to unlock.');
  }
  try {
    checkPassword(ctx.store, u.username, i.password, 'unlock');
  } catch (e) {
    // A locked-out name ends the locked session: whoever is at the PC must sign in again (or the admin unlocks).
    const at = clock(ctx.store).toISOString();
    if (readThrottle(db, u.username.toLowerCase()).lockedUntil) {
      db.transaction(() =>
        db
          .prepare(
            "UPDATE auth_sessions SET ended_at = ?, end_reason = 'locked out' WHERE id = ? AND ended_at IS NULL",
          )
          .run(at, sid),
      ).immediate();
    }
    throw e;
  }
  const at = clock(ctx.store).toISOString();
  db.transaction(() => {
    clearThrottle(db, u.username);
    db.prepare(
      'UPDATE auth_sessions SET locked_at = NULL, last_seen_at = ? WHERE id = ? AND ended_at IS NULL',
    ).run(at, sid);
    audit(db, at, label(u), 'auth.unlock', 'user', u.id, { session: sid });
  }).immediate();
  return { ok: true };
}

// ---- sessions at the doors ----
/**
 * The Session behind a door's token, from the database on every call: an ended, expired or unknown token, or a
 * disabled account, is anonymous (only public channels answer). A session idle longer than the school's idle
 * time is locked here as well as on the screen, so a PC whose screen timer never ran is still locked.
 */
export function resolveSession(store: Store, token: string | undefined | null, anonymous: Session): Session {
  if (!token) {
    return anonymous;
  }
  const db = store.db;
  const row = db
    .prepare<[string], { id: number; user_id: number; last_seen_at: string; locked_at: string | null }>(
      'SELECT id, user_id, last_seen_at, locked_at FROM auth_sessions WHERE token_hash = ? AND ended_at IS NULL',
    )
    .get(tokenHash(token));
  if (!row) {
    return anonymous;
  }
  const u = userById(db, row.user_id);
  const now = clock(store);
  const at = now.toISOString();
  const idleMs = now.getTime() - Date.parse(row.last_seen_at);
  if (!u || u.disabled_at) {
    return anonymous;
  }
  if (idleMs > SESSION_MAX_IDLE_HOURS * 3600_000) {
    db.prepare(
      "UPDATE auth_sessions SET ended_at = ?, end_reason = 'expired' WHERE id = ? AND ended_at IS NULL",
    ).run(at, row.id);
    return anonymous;
  }
  let locked = row.locked_at !== null;
  if (!locked && idleMs > readAuthSettings(db).idleLockMinutes * 60_000) {
    db.prepare('UPDATE auth_sessions SET locked_at = ? WHERE id = ?').run(at, row.id);
    audit(db, at, label(u), 'auth.lock', 'user', u.id, { session: row.id, idle: true });
    locked = true;
  }
  // last seen moves only while unlocked (a locked screen is not use), and at most every 15 seconds
  if (!locked && idleMs > 15_000) {
    db.prepare('UPDATE auth_sessions SET last_seen_at = ? WHERE id = ?').run(at, row.id);
  }
  return sessionOf(db, u, row.id, locked);
}
