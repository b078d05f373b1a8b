// Automatic backups and restore (docs/data-safety.md) on real files: the schedule (first start of the day, then
// every few hours), the kinds and the rotation, a disk too small leaving nothing, no backup of a damaged store, the
// backups/restore commands, and a restore drill that puts yesterday's backup into a fresh folder and compares
// every table.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../main/core/db/connection';
import { openDatabase } from '../../main/core/db/cipher';
import { backupIntoFolder, runScheduledBackup } from '../../main/core/backups/schedule';
import { listBackups } from '../../main/core/backups/backup';
import { toRemove } from '../../main/core/backups/rotation';
import { dispatch } from '../../main/core/dispatch';
import type { BackupEntry } from '../../shared/channels/backups';
import { cli } from '../helpers/cli';
import {
  ok,
  PUPIL_HEADER,
  pupilRow,
  rowCount,
  setupSchool,
  STAFF_SESSION,
  tableRows,
  tempDir,
} from '../helpers/store';

const KEY = 'backup test key, long enough';
const ADMIN = { ...STAFF_SESSION, roles: ['admin' as const] };

function school(key: string | null = null) {
  const dir = tempDir();
  const store = openStore(path.join(dir, 'school.sqlite'), { key });
  setupSchool(store);
  const rows = Array.from({ length: 12 }, (_, i) => pupilRow(i + 1)).join('\n');
  ok(store, 'pupils.import', { csv: `${PUPIL_HEADER}\n${rows}\n` });
  return { dir, store, folder: path.join(dir, 'backups') };
}

/** Every table's rows, in a fixed order (test/helpers/store.ts): what a restore must give back exactly. */
function dump(db: Store['db'], skip: string[] = []): Record<string, unknown[]> {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(names.filter((n) => !skip.includes(n)).map((n) => [n, tableRows(db, n)]));
}

const at = (s: string) => new Date(s);
const entry = (file: string, takenAt: string, kind: BackupEntry['kind'] = 'daily'): BackupEntry => ({
  file,
  takenAt: at(takenAt).toISOString(),
  bytes: 1,
  kind,
  checked: true,
  chainHead: null,
});

describe('automatic backups', () => {
  it('one at the first start of a day, then again only after the configured hours', () => {
    const { store, folder } = school();
    ok(
      store,
      'backups.configure',
      { folder, everyHours: 3, keepDaily: 14, keepWeekly: 8, keepMonthly: 12, keepYearly: 6 },
      ADMIN,
    );
    expect(runScheduledBackup(store, at('2026-03-02T08:00:00'))?.kind).toBe('yearly');
    expect(runScheduledBackup(store, at('2026-03-02T10:00:00'))).toBeNull();
    expect(runScheduledBackup(store, at('2026-03-02T11:30:00'))?.kind).toBe('daily');
    expect(runScheduledBackup(store, at('2026-03-03T07:50:00'))?.kind).toBe('daily');
    expect(runScheduledBackup(store, at('2026-03-09T08:00:00'))?.kind).toBe('weekly');
    expect(runScheduledBackup(store, at('2026-04-01T08:00:00'))?.kind).toBe('monthly');
    const list = listBackups(folder);
    // the second backup of 2 March is not the first of its day, so the rotation removed it once that day was over
    expect(list.map((b) => b.kind)).toEqual(['monthly', 'weekly', 'daily', 'yearly']);
    expect(list.every((b) => b.checked && b.bytes > 0)).toBe(true);
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(rowCount(store, "audit_log WHERE action = 'backup'")).toBe(5);
    expect(fs.readdirSync(folder)).toHaveLength(8);
    store.db.close();
  });

  it('rotation keeps today, the first of the newest N days, weeks, months and years', () => {
    const list = [
      entry('a', '2026-01-01T08:00:00', 'yearly'),
      entry('b', '2026-01-02T08:00:00'),
      entry('c', '2026-01-05T08:00:00', 'weekly'),
      entry('d', '2026-01-06T08:00:00'),
      entry('e', '2026-01-07T08:00:00'),
      entry('f', '2026-02-01T08:00:00', 'monthly'),
      entry('g', '2026-02-02T08:00:00', 'weekly'),
      entry('h', '2026-02-03T08:00:00'),
      entry('i', '2026-02-03T12:00:00'),
      entry('m', '2025-06-01T08:00:00', 'manual'),
    ];
    const settings = {
      folder: null,
      everyHours: 4,
      keepDaily: 2,
      keepWeekly: 1,
      keepMonthly: 1,
      keepYearly: 1,
    };
    expect(toRemove(list, settings, at('2026-02-03T13:00:00')).map((e) => e.file)).toEqual([
      'b',
      'c',
      'd',
      'e',
    ]);
  });

  it('the rotation removes old automatic backups from the folder, with their manifests', () => {
    const { store, folder } = school();
    ok(
      store,
      'backups.configure',
      { folder, everyHours: 4, keepDaily: 2, keepWeekly: 0, keepMonthly: 0, keepYearly: 0 },
      ADMIN,
    );
    for (const d of ['2026-05-04', '2026-05-05', '2026-05-06', '2026-05-07']) {
      runScheduledBackup(store, at(`${d}T08:00:00`));
    }
    expect(listBackups(folder).map((b) => b.takenAt.slice(0, 10))).toEqual(['2026-05-07', '2026-05-06']);
    expect(fs.readdirSync(folder)).toHaveLength(4);
    store.db.close();
  });

  it('a disk too small for the backup leaves no file at all; a damaged store is not backed up', () => {
    const { store, folder } = school();
    expect(() => backupIntoFolder(store, 'x', { space: () => ({ free: 4096, total: 1e9 }) })).toThrow(
      /not enough free space|disk is full/,
    );
    expect(fs.existsSync(folder) ? fs.readdirSync(folder) : []).toEqual([]);
    store.health = { ok: false, problems: ['page 3 is damaged'], check: 'quick', checkedAt: '' };
    expect(runScheduledBackup(store, at('2026-05-04T08:00:00'))).toBeNull();
    const r = dispatch(store, 'backups.run', {}, ADMIN);
    expect(!r.ok && r.error.message).toMatch(/No backup was taken/);
    expect(fs.existsSync(folder) ? fs.readdirSync(folder) : []).toEqual([]);
    store.db.close();
  });
});

describe('restore', () => {
  it("drill: yesterday's encrypted backup restored by the command line into a fresh folder holds every row", () => {
    const { dir, store, folder } = school(KEY);
    const expected = dump(store.db); // the backup's own audit row is written after its snapshot
    const yesterday = runScheduledBackup(store, at('2026-06-01T08:00:00'))!;
    ok(store, 'calendar.addRange', {
      dateFrom: '2026-01-05',
      dateTo: '2026-02-13',
      kind: 'term',
      label: 'Spring 1',
    });
    store.db.close();
    const keyFile = path.join(dir, 'key.txt');
    fs.writeFileSync(keyFile, `${KEY}\n`);

    const listed = cli(['backups', '--db', store.path, '--key-file', keyFile, '--json']);
    expect(listed.code).toBe(0);
    const json = JSON.parse(listed.out) as { folder: string; backups: BackupEntry[] };
    expect(json.folder).toBe(folder);
    expect(json.backups).toEqual([yesterday]);

    const fresh = path.join(tempDir(), 'restored', 'school.sqlite');
    fs.mkdirSync(path.dirname(fresh));
    const r = cli([
      'restore',
      '--db',
      fresh,
      '--from',
      path.join(folder, yesterday.file),
      '--key-file',
      keyFile,
    ]);
    expect(r.code).toBe(0);
    const db = openDatabase(fresh, KEY, { readonly: true });
    const got = dump(db);
    db.close();
    // The restore itself is the one new row: its audit entry, and that entry's link in the hash chain.
    expect(got.audit_log.slice(0, -1)).toEqual(expected.audit_log);
    expect(got.chain_links.slice(0, -1)).toEqual(expected.chain_links);
    expect({ ...got, audit_log: [], chain_links: [] }).toEqual({
      ...expected,
      audit_log: [],
      chain_links: [],
    });
  });

  it('from the app: the administrator restores a listed backup, the current file is kept aside, all audited', () => {
    const { dir, store } = school(KEY);
    const b = ok(store, 'backups.run', {}, ADMIN);
    ok(store, 'calendar.addRange', {
      dateFrom: '2026-01-05',
      dateTo: '2026-02-13',
      kind: 'term',
      label: 'Spring 1',
    });
    const ranges = rowCount(store, 'calendar_ranges');
    const r = ok(store, 'backups.restore', { file: b.file }, ADMIN);
    expect(fs.existsSync(r.keptAside)).toBe(true);
    expect(path.dirname(r.keptAside)).toBe(dir);
    expect(rowCount(store, 'calendar_ranges')).toBe(ranges - 1);
    expect(rowCount(store, "audit_log WHERE action = 'restore'")).toBe(1);
    const aside = openDatabase(r.keptAside, KEY, { readonly: true });
    expect(aside.prepare('SELECT count(*) FROM calendar_ranges').pluck().get()).toBe(ranges);
    aside.close();
    const office = dispatch(store, 'backups.restore', { file: b.file }, STAFF_SESSION);
    expect(office.ok).toBe(true); // STAFF_SESSION includes admin; an office-only caller is refused:
    const officeOnly = dispatch(
      store,
      'backups.restore',
      { file: b.file },
      { ...STAFF_SESSION, roles: ['office'] },
    );
    expect(!officeOnly.ok && officeOnly.error.kind).toBe('forbidden');
    store.db.close();
  });

  it('a backup that fails its check, or a name outside the folder, changes nothing', () => {
    const { dir, store, folder } = school();
    const b = ok(store, 'backups.run', {}, ADMIN);
    const file = path.join(folder, b.file);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 3000] ^= 0xff;
    bytes[4096] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const ranges = rowCount(store, 'calendar_ranges');
    const r = dispatch(store, 'backups.restore', { file: b.file }, ADMIN);
    expect(r.ok).toBe(false);
    expect(dispatch(store, 'backups.restore', { file: '../school.sqlite' }, ADMIN).ok).toBe(false);
    expect(
      fs.readdirSync(dir).filter((f) => f.includes('before-restore') || f.includes('restoring')),
    ).toEqual([]);
    expect(rowCount(store, 'calendar_ranges')).toBe(ranges);
    store.db.close();
    const c = cli(['restore', '--db', store.path, '--from', file]);
    expect(c.code).toBe(1);
    expect(fs.readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);
  });
});
