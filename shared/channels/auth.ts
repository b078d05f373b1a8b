// Channels of the auth area, merged into the contract in shared/contract.ts: sign-in and sessions, accounts and
// roles, the sign-in settings and the audit log.
import { z } from 'zod';
import { ch, ROLES, SETTINGS } from '../contract-core';

export const ok = z.object({ ok: z.literal(true) });
export const id = z.number().int().positive();
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
export const USERNAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/;
export const username = z
  .string()
  .trim()
  .regex(USERNAME_RE, 'a username is 2 to 40 letters, digits, dots, dashes or underscores');
export const displayName = z.string().trim().min(1, 'the name is required').max(120);
export const position = z.string().trim().max(120);
/** Length only here; the core's passwordProblem() says what else is wrong. */
export const newPassword = z.string().min(1, 'the password is required').max(200);
export const roles = z.array(z.enum(ROLES)).min(1, 'give the account at least one role').max(ROLES.length);

export const MeSchema = z.object({
  userId: id,
  username: z.string(),
  displayName: z.string(),
  position: z.string(),
  roles: z.array(z.enum(ROLES)),
  authorisedForLeave: z.boolean(),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;
const SignedIn = z.object({
  /** The session token for the browser-mode door to send back; absent when the door keeps it itself (Electron). */
  token: z.string().optional(),
  me: MeSchema,
});

export const UserRowSchema = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  position: z.string(),
  roles: z.array(z.enum(ROLES)),
  authorisedForLeave: z.boolean(),
  mustChangePassword: z.boolean(),
  disabledAt: z.string().nullable(),
  disabledBy: z.string().nullable(),
  disabledReason: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserRow = z.infer<typeof UserRowSchema>;

export const AuthSettingsSchema = z.object({
  /** The screen locks after this many idle minutes (shared office PCs). */
  idleLockMinutes: z.number().int().min(1, 'at least 1 minute').max(240, 'at most 240 minutes'),
  maxFailures: z.number().int().min(3, 'at least 3 failures').max(20, 'at most 20 failures'),
  lockoutMinutes: z.number().int().min(1, 'at least 1 minute').max(1440, 'at most 1440 minutes (a day)'),
});

export const AuditRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  detail: z.string().nullable(),
  /** Set when a person gave their own account a pupil-data role (docs/data-safety.md). */
  flag: z.string().nullable(),
});

export const authChannels = {
  'auth.me': ch(
    z.object({}),
    z.object({ me: MeSchema.nullable(), needsFirstAdmin: z.boolean(), idleLockMinutes: z.number().int() }),
    [],
    { public: true },
  ),
  'auth.signIn': ch(
    z.object({
      username: z.string().trim().min(1, 'type your username').max(100),
      password: z.string().min(1, 'type your password').max(200),
    }),
    SignedIn,
    [],
    { public: true },
  ),
  'auth.firstAdmin': ch(z.object({ username, displayName, position, password: newPassword }), SignedIn, [], {
    public: true,
  }),
  'auth.demoAccounts': ch(
    z.object({}),
    z.object({
      accounts: z.array(
        z.object({
          role: z.enum(ROLES),
          username: z.string(),
          password: z.string(),
          displayName: z.string(),
          position: z.string(),
        }),
      ),
    }),
    [],
    { public: true },
  ),
  'auth.signOut': ch(z.object({}), ok, [], { account: true }),
  'auth.lock': ch(z.object({}), ok, [], { account: true }),
  'auth.unlock': ch(z.object({ password: z.string().min(1, 'type your password').max(200) }), ok, [], {
    account: true,
  }),
  'auth.changePassword': ch(
    z.object({ current: z.string().min(1, 'type your current password').max(200), next: newPassword }),
    ok,
    [],
    { account: true, rule: 'unlocked' },
  ),
  'auth.getSettings': ch(z.object({}), AuthSettingsSchema, SETTINGS),
  'auth.setSettings': ch(AuthSettingsSchema, ok, SETTINGS, { write: true }),
} as const;
