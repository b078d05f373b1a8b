// The auth area's common ground: the store's clock (tests pass theirs), the audit writer and the sign-in settings.
// Sign-in is in ./sign-in.ts, the first administrator in ./first-admin.ts, sessions in ./sessions.ts, a password
// change in ./password-change.ts, the accounts in ./accounts.ts and the account rows in ./user-rows.ts.
import type { Db, Store } from '../db/connection';
import type { Ctx } from '../context';
import type { Input, Output } from '../../../shared/contract';

// ---- the clock and the cost of one store (tests pass theirs; production uses the real ones) ----
const clocks = new WeakMap<Store, () => Date>();
/** Tests only: a deterministic clock for the sign-in delays, lock-outs and sessions of this store. */
export function setAuthClock(store: Store, now: () => Date): void {
  clocks.set(store, now);
}
export const clock = (store: Store): Date => (clocks.get(store) ?? (() => new Date()))();

export function audit(
  db: Db,
  at: string,
  actor: string,
  action: string,
  entity: string,
  entityId: string | number | null,
  detail?: unknown,
): void {
  db.prepare(
    'INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    at,
    actor,
    action,
    entity,
    entityId === null ? null : String(entityId),
    detail === undefined ? null : JSON.stringify(detail),
  );
}

export function readAuthSettings(db: Db): Output<'auth.getSettings'> {
  const r = db
    .prepare<[], { i: number; m: number; l: number }>(
      'SELECT idle_lock_minutes AS i, max_failures AS m, lockout_minutes AS l FROM auth_settings WHERE id = 1',
    )
    .get();
  return r
    ? { idleLockMinutes: r.i, maxFailures: r.m, lockoutMinutes: r.l }
    : { idleLockMinutes: 10, maxFailures: 5, lockoutMinutes: 15 };
}

export function setAuthSettings(ctx: Ctx, s: Input<'auth.setSettings'>): Output<'auth.setSettings'> {
  const before = readAuthSettings(ctx.store.db);
  ctx.store.db
    .prepare(
      `INSERT INTO auth_settings (id, idle_lock_minutes, max_failures, lockout_minutes, updated_at) VALUES (1, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET idle_lock_minutes = excluded.idle_lock_minutes, max_failures = excluded.max_failures,
      lockout_minutes = excluded.lockout_minutes, updated_at = excluded.updated_at`,
    )
    .run(s.idleLockMinutes, s.maxFailures, s.lockoutMinutes, ctx.now());
  ctx.audit('auth.settings', 'auth_settings', 1, { before, after: s });
  return { ok: true };
}
