// The one-time conversion of a plain database to an encrypted one (docs/data-safety.md, "Encryption"). The plain
// file is copied (VACUUM INTO), the copy is encrypted in place (rekey) and checked table by table against the
// original, an encrypted before-upgrade backup of it is written and checked, and only then does the encrypted
// file replace the plain one with an atomic rename. Until that rename the plain file is untouched.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, openDatabase, type Db } from './cipher';
import { AppError } from '../errors';
import { fullCheck, type StoreHealth } from './health';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Row counts of every table: the cheap whole-file comparison of a copy with its original. */
export function tableCounts(db: Db): Record<string, number> {
  const names = db
    .prepare<[], string>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all();
  const out: Record<string, number> = {};
  for (const n of names) {
    // count(*) without GROUP BY: always one row, hence the `!`.
    out[n] = db
      .prepare<[], number>(`SELECT count(*) FROM "${n.replace(/"/g, '""')}"`)
      .pluck()
      .get()!;
  }
  return out;
}

const problemsOf = (db: Db) => fullCheck(db).problems;

export function stamp(d = new Date()): string {
  return d.toISOString().replace(/[:.]/g, '-').slice(0, 19);
}

/**
 * Encrypts `file` with `key`; the encrypted before-upgrade copy is written into `backupDir`. A file that fails its
 * full check is not converted (a damaged file is never rewritten): its health is returned and it opens read-only.
 */
export function encryptPlainFile(
  file: string,
  key: string,
  backupDir = path.join(path.dirname(path.resolve(file)), 'backups'),
): { backup: string } | { damaged: StoreHealth } {
  const tmp = `${file}.encrypting`;
  fs.rmSync(tmp, { force: true });
  const src = openDatabase(file, null, { fileMustExist: true });
  let backup: string;
  try {
    const health = fullCheck(src);
    if (!health.ok) {
      src.close();
      return { damaged: health };
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
      if (problemsOf(db).length || JSON.stringify(tableCounts(db)) !== JSON.stringify(counts)) {
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
