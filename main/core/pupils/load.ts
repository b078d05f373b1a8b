// The one way a service loads a pupil by id: the typed row, or the message people read when there is none
// (never the id: docs/architecture.md, "The contract and dispatch").
import { eq } from 'drizzle-orm';
import type { Orm } from '../db/connection';
import { pupils } from '../db/schema';
import { noSuchPupil } from '../errors';

export type PupilRow = typeof pupils.$inferSelect;

export function loadPupil(orm: Orm, id: number): PupilRow {
  const p = orm.select().from(pupils).where(eq(pupils.id, id)).get();
  if (!p) {
    throw noSuchPupil();
  }
  return p;
}
