// Handlers of the backups channels (shared/channels/backups.ts).
import path from 'node:path';
import type { HandlersFor } from '../dispatch';
import type { backupsChannels } from '../../../shared/channels/backups';
import type { Store } from '../db/connection';
import { damagedMessage } from '../db/health';
import { AppError } from '../errors';
import { backupTo, defaultBackupPath, listBackups, verifyDb } from './backup';
import {
  backupFolder,
  backupIntoFolder,
  readBackupSettings,
  sameDisk,
  writeBackupSettings,
} from './schedule';
import { restoreLive } from './restore';
import { exportUnencrypted } from './export-plain';

function health(store: Store) {
  const h = store.health;
  return { ok: h.ok, message: h.ok ? null : damagedMessage(h), checkedAt: h.checkedAt };
}

export const backupsHandlers: HandlersFor<keyof typeof backupsChannels> = {
  'backups.copyTo': (ctx, i) => {
    const r = backupTo(ctx.store, i.to ?? defaultBackupPath(ctx.store.path));
    return { path: r.path, bytes: r.bytes };
  },
  'backups.verify': (ctx) => verifyDb(ctx.store.db),
  'backups.health': (ctx) => health(ctx.store),
  'backups.status': (ctx) => {
    const settings = readBackupSettings(ctx.store);
    const folder = backupFolder(ctx.store, settings);
    return {
      folder,
      settings,
      sameDiskAsDatabase: sameDisk(ctx.store, folder),
      backups: listBackups(folder),
      health: health(ctx.store),
    };
  },
  'backups.configure': (ctx, i) => {
    if (i.folder !== null && !path.isAbsolute(i.folder)) {
      throw new AppError(
        'invalid',
        'Give the backup folder as a full path (for example E:\\Attendance backups).',
      );
    }
    writeBackupSettings(ctx.store, i, ctx.session.userName);
    ctx.audit('backup.settings', 'backup_settings', 1, i);
    return { ok: true };
  },
  'backups.run': (ctx) => backupIntoFolder(ctx.store, ctx.session.userName),
  'backups.restore': (ctx, i) => {
    const folder = backupFolder(ctx.store);
    const entry = listBackups(folder).find((b) => b.file === i.file);
    if (!entry || path.basename(i.file) !== i.file) {
      throw new AppError('not_found', `There is no backup called ${i.file} in ${folder}.`);
    }
    const r = restoreLive(ctx.store, path.join(folder, entry.file), ctx.session.userName);
    return { restoredFrom: entry.file, keptAside: r.keptAside };
  },
  'backups.exportUnencrypted': (ctx, i) => exportUnencrypted(ctx, i.to),
};
