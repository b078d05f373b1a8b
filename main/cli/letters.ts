// `letters templates` and `letters render` (docs/cli.md): the same core as the app, guardrails included.
// Rendering is asynchronous (docx), so these commands run through runLettersCli, which the CLI's entry point
// awaits.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { Session } from '../../shared/contract';
import { openStore, type Store } from '../core/db/connection';
import { keyFromOptions } from '../core/db/cipher';
import { makeCtx, type Ctx } from '../core/context';
import { AppError } from '../core/errors';
import { listTemplates } from '../core/letters/school-templates';
import { renderLetter } from '../core/letters/render';
import { COMMON, UsageError, optionalDate, type Io } from './command-kit';
import { plural } from '../../shared/names';

type LettersValues = Record<string, string | boolean | string[] | undefined>;

const OPTIONS: Record<'templates' | 'render', ParseArgsOptionsConfig> = {
  templates: COMMON,
  render: {
    ...COMMON,
    template: { type: 'string' },
    upn: { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'as-of': { type: 'string' },
    'override-reason': { type: 'string' },
    field: { type: 'string', multiple: true },
  },
};

/** The subcommand and its options, checked: --db always, and --template, --upn and --out to render. */
function parseLettersArgs(argv: string[]): { sub: 'templates' | 'render'; v: LettersValues } {
  const sub = argv[0];
  if (sub !== 'templates' && sub !== 'render') {
    throw new UsageError(`unknown command: letters ${sub ?? ''}`.trim());
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv.slice(1), options: OPTIONS[sub], allowPositionals: false, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values as LettersValues;
  if (!v.db) {
    throw new UsageError('--db FILE is required');
  }
  if (sub === 'render') {
    if (!v.template) {
      throw new UsageError('--template NAME is required');
    }
    if (!v.upn) {
      throw new UsageError('--upn UPN is required');
    }
    if (!v.out) {
      throw new UsageError('--out FILE.docx is required');
    }
  }
  return { sub, v };
}

/** letters templates: each template's name, stage and title (or, with --json, its placeholders too). */
function templatesCommand(ctx: Ctx, v: LettersValues, io: Io): number {
  const t = listTemplates(ctx).templates.map((x) => ({
    name: x.name,
    title: x.title,
    stage: x.stage,
    placeholders: x.placeholders,
  }));
  if (v.json) {
    io.out(JSON.stringify({ templates: t }) + '\n');
  } else {
    for (const x of t) {
      io.out(`${x.name}\t${x.stage}\t${x.title}\n`);
    }
  }
  return 0;
}

/** The --field KEY=VALUE options, as the extra fields of the letter. */
function extraFields(fields: string[] | undefined): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const f of fields ?? []) {
    const k = f.indexOf('=');
    if (k < 1) {
      throw new UsageError(`--field ${f}: expected KEY=VALUE`);
    }
    extra[f.slice(0, k).trim()] = f.slice(k + 1);
  }
  return extra;
}

/** letters render: the pupil's letter written to --out and logged, as the app renders it (guardrails included). */
async function renderCommand(store: Store, ctx: Ctx, v: LettersValues, io: Io): Promise<number> {
  const upn = String(v.upn).trim().toUpperCase();
  const pupil = store.db.prepare<[string], { id: number }>('SELECT id FROM pupils WHERE upn = ?').get(upn);
  if (!pupil) {
    throw new AppError('not_found', `There is no pupil with UPN ${upn}.`);
  }
  const extra = extraFields(v.field as string[] | undefined);
  const out = path.resolve(String(v.out));
  const reason = typeof v['override-reason'] === 'string' ? v['override-reason'] : undefined;
  const r = await renderLetter(ctx, {
    template: String(v.template),
    pupilId: pupil.id,
    from: optionalDate(v.from, '--from'),
    to: optionalDate(v.to, '--to'),
    asOf: optionalDate(v['as-of'], '--as-of'),
    extra,
    overrideReason: reason,
  });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, r.bytes);
  const json = {
    ok: true,
    out,
    template: String(v.template),
    upn,
    letters: r.letters.length,
    logIds: r.letters.map((l) => l.logId),
    references: r.letters.map((l) => l.reference),
    addressees: r.letters.map((l) => l.addressees.map((a) => a.names.join(' and ')).join('; ')),
    flags: r.flags.map((f) => f.code),
    overrideReason: r.flags.length ? (reason ?? null) : null,
  };
  io.out(
    v.json
      ? JSON.stringify(json) + '\n'
      : `Wrote ${out}: ${plural(r.letters.length, 'letter')} (${json.addressees.join('; ')}), logged` +
          (r.flags.length ? ` with the override reason for ${json.flags.join(', ')}` : '') +
          '.\n',
  );
  return 0;
}

export async function runLettersCli(
  argv: string[],
  io: Io,
  session: Session,
  usage: string,
): Promise<number> {
  let store: Store | undefined;
  try {
    const { sub, v } = parseLettersArgs(argv);
    store = openStore(v.db as string, {
      create: false,
      key: keyFromOptions(v['key-file'] as string | undefined),
    });
    const ctx = makeCtx(store, session);
    if (sub === 'templates') {
      return templatesCommand(ctx, v, io);
    }
    return await renderCommand(store, ctx, v, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${usage}`);
      return 2;
    }
    if (e instanceof AppError) {
      io.err(`${e.message}\n`);
      return 1;
    }
    io.err(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    store?.db.close();
  }
}
