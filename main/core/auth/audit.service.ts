// Reading the append-only audit log (head and administrator): filters by day, actor and action, newest first, in pages.
// An administrator who grants themselves a pupil-data role is flagged (docs/data-safety.md, "What leaves the building").
import { and, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import { auditLog } from '../db/schema';
import { STAFF, type Input, type Output, type Role } from '../../../shared/contract';

/** Entities whose audit detail holds no pupil data. For other entries (pupils, marks, notes, contacts…) a caller
 * without a staff role (an administrator only) sees who did what and when, but not the detail. */
export const NON_PUPIL_ENTITIES = [
  'user',
  'auth_settings',
  'school',
  'calendar_range',
  'bank_holiday',
  'export',
];
export const HIDDEN_DETAIL = '(detail hidden: it is pupil data, and your role has no pupil access)';

type AuditRow = typeof auditLog.$inferSelect;

/** The flag on a role change by which a person gave their own account a pupil-data role, or null. */
export function selfGrantFlag(row: AuditRow): string | null {
  if (row.action !== 'users.roles' || row.detail === null) {
    return null;
  }
  const d = JSON.parse(row.detail) as { byThemselves?: boolean; before?: Role[]; after?: Role[] };
  if (d.byThemselves !== true) {
    return null;
  }
  const gained = (d.after ?? []).filter((r) => STAFF.includes(r) && !(d.before ?? []).includes(r));
  return gained.length === 0 ? null : `Gave their own account pupil-data access (${gained.join(', ')}).`;
}

function filters(i: Input<'audit.list'>): SQL | undefined {
  const where: SQL[] = [];
  // `at` is an ISO instant (UTC); a day filter takes the whole of that calendar day.
  if (i.from) {
    where.push(gte(auditLog.at, `${i.from}T00:00:00.000Z`));
  }
  if (i.to) {
    where.push(lte(auditLog.at, `${i.to}T23:59:59.999Z`));
  }
  if (i.actor) {
    const escaped = i.actor.replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push(sql`${auditLog.actor} LIKE ${`%${escaped}%`} ESCAPE '\\'`);
  }
  if (i.action) {
    where.push(eq(auditLog.action, i.action));
  }
  return where.length === 0 ? undefined : and(...where);
}

export function listAudit(ctx: Ctx, i: Input<'audit.list'>): Output<'audit.list'> {
  const orm = ctx.store.orm;
  const where = filters(i);
  const total = orm.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const found = orm
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(i.limit ?? 50)
    .offset(i.offset ?? 0)
    .all();
  const seesPupilData = ctx.session.roles.some((r) => STAFF.includes(r));
  const rows = found.map((r) => {
    const hidden = !seesPupilData && r.detail !== null && !NON_PUPIL_ENTITIES.includes(r.entity);
    return { ...r, detail: hidden ? HIDDEN_DETAIL : r.detail, flag: selfGrantFlag(r) };
  });
  const actions = orm
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action)
    .all()
    .map((r) => r.action);
  return { rows, total, actions };
}
