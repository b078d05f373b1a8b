// `letters templates` and `letters render` (docs/cli.md): the same core as the app, guardrails included.
// Rendering is asynchronous (docx), so these commands run through runLettersCli, which the CLI's entry point
// awaits.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Session } from '../../shared/contract';
import { parseInputDate } from '../../shared/dates';
import { openStore, type Store } from '../core/db/connection';
import { keyFromOptions } from '../core/db/cipher';
import { makeCtx } from '../core/context';
import { AppError } from '../core/errors';
import { listTemplates } from '../core/letters/letters.service';
import { renderLetter } from '../core/letters/render';

export interface LettersIo {
  out(s: string): void;
  err(s: string): void;
}

export { LETTERS_USAGE } from './usage';

class Usage extends Error {}

function date(v: string | undefined, name: string): string | undefined {
  if (v === undefined) {
    return undefined;
  }
  const d = parseInputDate(v);
  if (!d) {
    throw new AppError('invalid', `${name} ${v} is not a date (YYYY-MM-DD).`);
  }
  return d;
}

export async function runLettersCli(
  argv: string[],
  io: LettersIo,
  session: Session,
  usage: string,
): Promise<number> {
  let store: Store | undefined;
  try {
    const sub = argv[0];
    if (sub !== 'templates' && sub !== 'render') {
      throw new Usage(`unknown command: letters ${sub ?? ''}`.trim());
    }
    let parsed;
    const options: import('node:util').ParseArgsOptionsConfig =
      sub === 'templates'
        ? {
            db: { type: 'string' },
            'key-file': { type: 'string' },
            json: { type: 'boolean', default: false },
          }
        : {
            db: { type: 'string' },
            'key-file': { type: 'string' },
            json: { type: 'boolean', default: false },
            template: { type: 'string' },
            upn: { type: 'string' },
            out: { type: 'string' },
            from: { type: 'string' },
            to: { type: 'string' },
            'as-of': { type: 'string' },
            'override-reason': { type: 'string' },
            field: { type: 'string', multiple: true },
          };
    try {
      parsed = parseArgs({ args: argv.slice(1), options, allowPositionals: false, strict: true });
    } catch (e) {
      throw new Usage((e as Error).message);
    }
    const v = parsed.values as Record<string, string | boolean | string[] | undefined>;
    if (!v.db) {
      throw new Usage('--db FILE is required');
    }
    if (sub === 'render') {
      if (!v.template) {
        throw new Usage('--template NAME is required');
      }
      if (!v.upn) {
        throw new Usage('--upn UPN is required');
      }
      if (!v.out) {
        throw new Usage('--out FILE.docx is required');
      }
    }
    store = openStore(v.db as string, {
      create: false,
      key: keyFromOptions(v['key-file'] as string | undefined),
    });
    const ctx = makeCtx(store, session);
    if (sub === 'templates') {
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
    const upn = String(v.upn).trim().toUpperCase();
    const pupil = store.db.prepare('SELECT id FROM pupils WHERE upn = ?').get(upn) as
      { id: number } | undefined;
    if (!pupil) {
      throw new AppError('not_found', `There is no pupil with UPN ${upn}.`);
    }
    const extra: Record<string, string> = {};
    for (const f of (v.field as string[] | undefined) ?? []) {
      const k = f.indexOf('=');
      if (k < 1) {
        throw new Usage(`--field ${f}: expected KEY=VALUE`);
      }
      extra[f.slice(0, k).trim()] = f.slice(k + 1);
    }
    const out = path.resolve(String(v.out));
    const reason = typeof v['override-reason'] === 'string' ? v['override-reason'] : undefined;
    const r = await renderLetter(ctx, {
      template: String(v.template),
      pupilId: pupil.id,
      from: date(v.from as string | undefined, '--from'),
      to: date(v.to as string | undefined, '--to'),
      asOf: date(v['as-of'] as string | undefined, '--as-of'),
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
        : `Wrote ${out}: ${r.letters.length} letter${r.letters.length > 1 ? 's' : ''} (${json.addressees.join('; ')}), logged${r.flags.length ? ` with the override reason for ${json.flags.join(', ')}` : ''}.\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof Usage) {
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
