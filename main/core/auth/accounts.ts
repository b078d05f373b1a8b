// Accounts (the users channels, for the administrator; the head names authorised persons), and the accounts the demo
// school creates outside dispatch. A role change writes its audit row first (docs/records-integrity.md).
import type { Db, Store } from '../db/connection';
import type { Ctx } from '../context';
import type { Input, Output, Role } from '../../../shared/contract';
import { ROLES } from '../../../shared/contract';
import type { UserRow } from '../../../shared/channels/auth';
import { AppError } from '../errors';
import { hashCostFor, hashPassword, passwordProblem, type ScryptCost } from './password';
import { clearThrottle } from './throttle-rows';
import { audit, clock } from './auth.service';
import { insertUser, rolesOf, userById, type UserDbRow } from './user-rows';

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
