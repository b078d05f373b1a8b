// Opening the database: the key (docs/data-safety.md), pragmas on every connection, the network-share refusal,
// the conversion of a plain file to an encrypted one, and the migration runner.
import fs from 'node:fs';
import path from 'node:path';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as base from './schema';
import * as figures from './schema-figures';
import * as auth from './schema-auth';
import * as leave from './schema-leave';
import * as letters from './schema-letters';
import * as backups from './schema-backups';
import * as arrangements from './schema-arrangements';
import { loadMigrations, migrate, type MigrateReport } from './migrate';
import { hasContent, isPlainDatabase, keyFromOptions, openDatabase, type Db } from './cipher';
import { encryptPlainFile } from './encrypt-plain';
import { fullCheck, HEALTHY, quickCheck, type StoreHealth } from './health';
import { networkShareReason } from '../paths';
import { AppError } from '../errors';
import { setChainHeadReader } from '../backups/backup';
import { chainHead } from '../trust/chains';

const schema = { ...base, ...figures, ...auth, ...leave, ...letters, ...backups, ...arrangements };

// Every backup's manifest carries the chain head (docs/records-integrity.md, "Hash chains").
setChainHeadReader(chainHead);

export type { Db };
export type Orm = BetterSQLite3Database<typeof schema>;
export interface Store {
  db: Db;
  orm: Orm;
  path: string;
  migration: MigrateReport;
  /** The key the file is encrypted with, or null for a plain file (kept to check backups and restores). */
  key: string | null;
  /** The last integrity check: a store that failed it is read-only (main/core/db/health.ts). */
  health: StoreHealth;
}

/** The page cache of a connection, in KiB: SQLite's default of 2 MiB holds less than one pass over a year's weekly
 * tallies, so the figures read the same index pages from the operating system again on every query
 * (docs/performance.md, "The page cache"). Pages are cached as they are read, up to this size. */
export const PAGE_CACHE_KIB = 32 * 1024;

export function applyPragmas(db: Db): void {
  if (db.name !== ':memory:') {
    db.pragma('journal_mode = WAL');
  }
  db.pragma('synchronous = FULL');
  // Temporary data in memory: every insert into a chained table fires a trigger that writes chain_links, so SQLite
  // keeps a statement journal for it; on disk that journal cost ~14 writes per row and most of the chains' cost
  // on an import (docs/performance.md, "The cost of the hash chains"). It is never needed after a crash.
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
}

export interface OpenOptions {
  /** Create the file when it does not exist (default true). */
  create?: boolean;
  /** The encryption key; undefined means "from ATTENDANCE_DB_KEY", null means none. */
  key?: string | null;
  /** The desktop app: a plain file is encrypted with the key on open, after a verified backup. */
  encryptPlain?: boolean;
}

/** The quick check at every open; the full one too when a migration is about to rewrite the file. */
function checkBeforeWriting(db: Db): StoreHealth {
  const quick = quickCheck(db);
  if (!quick.ok) {
    return quick;
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  return version > 0 && version < loadMigrations().length ? fullCheck(db) : quick;
}

/** Opens (and, when asked, creates) a database file and brings its schema up to date. */
export function openStore(file: string, opts: OpenOptions = {}): Store {
  const create = opts.create ?? true;
  const memory = file === ':memory:';
  const reason = memory ? null : networkShareReason(file);
  if (reason) {
    throw new AppError('refused', reason);
  }
  if (!memory && !create && !fs.existsSync(file)) {
    throw new AppError('not_found', `There is no database at ${file}. Create one first with "init".`);
  }
  if (!memory) {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const key = memory ? null : opts.key === undefined ? keyFromOptions(undefined) : opts.key;
  let health: StoreHealth = HEALTHY;
  if (key && opts.encryptPlain && isPlainDatabase(file)) {
    const r = encryptPlainFile(file, key);
    health = 'damaged' in r ? r.damaged : HEALTHY;
  }
  const plain = !hasContent(file) ? !key : isPlainDatabase(file);
  const db = openDatabase(file, plain ? null : key, { fileMustExist: !create && !memory });
  try {
    applyPragmas(db);
    health = health.ok ? checkBeforeWriting(db) : health;
    const version = db.pragma('user_version', { simple: true }) as number;
    // A damaged file is never migrated (a migration rewrites tables): it opens as it is, read-only.
    const migration = health.ok ? migrate(db, file) : { from: version, to: version, backup: null };
    return { db, orm: drizzle(db, { schema }), path: file, migration, key: plain ? null : key, health };
  } catch (e) {
    db.close();
    throw e;
  }
}
