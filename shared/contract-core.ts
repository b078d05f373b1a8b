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
  userName: string; position: string; roles: Role[];
  /** The signed-in account (absent for the CLI's local operator). */
  userId?: number;
  /** Named by the headteacher as a person who may decide leave of absence (reg 11(1)); the head always may. */
  authorisedForLeave?: boolean;
}

export const ERROR_KINDS = ['invalid', 'not_found', 'conflict', 'forbidden', 'refused', 'internal'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];
export interface Issue { line?: number; path?: string; message: string }
export interface RpcError { kind: ErrorKind; message: string; issues?: Issue[] }
export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export function ch<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, roles: Role[], opts: { write?: boolean } = {}) {
  return { input, output, roles, write: opts.write ?? false };
}

