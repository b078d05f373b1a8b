// The only way to an unencrypted copy (docs/data-safety.md, "Encryption"): an administrator's explicit export,
// audited with who, where and how many rows. The copy is made encrypted (VACUUM INTO), its encryption is removed
// in place, and it is checked before it gets its name; a failure leaves no file.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, removeKey } from '../db/cipher';
import type { Store } from '../db/connection';
import { tableCounts } from '../db/encrypt-plain';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { verifyDb } from './backup';

export function exportUnencrypted(ctx: Ctx, to: string): { path: string; rows: number } {
  const store: Store = ctx.store;
  const abs = path.resolve(to);
  if (!path.isAbsolute(to)) {
    throw new AppError('invalid', 'Give the export file as a full path.');
  }
  if (fs.existsSync(abs)) {
    throw new AppError('conflict', `${to} already exists; choose a new file name.`);
  }
  const tmp = `${abs}.partial`;
  fs.rmSync(tmp, { force: true });
  let rows: number;
  try {
    store.db.exec(`VACUUM INTO '${tmp.replace(/'/g, "''")}'`);
    if (store.key) {
      const copy = openDatabase(tmp, store.key, { fileMustExist: true });
      try {
        removeKey(copy);
      } finally {
        copy.close();
      }
    }
    const check = openDatabase(tmp, null, { readonly: true, fileMustExist: true });
    try {
      if (!verifyDb(check).ok) {
        throw new AppError('internal', 'The unencrypted copy failed its check and was removed.');
      }
      rows = Object.values(tableCounts(check)).reduce((a, b) => a + b, 0);
    } finally {
      check.close();
    }
    fs.renameSync(tmp, abs);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  ctx.audit('export.unencrypted', 'database', null, { to: abs, rows });
  return { path: abs, rows };
}
