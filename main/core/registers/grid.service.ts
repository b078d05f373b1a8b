// The office grid (pupils × school sessions for a range and scope), bulk marks with a preview, and a pupil's
// year of marks. Bulk changes write one history row per changed mark, sharing one batch reference and reason.
import { and, asc, between, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Input, Output } from '../../../shared/contract';
import { normaliseCode } from '../../../shared/codes';
import { eachDate, weekday, type Session } from '../../../shared/dates';
import type { Ctx } from '../context';
import { marks as marksTable, pupils } from '../db/schema';
import { AppError } from '../errors';
import { loadCalendar } from '../calendar/calendar.service';
import { markWriter } from './mark-writer';

type Scope = Input<'registers.grid'>['scope'];

/** The pupils in the scope on roll at some point in [from, to], in group and name order. */
function scopePupils(ctx: Ctx, scope: Scope, from: string, to: string) {
  const where: (SQL | undefined)[] = [
    lte(pupils.admissionDate, to),
    or(isNull(pupils.leavingDate), gte(pupils.leavingDate, from)),
  ];
  if (scope.regGroup) {
    where.push(eq(pupils.regGroup, scope.regGroup));
  }
  if (scope.yearGroup) {
    where.push(eq(pupils.yearGroup, scope.yearGroup));
  }
  if (scope.pupilIds?.length) {
    where.push(inArray(pupils.id, scope.pupilIds));
  }
  return drizzle(ctx.store.db)
    .select({
      id: pupils.id,
      upn: pupils.upn,
      forename: pupils.forename,
      preferred: pupils.preferredForename,
      surname: pupils.surname,
      regGroup: pupils.regGroup,
      adm: pupils.admissionDate,
      lv: pupils.leavingDate,
    })
    .from(pupils)
    .where(and(...where))
    .orderBy(asc(pupils.regGroup), asc(pupils.surname), asc(pupils.forename))
    .all();
}

const MAX_RANGE_DAYS = 120;

export function getGrid(ctx: Ctx, i: Input<'registers.grid'>): Output<'registers.grid'> {
  if (i.from > i.to) {
    throw new AppError('invalid', 'The period ends before it starts.');
  }
  const dates = eachDate(i.from, i.to);
  if (dates.length > MAX_RANGE_DAYS) {
    throw new AppError('invalid', `Choose at most ${MAX_RANGE_DAYS} days (a half-term) for the grid.`);
  }
  const cal = loadCalendar(ctx.store.db);
  const days = dates.filter((d) => cal.isSchoolDay(d));
  const roll = scopePupils(ctx, i.scope, i.from, i.to);
  // One index range per pupil (marks_pupil_session_uq) rather than every mark of the school in the period.
  const q = drizzle(ctx.store.db)
    .select({
      p: marksTable.pupilId,
      date: marksTable.date,
      session: marksTable.session,
      code: marksTable.code,
      version: marksTable.version,
    })
    .from(marksTable)
    .where(
      and(
        eq(marksTable.pupilId, sql.placeholder('pupilId')),
        between(marksTable.date, sql.placeholder('from'), sql.placeholder('to')),
      ),
    )
    .prepare();
  const by = new Map<string, { code: string; version: number }>();
  for (const p of roll) {
    for (const m of q.all({ pupilId: p.id, from: i.from, to: i.to })) {
      by.set(`${m.p}|${m.date}|${m.session}`, m);
    }
  }
  return {
    sessions: days.flatMap((d) => (['AM', 'PM'] as const).map((s) => ({ date: d, session: s }))),
    rows: roll.map((p) => ({
      pupilId: p.id,
      upn: p.upn,
      name: `${p.surname}, ${p.preferred ?? p.forename}`,
      regGroup: p.regGroup,
      cells: days.flatMap((d) =>
        (['AM', 'PM'] as const).map((s) => {
          if (d < p.adm || (p.lv && d > p.lv)) {
            return { code: null, amended: false, onRoll: false };
          }
          const m = by.get(`${p.id}|${d}|${s}`);
          return { code: m?.code ?? null, amended: (m?.version ?? 1) > 1, onRoll: true };
        }),
      ),
    })),
  };
}

interface Change {
  pupilId: number;
  name: string;
  date: string;
  session: Session;
  from: string | null;
  to: string;
}

function planBulk(ctx: Ctx, i: Input<'marks.bulkPreview'>): Change[] {
  if (i.from > i.to) {
    throw new AppError('invalid', 'The period ends before it starts.');
  }
  const cal = loadCalendar(ctx.store.db);
  const days = eachDate(i.from, i.to).filter((d) => cal.isSchoolDay(d));
  if (!days.length) {
    throw new AppError('invalid', 'There is no school session in that period.');
  }
  const sessions: Session[] = i.session === 'both' ? ['AM', 'PM'] : [i.session];
  const writer = markWriter(ctx);
  const changes: Change[] = [];
  const roll = scopePupils(ctx, i.scope, i.from, i.to); // once; on-roll is checked per day below
  for (const d of days) {
    for (const s of sessions) {
      const n = normaliseCode(i.code, d, s);
      if (!n.ok) {
        throw new AppError('invalid', n.message);
      }
      if (n.code === '#') {
        throw new AppError(
          'invalid',
          'A planned whole-school closure (#) belongs in the calendar, not on marks.',
        );
      }
      if (n.row.needsReason && !i.note?.trim()) {
        throw new AppError('invalid', `${n.code} (${n.row.label}) needs the detail: say why in the note.`);
      }
      for (const p of roll) {
        if (d < p.adm || (p.lv && d > p.lv)) {
          continue;
        }
        const stored = writer.existing(p.id, d, s);
        if (stored?.code === n.code) {
          continue;
        }
        changes.push({
          pupilId: p.id,
          name: `${p.surname}, ${p.preferred ?? p.forename}`,
          date: d,
          session: s,
          from: stored?.code ?? null,
          to: n.code,
        });
      }
    }
  }
  return changes;
}

export function previewBulk(ctx: Ctx, i: Input<'marks.bulkPreview'>): Output<'marks.bulkPreview'> {
  const changes = planBulk(ctx, i);
  return {
    changes: changes.slice(0, 2000),
    total: changes.length,
    amendments: changes.filter((c) => c.from !== null).length,
  };
}

export function applyBulk(ctx: Ctx, i: Input<'marks.bulkApply'>): Output<'marks.bulkApply'> {
  const changes = planBulk(ctx, i);
  if (changes.length !== i.expectTotal) {
    throw new AppError(
      'conflict',
      `The register changed since the preview (${changes.length} changes now, ${i.expectTotal} previewed). Preview again.`,
    );
  }
  const writer = markWriter(ctx);
  const batchId = `bulk-${ctx.now()}`;
  let inserted = 0,
    amended = 0;
  for (const c of changes) {
    const stored = writer.existing(c.pupilId, c.date, c.session);
    if (!stored) {
      writer.insert(c.pupilId, c.date, c.session, c.to, null, i.note?.trim() || null, `bulk ${batchId}`);
      inserted++;
    } else {
      writer.amend(stored, c.to, null, {
        reason: i.reason,
        by: ctx.session.userName,
        position: ctx.session.position,
        batchId,
      });
      if (i.note?.trim()) {
        writer.setNote(stored, i.note.trim());
      }
      amended++;
    }
  }
  ctx.audit('marks.bulk', 'marks', batchId, { ...i, inserted, amended });
  return { batchId, inserted, amended };
}

/** A pupil's marks by day over a period, per-code counts and the weekday pattern of absence. */
export function pupilAttendance(
  ctx: Ctx,
  i: Input<'registers.pupilAttendance'>,
): Output<'registers.pupilAttendance'> {
  const cal = loadCalendar(ctx.store.db);
  const marks = drizzle(ctx.store.db)
    .select({
      date: marksTable.date,
      session: marksTable.session,
      code: marksTable.code,
      version: marksTable.version,
      note: marksTable.note,
      minutesLate: marksTable.minutesLate,
    })
    .from(marksTable)
    .where(and(eq(marksTable.pupilId, i.pupilId), between(marksTable.date, i.from, i.to)))
    .all();
  const by = new Map(marks.map((m) => [`${m.date}|${m.session}`, m]));
  const codeCounts: Record<string, number> = {};
  for (const m of marks) {
    codeCounts[m.code] = (codeCounts[m.code] ?? 0) + 1;
  }
  const cell = (d: string, s: Session) => {
    const m = by.get(`${d}|${s}`);
    return m ? { code: m.code, amended: m.version > 1, note: m.note, minutesLate: m.minutesLate } : null;
  };
  const days = eachDate(i.from, i.to).map((d) => ({
    date: d,
    kind: cal.dayKind(d),
    am: cell(d, 'AM'),
    pm: cell(d, 'PM'),
  }));
  const ABSENT = new Set(['authorised', 'unauthorised']);
  const POSSIBLE = new Set(['present', 'aea', 'authorised', 'unauthorised']);
  const pattern = [1, 2, 3, 4, 5].map((w) => ({ weekday: w, possible: 0, absent: 0 }));
  for (const m of marks) {
    const w = weekday(m.date);
    if (w < 1 || w > 5) {
      continue;
    }
    const cat = normaliseCode(m.code, m.date, m.session);
    if (!cat.ok) {
      continue;
    }
    if (POSSIBLE.has(cat.row.category)) {
      pattern[w - 1].possible++;
    }
    if (ABSENT.has(cat.row.category)) {
      pattern[w - 1].absent++;
    }
  }
  return { days, codeCounts, weekdayPattern: pattern };
}
