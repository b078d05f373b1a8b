// What every handler receives: the store, the caller, the clock and the audit writer.
import type { Session } from '../../shared/contract';
import type { IsoDate } from '../../shared/dates';
import type { Store } from './db/connection';

export interface Ctx {
  store: Store;
  session: Session;
  /** Local date (the school's day): ATTENDANCE_TODAY pins it for demos and tests. */
  today(): IsoDate;
  now(): string;
  audit(action: string, entity: string, entityId: string | number | null, detail?: unknown): void;
}

export function localToday(): IsoDate {
  if (process.env.ATTENDANCE_TODAY) {
    return process.env.ATTENDANCE_TODAY;
  }
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function makeCtx(store: Store, session: Session): Ctx {
  const insert = store.db.prepare(
    'INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return {
    store,
    session,
    today: localToday,
    now: () => new Date().toISOString(),
    audit(action, entity, entityId, detail) {
      insert.run(
        new Date().toISOString(),
        session.userName,
        action,
        entity,
        entityId === null ? null : String(entityId),
        detail === undefined ? null : JSON.stringify(detail),
      );
    },
  };
}

/** Everything that leaves the building is audited with who, what and how many rows (docs/data-safety.md, "What
 * leaves the building"). The detail holds counts and periods, never pupil data. A damaged store is read-only: its
 * exports still run, since getting the data out is the way to safety, and go unrecorded. */
export function auditExport(ctx: Ctx, action: string, detail: Record<string, unknown>): void {
  if (ctx.store.health.ok) {
    ctx.audit(action, 'export', null, detail);
  }
}
