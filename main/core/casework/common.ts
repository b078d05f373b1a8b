// Helpers every casework service shares: the pupil behind a record (by name in messages), who may read restricted
// detail, and the categories (built-in and the school's own). docs/rules/casework.md.
import { BUILT_IN_CATEGORIES, RESTRICTED_READERS, type BarrierCategory } from '../../../shared/casework';
import type { Session } from '../../../shared/contract';
import { pupilName } from '../../../shared/names';
import { loadPupil as loadPupilRow, type PupilRow } from '../pupils/load';
import { caseworkBarrierCategories } from '../db/schema-casework';
import type { Ctx } from '../context';
import { AppError } from '../errors';

export type { PupilRow };

/** The pupil behind a casework record (main/core/pupils/load.ts, the one loader). */
export function loadPupil(ctx: Ctx, id: number): PupilRow {
  return loadPupilRow(ctx.store.orm, id);
}

export const nameOf = (p: PupilRow) => pupilName(p);

/** Health and safeguarding detail is read only by the lead and the head (never the office, never a governor). */
export function mayReadRestricted(s: Session): boolean {
  return s.roles.some((r) => RESTRICTED_READERS.includes(r));
}

export function allCategories(ctx: Ctx): BarrierCategory[] {
  const own = ctx.store.orm.select().from(caseworkBarrierCategories).all();
  return [
    ...BUILT_IN_CATEGORIES,
    ...own.map((c) => ({
      code: c.code,
      label: c.label,
      usually: c.usually,
      restricted: c.restricted,
      builtIn: false,
    })),
  ];
}

export function categoryOf(ctx: Ctx, code: string): BarrierCategory {
  const c = allCategories(ctx).find((x) => x.code === code);
  if (!c) {
    throw new AppError('invalid', `There is no barrier category "${code}".`, [
      { path: 'category', message: 'choose a category from the list' },
    ]);
  }
  return c;
}

/** A date a record says something happened on must not be in the future. */
export function notFuture(ctx: Ctx, d: string, path: string, what: string): void {
  if (d > ctx.today()) {
    throw new AppError('invalid', `${what} cannot be in the future.`, [{ path, message: 'in the future' }]);
  }
}
