// The one-time conversion of a plain database to an encrypted one (docs/data-safety.md, "Encryption"). The plain
// file is copied (VACUUM INTO), the copy is encrypted in place (rekey) and checked table by table against the
// original, an encrypted before-upgrade backup of it is written and checked, and only then does the encrypted
// file replace the plain one with an atomic rename. Until that rename the plain file is untouched.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, openDatabase, type Db } from './cipher';
import { AppError } from '../errors';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Row counts of every table: the cheap whole-file comparison of a copy with its original. */
export function tableCounts(db: Db): Record<string, number> {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: Record<string, number> = {};
  for (const n of names) {
    out[n] = db
      .prepare(`SELECT count(*) FROM "${n.replace(/"/g, '""')}"`)
      .pluck()
      .get() as number;
  }
  return out;
}

function fullCheck(db: Db): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
}

export function stamp(d = new Date()): string {
  return d.toISOString().replace(/[:.]/g, '-').slice(0, 19);
}

/** Encrypts `file` with `key`; the encrypted before-upgrade copy is written into `backupDir`. */
export function encryptPlainFile(
  file: string,
  key: string,
  backupDir = path.join(path.dirname(path.resolve(file)), 'backups'),
): { backup: string } {
  const tmp = `${file}.encrypting`;
  fs.rmSync(tmp, { force: true });
  const src = openDatabase(file, null, { fileMustExist: true });
  let backup: string;
  try {
    const problems = fullCheck(src);
    if (problems.length) {
      throw new AppError(
        'refused',
        `${file} failed its integrity check, so it was not encrypted: ${problems.slice(0, 3).join('; ')}. Restore a backup with "restore".`,
      );
    }
    const counts = tableCounts(src);
    src.exec(`VACUUM INTO ${quote(tmp)}`);
    const copy = new Database(tmp, { fileMustExist: true });
    try {
      copy.pragma(`cipher = 'sqlcipher'`);
      copy.pragma('legacy = 4');
      copy.pragma(`rekey = ${quote(key)}`);
    } finally {
      copy.close();
    }
    backup = checkedBackupOf(tmp, key, counts, backupDir, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    src.close();
    throw e;
  }
  src.close();
  if (fs.existsSync(`${file}-wal`)) {
    fs.rmSync(tmp, { force: true });
    throw new AppError('conflict', `${file} is open in another program; close it and start the app again.`);
  }
  fs.renameSync(tmp, file);
  fs.rmSync(`${file}-shm`, { force: true });
  return { backup };
}

/** Opens the encrypted copy with the key, compares it with the original and writes the before-upgrade backup. */
function checkedBackupOf(
  tmp: string,
  key: string,
  counts: Record<string, number>,
  backupDir: string,
  file: string,
): string {
  const check = (f: string) => {
    const db = new Database(f, { readonly: true, fileMustExist: true });
    try {
      applyKey(db, key);
      const problems = fullCheck(db);
      if (problems.length || JSON.stringify(tableCounts(db)) !== JSON.stringify(counts)) {
        throw new AppError(
          'internal',
          `The encrypted copy of ${file} did not match it; nothing was changed.`,
        );
      }
    } finally {
      db.close();
    }
  };
  check(tmp);
  fs.mkdirSync(backupDir, { recursive: true });
  const target = path.join(backupDir, `${path.basename(file, '.sqlite')}-${stamp()}-before-upgrade.sqlite`);
  fs.copyFileSync(tmp, `${target}.partial`);
  try {
    check(`${target}.partial`);
  } catch (e) {
    fs.rmSync(`${target}.partial`, { force: true });
    throw e;
  }
  fs.renameSync(`${target}.partial`, target);
  return target;
}
