// One pupil's marks over a range of dates, as the figures take them (shared/statistics.ts, StatsMark): the one
// read every area uses for a single pupil's figures (the pupil page, leave checks, plans, patterns, bands due).
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../db/connection';
import { marks } from '../db/schema';
import type { IsoDate } from '../../../shared/dates';
import type { StatsMark } from '../../../shared/statistics/marks';

/** The pupil's marks dated from `from` to `to`, in date and session order, by the (pupil, date) index. */
export function pupilMarksBetween(db: Db, pupilId: number, from: IsoDate, to: IsoDate): StatsMark[] {
  return drizzle(db)
    .select({ date: marks.date, session: marks.session, code: marks.code, minutesLate: marks.minutesLate })
    .from(marks)
    .where(and(eq(marks.pupilId, pupilId), gte(marks.date, from), lte(marks.date, to)))
    .orderBy(asc(marks.date), asc(marks.session))
    .all();
}
