// The command line of docs/cli.md: the same core and rules as the app, for the IT technician and for
// automated tools. Exit 0 success; 1 input refused (nothing written; problems on stderr as "line N:
// message"); 2 usage error.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import {
  SchoolSchema,
  type Channel,
  type Input,
  type Issue,
  type Output,
  type Result,
  type Session,
} from '../../shared/contract';
import { openStore, type Store } from '../core/db/connection';
import { dispatch } from '../core/dispatch';
import { AppError } from '../core/errors';
import { auditExport, makeCtx } from '../core/context';
import { createSchool, readSchool } from '../core/school/school.service';
import { exportPupilsJson } from '../core/pupils/pupils.service';
import { backupTo, listBackups } from '../core/backups/backup';
import { verifyStore, verifyProblems } from '../core/trust/verify';
import { backupFolder } from '../core/backups/schedule';
import { restoreFile } from '../core/backups/restore';
import { KEY_ENV, keyFromOptions } from '../core/db/cipher';
import { damagedMessage } from '../core/db/health';
import { createDemoSchool } from '../core/demo/demo';
import { reportPupils } from '../core/reports/report-pupils';
import { timetablesJson } from '../core/arrangements/export';
import { formatPct1 } from '../../shared/statistics';
import { plural } from '../../shared/names';
import { parseInputDate } from '../../shared/dates';
import { rebuildTallies, tallyMismatches } from '../core/registers/tallies';
import { runLettersCli } from './letters';
import { progressBar } from './progress';
import { USAGE } from './usage';
import { runGovernorsCli } from './governors';

export const CLI_SESSION: Session = {
  userName: 'command line',
  position: 'IT technician',
  roles: ['office', 'lead', 'head', 'admin'],
};

class UsageError extends Error {}

function dateOption(v: unknown, name: string): string {
  if (typeof v !== 'string') {
    throw new UsageError(`${name} D is required`);
  }
  const d = parseInputDate(v);
  if (!d) {
    throw new AppError('invalid', `${name} ${v} is not a date (YYYY-MM-DD).`);
  }
  return d;
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Whether stderr is a terminal (a progress bar redraws its line there). */
  tty?: boolean;
}
const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  tty: process.stderr.isTTY === true,
};

function emitter(io: Io, json: boolean) {
  return (human: string, value: unknown) => io.out(json ? JSON.stringify(value) + '\n' : human + '\n');
}

/** restore does not open the current file first: a damaged one may not open at all (docs/data-safety.md). */
function restoreCommand(
  db: string,
  from: unknown,
  key: string | null,
  io: Io,
  emit: (human: string, json: unknown) => void,
): number {
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
function verifyCommand(store: Store, io: Io, json: boolean): number {
  const r = verifyStore(store.db);
  for (const p of verifyProblems(r)) {
    io.err(`${p}\n`);
  }
  if (json) {
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
function rebuildTalliesCommand(store: Store, io: Io, json: boolean): number {
  const before = tallyMismatches(store.db);
  const bar = progressBar(io, 'Recounting pupils');
  const tallies = rebuildTallies(store.db, bar.step);
  bar.end();
  makeCtx(store, CLI_SESSION).audit('rebuild-tallies', 'database', null, { tallies, mended: before });
  const r = { ok: true, tallies, mended: before };
  const rebuilt = plural(tallies, 'weekly tally', 'weekly tallies');
  const wrong = plural(before, 'tally', 'tallies');
  emitter(io, json)(`Rebuilt ${rebuilt} from the marks (${wrong} had been wrong).`, r);
  return 0;
}

function printIssues(io: Io, message: string, issues?: Issue[]) {
  if (issues?.length) {
    for (const i of issues) {
      io.err(i.line !== undefined ? `line ${i.line}: ${i.message}\n` : `${i.message}\n`);
    }
  }
  if (!issues?.length || issues.every((i) => i.line !== undefined)) {
    io.err(`${message}\n`);
  }
}

function unwrap<C extends Channel>(r: Result<Output<C>>): Output<C> {
  if (!r.ok) {
    throw new AppError(r.error.kind, r.error.message, r.error.issues);
  }
  return r.value;
}

function readInput(file: string | undefined): string {
  if (!file) {
    throw new UsageError('a FILE argument is required');
  }
  if (!fs.existsSync(file)) {
    throw new AppError('not_found', `There is no file ${file}.`);
  }
  const buf = fs.readFileSync(file);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  if (text.includes('\uFFFD')) {
    throw new AppError('invalid', `${file} is not UTF-8 text. Save it from the spreadsheet as "CSV UTF-8".`);
  }
  return text;
}

const COMMON = {
  db: { type: 'string' },
  'key-file': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;
const OPTIONS: Record<string, Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>> = {
  init: {
    ...COMMON,
    school: { type: 'string' },
    urn: { type: 'string' },
    la: { type: 'string' },
    estab: { type: 'string' },
  },
  demo: {
    ...COMMON,
    pupils: { type: 'string' },
    seed: { type: 'string' },
    secondary: { type: 'boolean', default: false },
  },
  'import calendar': COMMON,
  'import pupils': COMMON,
  'import marks': {
    ...COMMON,
    reason: { type: 'string' },
    by: { type: 'string' },
    position: { type: 'string' },
  },
  'export marks': { ...COMMON, from: { type: 'string' }, to: { type: 'string' } },
  history: { ...COMMON, upn: { type: 'string' } },
  'report pupils': {
    ...COMMON,
    from: { type: 'string' },
    to: { type: 'string' },
    'as-of': { type: 'string' },
  },
  pupils: COMMON,
  timetables: COMMON,
  backup: { ...COMMON, to: { type: 'string' } },
  backups: COMMON,
  restore: { ...COMMON, from: { type: 'string' } },
  verify: COMMON,
  'rebuild-tallies': COMMON,
};

/** Every command, the letters ones included (they render asynchronously). */
export function runCli(argv: string[], io: Io = stdio): number | Promise<number> {
  if (argv[0] === 'report' && argv[1] === 'governors') {
    return runGovernorsCli(argv.slice(2), io, CLI_SESSION, USAGE);
  }
  return argv[0] === 'letters' ? runLettersCli(argv.slice(1), io, CLI_SESSION, USAGE) : run(argv, io);
}

export function run(argv: string[], io: Io = stdio): number {
  let store: Store | undefined;
  try {
    const [first, second] = argv;
    const command =
      first === 'import' || first === 'export' || first === 'report'
        ? `${first} ${second ?? ''}`.trim()
        : first;
    if (!command || command === '--help' || command === 'help') {
      io.out(USAGE);
      return command ? 0 : 2;
    }
    const spec = OPTIONS[command];
    if (!spec) {
      throw new UsageError(`unknown command: ${command}`);
    }
    const rest = argv.slice(first === 'import' || first === 'export' || first === 'report' ? 2 : 1);
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: spec, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const v = parsed.values as Record<string, string | boolean | undefined>;
    const pos = parsed.positionals;
    const db = v.db as string | undefined;
    if (!db) {
      throw new UsageError('--db FILE is required');
    }
    const expectPositionals = command.startsWith('import ') ? 1 : 0;
    if (pos.length !== expectPositionals) {
      throw new UsageError(
        expectPositionals ? 'exactly one FILE is expected' : `unexpected argument: ${pos[0]}`,
      );
    }

    const needsExisting = command !== 'init' && command !== 'demo';
    const key = keyFromOptions(v['key-file'] as string | undefined);
    if (command === 'restore') {
      return restoreCommand(db, v.from, key, io, emitter(io, v.json === true));
    }
    store = openStore(db, { create: !needsExisting, key });
    if (!store.health.ok && !needsExisting) {
      throw new AppError('refused', damagedMessage(store.health));
    }
    if (!needsExisting && !key) {
      io.err(`${db} is not encrypted: give a key (--key-file FILE or ${KEY_ENV}) to encrypt it.\n`);
    }
    const session = CLI_SESSION;
    const ctx = makeCtx(store, session);
    const call = <C extends Channel>(c: C, input: Input<C>) => unwrap<C>(dispatch(store!, c, input, session));
    const emit = emitter(io, v.json === true);

    switch (command) {
      case 'init': {
        if (!v.school) {
          throw new UsageError('--school NAME is required');
        }
        if ((v.la === undefined) !== (v.estab === undefined)) {
          throw new UsageError('--la and --estab go together');
        }
        const school = {
          name: v.school as string,
          urn: (v.urn as string) ?? null,
          laCode: (v.la as string) ?? null,
          estab: (v.estab as string) ?? null,
          address: null,
          amOpens: '08:40',
          pmOpens: '13:15',
          registerOpenMinutes: 30,
          championName: null,
          championPosition: null,
          atRiskLowerPct: 5,
        };
        const checked = SchoolSchema.safeParse(school);
        if (!checked.success) {
          throw new AppError('invalid', checked.error.issues.map((i) => i.message).join('; '));
        }
        store.db.transaction(() => createSchool(ctx, checked.data)).immediate();
        emit(`Created ${checked.data.name} in ${db}.`, { ok: true, db, school: checked.data.name });
        return 0;
      }
      case 'demo': {
        if (readSchool(store.db)) {
          throw new AppError('conflict', `${db} already holds a school; the demo needs a new file.`);
        }
        const pupils = v.pupils === undefined ? undefined : Number(v.pupils);
        const seed = v.seed === undefined ? undefined : Number(v.seed);
        if (pupils !== undefined && (!Number.isInteger(pupils) || pupils < 1 || pupils > 5000)) {
          throw new UsageError('--pupils must be a whole number from 1 to 5000');
        }
        if (seed !== undefined && !Number.isInteger(seed)) {
          throw new UsageError('--seed must be a whole number');
        }
        const r = createDemoSchool(store, { pupils, seed, kind: v.secondary ? 'secondary' : 'primary' });
        emit(`Created the demo school in ${db}.`, { ok: true, db, ...r });
        return 0;
      }
      case 'import calendar': {
        const r = call('calendar.import', { csv: readInput(pos[0]) });
        emit(`Calendar: ${r.added} ranges added, ${r.unchanged} already there.`, r);
        return 0;
      }
      case 'import pupils': {
        const r = call('pupils.import', { csv: readInput(pos[0]) });
        for (const w of r.warnings) {
          io.err(`${w.line === undefined ? '' : `line ${w.line}: `}warning: ${w.message}\n`);
        }
        emit(`Pupils: ${r.created} added, ${r.updated} updated, ${r.unchanged} unchanged.`, r);
        return 0;
      }
      case 'import marks': {
        const r = call('marks.import', {
          csv: readInput(pos[0]),
          reason: v.reason as string | undefined,
          by: v.by as string | undefined,
          position: v.position as string | undefined,
        });
        for (const w of r.warnings) {
          io.err(`line ${w.line}: warning: ${w.message}\n`);
        }
        emit(
          `Marks: ${r.inserted} added, ${r.amended} amended, ${r.notesChanged} notes changed, ${r.skipped} unchanged, ${r.closureRowsSkipped} closure rows skipped.`,
          r,
        );
        return 0;
      }
      case 'export marks': {
        const from = dateOption(v.from, '--from'),
          to = dateOption(v.to, '--to');
        io.out(call('marks.export', { from, to }).csv);
        return 0;
      }
      case 'history': {
        if (!v.upn) {
          throw new UsageError('--upn UPN is required');
        }
        const r = call('marks.history', { upn: v.upn as string });
        if (v.json) {
          io.out(JSON.stringify(r) + '\n');
        } else {
          for (const a of r.amendments) {
            io.out(
              `${a.date} ${a.session} ${a.oldCode} -> ${a.newCode}  ${a.reason}  (${a.changedBy}, ${a.position}, ${a.changedAt})\n`,
            );
          }
        }
        return 0;
      }
      case 'report pupils': {
        const from = dateOption(v.from, '--from'),
          to = dateOption(v.to, '--to');
        const asOf = v['as-of'] === undefined ? undefined : dateOption(v['as-of'], '--as-of');
        const r = reportPupils(store.db, { from, to, asOf });
        auditExport(ctx, 'export.reportPupils', { from: r.from, to: r.to, rows: r.pupils.length });
        if (v.json) {
          io.out(JSON.stringify(r) + '\n');
        } else {
          io.out(
            `All pupils ${r.from} to ${r.to}: absence ${formatPct1(r.school.all.absencePct)}, persistently absent ${formatPct1(r.school.all.persistentPct)}\n`,
          );
          for (const p of r.pupils) {
            io.out(`${p.upn}\t${p.possible}\t${formatPct1(p.attendancePct)}\t${p.band ?? '-'}\n`);
          }
        }
        return 0;
      }
      case 'pupils': {
        const pupils = exportPupilsJson(ctx);
        auditExport(ctx, 'export.pupils', { rows: pupils.length });
        if (v.json) {
          io.out(JSON.stringify({ pupils }) + '\n');
        } else {
          for (const p of pupils) {
            io.out(`${p.upn}\t${p.surname}, ${p.forename}\t${p.yearGroup}\t${p.regGroup}\n`);
          }
        }
        return 0;
      }
      case 'timetables': {
        const r = timetablesJson(store.db, ctx.today());
        auditExport(ctx, 'export.timetables', { rows: r.timetables.length });
        if (v.json) {
          io.out(JSON.stringify(r) + '\n');
        } else {
          for (const a of r.timetables) {
            io.out(
              `${a.upn}\t${a.kind}\t${a.startDate}\t${a.endDate ?? '-'}\t${a.pattern.join(' ')}\t${a.status}\n`,
            );
          }
        }
        return 0;
      }
      case 'backup': {
        if (!v.to) {
          throw new UsageError('--to FILE is required');
        }
        const r = backupTo(store, v.to as string);
        ctx.audit('backup', 'database', null, { kind: 'manual', to: r.path, bytes: r.bytes });
        emit(`Backed up to ${r.path} (${r.bytes} bytes), checked.`, { ok: true, ...r });
        return 0;
      }
      case 'backups': {
        const folder = backupFolder(store);
        const backups = listBackups(folder);
        if (v.json) {
          io.out(JSON.stringify({ folder, backups }) + '\n');
        } else {
          io.out(`Backups in ${folder}:\n`);
          for (const b of backups) {
            io.out(
              `${b.takenAt}\t${b.kind}\t${b.bytes}\t${b.checked ? 'checked' : 'NOT checked'}\t${b.file}\n`,
            );
          }
        }
        return 0;
      }
      case 'verify':
        return verifyCommand(store, io, v.json === true);
      case 'rebuild-tallies':
        return rebuildTalliesCommand(store, io, v.json === true);
    }
    throw new UsageError(`unknown command: ${command}`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof AppError) {
      printIssues(io, e.message, e.issues);
      return 1;
    }
    io.err(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    store?.db.close();
  }
}
