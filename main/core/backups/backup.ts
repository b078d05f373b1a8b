// Backups (docs/data-safety.md, "Backups"). A live database is copied with VACUUM INTO (a consistent snapshot,
// never a file copy; encrypted with the store's key), the copy is opened and fully checked before it gets its
// name, and a manifest beside it (no pupil data: date, kind, size, check result, chain head, row counts) lets the
// folder be listed without opening every backup. A failure leaves no file behind, and a backup never fills the
// disk that holds the live database.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/cipher';
import type { Db, Store } from '../db/connection';
import { tableCounts, stamp } from '../db/encrypt-plain';
import { damagedMessage, fullCheck } from '../db/health';
import { AppError } from '../errors';
import { networkShareReason } from '../paths';
import { BACKUP_KINDS, type BackupEntry, type BackupKind } from '../../../shared/channels/backups';

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

export interface Manifest extends Omit<BackupEntry, 'file'> {
  schema: number;
  encrypted: boolean;
  tables: Record<string, number>;
}

/** The head of the statutory hash chains, printed in every manifest; set by the chains' module when present. */
let chainHeadReader: (db: Db) => string | null = () => null;
export function setChainHeadReader(read: (db: Db) => string | null): void {
  chainHeadReader = read;
}

export interface BackupOptions {
  kind?: BackupKind;
  now?: Date;
  /** Free and total bytes of the disk holding `dir` (tests pass a small disk). */
  space?: (dir: string) => { free: number; total: number };
}

function diskSpace(dir: string): { free: number; total: number } {
  const s = fs.statfsSync(dir);
  return { free: s.bavail * s.bsize, total: s.blocks * s.bsize };
}

/** Refuses a backup that would not fit, or that would leave the database's own disk nearly full. */
function checkSpace(db: Db, dbPath: string, dir: string, space: BackupOptions['space']): void {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const used =
    ((db.pragma('page_count', { simple: true }) as number) -
      (db.pragma('freelist_count', { simple: true }) as number)) *
    pageSize;
  const need = Math.ceil(used * 1.1) + 1024 * 1024;
  const { free, total } = (space ?? diskSpace)(dir);
  const sameDisk =
    dbPath !== ':memory:' && fs.statSync(dir).dev === fs.statSync(path.dirname(path.resolve(dbPath))).dev;
  const reserve = sameDisk ? Math.max(total * 0.1, 200 * 1024 * 1024) : 0;
  if (free - need < reserve) {
    throw new AppError(
      'refused',
      sameDisk
        ? 'There is not enough free space for a backup on the disk that holds the database ' +
            `(it needs ${Math.ceil(need / 1e6)} MB and leaves room for the database to grow). ` +
            'Choose a backup folder on another disk, or free some space.'
        : `The backup folder's disk is full (the backup needs ${Math.ceil(need / 1e6)} MB). ` +
            'Free some space there or choose another folder.',
    );
  }
}

/** Writes a checked backup of the live store to `target` (never overwriting); returns its list entry. */
export function backupTo(
  store: Store,
  target: string,
  opts: BackupOptions = {},
): BackupEntry & { path: string } {
  const db = store.db;
  if (!store.health.ok) {
    throw new AppError('refused', `No backup was taken. ${damagedMessage(store.health)}`);
  }
  const health = fullCheck(db);
  if (!health.ok) {
    store.health = health;
    throw new AppError('refused', `No backup was taken. ${damagedMessage(health)}`);
  }
  const abs = path.resolve(target);
  const share = networkShareReason(abs) !== null;
  if (fs.existsSync(abs)) {
    throw new AppError(
      'conflict',
      `${target} already exists; choose a new file name (a backup never overwrites).`,
    );
  }
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  if (!share) {
    checkSpace(db, store.path, path.dirname(abs), opts.space);
  }
  const tmp = `${abs}.partial`;
  fs.rmSync(tmp, { force: true });
  try {
    db.exec(`VACUUM INTO '${tmp.replace(/'/g, "''")}'`);
    const manifest = checkCopy(store, tmp, opts);
    const fd = fs.openSync(tmp, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, abs);
    const bytes = fs.statSync(abs).size;
    writeManifest(abs, { ...manifest, bytes });
    const { takenAt, kind, checked, chainHead } = manifest;
    return { path: abs, file: path.basename(abs), takenAt, bytes, kind, checked, chainHead };
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (/SQLITE_FULL|database or disk is full|ENOSPC/.test(`${(e as { code?: string }).code} ${String(e)}`)) {
      throw new AppError(
        'refused',
        'The disk filled up while the backup was written; the partial copy was removed. Free some space or choose another folder.',
      );
    }
    throw e;
  }
}

/** Opens the copy with the store's key, fully checks it and reads what the manifest records. */
function checkCopy(store: Store, tmp: string, opts: BackupOptions): Omit<Manifest, 'bytes'> {
  const copy = openDatabase(tmp, store.key, { readonly: true, fileMustExist: true });
  try {
    const report = verifyDb(copy);
    const schema = copy.pragma('user_version', { simple: true }) as number;
    if (!report.ok || schema !== (store.db.pragma('user_version', { simple: true }) as number)) {
      throw new AppError('internal', 'The backup copy failed its check and was removed.');
    }
    return {
      takenAt: (opts.now ?? new Date()).toISOString(),
      kind: opts.kind ?? 'manual',
      checked: true,
      chainHead: chainHeadReader(copy),
      schema,
      encrypted: store.key !== null,
      tables: tableCounts(copy),
    };
  } finally {
    copy.close();
  }
}

function writeManifest(file: string, m: Manifest): void {
  fs.writeFileSync(`${file}.json.partial`, JSON.stringify(m, null, 2) + '\n');
  fs.renameSync(`${file}.json.partial`, `${file}.json`);
}

export function readManifest(file: string): Manifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as Manifest;
    return BACKUP_KINDS.includes(m.kind) && typeof m.takenAt === 'string' ? m : null;
  } catch {
    return null;
  }
}

/** The backups in a folder, newest first. A .sqlite file put there by hand is listed as manual and unchecked. */
export function listBackups(folder: string): BackupEntry[] {
  if (!fs.existsSync(folder)) {
    return [];
  }
  const out: BackupEntry[] = [];
  for (const name of fs.readdirSync(folder)) {
    if (!name.endsWith('.sqlite')) {
      continue;
    }
    const file = path.join(folder, name);
    const m = readManifest(file);
    const st = fs.statSync(file);
    out.push({
      file: name,
      takenAt: m?.takenAt ?? st.mtime.toISOString(),
      bytes: st.size,
      kind: m?.kind ?? 'manual',
      checked: m !== null && m.checked && m.bytes === st.size,
      chainHead: m?.chainHead ?? null,
    });
  }
  return out.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.file.localeCompare(a.file));
}

/** The file name of a backup in the folder: the database's name, the time taken, the kind. */
export function backupFileName(dbPath: string, kind: BackupKind, now = new Date()): string {
  return `${path.basename(dbPath, '.sqlite')}-${stamp(now)}-${kind}.sqlite`;
}

/** Partial files a killed backup left behind (the next backup removes them). */
export function removeLeftovers(folder: string): void {
  if (fs.existsSync(folder)) {
    for (const name of fs.readdirSync(folder)) {
      if (name.endsWith('.partial')) {
        fs.rmSync(path.join(folder, name), { force: true });
      }
    }
  }
}

/** The default backup file: a backups folder next to the database, named by date and time. */
export function defaultBackupPath(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups', backupFileName(dbPath, 'manual'));
}

export { networkShareReason };
