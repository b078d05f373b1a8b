// Taking a register for a registration group and session, the registers not yet taken, and single-mark
// amendments from the app. Every write goes through markWriter (marks.service.ts).
import type { Input, Issue, Output } from '../../../shared/contract';
import { codesValidOn, normaliseCode } from '../../../shared/codes';
import { addDays, formatUkDate, type Session } from '../../../shared/dates';
import { pupilName } from '../../../shared/names';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Ctx } from '../context';
import { pupils, registersTaken } from '../db/schema';
import { AppError } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { readSchool } from '../school/school.service';
import { markWriter } from './marks.service';
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
  let inserted = 0,
    amended = 0,
    unchanged = 0;
  // Messages name the pupil, never the internal id (a person reads them).
  const nameQ = drizzle(db)
    .select({
      forename: pupils.forename,
      preferredForename: pupils.preferredForename,
      surname: pupils.surname,
    })
    .from(pupils)
    .where(eq(pupils.id, sql.placeholder('id')))
    .prepare();
  const nameOf = (id: number) => {
    const p = nameQ.get({ id });
    return p ? pupilName(p) : 'A pupil who is not on the admission register';
  };
  for (const m of i.marks) {
    if (!onRoll.has(m.pupilId)) {
      issues.push({
        path: nameOf(m.pupilId),
        message: `not on roll in ${i.regGroup} on ${formatUkDate(i.date)}`,
      });
      continue;
    }
    const n = normaliseCode(m.code, i.date, i.session);
    if (!n.ok) {
      issues.push({ path: nameOf(m.pupilId), message: n.message });
      continue;
    }
    const minutes = m.minutesLate && m.minutesLate > 0 ? m.minutesLate : null;
    if (minutes !== null && n.code !== 'L' && n.code !== 'U') {
      issues.push({ path: nameOf(m.pupilId), message: `minutes late are only for L or U` });
      continue;
    }
    if (n.code === 'L' && minutes !== null && minutes > times.openMinutes) {
      issues.push({
        path: nameOf(m.pupilId),
        message:
          `arrived ${minutes} minutes after the register opened, after it closed at ${times.closesAt}: ` +
          'use U (or a more fitting code), not L',
      });
      continue;
    }
    if (n.code === '#') {
      issues.push({
        path: nameOf(m.pupilId),
        message: 'a planned whole-school closure (#) belongs in the calendar',
      });
      continue;
    }
    const note = m.note?.trim() || null;
    if (n.row.needsReason && !note) {
      issues.push({
        path: nameOf(m.pupilId),
        message: `${n.code} (${n.row.label}) needs the detail recorded in the note`,
      });
      continue;
    }
    const stored = writer.existing(m.pupilId, i.date, i.session);
    if (!stored) {
      ops.push(() => writer.insert(m.pupilId, i.date, i.session, n.code, minutes, note, 'register'));
      inserted++;
      continue;
    }
    const noteChanged = (stored.note ?? null) !== note;
    if (stored.code === n.code && (stored.minutesLate ?? null) === minutes) {
      if (noteChanged) {
        ops.push(() => writer.setNote(stored, note));
      } else {
        unchanged++;
      }
      continue;
    }
    if (!i.reason?.trim()) {
      issues.push({
        path: nameOf(m.pupilId),
        message: `changing ${stored.code} to ${n.code} is an amendment: give a reason`,
      });
      continue;
    }
    ops.push(() => {
      writer.amend(stored, n.code, minutes, {
        reason: i.reason!,
        by: ctx.session.userName,
        position: ctx.session.position,
      });
      if (noteChanged) {
        writer.setNote(stored, note);
      }
    });
    amended++;
  }
  if (issues.length) {
    throw new AppError(
      'invalid',
      `${issues.length} mark${issues.length > 1 ? 's' : ''} could not be saved; nothing was saved.`,
      issues,
    );
  }
  for (const op of ops) {
    op();
  }
  const first = drizzle(db)
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
