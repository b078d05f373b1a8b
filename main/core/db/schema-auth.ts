// Tables of the auth area (drizzle). drizzle-kit reads every main/core/db/schema*.ts file.
// Accounts are never deleted (records keep pointing at who did what): a trigger refuses DELETE on users and on
// sign-in sessions; disabling sets disabled_at/by/reason.
import { sqliteTable, text, integer, uniqueIndex, index, primaryKey } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Unique whatever its case: the index is on lower(username) (custom migration). */
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  position: text('position').notNull().default(''),
  /** scrypt$N$r$p$salt$hash (base64): the parameters travel with the hash so they can be raised later. */
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  /** Named by the headteacher as a person who may decide leave of absence (reg 11(1)); only a head sets it. */
  authorisedForLeave: integer('authorised_for_leave', { mode: 'boolean' }).notNull().default(false),
  disabledAt: text('disabled_at'),
  disabledBy: text('disabled_by'),
  disabledReason: text('disabled_reason'),
  passwordChangedAt: text('password_changed_at').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ['office', 'lead', 'head', 'admin', 'governor'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** One row per sign-in: only the SHA-256 of the token is stored, so a copy of the file cannot be used to sign in. */
export const authSessions = sqliteTable(
  'auth_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    door: text('door').notNull().default('web'),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    lockedAt: text('locked_at'),
    endedAt: text('ended_at'),
    endReason: text('end_reason'),
  },
  (t) => [
    uniqueIndex('auth_sessions_token_uq').on(t.tokenHash),
    index('auth_sessions_user_idx').on(t.userId),
  ],
);

/** Failed sign-ins by the name typed (lower-case), whether or not such an account exists: the same delays and
 * lock-out for every name, so the answers never tell which usernames exist. */
export const signInThrottle = sqliteTable('sign_in_throttle', {
  nameKey: text('name_key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  notBefore: text('not_before'),
  lockedUntil: text('locked_until'),
  updatedAt: text('updated_at').notNull(),
});

/** The school's sign-in settings: one row (id = 1). */
export const authSettings = sqliteTable('auth_settings', {
  id: integer('id').primaryKey(),
  idleLockMinutes: integer('idle_lock_minutes').notNull().default(10),
  maxFailures: integer('max_failures').notNull().default(5),
  lockoutMinutes: integer('lockout_minutes').notNull().default(15),
  updatedAt: text('updated_at').notNull(),
});
