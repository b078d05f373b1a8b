// Lists, the due list and the counts of arrangements (docs/rules/arrangements.md): what the lead, the office, the
// governor report (counts only) and the CLI read.
import type { ArrangementRowT } from '../../../shared/channels/arrangements';
import { ARRANGEMENT_KIND_LABELS, ARRANGEMENT_LIST_LABELS } from '../../../shared/arrangements';
import type { Input, Output } from '../../../shared/contract';
import { addDays, formatUkDate, type IsoDate } from '../../../shared/dates';
import type { Ctx } from '../context';
import { and, between, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../db/connection';
import { plannedMarks } from '../db/schema';
import { AppError } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { agreedKeysOf, agreedSessionKeys, arrangementSessions, type PlannedSession } from './planned';
import type { Calendar } from '../../../shared/calendar';
import { loadArrangements } from './read';
import { legacyTimetables } from './legacy';
import { loadOne } from './arrangements.service';

/** Stored arrangements and part-time leave decisions shown as timetables, by start date. */
export function allArrangements(db: Db, today: IsoDate, pupilId?: number): ArrangementRowT[] {
  return [...loadArrangements(db, today, pupilId), ...legacyTimetables(db, today, pupilId)].sort((a, b) =>
    a.startDate === b.startDate ? a.pupilName.localeCompare(b.pupilName) : a.startDate < b.startDate ? -1 : 1,
  );
}

export function listArrangements(ctx: Ctx, i: Input<'arrangements.list'>): Output<'arrangements.list'> {
  const today = ctx.today();
  const rows = allArrangements(ctx.store.db, today, i.pupilId).filter(
    (a) => (!i.kind || a.kind === i.kind) && (!i.current || (a.status !== 'ended' && a.status !== 'planned')),
  );
  return { arrangements: rows, today };
}

export function getArrangement(ctx: Ctx, i: Input<'arrangements.get'>): Output<'arrangements.get'> {
  return { arrangement: loadOne(ctx, i.id) };
}

export function arrangementSessionList(
  ctx: Ctx,
  i: Input<'arrangements.sessions'>,
): Output<'arrangements.sessions'> {
  const a = loadOne(ctx, i.id);
  // The arrangement's pupil (arrangements.pupil_id references pupils), unchecked here as before.
  const dob = ctx.store.db
    .prepare<[number], { dob: string }>('SELECT dob FROM pupils WHERE id = ?')
    .get(a.pupilId)!;
  const from = i.from ?? a.startDate;
  const to = i.to ?? a.endDate ?? addDays(from, 90);
  if (to < from) {
    throw new AppError('invalid', 'The period ends before it starts.');
  }
  return {
    sessions: arrangementSessions(loadCalendar(ctx.store.db), { ...a, dob: dob.dob }, a.patterns, {
      from,
      to,
    }),
  };
}

export type DueItem = Output<'arrangements.due'>['items'][number];

/** What needs doing about arrangements on `today`: reviews due within a week or overdue, ends within a week, and
 * arrangements past their end with no outcome. Used by the due list. */
export function arrangementsDue(db: Db, today: IsoDate): DueItem[] {
  const soon = addDays(today, 7);
  const items: DueItem[] = [];
  for (const a of loadArrangements(db, today)) {
    if (a.outcome || a.id === null || a.startDate > soon) {
      continue;
    }
    const label = ARRANGEMENT_KIND_LABELS[a.kind].toLowerCase();
    const base = { arrangementId: a.id, kind: a.kind, pupilId: a.pupilId, pupilName: a.pupilName };
    if (a.endDate && a.endDate < today) {
      items.push({
        ...base,
        what: 'outcome',
        due: a.endDate,
        overdue: true,
        message: `${a.pupilName}'s ${label} ended on ${formatUkDate(a.endDate)}: record the outcome or a review that extends it.`,
      });
      continue;
    }
    if (a.nextReviewOn && a.nextReviewOn <= soon) {
      const overdue = a.nextReviewOn < today;
      items.push({
        ...base,
        what: 'review',
        due: a.nextReviewOn,
        overdue,
        message: `Review ${a.pupilName}'s ${label} ${overdue ? 'was due' : 'by'} ${formatUkDate(a.nextReviewOn)}.`,
      });
    }
    if (a.endDate && a.endDate <= soon) {
      items.push({
        ...base,
        what: 'expiry',
        due: a.endDate,
        overdue: false,
        message: `${a.pupilName}'s ${label} ends on ${formatUkDate(a.endDate)}: plan the return to full time or review it.`,
      });
    }
  }
  return items.sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : 0));
}

export interface ArrangementCounts {
  timetablesAgreed: number;
  timetablesInForce: number;
  timetablesEnded: number;
  flexiAgreed: number;
  flexiInForce: number;
  reviews: number;
  contractsAgreed: number;
}

/** Counts for the governor report (no names): agreed in the period, in force at any time in it, ended in it,
 * reviews held in it, and attendance contracts agreed. Part-time leave decisions count as timetables. */
export function arrangementCounts(db: Db, from: IsoDate, to: IsoDate): ArrangementCounts {
  const rows = allArrangements(db, to);
  const inForce = (a: ArrangementRowT) => a.startDate <= to && (a.endDate === null || a.endDate >= from);
  const of = (k: ArrangementRowT['kind']) => rows.filter((a) => a.kind === k);
  const agreed = (a: ArrangementRowT) => a.startDate >= from && a.startDate <= to;
  return {
    timetablesAgreed: of('part_time').filter(agreed).length,
    timetablesInForce: of('part_time').filter(inForce).length,
    timetablesEnded: of('part_time').filter(
      (a) => a.outcome && a.outcome.endedOn >= from && a.outcome.endedOn <= to,
    ).length,
    flexiAgreed: of('flexi').filter(agreed).length,
    flexiInForce: of('flexi').filter(inForce).length,
    // count(*) without GROUP BY: always one row, hence the `!`.
    contractsAgreed: db
      .prepare<[string, string], { n: number }>(
        'SELECT count(*) AS n FROM attendance_contracts WHERE agreed_on BETWEEN ? AND ?',
      )
      .get(from, to)!.n,
    reviews: rows.reduce(
      (n, a) => n + a.reviews.filter((r) => r.reviewedOn >= from && r.reviewedOn <= to).length,
      0,
    ),
  };
}

export function dueList(ctx: Ctx, i: Input<'arrangements.due'>): Output<'arrangements.due'> {
  return { items: arrangementsDue(ctx.store.db, i.today ?? ctx.today()) };
}

/** How many of these absence marks fall on sessions the school agreed (a timetable's missed sessions, a flexi
 * agreement's home sessions, granted leave) with the agreed code: the figure guardrail G4 reads. */
export function agreedAbsences(
  db: Db,
  pupilId: number,
  from: IsoDate,
  to: IsoDate,
  absences: { date: IsoDate; session: string; code: string }[],
): number {
  const rows = allArrangements(db, to, pupilId).filter((a) => a.id !== null);
  const keys = agreedSessionKeys(db, pupilId, from, to, rows);
  return absences.filter((m) => keys.has(`${m.date}|${m.session}|${m.code}`)).length;
}

/** agreedAbsences for the pupils of a batch of letters: the arrangements and the granted leave of the period are
 * read once for every pupil, then each pupil's count is worked out from them (the same count). */
export function agreedAbsencesOf(
  db: Db,
  cal: Calendar,
  from: IsoDate,
  to: IsoDate,
): (
  pupil: { id: number; dob: string | null },
  absences: { date: IsoDate; session: string; code: string }[],
) => number {
  const rows = new Map<number, ArrangementRowT[]>();
  for (const a of allArrangements(db, to)) {
    if (a.id !== null) {
      rows.set(a.pupilId, [...(rows.get(a.pupilId) ?? []), a]);
    }
  }
  const leave = new Map<number, PlannedSession[]>();
  const p = plannedMarks;
  const planned = drizzle(db)
    .select({ pupilId: p.pupilId, date: p.date, session: p.session, code: p.code })
    .from(p)
    .where(and(eq(p.source, 'leave'), between(p.date, from, to)))
    .all();
  for (const { pupilId, ...s } of planned) {
    leave.set(pupilId, [...(leave.get(pupilId) ?? []), s]);
  }
  return (pupil, absences) => {
    const keys = agreedKeysOf(cal, pupil.dob, rows.get(pupil.id) ?? [], leave.get(pupil.id) ?? [], {
      from,
      to,
    });
    return absences.filter((m) => keys.has(`${m.date}|${m.session}|${m.code}`)).length;
  };
}

/** The label each pupil carries in lists on a date while an arrangement is in force ("part-time timetable",
 * "flexi agreement"; both when both). */
export function arrangementLabels(db: Db, on: IsoDate): Map<number, string> {
  const out = new Map<number, string>();
  for (const a of allArrangements(db, on)) {
    if (
      a.startDate <= on &&
      (a.endDate === null || a.endDate >= on) &&
      !(a.outcome && a.outcome.endedOn < on)
    ) {
      const l = ARRANGEMENT_LIST_LABELS[a.kind];
      const had = out.get(a.pupilId);
      out.set(a.pupilId, had && had !== l ? `${had}, ${l}` : l);
    }
  }
  return out;
}
