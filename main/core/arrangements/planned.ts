// The sessions an arrangement pre-fills (docs/rules/arrangements.md): on each school day from the start to the
// end in force, the sessions the pattern in force that day marks as away get C2 (timetable) or C (flexi) for a
// pupil of compulsory school age, X otherwise. They reach the register through planned_marks, the same path
// granted leave uses; a session that already holds a mark is never planned, so a taken mark is never overwritten.
import { ARRANGEMENT_CODES, type ArrangementKind } from '../../../shared/arrangements';
import { addDays, isCompulsoryAge, weekday, type IsoDate, type Session } from '../../../shared/dates';
import type { Calendar } from '../../../shared/calendar';
import type { Db } from '../db/connection';
import { loadCalendar } from '../calendar/calendar.service';
import { replacePlannedMarksFrom } from '../registers/planned-marks';

export interface PatternFrom {
  fromDate: IsoDate;
  away: string[];
}
export interface PlannedSession {
  date: IsoDate;
  session: Session;
  code: string;
}

/** The pattern in force on a date: the latest one starting on or before it. */
export function patternOn(patterns: PatternFrom[], date: IsoDate): string[] {
  let away: string[] = [];
  for (const p of [...patterns].sort((a, b) => (a.fromDate < b.fromDate ? -1 : 1))) {
    if (p.fromDate <= date) {
      away = p.away;
    }
  }
  return away;
}

export function arrangementSessions(
  cal: Calendar,
  a: { kind: ArrangementKind; startDate: IsoDate; endDate: IsoDate | null; dob: IsoDate },
  patterns: PatternFrom[],
  window: { from: IsoDate; to: IsoDate },
): PlannedSession[] {
  const from = a.startDate > window.from ? a.startDate : window.from;
  const end = a.endDate ?? window.to;
  const to = end < window.to ? end : window.to;
  const out: PlannedSession[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (!cal.isSchoolDay(d)) {
      continue;
    }
    const away = patternOn(patterns, d);
    const code = isCompulsoryAge(a.dob, d) ? ARRANGEMENT_CODES[a.kind] : 'X';
    for (const s of ['AM', 'PM'] as const) {
      if (away.includes(`${weekday(d)}${s}`)) {
        out.push({ date: d, session: s, code });
      }
    }
  }
  return out;
}

/** How far ahead an open-ended flexi agreement is pre-filled: to the end of the next school year. */
function horizon(start: IsoDate): IsoDate {
  return addDays(start, 730);
}

/** Rewrites the planned marks of one arrangement (planned marks are not statutory; the audit log keeps the change).
 * Returns the number planned. Sessions that already hold a mark are left out. */
export function writePlanned(
  db: Db,
  a: { id: number; pupilId: number; kind: ArrangementKind; startDate: IsoDate; endDate: IsoDate | null },
  patterns: PatternFrom[],
  by: string,
  now: string,
  note: string,
): number {
  // The arrangement's pupil (arrangements.pupil_id references pupils), unchecked here as before.
  const pupil = db.prepare<[number], { dob: string }>('SELECT dob FROM pupils WHERE id = ?').get(a.pupilId)!;
  const cal = loadCalendar(db);
  const sessions = arrangementSessions(cal, { ...a, dob: pupil.dob }, patterns, {
    from: a.startDate,
    to: a.endDate ?? horizon(a.startDate),
  });
  const marks = sessions.map((s) => ({ pupilId: a.pupilId, ...s, note }));
  const owner = { source: sourceOf(a.kind), sourceId: a.id };
  // From the start: every session of the arrangement is replanned; one that already holds a mark is left out.
  return replacePlannedMarksFrom(db, owner, '0000-01-01', marks, { at: now, userName: by });
}

/** The planned_marks source of each kind (one pupil may hold a timetable and a flexi agreement, never two of one). */
export function sourceOf(kind: ArrangementKind): string {
  return kind === 'part_time' ? 'timetable' : 'flexi';
}

/** Every session of a pupil's arrangements and granted leave in a period, as "date|session|code" (guardrail G4 in
 * main/core/letters/guardrails.ts): an absence with that code on that session was agreed. */
export function agreedSessionKeys(
  db: Db,
  pupilId: number,
  from: IsoDate,
  to: IsoDate,
  arrangements: AgreedArrangement[],
): Set<string> {
  const dob = db.prepare<[number], { dob: string }>('SELECT dob FROM pupils WHERE id = ?').get(pupilId)?.dob;
  const leave = db
    .prepare<[number, string, string], PlannedSession>(
      "SELECT date, session, code FROM planned_marks WHERE pupil_id = ? AND source = 'leave' AND date BETWEEN ? AND ?",
    )
    .all(pupilId, from, to);
  return agreedKeysOf(dob ? loadCalendar(db) : null, dob ?? null, arrangements, leave, { from, to });
}

type AgreedArrangement = {
  kind: ArrangementKind;
  startDate: IsoDate;
  endDate: IsoDate | null;
  patterns: PatternFrom[];
};

/** agreedSessionKeys from what it reads: the calendar, the pupil's date of birth (none: no arrangement counts), the
 * arrangements and the granted leave's planned sessions (a batch of letters reads them for all its pupils at once). */
export function agreedKeysOf(
  cal: Calendar | null,
  dob: string | null,
  arrangements: AgreedArrangement[],
  leave: PlannedSession[],
  period: { from: IsoDate; to: IsoDate },
): Set<string> {
  const keys = new Set<string>();
  if (dob && cal) {
    for (const a of arrangements) {
      for (const s of arrangementSessions(cal, { ...a, dob }, a.patterns, period)) {
        keys.add(`${s.date}|${s.session}|${s.code}`);
      }
    }
  }
  for (const s of leave) {
    keys.add(`${s.date}|${s.session}|${s.code}`);
  }
  return keys;
}
