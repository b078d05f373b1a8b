// Opening the database: pragmas on every connection, the network-share refusal, and the migration runner.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as base from './schema';
import * as figures from './schema-figures';
import * as auth from './schema-auth';
import * as leave from './schema-leave';
import * as letters from './schema-letters';
import * as arrangements from './schema-arrangements';
import { migrate, type MigrateReport } from './migrate';
import { networkShareReason } from '../paths';
import { AppError } from '../errors';

const schema = { ...base, ...figures, ...auth, ...leave, ...letters, ...arrangements };

export type Db = Database.Database;
export type Orm = BetterSQLite3Database<typeof schema>;
export interface Store {
  db: Db;
  orm: Orm;
  path: string;
  migration: MigrateReport;
}

export function applyPragmas(db: Db): void {
  if (db.name !== ':memory:') {
    db.pragma('journal_mode = WAL');
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export interface OpenOptions {
  create?: boolean;
  readonly?: boolean;
}

/** Opens (and, when asked, creates) a database file and brings its schema up to date. */
export function openStore(file: string, opts: OpenOptions = { create: true }): Store {
  const reason = file === ':memory:' ? null : networkShareReason(file);
  if (reason) {
    throw new AppError('refused', reason);
  }
  if (file !== ':memory:' && !opts.create && !fs.existsSync(file)) {
    throw new AppError('not_found', `There is no database at ${file}. Create one first with "init".`);
  }
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const db = new Database(file, { fileMustExist: !opts.create });
  try {
    applyPragmas(db);
    const migration = migrate(db, file);
    return { db, orm: drizzle(db, { schema }), path: file, migration };
  } catch (e) {
    db.close();
    throw e;
  }
}
