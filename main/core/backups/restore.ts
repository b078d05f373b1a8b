// Restore (docs/data-safety.md, "Restore"): a backup is checked in full (opens with the key, integrity, foreign
// keys, a schema this version knows, a school in it), copied beside the database and checked again; then the
// current file (and any WAL) is kept aside under a dated name and the copy takes its place by rename.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/cipher';
import { stamp } from '../db/encrypt-plain';
import { loadMigrations } from '../db/migrate';
import { openStore, type Store } from '../db/connection';
import { makeCtx } from '../context';
import { AppError } from '../errors';
import { verifyDb } from './backup';

function checkBackup(file: string, key: string | null): void {
  if (!fs.existsSync(file)) {
    throw new AppError('not_found', `There is no backup ${file}.`);
  }
  const db = openDatabase(file, key, { readonly: true, fileMustExist: true });
  try {
    const r = verifyDb(db);
    const schema = db.pragma('user_version', { simple: true }) as number;
    const school = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'school'").pluck().get();
    if (!r.ok) {
      throw new AppError(
        'refused',
        `The backup ${file} failed its check (${r.integrity[0]}); nothing was changed.`,
      );
    }
    if (schema > loadMigrations().length || schema === 0 || school !== 1) {
      throw new AppError('refused', `${file} is not a backup this version can restore; nothing was changed.`);
    }
  } finally {
    db.close();
  }
}

/** Replaces the (closed) database file with a checked backup; returns where the current file was kept. */
export function restoreFile(dbPath: string, backup: string, key: string | null): { keptAside: string } {
  checkBackup(backup, key);
  const target = path.resolve(dbPath);
  const incoming = `${target}.restoring`;
  fs.rmSync(incoming, { force: true });
  try {
    fs.copyFileSync(backup, incoming);
    checkBackup(incoming, key);
  } catch (e) {
    fs.rmSync(incoming, { force: true });
    throw e;
  }
  const keptAside = `${target}.before-restore-${stamp()}`;
  if (fs.existsSync(target)) {
    fs.renameSync(target, keptAside);
  }
  for (const ext of ['-wal', '-shm']) {
    if (fs.existsSync(target + ext)) {
      fs.renameSync(target + ext, keptAside + ext);
    }
  }
  fs.renameSync(incoming, target);
  return { keptAside };
}

/** Restore under a live store (the app, browser mode): close, replace, reopen in place, audit. */
export function restoreLive(store: Store, backup: string, actor: string): { keptAside: string } {
  checkBackup(backup, store.key);
  store.db.close();
  let r: { keptAside: string } | undefined;
  try {
    r = restoreFile(store.path, backup, store.key);
  } finally {
    const reopened = openStore(store.path, { create: false, key: store.key });
    Object.assign(store, reopened);
  }
  makeCtx(store, { userName: actor, position: '', roles: [] }).audit('restore', 'database', null, {
    from: backup,
    keptAside: r.keptAside,
  });
  return r;
}
