// The migration runner on real database files: fresh create, upgrade of a file that holds data, refusal of a
// newer schema, and the guards (triggers) the migrations install on statutory tables.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../main/core/db/connection';
import { loadMigrations, migrate } from '../../main/core/db/migrate';
import { rowCount, setupSchool, tempDir, ok, PUPIL_HEADER, pupilRow } from '../helpers/store';

describe('migrations', () => {
  it('creates a fresh database at the latest schema with WAL, synchronous=FULL and foreign keys on', () => {
    const file = path.join(tempDir(), 'new.sqlite');
    const store = openStore(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(rowCount(store, 'codes')).toBe(41);
    store.db.close();
  });

  it('upgrades a database that holds data: backs it up first and keeps every row', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const all = loadMigrations();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    migrate(db, file, all.slice(0, 1)); // the first schema only
    db.prepare("INSERT INTO school (id, name, created_at) VALUES (1, 'Old School', '2025-01-01')").run();
    const ins = db.prepare(
      'INSERT INTO pupils (upn, surname, forename, dob, sex, year_group, reg_group, admission_date, ' +
        "created_at, updated_at) VALUES (?, 'S', 'F', '2018-01-01', 'F', '2', '2A', '2022-09-01', 'x', " +
        "'x')",
    );
    for (let i = 0; i < 50; i++) {
      ins.run(`UPN${i}`);
    }
    db.prepare("INSERT INTO contacts (pupil_id, ordinal, name) VALUES (1, 1, 'Parent')").run();
    const before = Object.fromEntries(
      ['school', 'pupils', 'contacts'].map((t) => [
        t,
        (db.prepare(`SELECT count(*) n FROM ${t}`).get() as { n: number }).n,
      ]),
    );
    db.close();

    const store = openStore(file);
    expect(store.migration).toMatchObject({ from: 1, to: all.length });
    expect(store.migration.backup).not.toBeNull();
    expect(fs.existsSync(store.migration.backup!)).toBe(true);
    for (const [t, n] of Object.entries(before)) {
      expect(rowCount(store, t), t).toBe(n);
    }
    const backup = new Database(store.migration.backup!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect((backup.prepare('SELECT count(*) n FROM pupils').get() as { n: number }).n).toBe(50);
    backup.close();
    store.db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const s = openStore(file);
    s.db.pragma('user_version = 99');
    s.db.close();
    const bytes = fs.readFileSync(file);
    expect(() => openStore(file)).toThrow(/newer version of the app/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('rolls back a migration whose result breaks foreign keys, changing nothing', () => {
    const file = path.join(tempDir(), 'fk.sqlite');
    const db = new Database(file);
    const base = loadMigrations();
    migrate(db, file, base);
    const bad = [
      ...base,
      {
        idx: base.length,
        tag: 'bad',
        statements: ["INSERT INTO contacts (pupil_id, ordinal, name) VALUES (999, 1, 'Orphan')"],
      },
    ];
    expect(() => migrate(db, file, bad)).toThrow(/foreign keys/);
    expect(db.pragma('user_version', { simple: true })).toBe(base.length);
    expect((db.prepare('SELECT count(*) n FROM contacts').get() as { n: number }).n).toBe(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('no table cascades deletes', () => {
    const sql = loadMigrations()
      .flatMap((m) => m.statements)
      .join('\n');
    expect(sql).not.toMatch(/ON DELETE CASCADE/i);
  });
});

describe('guards on statutory tables', () => {
  function storeWithMark() {
    const store = openStore(path.join(tempDir(), 'g.sqlite'));
    setupSchool(store);
    ok(store, 'pupils.import', { csv: `${PUPIL_HEADER}\n${pupilRow(1)}\n` });
    store.db
      .prepare(
        'INSERT INTO marks (pupil_id, date, session, code, source, recorded_by, recorded_at) VALUES ' +
          "(1, '2025-09-03', 'AM', 'N', 'test', 'x', 'x')",
      )
      .run();
    return store;
  }

  it('refuses to change a mark without an amendment row, and to delete one', () => {
    const store = storeWithMark();
    expect(() => store.db.prepare("UPDATE marks SET code = 'I' WHERE id = 1").run()).toThrow(/amendment/);
    expect(() => store.db.prepare("UPDATE marks SET code = 'I', version = 2 WHERE id = 1").run()).toThrow(
      /amendment/,
    );
    expect(() => store.db.prepare('DELETE FROM marks').run()).toThrow(/cannot be deleted/);
    expect((store.db.prepare('SELECT code FROM marks').get() as { code: string }).code).toBe('N');
  });

  it('accepts a change that follows the amendment path (history row with the next version first)', () => {
    const store = storeWithMark();
    store.db
      .prepare(
        'INSERT INTO mark_history (mark_id, version, old_code, new_code, reason, changed_at, ' +
          "changed_by, position) VALUES (1, 2, 'N', 'I', 'Parent rang', 'now', 'A', 'Office')",
      )
      .run();
    store.db.prepare("UPDATE marks SET code = 'I', version = 2 WHERE id = 1").run();
    expect((store.db.prepare('SELECT code FROM marks').get() as { code: string }).code).toBe('I');
    expect(() => store.db.prepare("UPDATE mark_history SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM mark_history').run()).toThrow(/append-only/);
  });

  it('refuses to delete a pupil or rewrite the audit log', () => {
    const store = storeWithMark();
    expect(() => store.db.prepare('DELETE FROM pupils').run()).toThrow(/never deleted/);
    expect(() => store.db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('the schema files and the migrations', () => {
  it('agree: drizzle-kit finds nothing to migrate between the schema*.ts files and the newest snapshot', async () => {
    const { generateSQLiteDrizzleJson, generateSQLiteMigration } = await import('drizzle-kit/api');
    const meta = path.join(__dirname, '../../resources/migrations/meta');
    const snapshots = fs
      .readdirSync(meta)
      .filter((f) => f.endsWith('_snapshot.json'))
      .sort();
    const newest = JSON.parse(fs.readFileSync(path.join(meta, snapshots[snapshots.length - 1]), 'utf8'));
    const schemaFiles = fs
      .readdirSync(path.join(__dirname, '../../main/core/db'))
      .filter((f) => /^schema.*\.ts$/.test(f) && !f.endsWith('.d.ts'));
    const modules = await Promise.all(
      schemaFiles.map((f) => import(/* @vite-ignore */ path.join(__dirname, '../../main/core/db', f))),
    );
    const current = await generateSQLiteDrizzleJson(Object.assign({}, ...modules));
    expect(await generateSQLiteMigration(newest, current)).toEqual([]);
  });

  it('the migrations build the tables the schema files declare, column for column', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:');
    const tables = (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    const meta = path.join(__dirname, '../../resources/migrations/meta');
    const snapshots = fs
      .readdirSync(meta)
      .filter((f) => f.endsWith('_snapshot.json'))
      .sort();
    const newest = JSON.parse(fs.readFileSync(path.join(meta, snapshots[snapshots.length - 1]), 'utf8')) as {
      tables: Record<string, { columns: Record<string, unknown> }>;
    };
    expect(tables).toEqual(Object.keys(newest.tables).sort());
    for (const [name, t] of Object.entries(newest.tables)) {
      const cols = (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[])
        .map((c) => c.name)
        .sort();
      expect(cols, name).toEqual(Object.keys(t.columns).sort());
    }
  });
});
