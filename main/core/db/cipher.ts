// Encryption at rest (docs/data-safety.md): SQLCipher 4 format through better-sqlite3-multiple-ciphers. The key is
// text (a key file or ATTENDANCE_DB_KEY for the command line and browser mode, the OS-protected store in Electron).
// The same key encrypts the WAL and every VACUUM INTO copy, so backups and pre-upgrade copies are encrypted too.
import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../errors';
import { registerChainFunctions } from '../trust/chain-defs';

export type Db = Database.Database;

export const KEY_MIN = 16;
export const KEY_ENV = 'ATTENDANCE_DB_KEY';
const SQLITE_HEADER = 'SQLite format 3\0';

/** A new key: 64 hex digits (256 bits) from the OS's random source. */
export function generateKey(): string {
  return crypto.randomBytes(32).toString('hex');
}

/** The key from its text: surrounding white space (a final newline included) removed, at least 16 characters. */
export function parseKey(text: string, from: string): string {
  const key = text.trim();
  if (key.length < KEY_MIN) {
    throw new AppError(
      'invalid',
      `The key in ${from} is too short (${key.length} characters; a key has at least ${KEY_MIN}).`,
    );
  }
  return key;
}

/** The key of the command line and browser mode: --key-file first, else ATTENDANCE_DB_KEY, else none. */
export function keyFromOptions(keyFile: string | undefined, env = process.env): string | null {
  if (keyFile !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(keyFile, 'utf8');
    } catch {
      throw new AppError('not_found', `The key file ${keyFile} cannot be read.`);
    }
    return parseKey(text, `the key file ${keyFile}`);
  }
  const v = env[KEY_ENV];
  return v === undefined || v === '' ? null : parseKey(v, KEY_ENV);
}

/** True for an existing, non-empty file that starts with SQLite's plain header (so is not encrypted). */
export function isPlainDatabase(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(16);
      const n = fs.readSync(fd, buf, 0, 16, 0);
      return n === 16 && buf.toString('latin1') === SQLITE_HEADER;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

export function hasContent(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Sets the SQLCipher 4 scheme and the key on a fresh connection (before anything reads the file). */
export function applyKey(db: Db, key: string): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = ${quote(key)}`);
}

/** Removes the encryption of a connection's file (the audited unencrypted export only). */
export function removeKey(db: Db): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`rekey = ''`);
}

function isNotADatabase(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === 'SQLITE_NOTADB' || /file is not a database/.test(String((e as Error).message));
}

/**
 * Opens a file with or without a key and proves the key by reading the schema, so a wrong or missing key is one
 * clear sentence and never a half-open store. The message names what to do.
 */
export function openDatabase(
  file: string,
  key: string | null,
  opts: { readonly?: boolean; fileMustExist?: boolean } = {},
): Db {
  const existed = hasContent(file);
  const plain = existed && isPlainDatabase(file);
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.fileMustExist ?? false,
  });
  try {
    if (key && !plain) {
      applyKey(db, key);
    }
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // The hash-chain functions the statutory tables' triggers call (docs/records-integrity.md, "Hash chains").
    registerChainFunctions(db);
    return db;
  } catch (e) {
    db.close();
    if (!isNotADatabase(e)) {
      if (/malformed|SQLITE_CORRUPT/.test(`${(e as { code?: string }).code} ${(e as Error).message}`)) {
        throw new AppError(
          'refused',
          `${file} is damaged (SQLite says "${(e as Error).message}") and cannot be opened: ` +
            'put back the latest good backup with "restore".',
        );
      }
      throw e;
    }
    if (!key) {
      throw new AppError(
        'refused',
        `${file} is encrypted (or is not a database): ` +
          `give its key with --key-file FILE or the ${KEY_ENV} variable, or if it was never encrypted it is damaged and needs "restore".`,
      );
    }
    throw new AppError(
      'refused',
      `The key does not open ${file} (the key is wrong, or the file is damaged and needs "restore"); nothing was changed.`,
    );
  }
}
