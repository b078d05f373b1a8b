// `report governors` (docs/cli.md): the termly governor report as a Word file, built by the same core as the
// app (docs/rules/governor-report.md). Rendering is asynchronous (charts, docx), so the CLI's entry point
// awaits it.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Session } from '../../shared/contract';
import { parseInputDate } from '../../shared/dates';
import { openStore, type Store } from '../core/db/connection';
import { makeCtx } from '../core/context';
import { AppError } from '../core/errors';
import { networkShareReason } from '../core/paths';
import { governorFigures, governorJson } from '../core/governors/report-data';
import { renderReport } from '../core/governors/produce';

export { GOVERNORS_USAGE } from './usage';

class Usage extends Error {}
interface Io {
  out(s: string): void;
  err(s: string): void;
}

function date(v: string | undefined, name: string, required: boolean): string | undefined {
  if (v === undefined) {
    if (required) {
      throw new Usage(`${name} D is required`);
    }
    return undefined;
  }
  const d = parseInputDate(v);
  if (!d) {
    throw new AppError('invalid', `${name} ${v} is not a date (YYYY-MM-DD).`);
  }
  return d;
}

export async function runGovernorsCli(
  argv: string[],
  io: Io,
  session: Session,
  usage: string,
): Promise<number> {
  let store: Store | undefined;
  try {
    let v;
    try {
      v = parseArgs({
        args: argv,
        strict: true,
        options: {
          db: { type: 'string' },
          from: { type: 'string' },
          to: { type: 'string' },
          'as-of': { type: 'string' },
          out: { type: 'string' },
          json: { type: 'boolean', default: false },
        },
      }).values;
    } catch (e) {
      throw new Usage((e as Error).message);
    }
    if (!v.db) {
      throw new Usage('--db FILE is required');
    }
    if (!v.out) {
      throw new Usage('--out FILE.docx is required');
    }
    const from = date(v.from, '--from', true)!;
    const to = date(v.to, '--to', true)!;
    const asOf = date(v['as-of'], '--as-of', false);
    const share = networkShareReason(path.resolve(v.out));
    if (share) {
      throw new AppError(
        'refused',
        share.replace(/SQLite cannot.*$/, 'Write the report to a folder on this PC.'),
      );
    }
    store = openStore(v.db, { create: false });
    const ctx = makeCtx(store, session);
    const figures = governorFigures(ctx, { from, to, asOf });
    const r = await renderReport(figures, {
      keyMessages: figures.suggestedMessages,
      final: true,
      producedBy: session.displayName ?? session.userName,
      position: session.position,
      producedOn: ctx.today(),
    });
    fs.writeFileSync(v.out, r.bytes);
    io.out(
      v.json
        ? JSON.stringify(governorJson(figures, v.out)) + '\n'
        : `Wrote the governor report for ${figures.from} to ${figures.to} to ${v.out}.\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof Usage) {
      io.err(`${e.message}\n${usage}`);
      return 2;
    }
    io.err(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    store?.db.close();
  }
}
