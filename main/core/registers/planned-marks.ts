// Planned marks: what the register pre-fills for a session before it is taken (granted leave, part-time
// timetables, flexi-schooling, trips). They are not statutory - the mark taken in the register is - so each
// source replaces its own set when its decision changes, and the caller's audit entry keeps the set replaced.
// The registers area owns the table: other areas write it only through these functions (docs/architecture.md).
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Orm } from '../db/connection';
import { plannedMarks } from '../db/schema';

export type PlannedMark = typeof plannedMarks.$inferSelect;
export type PlannedMarkInput = Pick<
  typeof plannedMarks.$inferInsert,
  'pupilId' | 'date' | 'session' | 'code' | 'note'
>;
/** What put a set of planned marks there: a source ('leave', ...) and the id of its record. */
export interface PlannedOwner {
  source: string;
  sourceId: number;
}

/** The planned marks one record put there, by date and session. */
export function plannedMarksOf(orm: Orm, owner: PlannedOwner): PlannedMark[] {
  return orm
    .select()
    .from(plannedMarks)
    .where(and(eq(plannedMarks.source, owner.source), eq(plannedMarks.sourceId, owner.sourceId)))
    .orderBy(asc(plannedMarks.date), asc(plannedMarks.session))
    .all();
}

/** Replaces the planned marks of one record with `marks`; returns the set it replaced. Call inside the write. */
export function replacePlannedMarks(
  orm: Orm,
  owner: PlannedOwner,
  marks: PlannedMarkInput[],
  by: { at: string; userName: string },
): PlannedMark[] {
  const before = plannedMarksOf(orm, owner);
  orm
    .delete(plannedMarks)
    .where(and(eq(plannedMarks.source, owner.source), eq(plannedMarks.sourceId, owner.sourceId)))
    .run();
  for (const m of marks) {
    orm
      .insert(plannedMarks)
      .values({
        ...m,
        source: owner.source,
        sourceId: owner.sourceId,
        createdAt: by.at,
        createdBy: by.userName,
      })
      .run();
  }
  return before;
}

/** Replaces one record's planned marks from `since` on (those before stay as they were), skipping sessions that
 * already have a register mark: a plan or timetable changed part-way keeps its history. Returns how many it wrote. */
export function replacePlannedMarksFrom(
  db: Db,
  owner: PlannedOwner,
  since: string,
  marks: PlannedMarkInput[],
  by: { at: string; userName: string },
): number {
  db.prepare('DELETE FROM planned_marks WHERE source = ? AND source_id = ? AND date >= ?').run(
    owner.source,
    owner.sourceId,
    since,
  );
  const ins = db.prepare(
    `INSERT OR IGNORE INTO planned_marks (pupil_id, date, session, code, note, source, source_id, created_at, created_by)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
     WHERE NOT EXISTS (SELECT 1 FROM marks m WHERE m.pupil_id = ? AND m.date = ? AND m.session = ?)`,
  );
  let n = 0;
  for (const m of marks) {
    const args = [m.pupilId, m.date, m.session, m.code, m.note ?? null, owner.source, owner.sourceId];
    n += ins.run(...args, by.at, by.userName, m.pupilId, m.date, m.session).changes;
  }
  return n;
}
