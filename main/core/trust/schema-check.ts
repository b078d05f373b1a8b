// Are the tables, indexes and triggers of a database the ones the app expects (docs/records-integrity.md, "What
// verify checks")? The expected schema is the app's own migrations applied to an empty in-memory database, so a
// dropped, changed or added trigger is named whatever migration added it.
import Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db/cipher';
import { loadMigrations } from '../db/migrate';
import { registerChainFunctions } from './chain-defs';

export interface SchemaReport {
  ok: boolean;
  version: number;
  expectedVersion: number;
  problems: string[];
}

interface Entry {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

let expected: { version: number; entries: Map<string, Entry> } | null = null;

function entriesOf(db: Db): Map<string, Entry> {
  const rows = db.prepare<[], Entry>('SELECT type, name, tbl_name, sql FROM sqlite_master').all();
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, r]));
}

function expectedSchema(): { version: number; entries: Map<string, Entry> } {
  if (!expected) {
    const migrations = loadMigrations();
    const db = new Database(':memory:');
    try {
      registerChainFunctions(db);
      for (const m of migrations) {
        for (const s of m.statements) {
          db.exec(s);
        }
      }
      expected = { version: migrations.length, entries: entriesOf(db) };
    } finally {
      db.close();
    }
  }
  return expected;
}

const what = (e: Entry) =>
  e.type === 'table' ? `the table ${e.name}` : `the ${e.type} ${e.name} on ${e.tbl_name}`;

export function checkSchema(db: Db): SchemaReport {
  const want = expectedSchema();
  const version = db.pragma('user_version', { simple: true }) as number;
  const problems: string[] = [];
  if (version !== want.version) {
    problems.push(`the schema version is ${version}; this version of the app expects ${want.version}`);
  }
  const have = entriesOf(db);
  for (const [key, e] of want.entries) {
    const h = have.get(key);
    if (!h) {
      problems.push(`${what(e)} is missing`);
    } else if (h.sql !== e.sql || h.tbl_name !== e.tbl_name) {
      problems.push(`${what(e)} is not the one the app expects (it was changed)`);
    }
  }
  for (const [key, h] of have) {
    if (!want.entries.has(key)) {
      problems.push(`${what(h)} is not one the app expects (it was added)`);
    }
  }
  return { ok: problems.length === 0, version, expectedVersion: want.version, problems };
}
