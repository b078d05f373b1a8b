// The migration runner. drizzle-kit writes the SQL; this runs it safely (docs/architecture.md, drizzle-orm
// issue 5782): the file is backed up first, foreign keys are switched off outside the transaction (inside it
// the pragma is a no-op), foreign_key_check must be clean before commit, and a database from a newer app
// version is refused.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './cipher';
import { resourcesDir } from '../paths';
import { AppError } from '../errors';
import { registerChainFunctions } from '../trust/chain-defs';

export interface Migration {
  idx: number;
  tag: string;
  statements: string[];
}
export interface MigrateReport {
  from: number;
  to: number;
  backup: string | null;
}

export function loadMigrations(dir = path.join(resourcesDir(), 'migrations')): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  return journal.entries.map((e) => ({
    idx: e.idx,
    tag: e.tag,
    statements: fs
      .readFileSync(path.join(dir, `${e.tag}.sql`), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter(Boolean),
  }));
}

/** The schema version is PRAGMA user_version = the number of migrations applied. */
export function migrate(db: Db, file: string, migrations = loadMigrations()): MigrateReport {
  const current = db.pragma('user_version', { simple: true }) as number;
  const known = migrations.length;
  if (current > known) {
    throw new AppError(
      'refused',
      `This database was written by a newer version of the app (schema ${current}; ` +
        `this version knows ${known}). Install the newer version; the database has not been changed.`,
    );
  }
  if (current === known) {
    return { from: current, to: current, backup: null };
  }
  // Migration 0027 chains the rows already there with the hash-chain functions (docs/records-integrity.md).
  registerChainFunctions(db);
  let backup: string | null = null;
  const hasData = current > 0 && file !== ':memory:';
  if (hasData) {
    backup = `${file}.before-schema-${known}-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
    db.exec(`VACUUM INTO '${backup.replace(/'/g, "''")}'`);
  }
  db.pragma('foreign_keys = OFF');
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const m of migrations.slice(current)) {
        for (const s of m.statements) {
          db.exec(s);
        }
      }
      const problems = db.pragma('foreign_key_check') as unknown[];
      if (problems.length > 0) {
        throw new AppError(
          'internal',
          `Migration stopped: ${problems.length} rows would break foreign keys. Nothing was changed.`,
        );
      }
      db.pragma(`user_version = ${known}`);
      db.exec('COMMIT');
    } catch (e) {
      db.exec('ROLLBACK');
      throw e;
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
  return { from: current, to: known, backup };
}
