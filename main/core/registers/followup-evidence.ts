// The follow-up of unexplained absence over a period, for the self-audit (docs/rules/self-audit.md): every pupil-day
// that had an N mark (still N, or amended from N), whether a contact attempt was logged that day, whether a pupil
// with a social worker had the worker told that day, and how many school days each N mark took to resolve.
import type { IsoDate } from '../../../shared/dates';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../db/connection';
import { pupils } from '../db/schema';
import { loadCalendar } from '../calendar/calendar.service';

export interface NDay {
  pupilId: number;
  forename: string;
  preferredForename: string | null;
  surname: string;
  regGroup: string;
  socialWorker: boolean;
  date: IsoDate;
  contacted: boolean;
  socialWorkerTold: boolean;
}

export interface NMark {
  pupilId: number;
  date: IsoDate;
  session: 'AM' | 'PM';
  /** The day the N was first amended to another code, or null while it is still N. */
  resolvedOn: IsoDate | null;
  /** School days after the mark's date until it was resolved (or until `asOf` while unresolved). */
  schoolDays: number;
}

// Raw SQL: a scan of the period's marks with two correlated subqueries on mark_history, for the self-audit.
const N_MARKS_SQL = `SELECT m.pupil_id, m.date, m.session, m.code,
  (SELECT min(h.changed_at) FROM mark_history h
    WHERE h.mark_id = m.id AND h.old_code = 'N' AND h.new_code <> 'N') AS resolved_at
  FROM marks m WHERE m.date >= ? AND m.date <= ?
  AND (m.code = 'N' OR EXISTS (SELECT 1 FROM mark_history h WHERE h.mark_id = m.id AND h.old_code = 'N'))
  ORDER BY m.date, m.session, m.pupil_id`;

/** A row of N_MARKS_SQL, under the names SQLite gives its columns. */
interface NRow {
  pupil_id: number;
  date: string;
  session: 'AM' | 'PM';
  code: string;
  resolved_at: string | null;
}

function nMarkRows(db: Db, from: IsoDate, to: IsoDate): NRow[] {
  return db.prepare<[IsoDate, IsoDate], NRow>(N_MARKS_SQL).all(from, to);
}

/** Every N mark dated in [from, to], with when (in school days) it was resolved, measured to `asOf`. */
export function nMarksIn(db: Db, from: IsoDate, to: IsoDate, asOf: IsoDate): NMark[] {
  const cal = loadCalendar(db);
  return nMarkRows(db, from, to).map((r) => {
    const resolvedOn = r.code === 'N' ? null : (r.resolved_at?.slice(0, 10) ?? null);
    return {
      pupilId: r.pupil_id,
      date: r.date,
      session: r.session,
      resolvedOn,
      schoolDays: cal.schoolDaysAfter(r.date, resolvedOn ?? asOf),
    };
  });
}

/** Each pupil-day in [from, to] with an N mark, and what was done about it that day. */
export function nDaysIn(db: Db, from: IsoDate, to: IsoDate): NDay[] {
  const days = new Map<string, { pupilId: number; date: string }>();
  for (const r of nMarkRows(db, from, to)) {
    days.set(`${r.pupil_id}|${r.date}`, { pupilId: r.pupil_id, date: r.date });
  }
  const byId = new Map(
    drizzle(db)
      .select()
      .from(pupils)
      .all()
      .map((p) => [p.id, p]),
  );
  const attempt = db.prepare('SELECT 1 FROM contact_attempts WHERE pupil_id = ? AND date = ? LIMIT 1');
  const told = db.prepare('SELECT 1 FROM social_worker_notices WHERE pupil_id = ? AND date = ? LIMIT 1');
  return [...days.values()].map(({ pupilId, date }) => {
    const p = byId.get(pupilId)!;
    return {
      pupilId,
      forename: p.forename,
      preferredForename: p.preferredForename,
      surname: p.surname,
      regGroup: p.regGroup,
      socialWorker: p.socialWorker,
      date,
      contacted: attempt.get(pupilId, date) !== undefined,
      socialWorkerTold: told.get(pupilId, date) !== undefined,
    };
  });
}
