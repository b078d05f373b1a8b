// Reading the append-only audit log (head and administrator): filters by day, actor and action, newest first, in pages.
import type { Ctx } from '../context';
import { STAFF, type Input, type Output } from '../../../shared/contract';

/** Entities whose audit detail holds no pupil data. For other entries (pupils, marks, notes, contacts…) a caller
 * without a staff role (an administrator only) sees who did what and when, but not the detail. */
export const NON_PUPIL_ENTITIES = ['user', 'auth_settings', 'school', 'calendar_range', 'bank_holiday'];
export const HIDDEN_DETAIL = '(detail hidden: it is pupil data, and your role has no pupil access)';

export function listAudit(ctx: Ctx, i: Input<'audit.list'>): Output<'audit.list'> {
  const where: string[] = [];
  const args: (string | number)[] = [];
  // `at` is an ISO instant (UTC); a day filter takes the whole of that calendar day.
  if (i.from) {
    where.push('at >= ?');
    args.push(`${i.from}T00:00:00.000Z`);
  }
  if (i.to) {
    where.push('at <= ?');
    args.push(`${i.to}T23:59:59.999Z`);
  }
  if (i.actor) {
    where.push("actor LIKE ? ESCAPE '\\'");
    args.push(`%${i.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (i.action) {
    where.push('action = ?');
    args.push(i.action);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const db = ctx.store.db;
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${w}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT id, at, actor, action, entity, entity_id AS entityId, detail FROM audit_log ${w} ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, i.limit ?? 50, i.offset ?? 0) as Output<'audit.list'>['rows'];
  if (!ctx.session.roles.some((r) => STAFF.includes(r))) {
    for (const r of rows) {
      if (r.detail !== null && !NON_PUPIL_ENTITIES.includes(r.entity)) {
        r.detail = HIDDEN_DETAIL;
      }
    }
  }
  const actions = (
    db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').all() as { action: string }[]
  ).map((r) => r.action);
  return { rows, total, actions };
}
