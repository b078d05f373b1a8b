// The one way a service loads a pupil by id: the typed row, or the message people read when there is none
// (never the id: docs/architecture.md, "The contract and dispatch").
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db, Orm } from '../db/connection';
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

/** What a list needs to name a pupil (shared/names.ts) and show their group. */
export interface PupilBits {
  id: number;
  forename: string;
  preferredForename: string | null;
  surname: string;
  regGroup: string;
}

/** Every pupil by id, with what a list needs to name them. */
export function pupilsById(db: Db): Map<number, PupilBits> {
  const rows = drizzle(db)
    .select({
      id: pupils.id,
      forename: pupils.forename,
      preferredForename: pupils.preferredForename,
      surname: pupils.surname,
      regGroup: pupils.regGroup,
    })
    .from(pupils)
    .all();
  return new Map(rows.map((p) => [p.id, p]));
}
