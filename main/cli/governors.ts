// `report governors` (docs/cli.md): the termly governor report as a Word file, built by the same core as the
// app (docs/rules/governor-report.md). Rendering is asynchronous (charts, docx), so the CLI's entry point
// awaits it.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Session } from '../../shared/contract';
import { openStore, type Store } from '../core/db/connection';
import { keyFromOptions } from '../core/db/cipher';
import { makeCtx } from '../core/context';
import { AppError } from '../core/errors';
import { networkShareReason } from '../core/paths';
import { governorFigures, governorJson } from '../core/governors/report-data';
import { renderReport } from '../core/governors/produce';
import { UsageError, dateOption, optionalDate, type Io } from './command-kit';

/** The options, checked: --db and --out, and the dates (--from and --to required). */
function parseGovernorsArgs(argv: string[]) {
  let v;
  try {
    v = parseArgs({
      args: argv,
      strict: true,
      options: {
        db: { type: 'string' },
        'key-file': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'as-of': { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (!v.db) {
    throw new UsageError('--db FILE is required');
  }
  if (!v.out) {
    throw new UsageError('--out FILE.docx is required');
  }
  const from = dateOption(v.from, '--from');
  const to = dateOption(v.to, '--to');
  const asOf = optionalDate(v['as-of'], '--as-of');
  return { db: v.db, keyFile: v['key-file'], out: v.out, json: v.json, from, to, asOf };
}

/** The report is refused on a network share, as the database is (docs/cli.md). */
function refuseNetworkShare(out: string): void {
  const share = networkShareReason(path.resolve(out));
  if (share) {
    throw new AppError(
      'refused',
      share.replace(/SQLite cannot.*$/, 'Write the report to a folder on this PC.'),
    );
  }
}

export async function runGovernorsCli(
  argv: string[],
  io: Io,
  session: Session,
  usage: string,
): Promise<number> {
  let store: Store | undefined;
  try {
    const a = parseGovernorsArgs(argv);
    refuseNetworkShare(a.out);
    store = openStore(a.db, { create: false, key: keyFromOptions(a.keyFile) });
    const ctx = makeCtx(store, session);
    const figures = governorFigures(ctx, { from: a.from, to: a.to, asOf: a.asOf });
    const r = await renderReport(figures, {
      keyMessages: figures.suggestedMessages,
      final: true,
      producedBy: session.displayName ?? session.userName,
      position: session.position,
      producedOn: ctx.today(),
    });
    fs.writeFileSync(a.out, r.bytes);
    io.out(
      a.json
        ? JSON.stringify(governorJson(figures, a.out)) + '\n'
        : `Wrote the governor report for ${figures.from} to ${figures.to} to ${a.out}.\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${usage}`);
      return 2;
    }
    io.err(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    store?.db.close();
  }
}
