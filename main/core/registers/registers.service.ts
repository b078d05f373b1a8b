// Taking a register for a registration group and session, the registers not yet taken, and single-mark
// amendments from the app. Every write goes through markWriter (marks.service.ts).
import type { Input, Issue, Output } from '../../../shared/contract';
import { codesValidOn, normaliseCode } from '../../../shared/codes';
import { addDays, formatUkDate, type Session } from '../../../shared/dates';
import { pupilName } from '../../../shared/names';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { readSchool } from '../school/school.service';
import { markWriter } from './marks.service';
import { arrangementLabels } from '../arrangements/queries';
import { autoOpenAfterRegister } from '../arrangements/cme-auto';

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
  const taken = db
    .prepare(
      'SELECT taken_by AS by, taken_at AS at FROM registers_taken WHERE date = ? AND session = ? AND reg_group = ?',
    )
    .get(i.date, i.session, i.regGroup) as { by: string; at: string } | undefined;
  const pupils = db
    .prepare(
      `SELECT id, upn, surname, forename, preferred_forename AS preferred, social_worker AS sw FROM pupils
    WHERE reg_group = ? AND admission_date <= ? AND (leaving_date IS NULL OR leaving_date >= ?) ORDER BY surname, forename, upn`,
    )
    .all(i.regGroup, i.date, i.date) as {
    id: number;
    upn: string;
    surname: string;
    forename: string;
    preferred: string | null;
    sw: number;
  }[];
  // the last ten school days before this one, for the strip
  const stripDays: string[] = [];
  for (let d = addDays(i.date, -1); stripDays.length < 10 && d > addDays(i.date, -60); d = addDays(d, -1)) {
    if (cal.isSchoolDay(d)) {
      stripDays.unshift(d);
    }
  }
  const markQ = db.prepare(
    'SELECT pupil_id AS p, date, session, code, minutes_late AS minutesLate, note, version FROM marks WHERE date BETWEEN ? AND ? AND pupil_id IN (SELECT id FROM pupils WHERE reg_group = ?)',
  );
  const all = markQ.all(stripDays[0] ?? i.date, i.date, i.regGroup) as {
    p: number;
    date: string;
    session: Session;
    code: string;
    minutesLate: number | null;
    note: string | null;
    version: number;
  }[];
  const byKey = new Map(all.map((m) => [`${m.p}|${m.date}|${m.session}`, m]));
  const planned = db
    .prepare('SELECT pupil_id AS p, code, note FROM planned_marks WHERE date = ? AND session = ? ORDER BY id')
    .all(i.date, i.session) as { p: number; code: string; note: string | null }[];
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
    pupils: pupils.map((p) => {
      const m = byKey.get(`${p.id}|${i.date}|${i.session}`);
      return {
        pupilId: p.id,
        upn: p.upn,
        name: `${p.preferred ?? p.forename} ${p.surname}`,
        socialWorker: !!p.sw,
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
  const onRoll = new Set(
    (
      db
        .prepare(
          'SELECT id FROM pupils WHERE reg_group = ? AND admission_date <= ? AND (leaving_date IS NULL OR leaving_date >= ?)',
        )
        .all(i.regGroup, i.date, i.date) as { id: number }[]
    ).map((r) => r.id),
  );
  const writer = markWriter(ctx);
  const issues: Issue[] = [];
  const ops: (() => void)[] = [];
  let inserted = 0,
    amended = 0,
    unchanged = 0;
  // Messages name the pupil, never the internal id (a person reads them).
  const nameQ = db.prepare(
    'SELECT forename, preferred_forename AS preferredForename, surname FROM pupils WHERE id = ?',
  );
  const nameOf = (id: number) => {
    const p = nameQ.get(id) as
      { forename: string; preferredForename: string | null; surname: string } | undefined;
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
        message: `arrived ${minutes} minutes after the register opened, after it closed at ${times.closesAt}: use U (or a more fitting code), not L`,
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
  const first = db
    .prepare(
      'INSERT INTO registers_taken (date, session, reg_group, taken_by, taken_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    )
    .run(i.date, i.session, i.regGroup, ctx.session.userName, ctx.now());
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
  const groups = (
    db
      .prepare(
        'SELECT DISTINCT reg_group AS g FROM pupils WHERE admission_date <= ? AND (leaving_date IS NULL OR leaving_date >= ?) ORDER BY reg_group',
      )
      .all(date, date) as { g: string }[]
  ).map((r) => r.g);
  const taken = new Set(
    (
      db.prepare('SELECT session || reg_group AS k FROM registers_taken WHERE date = ?').all(date) as {
        k: string;
      }[]
    ).map((r) => r.k),
  );
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
