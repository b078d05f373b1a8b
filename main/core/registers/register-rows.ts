// The rows the register screens read from pupils, marks, planned_marks and registers_taken, as typed drizzle
// rows (the pattern of main/core/figures/penalty-rows.ts). Writes of marks stay in mark-writer.ts.
import { and, asc, between, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../db/connection';
import { marks, plannedMarks, pupils, registersTaken } from '../db/schema';

/** On roll on the day: admitted by then and not left before it. */
export function onRollOn(date: string) {
  return and(lte(pupils.admissionDate, date), or(isNull(pupils.leavingDate), gte(pupils.leavingDate, date)));
}

/** The pupils of a registration group on roll on the day, in register order. */
export function groupPupilsOn(db: Db, regGroup: string, date: string) {
  return drizzle(db)
    .select({
      id: pupils.id,
      upn: pupils.upn,
      surname: pupils.surname,
      forename: pupils.forename,
      preferred: pupils.preferredForename,
      sw: pupils.socialWorker,
    })
    .from(pupils)
    .where(and(eq(pupils.regGroup, regGroup), onRollOn(date)))
    .orderBy(asc(pupils.surname), asc(pupils.forename), asc(pupils.upn))
    .all();
}

/** The ids of a registration group's pupils on roll on the day. */
export function groupIdsOn(db: Db, regGroup: string, date: string): number[] {
  return drizzle(db)
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(eq(pupils.regGroup, regGroup), onRollOn(date)))
    .all()
    .map((r) => r.id);
}

/** The registration groups with a pupil on roll on the day, in order. */
export function groupsOn(db: Db, date: string): string[] {
  return drizzle(db)
    .selectDistinct({ g: pupils.regGroup })
    .from(pupils)
    .where(onRollOn(date))
    .orderBy(asc(pupils.regGroup))
    .all()
    .map((r) => r.g);
}

/** Who took a group's register for a session, and when, if it was taken. */
export function takenBy(db: Db, date: string, session: 'AM' | 'PM', regGroup: string) {
  return drizzle(db)
    .select({ by: registersTaken.takenBy, at: registersTaken.takenAt })
    .from(registersTaken)
    .where(
      and(
        eq(registersTaken.date, date),
        eq(registersTaken.session, session),
        eq(registersTaken.regGroup, regGroup),
      ),
    )
    .get();
}

/** The registers taken on the day, each as its session followed by its group ("AM7B"). */
export function takenKeysOn(db: Db, date: string): Set<string> {
  const rows = drizzle(db)
    .select({ k: sql<string>`${registersTaken.session} || ${registersTaken.regGroup}` })
    .from(registersTaken)
    .where(eq(registersTaken.date, date))
    .all();
  return new Set(rows.map((r) => r.k));
}

/** Every mark of a group's pupils (whoever is in the group now) dated in [from, to]. */
export function groupMarksBetween(db: Db, regGroup: string, from: string, to: string) {
  const orm = drizzle(db);
  const members = orm.select({ id: pupils.id }).from(pupils).where(eq(pupils.regGroup, regGroup));
  return orm
    .select({
      p: marks.pupilId,
      date: marks.date,
      session: marks.session,
      code: marks.code,
      minutesLate: marks.minutesLate,
      note: marks.note,
      version: marks.version,
    })
    .from(marks)
    .where(and(between(marks.date, from, to), inArray(marks.pupilId, members)))
    .all();
}

/** The planned marks of a session, oldest first. */
export function plannedOn(db: Db, date: string, session: 'AM' | 'PM') {
  return drizzle(db)
    .select({ p: plannedMarks.pupilId, code: plannedMarks.code, note: plannedMarks.note })
    .from(plannedMarks)
    .where(and(eq(plannedMarks.date, date), eq(plannedMarks.session, session)))
    .orderBy(asc(plannedMarks.id))
    .all();
}
