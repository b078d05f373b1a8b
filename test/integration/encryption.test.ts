// Encryption at rest (docs/data-safety.md) on real files: the database, its WAL, backups and the pre-upgrade copy
// hold no readable pupil data; a missing or wrong key is one clear refusal that changes nothing; a plain file is
// converted after a checked, encrypted backup; the command line reads the key from --key-file or the variable.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../main/core/db/connection';
import { isPlainDatabase, openDatabase } from '../../main/core/db/cipher';
import { loadMigrations, migrate } from '../../main/core/db/migrate';
import { backupTo } from '../../main/core/backups/backup';
import { cli } from '../helpers/cli';
import { dispatch } from '../../main/core/dispatch';
import { ok, PUPIL_HEADER, pupilRow, rowCount, setupSchool, STAFF_SESSION, tempDir } from '../helpers/store';

const KEY = 'correct horse battery staple 42';
const SECRET = 'Zebedee'; // a surname that must never be readable in any file

function encryptedSchool(dir = tempDir()) {
  const file = path.join(dir, 'school.sqlite');
  const store = openStore(file, { create: true, key: KEY });
  setupSchool(store);
  ok(store, 'pupils.import', { csv: `${PUPIL_HEADER}\n${pupilRow(1, { surname: SECRET })}\n` });
  return { dir, file, store };
}

const holdsSecret = (f: string) => fs.readFileSync(f).includes(Buffer.from(SECRET));

afterEach(() => {
  delete process.env.ATTENDANCE_DB_KEY;
});

describe('encryption at rest', () => {
  it('the file and its WAL hold no readable data while open and after closing', () => {
    const { file, store } = encryptedSchool();
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(holdsSecret(`${file}-wal`)).toBe(false);
    expect(holdsSecret(file)).toBe(false);
    store.db.close();
    expect(isPlainDatabase(file)).toBe(false);
    expect(holdsSecret(file)).toBe(false);
  });

  it('opens without the key or with a wrong one as a clear refusal, changing nothing; with the key it reads', () => {
    const { file, store } = encryptedSchool();
    store.db.close();
    const bytes = fs.readFileSync(file);
    expect(() => openStore(file, { key: null })).toThrow(
      /is encrypted .*--key-file FILE or the ATTENDANCE_DB_KEY/,
    );
    expect(() => openStore(file, { key: 'not the right key at all' })).toThrow(/key does not open/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    const again = openStore(file, { key: KEY });
    expect(again.db.prepare('SELECT surname FROM pupils').pluck().get()).toBe(SECRET);
    again.db.close();
  });

  it('a backup is encrypted with the same key and checked', () => {
    const { dir, store } = encryptedSchool();
    const r = backupTo(store, path.join(dir, 'copy.sqlite'));
    store.db.close();
    expect(holdsSecret(r.path)).toBe(false);
    expect(() => openDatabase(r.path, null, { readonly: true })).toThrow(/is encrypted/);
    const copy = openDatabase(r.path, KEY, { readonly: true });
    expect(copy.prepare('SELECT surname FROM pupils').pluck().get()).toBe(SECRET);
    copy.close();
  });

  it('the copy taken before a schema upgrade is encrypted', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const db = openDatabase(file, KEY);
    migrate(db, file, loadMigrations().slice(0, 1));
    db.prepare(
      'INSERT INTO pupils (upn, surname, forename, dob, sex, year_group, reg_group, admission_date, ' +
        `created_at, updated_at) VALUES ('U1', '${SECRET}', 'F', '2018-01-01', 'F', '2', '2A', ` +
        `'2022-09-01', 'x', 'x')`,
    ).run();
    db.close();
    const store = openStore(file, { key: KEY });
    expect(store.migration.backup).not.toBeNull();
    expect(isPlainDatabase(store.migration.backup!)).toBe(false);
    expect(holdsSecret(store.migration.backup!)).toBe(false);
    store.db.close();
  });

  it('converts a plain database after a checked, encrypted before-upgrade backup, keeping every row', () => {
    const dir = tempDir();
    const file = path.join(dir, 'school.sqlite');
    const plain = openStore(file, { key: null });
    setupSchool(plain);
    ok(plain, 'pupils.import', {
      csv: `${PUPIL_HEADER}\n${pupilRow(1, { surname: SECRET })}\n${pupilRow(2)}\n`,
    });
    const before = ['pupils', 'contacts', 'calendar_ranges', 'audit_log'].map((t) => rowCount(plain, t));
    plain.db.close();
    expect(isPlainDatabase(file)).toBe(true);

    const store = openStore(file, { key: KEY, encryptPlain: true });
    expect(['pupils', 'contacts', 'calendar_ranges', 'audit_log'].map((t) => rowCount(store, t))).toEqual(
      before,
    );
    store.db.close();
    expect(isPlainDatabase(file)).toBe(false);
    expect(holdsSecret(file)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes('encrypting'))).toEqual([]);
    const backups = fs.readdirSync(path.join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/before-upgrade\.sqlite$/);
    const b = path.join(dir, 'backups', backups[0]);
    expect(holdsSecret(b)).toBe(false);
    const copy = openDatabase(b, KEY, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM pupils').pluck().get()).toBe(2);
    copy.close();
  });

  it('the command line reads the key from --key-file (final newline removed) or ATTENDANCE_DB_KEY', () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    const keyFile = path.join(dir, 'db.key');
    fs.writeFileSync(keyFile, `  ${KEY}\n`);
    const made = cli(['init', '--db', db, '--school', 'Keyed School', '--key-file', keyFile]);
    expect(made.code).toBe(0);
    expect(made.err).toBe('');
    expect(isPlainDatabase(db)).toBe(false);

    const missing = cli(['pupils', '--db', db, '--json']);
    expect(missing.code).toBe(1);
    expect(missing.out).toBe('');
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toMatch(/is encrypted/);

    process.env.ATTENDANCE_DB_KEY = 'a wrong key of some length';
    expect(cli(['pupils', '--db', db, '--json']).err).toMatch(/key does not open/);
    process.env.ATTENDANCE_DB_KEY = `${KEY}\n`;
    const viaEnv = cli(['pupils', '--db', db, '--json']);
    expect(viaEnv.code).toBe(0);
    expect(JSON.parse(viaEnv.out)).toEqual({ pupils: [] });
    delete process.env.ATTENDANCE_DB_KEY;
    expect(cli(['pupils', '--db', db, '--json', '--key-file', keyFile]).code).toBe(0);

    fs.writeFileSync(keyFile, 'short\n');
    const short = cli(['pupils', '--db', db, '--key-file', keyFile]);
    expect(short.code).toBe(1);
    expect(short.err).toMatch(/too short/);
  });

  it('an unencrypted copy only by the administrator, checked and audited', () => {
    const { dir, store } = encryptedSchool();
    const to = path.join(dir, 'plain-export.sqlite');
    const office = dispatch(
      store,
      'backups.exportUnencrypted',
      { to },
      { ...STAFF_SESSION, roles: ['office'] },
    );
    expect(!office.ok && office.error.kind).toBe('forbidden');
    expect(fs.existsSync(to)).toBe(false);
    const r = ok(store, 'backups.exportUnencrypted', { to }, { ...STAFF_SESSION, roles: ['admin'] });
    expect(isPlainDatabase(to)).toBe(true);
    expect(holdsSecret(to)).toBe(true);
    expect(r.rows).toBeGreaterThan(0);
    const audit = store.db
      .prepare("SELECT actor, detail FROM audit_log WHERE action = 'export.unencrypted'")
      .all() as { actor: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail)).toEqual({ to, rows: r.rows });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    store.db.close();
  });

  it('init without a key makes a plain database and says so on stderr', () => {
    const db = path.join(tempDir(), 'plain.sqlite');
    const r = cli(['init', '--db', db, '--school', 'Plain School']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/is not encrypted/);
    expect(isPlainDatabase(db)).toBe(true);
  });
});
