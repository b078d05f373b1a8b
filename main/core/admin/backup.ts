// Backups and checks. A live database is copied with VACUUM INTO (a consistent snapshot, never a file copy),
// then the copy is opened and checked before it is reported as good.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/cipher';
import type { Db, Store } from '../db/connection';
import { AppError } from '../errors';
import { networkShareReason } from '../paths';

export interface VerifyReport {
  integrity: string[];
  foreignKeys: number;
  ok: boolean;
}

export function verifyDb(db: Db): VerifyReport {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
    (r) => r.integrity_check,
  );
  const foreignKeys = (db.pragma('foreign_key_check') as unknown[]).length;
  return { integrity, foreignKeys, ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeys === 0 };
}

export function backupTo(store: Store, target: string): { path: string; bytes: number } {
  const db = store.db;
  const abs = path.resolve(target);
  if (fs.existsSync(abs)) {
    throw new AppError(
      'conflict',
      `${target} already exists; choose a new file name (a backup never overwrites).`,
    );
  }
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.partial`;
  fs.rmSync(tmp, { force: true });
  db.exec(`VACUUM INTO '${tmp.replace(/'/g, "''")}'`);
  const copy = openDatabase(tmp, store.key, { readonly: true, fileMustExist: true });
  let report: VerifyReport;
  let version: number;
  try {
    report = verifyDb(copy);
    version = copy.pragma('user_version', { simple: true }) as number;
  } finally {
    copy.close();
  }
  if (!report.ok || version !== (db.pragma('user_version', { simple: true }) as number)) {
    fs.rmSync(tmp, { force: true });
    throw new AppError('internal', 'The backup copy failed its check and was removed.');
  }
  fs.renameSync(tmp, abs);
  return { path: abs, bytes: fs.statSync(abs).size };
}

/** The default backup file: a backups folder next to the database, named by date and time. */
export function defaultBackupPath(dbPath: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return path.join(
    path.dirname(path.resolve(dbPath)),
    'backups',
    `${path.basename(dbPath, '.sqlite')}-${stamp}.sqlite`,
  );
}

export { networkShareReason };
