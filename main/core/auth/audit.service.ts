// Reading the append-only audit log (head and administrator): filters by day, actor and action, newest first, in pages.
import type { Ctx } from '../context';
import type { Input, Output } from '../../../shared/contract';

export function listAudit(ctx: Ctx, i: Input<'audit.list'>): Output<'audit.list'> {
  const where: string[] = [];
  const args: (string | number)[] = [];
  // `at` is an ISO instant (UTC); a day filter takes the whole of that calendar day.
  if (i.from) { where.push('at >= ?'); args.push(`${i.from}T00:00:00.000Z`); }
  if (i.to) { where.push('at <= ?'); args.push(`${i.to}T23:59:59.999Z`); }
  if (i.actor) { where.push("actor LIKE ? ESCAPE '\\'"); args.push(`%${i.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`); }
  if (i.action) { where.push('action = ?'); args.push(i.action); }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const db = ctx.store.db;
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${w}`).get(...args) as { n: number }).n;
  const rows = db.prepare(`SELECT id, at, actor, action, entity, entity_id AS entityId, detail FROM audit_log ${w} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...args, i.limit ?? 50, i.offset ?? 0) as Output<'audit.list'>['rows'];
  const actions = (db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').all() as { action: string }[]).map((r) => r.action);
  return { rows, total, actions };
}
