// The backup folder, settings and schedule (docs/data-safety.md, "Backups"): an automatic backup at the first start
// of each day and every few hours while the app is open, each preceded by the full integrity check, then the
// rotation. The desktop shell and browser mode call startBackupSchedule once after opening the store. The same tick
// opens the day's children-missing-education cases, once a day (main/core/arrangements/cme-auto.ts).
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Store } from '../db/connection';
import { backupSettings } from '../db/schema-backups';
import { localToday, makeCtx } from '../context';
import { runDailyCmeCheck } from '../arrangements/cme-auto';
import type { BackupEntry, BackupSettings } from '../../../shared/channels/backups';
import { backupFileName, backupTo, listBackups, removeLeftovers, type BackupOptions } from './backup';
import { DEFAULT_SETTINGS, isDue, kindFor, toRemove } from './rotation';

export const SCHEDULE_SESSION = { userName: 'automatic backup', position: 'the app', roles: [] };

export function readBackupSettings(store: Store): BackupSettings {
  try {
    const row = store.orm.select().from(backupSettings).where(eq(backupSettings.id, 1)).get();
    return row
      ? {
          folder: row.folder,
          everyHours: row.everyHours,
          keepDaily: row.keepDaily,
          keepWeekly: row.keepWeekly,
          keepMonthly: row.keepMonthly,
          keepYearly: row.keepYearly,
        }
      : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS; // a damaged file at an older schema: the defaults still find the backups
  }
}

export function writeBackupSettings(store: Store, s: BackupSettings, by: string): void {
  const row = { ...s, id: 1, updatedAt: new Date().toISOString(), updatedBy: by };
  store.orm
    .insert(backupSettings)
    .values(row)
    .onConflictDoUpdate({ target: backupSettings.id, set: row })
    .run();
}

/** The chosen folder, or the "backups" folder beside the database. */
export function backupFolder(store: Store, settings = readBackupSettings(store)): string {
  return settings.folder ?? path.join(path.dirname(path.resolve(store.path)), 'backups');
}

export function sameDisk(store: Store, folder: string): boolean {
  let dir = path.resolve(folder);
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) {
    dir = path.dirname(dir);
  }
  return fs.statSync(dir).dev === fs.statSync(path.dirname(path.resolve(store.path))).dev;
}

/** Takes a backup into the folder (automatic kinds by the calendar, or manual), audits it and rotates. */
export function backupIntoFolder(
  store: Store,
  actor: string,
  opts: BackupOptions & { automatic?: boolean } = {},
): BackupEntry {
  const settings = readBackupSettings(store);
  const folder = backupFolder(store, settings);
  const now = opts.now ?? new Date();
  removeLeftovers(folder);
  const kind = opts.automatic ? kindFor(listBackups(folder), now) : 'manual';
  const { path: written, ...entry } = backupTo(
    store,
    path.join(folder, backupFileName(store.path, kind, now)),
    {
      ...opts,
      kind,
      now,
    },
  );
  const removed = toRemove(listBackups(folder), settings, now);
  for (const e of removed) {
    fs.rmSync(path.join(folder, e.file), { force: true });
    fs.rmSync(path.join(folder, `${e.file}.json`), { force: true });
  }
  makeCtx(store, { ...SCHEDULE_SESSION, userName: actor }).audit('backup', 'database', null, {
    file: written,
    kind,
    bytes: entry.bytes,
    rotatedOut: removed.map((e) => e.file),
  });
  return entry;
}

/** One tick of the schedule: a backup when one is due and the store is sound. Never throws. */
export function runScheduledBackup(store: Store, now = new Date()): BackupEntry | null {
  try {
    if (!store.health.ok) {
      return null;
    }
    const settings = readBackupSettings(store);
    if (!isDue(listBackups(backupFolder(store, settings)), now, settings.everyHours)) {
      return null;
    }
    return backupIntoFolder(store, SCHEDULE_SESSION.userName, { automatic: true, now });
  } catch (e) {
    process.stderr.write(`Automatic backup failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return null;
  }
}

/** Runs the schedule now and then every ten minutes; returns the function that stops it. */
export function startBackupSchedule(store: Store, everyMs = 10 * 60_000): () => void {
  const tick = () => {
    runScheduledBackup(store);
    runDailyCmeCheck(store, localToday()); // the same tick opens the day's CME cases (docs/rules/arrangements.md)
  };
  tick();
  const t = setInterval(tick, everyMs);
  t.unref();
  return () => clearInterval(t);
}
