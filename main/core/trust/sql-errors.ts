// Turns a SQLite failure into an envelope by its code, never by its wording (docs/records-integrity.md).
// A trigger states its kind as a prefix of its message: RAISE(ABORT, 'refused: <plain English>'); the prefix
// is stripped. A trigger message without a prefix (migrations before 0013) is still a refusal, known by its
// code SQLITE_CONSTRAINT_TRIGGER.
import { ERROR_KINDS, type ErrorKind, type RpcError } from '../../../shared/contract';

const PREFIX = new RegExp(`^(${ERROR_KINDS.join('|')}): (.+)$`, 's');

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** The envelope for a SQLite error, or undefined when it is not one this maps. */
export function sqliteToRpcError(e: unknown): RpcError | undefined {
  const code = codeOf(e);
  if (!code.startsWith('SQLITE_')) {
    return undefined;
  }
  const msg = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_CONSTRAINT_TRIGGER') {
    const m = PREFIX.exec(msg);
    return m ? { kind: m[1] as ErrorKind, message: m[2]! } : { kind: 'refused', message: msg };
  }
  return byCode[code];
}

const byCode: Record<string, RpcError> = {
  SQLITE_BUSY: {
    kind: 'conflict',
    message: 'The database is busy (another window or program is writing). Try again.',
  },
  SQLITE_CONSTRAINT_FOREIGNKEY: {
    kind: 'not_found',
    message: 'there is no pupil, session, account or other record with that id: nothing was changed',
  },
  SQLITE_CONSTRAINT_UNIQUE: { kind: 'conflict', message: 'that record already exists: nothing was changed' },
  SQLITE_CONSTRAINT_PRIMARYKEY: {
    kind: 'conflict',
    message: 'that record already exists: nothing was changed',
  },
  SQLITE_CONSTRAINT_NOTNULL: { kind: 'invalid', message: 'a required value is missing: nothing was changed' },
  SQLITE_CONSTRAINT_CHECK: { kind: 'invalid', message: 'a value is out of range: nothing was changed' },
  SQLITE_FULL: {
    kind: 'refused',
    message:
      'The disk is full, so nothing was saved. Free some space on the disk that holds the database ' +
      '(or ask your IT support), then try again.',
  },
  SQLITE_READONLY: {
    kind: 'refused',
    message: 'The database is open read-only, so nothing was saved. Ask your administrator.',
  },
};
