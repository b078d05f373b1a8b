// When a CME case should open (docs/rules/arrangements.md, "Children missing education"): a pupil on roll with
// unauthorised absence on every session of the last 10 school days, or one not back in school 10 school days after
// a leave of absence ended (every session of those days marked absent). Each such pupil with no open case and none
// opened since is proposed; the app opens the case by itself (cme-auto.ts). Nothing is deleted automatically.
import { and, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Output } from '../../../shared/contract';
import { addDays, formatUkDate, type IsoDate } from '../../../shared/dates';
import { pupilName } from '../../../shared/names';
import { markCategory } from '../../../shared/statistics/code-eras';
import type { Db } from '../db/connection';
import { pupils } from '../db/schema';
import { leaveRequests } from '../db/schema-leave';
import { loadCalendar } from '../calendar/calendar.service';
import { loadCases, tenDayRuns } from './cme';

type Proposal = Output<'arrangements.cmeProposals'>['proposals'][number];
const ABSENT = new Set(['authorised', 'unauthorised']);

/** The first 10 school days after `d`, or null when the 10th is after `today`. */
function tenSchoolDaysAfter(db: Db, d: IsoDate, today: IsoDate): IsoDate[] | null {
  const cal = loadCalendar(db);
  const days: IsoDate[] = [];
  for (let x = addDays(d, 1); days.length < 10 && x <= today; x = addDays(x, 1)) {
    if (cal.isSchoolDay(x)) {
      days.push(x);
    }
  }
  return days.length === 10 ? days : null;
}

/** Pupils whose leave ended and who were absent on every session of the 10 school days after it, up to today. */
function notBackAfterLeave(
  db: Db,
  today: IsoDate,
  only: ReadonlySet<number> | null,
): { pupilId: number; leaveEnd: IsoDate; since: IsoDate }[] {
  const r = leaveRequests;
  const ends = drizzle(db)
    .select({ pupilId: r.pupilId, leaveEnd: sql<IsoDate>`max(${r.toDate})` })
    .from(r)
    .innerJoin(pupils, eq(pupils.id, r.pupilId))
    .where(
      and(
        lt(r.toDate, today),
        gte(r.toDate, addDays(today, -70)),
        or(isNull(pupils.leavingDate), gte(pupils.leavingDate, today)),
      ),
    )
    .groupBy(r.pupilId)
    .all()
    .filter((e) => !only || only.has(e.pupilId));
  const marks = db.prepare<[number, IsoDate, IsoDate], { date: IsoDate; code: string }>(
    'SELECT date, code FROM marks WHERE pupil_id = ? AND date BETWEEN ? AND ?',
  );
  const out: { pupilId: number; leaveEnd: IsoDate; since: IsoDate }[] = [];
  for (const e of ends) {
    const days = tenSchoolDaysAfter(db, e.leaveEnd, today);
    if (!days) {
      continue;
    }
    const rows = marks.all(e.pupilId, days[0], days[9]);
    const absent = rows.filter((r) => ABSENT.has(markCategory(r.code, r.date) ?? '')).length;
    if (rows.length === 20 && absent === 20) {
      out.push({ ...e, since: days[0] });
    }
  }
  return out;
}

/** Every pupil a CME case should open for (only among `pupilIds` when given), sorted by name. */
export function cmeProposals(db: Db, today: IsoDate, pupilIds?: readonly number[]): Proposal[] {
  const only = pupilIds ? new Set(pupilIds) : null;
  const cases = loadCases(db);
  const orm = drizzle(db);
  const name = (id: number) => pupilName(orm.select().from(pupils).where(eq(pupils.id, id)).get()!);
  const out: Proposal[] = [];
  const add = (pupilId: number, p: Omit<Proposal, 'pupilId' | 'pupilName'>) => {
    const handled = cases.some((c) => c.pupilId === pupilId && (c.open || c.openedOn >= p.since));
    if (!handled && !out.some((x) => x.pupilId === pupilId)) {
      out.push({ pupilId, pupilName: name(pupilId), ...p });
    }
  };
  const cal = loadCalendar(db);
  for (const id of tenDayRuns(db, today, pupilIds)) {
    let since = today;
    for (let n = 1, d = today; n < 10;) {
      d = addDays(d, -1);
      if (cal.isSchoolDay(d)) {
        since = d;
        n++;
      }
    }
    add(id, {
      trigger: 'unauthorised_10_days',
      since,
      detail: `Unauthorised absence on every session of the 10 school days from ${formatUkDate(since)} to ${formatUkDate(today)}.`,
    });
  }
  for (const x of notBackAfterLeave(db, today, only)) {
    add(x.pupilId, {
      trigger: 'not_back_after_leave',
      since: x.since,
      detail: `Leave ended on ${formatUkDate(x.leaveEnd)}; absent on every session of the 10 school days since.`,
    });
  }
  return out.sort((a, b) => a.pupilName.localeCompare(b.pupilName));
}
