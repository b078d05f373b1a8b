// The users and user_roles rows: an account read by id or by name (usernames ignore case), its roles, the label
// the audit log gives it, the Me and Session built from it, and the insert of a new account with its roles.
import type { Db } from '../db/connection';
import type { Role, Session } from '../../../shared/contract';
import { ROLES } from '../../../shared/contract';
import type { Me } from '../../../shared/channels/auth';
import { AppError } from '../errors';

export interface UserDbRow {
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

export function rolesOf(db: Db, userId: number): Role[] {
  const have = new Set(
    db
      .prepare<[number], { role: Role }>('SELECT role FROM user_roles WHERE user_id = ?')
      .all(userId)
      .map((r) => r.role),
  );
  return ROLES.filter((r) => have.has(r));
}

export function userById(db: Db, id: number): UserDbRow | undefined {
  return db.prepare<[number], UserDbRow>('SELECT * FROM users WHERE id = ?').get(id);
}
export function userByName(db: Db, name: string): UserDbRow | undefined {
  return db
    .prepare<[string], UserDbRow>('SELECT * FROM users WHERE lower(username) = lower(?)')
    .get(name.trim());
}
export function userCount(db: Db): number {
  // count(*) without GROUP BY: always one row, hence the `!`.
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users').get()!.n;
}

/** The label the audit log and the statutory records use for an account: its name and username. */
export const label = (u: Pick<UserDbRow, 'display_name' | 'username'>) => `${u.display_name} (${u.username})`;

export function meOf(db: Db, u: UserDbRow, locked: boolean): Me {
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

export function insertUser(
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
