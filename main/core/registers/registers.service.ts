// Taking a register for a registration group and session, the registers not yet taken, and single-mark
// amendments from the app. Every write goes through markWriter (mark-writer.ts).
import type { Input, Issue, Output } from '../../../shared/contract';
import { codesValidOn, normaliseCode } from '../../../shared/codes';
import { addDays, formatUkDate, type Session } from '../../../shared/dates';
import { plural, pupilName } from '../../../shared/names';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Ctx } from '../context';
import type { Db } from '../db/connection';
import { pupils, registersTaken } from '../db/schema';
import { AppError } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { readSchool } from '../school/school.service';
import { markWriter, type MarkWriter, type StoredMark } from './mark-writer';
import { arrangementLabels } from '../arrangements/queries';
import { autoOpenAfterRegister } from '../arrangements/cme-auto';
import {
  groupIdsOn,
  groupMarksBetween,
  groupPupilsOn,
  groupsOn,
  plannedOn,
  takenBy,
  takenKeysOn,
} from './register-rows';

function addMinutes(hhmm: string, mins: number): string {
  const [h, m] = hhmm.split(':').map(Number);
  const t = h * 60 + m + mins;
  return `${String(Math.floor(t / 60) % 24).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

export function registerTimes(ctx: Ctx, session: Session) {
  const s = readSchool(ctx.store.db);
  if (!s) {
    throw new AppError('not_found', 'Set the school up first.');
  }
  const opensAt = session === 'AM' ? s.amOpens : s.pmOpens;
  return {
    opensAt,
    closesAt: addMinutes(opensAt, s.registerOpenMinutes),
    openMinutes: s.registerOpenMinutes,
  };
}

export function getRegister(ctx: Ctx, i: Input<'registers.get'>): Output<'registers.get'> {
  const db = ctx.store.db;
  const cal = loadCalendar(db);
  const times = registerTimes(ctx, i.session);
  const taken = takenBy(db, i.date, i.session, i.regGroup);
  const roll = groupPupilsOn(db, i.regGroup, i.date);
  // the last ten school days before this one, for the strip
  const stripDays: string[] = [];
  for (let d = addDays(i.date, -1); stripDays.length < 10 && d > addDays(i.date, -60); d = addDays(d, -1)) {
    if (cal.isSchoolDay(d)) {
      stripDays.unshift(d);
    }
  }
  const all = groupMarksBetween(db, i.regGroup, stripDays[0] ?? i.date, i.date);
  const byKey = new Map(all.map((m) => [`${m.p}|${m.date}|${m.session}`, m]));
  const planned = plannedOn(db, i.date, i.session);
  const plannedBy = new Map<number, { code: string; note: string | null }>();
  for (const p of planned) {
    if (!plannedBy.has(p.p)) {
      plannedBy.set(p.p, { code: p.code, note: p.note });
    }
  }
  const labels = arrangementLabels(db, i.date);
  return {
    date: i.date,
    session: i.session,
    regGroup: i.regGroup,
    isSchoolDay: cal.isSchoolDay(i.date),
    dayKind: cal.dayKind(i.date),
    opensAt: times.opensAt,
    closesAt: times.closesAt,
    taken: taken ?? null,
    codes: codesValidOn(i.date).map((c) => ({
      code: c.code,
      label: c.label,
      category: c.category,
      needsReason: c.needsReason,
    })),
    pupils: roll.map((p) => {
      const m = byKey.get(`${p.id}|${i.date}|${i.session}`);
      return {
        pupilId: p.id,
        upn: p.upn,
        name: `${p.preferred ?? p.forename} ${p.surname}`,
        socialWorker: p.sw,
        arrangement: labels.get(p.id) ?? null,
        mark: m ? { code: m.code, minutesLate: m.minutesLate, note: m.note, amended: m.version > 1 } : null,
        planned: plannedBy.get(p.id) ?? null,
        strip: stripDays.map((d) => ({
          date: d,
          am: byKey.get(`${p.id}|${d}|AM`)?.code ?? null,
          pm: byKey.get(`${p.id}|${d}|PM`)?.code ?? null,
        })),
      };
    }),
  };
}

/** Saves a register: new marks are recorded; changed marks are amendments and need a reason. */
export function saveRegister(ctx: Ctx, i: Input<'registers.save'>): Output<'registers.save'> {
  const db = ctx.store.db;
  const cal = loadCalendar(db);
  if (!cal.isSchoolDay(i.date)) {
    throw new AppError('invalid', `${i.date} is not a school day; no register is taken.`);
  }
  const times = registerTimes(ctx, i.session);
  const onRoll = new Set(groupIdsOn(db, i.regGroup, i.date));
  const writer = markWriter(ctx);
  const issues: Issue[] = [];
  const ops: (() => void)[] = [];
  // A note changed alone is a write but none of the counts returned.
  const counts = { inserted: 0, amended: 0, unchanged: 0, noteChanged: 0 };
  const nameOf = pupilNamer(db);
  for (const m of i.marks) {
    const checked = checkRegisterMark(i, m, onRoll, times);
    if (typeof checked === 'string') {
      issues.push({ path: nameOf(m.pupilId), message: checked });
      continue;
    }
    const stored = writer.existing(m.pupilId, i.date, i.session);
    const plan = planMarkWrite(ctx, writer, i, checked, stored);
    if (typeof plan === 'string') {
      issues.push({ path: nameOf(m.pupilId), message: plan });
      continue;
    }
    if (plan.op) {
      ops.push(plan.op);
    }
    counts[plan.outcome]++;
  }
  if (issues.length) {
    throw new AppError(
      'invalid',
      `${plural(issues.length, 'mark')} could not be saved; nothing was saved.`,
      issues,
    );
  }
  for (const op of ops) {
    op();
  }
  const { inserted, amended, unchanged } = counts;
  recordRegisterTaken(ctx, i, inserted);
  autoOpenAfterRegister(ctx, [...onRoll]); // CME cases open by themselves (docs/rules/arrangements.md)
  return {
    inserted,
    amended,
    unchanged,
    unmarked: [...onRoll].filter(
      (id) => !i.marks.some((m) => m.pupilId === id) && !writer.existing(id, i.date, i.session),
    ).length,
  };
}

/** The name of a pupil by id, for messages: they name the pupil, never the internal id (a person reads them). */
function pupilNamer(db: Db): (id: number) => string {
  const nameQ = drizzle(db)
    .select({
      forename: pupils.forename,
      preferredForename: pupils.preferredForename,
      surname: pupils.surname,
    })
    .from(pupils)
    .where(eq(pupils.id, sql.placeholder('id')))
    .prepare();
  return (id) => {
    const p = nameQ.get({ id });
    return p ? pupilName(p) : 'A pupil who is not on the admission register';
  };
}

type RegisterMark = Input<'registers.save'>['marks'][number];

/** A register's mark once checked: its code normalised for the date and session, minutes late and note. */
interface CheckedMark {
  pupilId: number;
  code: string;
  minutes: number | null;
  note: string | null;
}

/** Checks one mark of a register, in this order: the pupil is on roll in the group, the code is valid on the
 * date, minutes late are only for L or U and an L is within the register's open time, no #, and a note where
 * the code needs one. Returns the first problem, or the checked mark. */
function checkRegisterMark(
  i: Input<'registers.save'>,
  m: RegisterMark,
  onRoll: Set<number>,
  times: ReturnType<typeof registerTimes>,
): CheckedMark | string {
  if (!onRoll.has(m.pupilId)) {
    return `not on roll in ${i.regGroup} on ${formatUkDate(i.date)}`;
  }
  const n = normaliseCode(m.code, i.date, i.session);
  if (!n.ok) {
    return n.message;
  }
  const minutes = m.minutesLate && m.minutesLate > 0 ? m.minutesLate : null;
  if (minutes !== null && n.code !== 'L' && n.code !== 'U') {
    return `minutes late are only for L or U`;
  }
  if (n.code === 'L' && minutes !== null && minutes > times.openMinutes) {
    return (
      `arrived ${minutes} minutes after the register opened, after it closed at ${times.closesAt}: ` +
      'use U (or a more fitting code), not L'
    );
  }
  if (n.code === '#') {
    return 'a planned whole-school closure (#) belongs in the calendar';
  }
  const note = m.note?.trim() || null;
  if (n.row.needsReason && !note) {
    return `${n.code} (${n.row.label}) needs the detail recorded in the note`;
  }
  return { pupilId: m.pupilId, code: n.code, minutes, note };
}

/** What saving a checked mark does, given the stored mark: insert it, amend it (only with the register's
 * reason, else the problem is returned), change only its note, or nothing. The write comes back to run once
 * every mark has passed. */
function planMarkWrite(
  ctx: Ctx,
  writer: MarkWriter,
  i: Input<'registers.save'>,
  mark: CheckedMark,
  stored: StoredMark | undefined,
): { outcome: 'inserted' | 'amended' | 'unchanged' | 'noteChanged'; op?: () => void } | string {
  const { pupilId, code, minutes, note } = mark;
  if (!stored) {
    return {
      outcome: 'inserted',
      op: () => writer.insert(pupilId, i.date, i.session, code, minutes, note, 'register'),
    };
  }
  const noteChanged = (stored.note ?? null) !== note;
  if (stored.code === code && (stored.minutesLate ?? null) === minutes) {
    return noteChanged
      ? { outcome: 'noteChanged', op: () => writer.setNote(stored, note) }
      : { outcome: 'unchanged' };
  }
  const reason = i.reason;
  if (!reason?.trim()) {
    return `changing ${stored.code} to ${code} is an amendment: give a reason`;
  }
  const op = () => {
    writer.amend(stored, code, minutes, {
      reason,
      by: ctx.session.userName,
      position: ctx.session.position,
    });
    if (noteChanged) {
      writer.setNote(stored, note);
    }
  };
  return { outcome: 'amended', op };
}

/** Records that the register was taken, the first time only, and audits that first time. */
function recordRegisterTaken(ctx: Ctx, i: Input<'registers.save'>, inserted: number): void {
  const first = drizzle(ctx.store.db)
    .insert(registersTaken)
    .values({
      date: i.date,
      session: i.session,
      regGroup: i.regGroup,
      takenBy: ctx.session.userName,
      takenAt: ctx.now(),
    })
    .onConflictDoNothing()
    .run();
  if (first.changes) {
    ctx.audit('register.taken', 'register', `${i.date} ${i.session} ${i.regGroup}`, { inserted });
  }
}

/** Registers not yet taken on a school day, per group and session. */
export function registersNotTaken(
  ctx: Ctx,
  { date }: Input<'registers.notTaken'>,
): Output<'registers.notTaken'> {
  const db = ctx.store.db;
  const cal = loadCalendar(db);
  if (!cal.isSchoolDay(date)) {
    return { date, isSchoolDay: false, missing: [] };
  }
  const groups = groupsOn(db, date);
  const taken = takenKeysOn(db, date);
  const missing: { session: Session; regGroup: string }[] = [];
  for (const session of ['AM', 'PM'] as const) {
    for (const g of groups) {
      if (!taken.has(session + g)) {
        missing.push({ session, regGroup: g });
      }
    }
  }
  return { date, isSchoolDay: true, missing };
}
