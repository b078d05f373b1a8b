// The contract's building blocks: roles, sessions, error kinds and ch(), shared by shared/contract.ts and the
// per-area channel files in shared/channels/.
import type { z } from 'zod';

export const ROLES = ['office', 'lead', 'head', 'admin', 'governor'] as const;
export type Role = (typeof ROLES)[number];
/** Who may reach pupil-level data. Governors see aggregates only; administrators manage the system. */
export const STAFF: Role[] = ['office', 'lead', 'head'];
export const ALL: Role[] = [...ROLES];
export const SETTINGS: Role[] = ['head', 'admin'];

export interface Session {
  userName: string;
  position: string;
  roles: Role[];
  /** The person's name as printed on letters and decisions (userName also names the account, for the records). */
  displayName?: string;
  /** The signed-in account (absent for the CLI's local operator). */
  userId?: number;
  /** Named by the headteacher as a person who may decide leave of absence (reg 11(1)); the head always may. */
  authorisedForLeave?: boolean;
  /** A signed-in account that may only call account channels: the screen is locked, or a new password is due. */
  restriction?: 'locked' | 'mustChange';
  /** The sign-in session row behind this caller (browser mode and Electron), for sign-out and the idle lock. */
  authSessionId?: number;
}

/** The caller before anyone has signed in: only public channels answer. */
export const ANONYMOUS: Session = { userName: 'anonymous', position: '', roles: [] };

export const ERROR_KINDS = ['invalid', 'not_found', 'conflict', 'forbidden', 'refused', 'internal'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];
export interface Issue {
  line?: number;
  path?: string;
  message: string;
}
export interface RpcError {
  kind: ErrorKind;
  message: string;
  issues?: Issue[];
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export interface ChannelOptions {
  write?: boolean;
  /** Callable without signing in (school.appStatus, auth.signIn, …); the handler itself refuses what it must. */
  public?: boolean;
  /** Callable by any signed-in account whatever its roles, also while locked or due a new password (sign-out, unlock). */
  account?: boolean;
  /** A rule finer than a role that the caller must also meet (see RULES). */
  rule?: RuleName;
}

/** Rules finer than a role, declared once. dispatch checks a channel's rule before its handler runs, the services
 * check the same rule where it depends on the record (a template with legal weight), and the renderer asks it what
 * to offer. */
export interface Rule {
  allows: (s: Session) => boolean;
  refusal: string;
}
export const RULES = {
  /** Leave of absence is decided by the headteacher or a person they authorise (reg 11(1); docs/rules/leave.md). */
  leaveDecider: {
    allows: (s: Session) => s.roles.includes('head') || s.authorisedForLeave === true,
    refusal: 'Only the headteacher, or a person the headteacher has authorised, decides leave of absence.',
  },
  /** A document with legal weight (warning, notice) is approved by the head or the attendance lead (G5). */
  legalWeightSignatory: {
    allows: (s: Session) => s.roles.some((r) => r === 'head' || r === 'lead'),
    refusal: 'A document with legal weight is approved by the headteacher or the attendance lead (G5).',
  },
  /** Changing a password needs the screen unlocked first. */
  unlocked: {
    allows: (s: Session) => s.restriction !== 'locked',
    refusal: 'The screen is locked: enter your password to carry on.',
  },
} as const satisfies Record<string, Rule>;
export type RuleName = keyof typeof RULES;

/** The refusal of a declared rule for this caller, or null when the caller meets it. */
export function ruleRefusal(rule: RuleName, session: Session): string | null {
  return RULES[rule].allows(session) ? null : RULES[rule].refusal;
}

export function ch<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  roles: Role[],
  opts: ChannelOptions = {},
) {
  return {
    input,
    output,
    roles,
    write: opts.write ?? false,
    public: opts.public ?? false,
    account: opts.account ?? false,
    rule: opts.rule,
  };
}

/** Why `session` may not call a channel with this spec, or null when it may: the one permission rule, used by
 * dispatch for every call and by the renderer to decide what to show. */
export function refusalFor(
  spec: { roles: readonly Role[]; public: boolean; account: boolean; rule?: RuleName },
  session: Session,
): string | null {
  const refusal = roleRefusal(spec, session);
  if (refusal || !spec.rule) {
    return refusal;
  }
  return ruleRefusal(spec.rule, session);
}

function roleRefusal(
  spec: { roles: readonly Role[]; public: boolean; account: boolean },
  session: Session,
): string | null {
  if (spec.public) {
    return null;
  }
  if (spec.account) {
    return session.userId !== undefined || session.roles.length > 0 ? null : 'Sign in first.';
  }
  if (session.restriction === 'locked') {
    return 'The screen is locked: enter your password to carry on.';
  }
  if (session.restriction === 'mustChange') {
    return 'Choose a new password first.';
  }
  if (!session.roles.length) {
    return 'Sign in first.';
  }
  if (!session.roles.some((r) => spec.roles.includes(r))) {
    return 'Your role may not do this.';
  }
  return null;
}
