// The governing board's attendance targets for a school year (docs/rules/governor-report.md): attendance % and
// persistent-absence %. Append-only versions: a new target is a new row and the newest for a year counts.
import { desc, eq } from 'drizzle-orm';
import type { Input, Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import type { Orm } from '../db/connection';
import { governorTargets } from '../db/schema-governors';

type Target = typeof governorTargets.$inferSelect;

export function currentTarget(orm: Orm, academicYear: number): Target | null {
  return (
    orm
      .select()
      .from(governorTargets)
      .where(eq(governorTargets.academicYear, academicYear))
      .orderBy(desc(governorTargets.id))
      .limit(1)
      .get() ?? null
  );
}

export function listTargets(ctx: Ctx): Output<'governors.targets'> {
  const targets = ctx.store.orm
    .select()
    .from(governorTargets)
    .orderBy(desc(governorTargets.academicYear), desc(governorTargets.id))
    .all();
  return { targets };
}

export function saveTarget(ctx: Ctx, i: Input<'governors.saveTarget'>): Output<'governors.saveTarget'> {
  const row = ctx.store.orm
    .insert(governorTargets)
    .values({ ...i, recordedBy: ctx.session.displayName ?? ctx.session.userName, recordedAt: ctx.now() })
    .returning({ id: governorTargets.id })
    .get();
  ctx.audit('governors.target', 'governor_targets', row.id, i);
  return { id: row.id };
}
