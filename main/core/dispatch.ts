// The one entry point for every door (Electron IPC, the browser-mode server, the CLI, tests): validate the input
// against the contract, check the caller's roles, run the handler (writes in one transaction) and return an
// envelope. It never throws.
import { ZodError } from 'zod';
import {
  contract,
  refusalFor,
  type Channel,
  type Output,
  type Result,
  type RpcError,
  type Session,
} from '../../shared/contract';
import { AppError } from './errors';
import { sqliteToRpcError } from './trust/sql-errors';
import type { Store } from './db/connection';
import { makeCtx, type Ctx } from './context';
import { handlers } from './handlers';
import { damagedBy, damagedMessage, damagedRefusal, isCorruptionError } from './db/health';

export type Handler<C extends Channel> = (
  ctx: Ctx,
  input: import('zod').infer<(typeof contract)[C]['input']>,
) => Output<C>;
export type Handlers = { [C in Channel]: Handler<C> };
/** The handlers of one area's channels (main/core/<area>/handlers.ts), spread into main/core/handlers.ts. */
export type HandlersFor<K extends Channel> = { [C in K]: Handler<C> };

export interface DispatchOptions {
  validateOutput?: boolean;
}

export function toRpcError(e: unknown): RpcError {
  if (e instanceof AppError) {
    return { kind: e.kind, message: e.message, ...(e.issues ? { issues: e.issues } : {}) };
  }
  if (e instanceof ZodError) {
    return {
      kind: 'invalid',
      message: e.issues
        .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
        .join('; '),
      issues: e.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    };
  }
  const sql = sqliteToRpcError(e);
  if (sql) {
    return sql;
  }
  const msg = e instanceof Error ? e.message : String(e);
  return { kind: 'internal', message: `Something went wrong: ${msg}` };
}

export function dispatch<C extends Channel>(
  store: Store,
  channel: C,
  input: unknown,
  session: Session,
  opts: DispatchOptions = {},
): Result<Output<C>> {
  try {
    const spec = contract[channel];
    if (!spec) {
      return { ok: false, error: { kind: 'not_found', message: `unknown channel ${String(channel)}` } };
    }
    const refusal = refusalFor(spec, session);
    if (refusal) {
      return { ok: false, error: { kind: 'forbidden', message: `${refusal} (${channel})` } };
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, error: toRpcError(parsed.error) };
    }
    const damaged = spec.write ? damagedRefusal(store.health, channel) : null;
    if (damaged) {
      return { ok: false, error: { kind: 'refused', message: damaged } };
    }
    const ctx = makeCtx(store, session);
    const handler = handlers[channel] as unknown as (ctx: Ctx, input: unknown) => Output<C>;
    const run = () => handler(ctx, parsed.data);
    const value = spec.write ? store.db.transaction(run).immediate() : run();
    if (opts.validateOutput) {
      spec.output.parse(value);
    }
    return { ok: true, value };
  } catch (e) {
    if (isCorruptionError(e)) {
      store.health = damagedBy(e); // from now on the store is read-only (docs/data-safety.md)
      return { ok: false, error: { kind: 'refused', message: damagedMessage(store.health) } };
    }
    return { ok: false, error: toRpcError(e) };
  }
}
