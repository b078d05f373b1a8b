// The commands that look after the database file itself (docs/cli.md, docs/data-safety.md): backup, backups,
// restore, verify and rebuild-tallies.
import { openStore } from '../core/db/connection';
import { makeCtx } from '../core/context';
import { backupTo, listBackups } from '../core/backups/backup';
import { backupFolder } from '../core/backups/schedule';
import { restoreFile } from '../core/backups/restore';
import { verifyStore, verifyProblems } from '../core/trust/verify';
import { rebuildTallies, tallyMismatches } from '../core/registers/tallies';
import { plural } from '../../shared/names';
import { progressBar } from './progress';
import {
  CLI_SESSION,
  COMMON,
  UsageError,
  type Command,
  type CommandArgs,
  type FileArgs,
} from './command-kit';

function backupCommand({ v, store, ctx, emit }: CommandArgs): number {
  if (!v.to) {
    throw new UsageError('--to FILE is required');
  }
  const r = backupTo(store, v.to as string);
  ctx.audit('backup', 'database', null, { kind: 'manual', to: r.path, bytes: r.bytes });
  emit(`Backed up to ${r.path} (${r.bytes} bytes), checked.`, { ok: true, ...r });
  return 0;
}

function backupsCommand({ v, store, io }: CommandArgs): number {
  const folder = backupFolder(store);
  const backups = listBackups(folder);
  if (v.json) {
    io.out(JSON.stringify({ folder, backups }) + '\n');
  } else {
    io.out(`Backups in ${folder}:\n`);
    for (const b of backups) {
      io.out(`${b.takenAt}\t${b.kind}\t${b.bytes}\t${b.checked ? 'checked' : 'NOT checked'}\t${b.file}\n`);
    }
  }
  return 0;
}

/** restore does not open the current file first: a damaged one may not open at all (docs/data-safety.md). */
function restoreCommand({ db, v, key, emit }: FileArgs): number {
  const from = v.from;
  if (typeof from !== 'string') {
    throw new UsageError('--from BACKUP is required');
  }
  const r = restoreFile(db, from, key);
  const store = openStore(db, { create: false, key });
  try {
    makeCtx(store, CLI_SESSION).audit('restore', 'database', null, { from, keptAside: r.keptAside });
  } finally {
    store.db.close();
  }
  emit(r.keptAside, { ok: true, restoredFrom: from, keptAside: r.keptAside });
  return 0;
}

/** verify (docs/cli.md): every check; problems on stderr, the first broken row of a chain named in words. */
function verifyCommand({ v, store, io }: CommandArgs): number {
  const r = verifyStore(store.db);
  for (const p of verifyProblems(r)) {
    io.err(`${p}\n`);
  }
  if (v.json === true) {
    const { ok, integrity, foreignKeys, schema, chains } = r;
    io.out(JSON.stringify({ ok, integrity, foreignKeys, schema, chains }) + '\n');
  } else {
    for (const c of r.chains) {
      io.out(`${c.name}: ${plural(c.rows, 'link')}, ${c.firstBroken ? 'BROKEN' : 'intact'}\n`);
    }
    io.out(`Chain head: ${r.chainHead ?? 'none'}\n`);
    io.out(
      r.ok ? 'Verified: integrity, foreign keys, schema and chains are clean.\n' : 'NOT clean: see above.\n',
    );
  }
  return r.ok ? 0 : 1;
}

/** rebuild-tallies (docs/cli.md): the weekly tallies recounted from the marks, with a progress bar on stderr. */
function rebuildTalliesCommand({ store, io, emit }: CommandArgs): number {
  const before = tallyMismatches(store.db);
  const bar = progressBar(io, 'Recounting pupils');
  const tallies = rebuildTallies(store.db, bar.step);
  bar.end();
  makeCtx(store, CLI_SESSION).audit('rebuild-tallies', 'database', null, { tallies, mended: before });
  const r = { ok: true, tallies, mended: before };
  const rebuilt = plural(tallies, 'weekly tally', 'weekly tallies');
  const wrong = plural(before, 'tally', 'tallies');
  emit(`Rebuilt ${rebuilt} from the marks (${wrong} had been wrong).`, r);
  return 0;
}

export const STORE_COMMANDS: Record<string, Command> = {
  backup: { options: { ...COMMON, to: { type: 'string' } }, run: backupCommand },
  backups: { options: COMMON, run: backupsCommand },
  restore: { options: { ...COMMON, from: { type: 'string' } }, runOnFile: restoreCommand },
  verify: { options: COMMON, run: verifyCommand },
  'rebuild-tallies': { options: COMMON, run: rebuildTalliesCommand },
};
