// One pupil's marks over a range of dates, as the figures take them (shared/statistics.ts, StatsMark): the one
// read every area uses for a single pupil's figures (the pupil page, leave checks, plans, patterns, bands due).
import type { Db } from '../db/connection';
import type { IsoDate } from '../../../shared/dates';
import type { StatsMark } from '../../../shared/statistics';

/** The pupil's marks dated from `from` to `to`, in date and session order, by the (pupil, date) index. */
export function pupilMarksBetween(db: Db, pupilId: number, from: IsoDate, to: IsoDate): StatsMark[] {
  return db
    .prepare<[number, IsoDate, IsoDate], StatsMark>(
      `SELECT date, session, code, minutes_late AS minutesLate FROM marks
      WHERE pupil_id = ? AND date >= ? AND date <= ? ORDER BY date, session`,
    )
    .all(pupilId, from, to);
}
