// Accounts, sign-in sessions and the sign-in settings. Sign-in, first-admin, new accounts and password changes
// are read channels that hash (scrypt, slow on purpose) outside any transaction and then write in one small
// IMMEDIATE transaction of their own, so a sign-in never holds the database's write lock while it hashes.
import type { Db, Store } from '../db/connection';
import type { Ctx } from '../context';
import type { Input, Output, Role, Session } from '../../../shared/contract';
import { ROLES } from '../../../shared/contract';
import type { Me, UserRow } from '../../../shared/channels/auth';
import { AppError } from '../errors';
import {
  dummyHash,
  hashCostFor,
  hashPassword,
  needsRehash,
  newToken,
  passwordProblem,
  tokenHash,
  verifyPassword,
  type ScryptCost,
} from './password';
import { afterFailure, gate, type LockoutPolicy } from './throttle';
import { clearThrottle, readThrottle, writeThrottle } from './throttle-rows';
import { pluralS } from '../../../shared/names';

// ---- the clock and the cost of one store (tests pass theirs; production uses the real ones) ----
const clocks = new WeakMap<Store, () => Date>();
/** Tests only: a deterministic clock for the sign-in delays, lock-outs and sessions of this store. */
export function setAuthClock(store: Store, now: () => Date): void {
  clocks.set(store, now);
}
const clock = (store: Store): Date => (clocks.get(store) ?? (() => new Date()))();

export const WRONG_CREDENTIALS = 'The username or password is not right.';
/** A session unused for this long has ended (the idle lock comes much sooner). */
export const SESSION_MAX_IDLE_HOURS = 12;

interface UserDbRow {
  id: number;
  username: string;
  display_name: string;
  position: string;
  password_hash: string;
  must_change_password: number;
  authorised_for_leave: number;
  disabled_at: string | null;
  disabled_by: string | null;
  disabled_reason: string | null;
  created_at: string;
}

export function audit(
  db: Db,
  at: string,
  actor: string,
  action: string,
  entity: string,
  entityId: string | number | null,
  detail?: unknown,
): void {
  db.prepare(
    'INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    at,
    actor,
    action,
    entity,
    entityId === null ? null : String(entityId),
    detail === undefined ? null : JSON.stringify(detail),
  );
}

export function readAuthSettings(db: Db): Output<'auth.getSettings'> {
  const r = db
    .prepare<[], { i: number; m: number; l: number }>(
      'SELECT idle_lock_minutes AS i, max_failures AS m, lockout_minutes AS l FROM auth_settings WHERE id = 1',
    )
    .get();
  return r
    ? { idleLockMinutes: r.i, maxFailures: r.m, lockoutMinutes: r.l }
    : { idleLockMinutes: 10, maxFailures: 5, lockoutMinutes: 15 };
}

export function setAuthSettings(ctx: Ctx, s: Input<'auth.setSettings'>): Output<'auth.setSettings'> {
  const before = readAuthSettings(ctx.store.db);
  ctx.store.db
    .prepare(
      `INSERT INTO auth_settings (id, idle_lock_minutes, max_failures, lockout_minutes, updated_at) VALUES (1, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET idle_lock_minutes = excluded.idle_lock_minutes, max_failures = excluded.max_failures,
      lockout_minutes = excluded.lockout_minutes, updated_at = excluded.updated_at`,
    )
    .run(s.idleLockMinutes, s.maxFailures, s.lockoutMinutes, ctx.now());
  ctx.audit('auth.settings', 'auth_settings', 1, { before, after: s });
  return { ok: true };
}

const policyOf = (db: Db): LockoutPolicy => {
  const s = readAuthSettings(db);
  return { maxFailures: s.maxFailures, lockoutMinutes: s.lockoutMinutes };
};

export function rolesOf(db: Db, userId: number): Role[] {
  const have = new Set(
    db
      .prepare<[number], { role: Role }>('SELECT role FROM user_roles WHERE user_id = ?')
      .all(userId)
      .map((r) => r.role),
  );
  return ROLES.filter((r) => have.has(r));
}

function userById(db: Db, id: number): UserDbRow | undefined {
  return db.prepare<[number], UserDbRow>('SELECT * FROM users WHERE id = ?').get(id);
}
function userByName(db: Db, name: string): UserDbRow | undefined {
  return db
    .prepare<[string], UserDbRow>('SELECT * FROM users WHERE lower(username) = lower(?)')
    .get(name.trim());
}
export function userCount(db: Db): number {
  // count(*) without GROUP BY: always one row, hence the `!`.
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users').get()!.n;
}

/** The label the audit log and the statutory records use for an account: its name and username. */
const label = (u: Pick<UserDbRow, 'display_name' | 'username'>) => `${u.display_name} (${u.username})`;

function meOf(db: Db, u: UserDbRow, locked: boolean): Me {
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    position: u.position,
    roles: rolesOf(db, u.id),
    authorisedForLeave: !!u.authorised_for_leave,
    mustChangePassword: !!u.must_change_password,
    locked,
  };
}

/** The Session a door hands to dispatch for an account (the CLI and tests build theirs directly). */
export function sessionOf(db: Db, u: UserDbRow, sessionId: number, locked: boolean): Session {
  const roles = rolesOf(db, u.id);
  return {
    userName: label(u),
    displayName: u.display_name,
    position: u.position,
    roles,
    userId: u.id,
    authSessionId: sessionId,
    authorisedForLeave: roles.includes('head') || !!u.authorised_for_leave,
    ...(locked
      ? { restriction: 'locked' as const }
      : u.must_change_password
        ? { restriction: 'mustChange' as const }
        : {}),
  };
}

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

function checkPassword(store: Store, typed: string, password: string, door: 'sign-in' | 'unlock'): UserDbRow {
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

function startSession(store: Store, u: UserDbRow, at: string, rehash: string | null): string {
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

export function firstAdmin(ctx: Ctx, i: Input<'auth.firstAdmin'>): Output<'auth.firstAdmin'> {
  const { store } = ctx;
  const db = store.db;
  if (userCount(db) > 0) {
    throw new AppError('refused', 'The administrator account already exists: sign in instead.');
  }
  const problem = passwordProblem(i.password, i.username);
  if (problem) {
    throw new AppError('invalid', `password: ${problem}`, [{ path: 'password', message: problem }]);
  }
  const hash = hashPassword(i.password, hashCostFor(store));
  const at = clock(store).toISOString();
  const token = db
    .transaction(() => {
      if (userCount(db) > 0) {
        throw new AppError('refused', 'The administrator account already exists: sign in instead.');
      }
      const id = insertUser(db, { ...i, roles: ['admin'], mustChange: false }, hash, at);
      const u = userById(db, id)!;
      audit(db, at, label(u), 'users.create', 'user', id, {
        username: u.username,
        roles: ['admin'],
        firstAdmin: true,
      });
      return startSession(store, u, at, null);
    })
    .immediate();
  return { token, me: meOf(db, userById(db, userByName(db, i.username)!.id)!, false) };
}

function insertUser(
  db: Db,
  u: { username: string; displayName: string; position: string; roles: Role[]; mustChange: boolean },
  hash: string,
  at: string,
): number {
  if (userByName(db, u.username)) {
    throw new AppError(
      'conflict',
      `The username ${u.username} is taken (usernames ignore upper and lower case).`,
      [{ path: 'username', message: 'this username is taken' }],
    );
  }
  const id = Number(
    db
      .prepare(
        `INSERT INTO users (username, display_name, position, password_hash, must_change_password, password_changed_at,
      created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(u.username, u.displayName, u.position, hash, u.mustChange ? 1 : 0, at, at, at).lastInsertRowid,
  );
  const add = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  for (const r of new Set(u.roles)) {
    add.run(id, r);
  }
  return id;
}

/** Creates an account outside dispatch (the demo school): the password is hashed at the given cost. */
export function createAccount(
  store: Store,
  actor: string,
  u: {
    username: string;
    displayName: string;
    position: string;
    roles: Role[];
    password: string;
    mustChange?: boolean;
  },
  cost: ScryptCost = hashCostFor(store),
): number {
  const hash = hashPassword(u.password, cost);
  const at = clock(store).toISOString();
  return store.db
    .transaction(() => {
      const id = insertUser(store.db, { ...u, mustChange: u.mustChange ?? false }, hash, at);
      audit(store.db, at, actor, 'users.create', 'user', id, { username: u.username, roles: u.roles });
      return id;
    })
    .immediate();
}

function needAccount(ctx: Ctx): { u: UserDbRow; sid: number | undefined } {
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

export function changePassword(ctx: Ctx, i: Input<'auth.changePassword'>): Output<'auth.changePassword'> {
  const { u } = needAccount(ctx);
  const db = ctx.store.db;
  if (!verifyPassword(i.current, u.password_hash)) {
    throw new AppError('invalid', 'current: the current password is not right', [
      { path: 'current', message: 'the current password is not right' },
    ]);
  }
  const problem =
    passwordProblem(i.next, u.username) ??
    (i.next === i.current ? 'the new password must differ from the current one' : null);
  if (problem) {
    throw new AppError('invalid', `next: ${problem}`, [{ path: 'next', message: problem }]);
  }
  const hash = hashPassword(i.next, hashCostFor(ctx.store));
  const at = clock(ctx.store).toISOString();
  db.transaction(() => {
    db.prepare(
      'UPDATE users SET password_hash = ?, must_change_password = 0, password_changed_at = ?, updated_at = ? WHERE id = ?',
    ).run(hash, at, at, u.id);
    // Other sign-ins of this account end: a changed password shuts out whoever else knew the old one.
    db.prepare(
      "UPDATE auth_sessions SET ended_at = ?, end_reason = 'password changed' WHERE user_id = ? AND ended_at IS NULL AND id IS NOT ?",
    ).run(at, u.id, ctx.session.authSessionId ?? null);
    audit(db, at, label(u), 'auth.changePassword', 'user', u.id);
  }).immediate();
  return { ok: true };
}

// ---- accounts (administrator; the head names authorised persons) ----
export function listUsers(ctx: Ctx, i: Input<'users.list'>): Output<'users.list'> {
  const db = ctx.store.db;
  const rows = db
    .prepare<[], UserDbRow & { locked_until: string | null; last_sign_in: string | null }>(
      `SELECT u.*, t.locked_until AS locked_until, (SELECT max(created_at) FROM auth_sessions s WHERE s.user_id = u.id) AS last_sign_in
    FROM users u LEFT JOIN sign_in_throttle t ON t.name_key = lower(u.username) ORDER BY u.disabled_at IS NOT NULL, lower(u.display_name)`,
    )
    .all();
  const now = clock(ctx.store).toISOString();
  const users: UserRow[] = rows
    .filter((r) => i.includeDisabled !== false || !r.disabled_at)
    .map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      position: r.position,
      roles: rolesOf(db, r.id),
      authorisedForLeave: !!r.authorised_for_leave,
      mustChangePassword: !!r.must_change_password,
      disabledAt: r.disabled_at,
      disabledBy: r.disabled_by,
      disabledReason: r.disabled_reason,
      lockedUntil: r.locked_until && r.locked_until > now ? r.locked_until : null,
      lastSignInAt: r.last_sign_in,
      createdAt: r.created_at,
    }));
  return { users };
}

function needUser(db: Db, id: number): UserDbRow {
  const u = userById(db, id);
  if (!u) {
    throw new AppError('not_found', `There is no account ${id}.`);
  }
  return u;
}
function activeAdmins(db: Db): number[] {
  return db
    .prepare<[], { id: number }>(
      "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin' WHERE u.disabled_at IS NULL",
    )
    .all()
    .map((r) => r.id);
}
function endSessions(db: Db, userId: number, at: string, reason: string): void {
  db.prepare(
    'UPDATE auth_sessions SET ended_at = ?, end_reason = ? WHERE user_id = ? AND ended_at IS NULL',
  ).run(at, reason, userId);
}
function newPasswordHash(store: Store, password: string, username: string): string {
  const problem = passwordProblem(password, username);
  if (problem) {
    throw new AppError('invalid', `password: ${problem}`, [{ path: 'password', message: problem }]);
  }
  return hashPassword(password, hashCostFor(store));
}

export function createUser(ctx: Ctx, i: Input<'users.create'>): Output<'users.create'> {
  const hash = newPasswordHash(ctx.store, i.password, i.username);
  return ctx.store.db
    .transaction(() => {
      const id = insertUser(ctx.store.db, { ...i, mustChange: true }, hash, ctx.now());
      ctx.audit('users.create', 'user', id, {
        username: i.username,
        displayName: i.displayName,
        roles: i.roles,
      });
      return { id };
    })
    .immediate();
}

export function updateUser(ctx: Ctx, i: Input<'users.update'>): Output<'users.update'> {
  const db = ctx.store.db;
  const u = needUser(db, i.id);
  const changed: string[] = [];
  const at = ctx.now();
  if (i.displayName !== undefined && i.displayName !== u.display_name) {
    db.prepare('UPDATE users SET display_name = ?, updated_at = ? WHERE id = ?').run(i.displayName, at, u.id);
    changed.push('displayName');
  }
  if (i.position !== undefined && i.position !== u.position) {
    db.prepare('UPDATE users SET position = ?, updated_at = ? WHERE id = ?').run(i.position, at, u.id);
    changed.push('position');
  }
  if (i.roles) {
    const before = rolesOf(db, u.id);
    const after = ROLES.filter((r) => i.roles!.includes(r));
    if (before.join() !== after.join()) {
      if (
        before.includes('admin') &&
        !after.includes('admin') &&
        activeAdmins(db).filter((x) => x !== u.id).length === 0
      ) {
        throw new AppError(
          'refused',
          'This is the only active administrator: give another account the administrator role first.',
        );
      }
      // Audit first: roles change only when the latest audit row records it (docs/records-integrity.md).
      // byThemselves: the audit screen flags a person giving their own account pupil-data access.
      const byThemselves = ctx.session.userId === u.id;
      ctx.audit('users.roles', 'user', u.id, { username: u.username, before, after, byThemselves });
      db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(u.id);
      const add = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
      for (const r of after) {
        add.run(u.id, r);
      }
      db.prepare('UPDATE users SET updated_at = ? WHERE id = ?').run(at, u.id);
      changed.push('roles');
    }
  }
  if (changed.some((c) => c !== 'roles')) {
    ctx.audit('users.update', 'user', u.id, {
      username: u.username,
      changed: changed.filter((c) => c !== 'roles'),
      displayName: i.displayName,
      position: i.position,
    });
  }
  return { changed };
}

export function setLeaveAuthority(
  ctx: Ctx,
  i: Input<'users.setLeaveAuthority'>,
): Output<'users.setLeaveAuthority'> {
  const db = ctx.store.db;
  const u = needUser(db, i.id);
  if (!!u.authorised_for_leave !== i.authorised) {
    db.prepare('UPDATE users SET authorised_for_leave = ?, updated_at = ? WHERE id = ?').run(
      i.authorised ? 1 : 0,
      ctx.now(),
      u.id,
    );
    ctx.audit('users.leaveAuthority', 'user', u.id, { username: u.username, authorised: i.authorised });
  }
  return { ok: true };
}

export function resetPassword(ctx: Ctx, i: Input<'users.resetPassword'>): Output<'users.resetPassword'> {
  const db = ctx.store.db;
  const u = needUser(db, i.id);
  const hash = newPasswordHash(ctx.store, i.password, u.username);
  db.transaction(() => {
    const at = ctx.now();
    db.prepare(
      'UPDATE users SET password_hash = ?, must_change_password = 1, password_changed_at = ?, updated_at = ? WHERE id = ?',
    ).run(hash, at, at, u.id);
    clearThrottle(db, u.username);
    endSessions(db, u.id, at, 'password reset');
    ctx.audit('users.resetPassword', 'user', u.id, { username: u.username });
  }).immediate();
  return { ok: true };
}

export function disableUser(ctx: Ctx, i: Input<'users.disable'>): Output<'users.disable'> {
  const db = ctx.store.db;
  const u = needUser(db, i.id);
  if (u.disabled_at) {
    return { ok: true };
  }
  if (u.id === ctx.session.userId) {
    throw new AppError('refused', 'You cannot disable your own account.');
  }
  if (activeAdmins(db).includes(u.id) && activeAdmins(db).length === 1) {
    throw new AppError('refused', 'This is the only active administrator: it cannot be disabled.');
  }
  const at = ctx.now();
  db.prepare(
    'UPDATE users SET disabled_at = ?, disabled_by = ?, disabled_reason = ?, updated_at = ? WHERE id = ?',
  ).run(at, ctx.session.userName, i.reason, at, u.id);
  endSessions(db, u.id, at, 'account disabled');
  ctx.audit('users.disable', 'user', u.id, { username: u.username, reason: i.reason });
  return { ok: true };
}

export function enableUser(ctx: Ctx, i: Input<'users.enable'>): Output<'users.enable'> {
  const db = ctx.store.db;
  const u = needUser(db, i.id);
  if (!u.disabled_at) {
    return { ok: true };
  }
  db.prepare(
    'UPDATE users SET disabled_at = NULL, disabled_by = NULL, disabled_reason = NULL, updated_at = ? WHERE id = ?',
  ).run(ctx.now(), u.id);
  ctx.audit('users.enable', 'user', u.id, {
    username: u.username,
    wasDisabled: { at: u.disabled_at, by: u.disabled_by, reason: u.disabled_reason },
  });
  return { ok: true };
}

export function unlockUser(ctx: Ctx, i: Input<'users.unlock'>): Output<'users.unlock'> {
  const db = ctx.store.db;
  const u = needUser(db, i.id);
  if (clearThrottle(db, u.username)) {
    ctx.audit('users.unlock', 'user', u.id, { username: u.username });
  }
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
