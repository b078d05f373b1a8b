// Pupils on the admission register as the app shows and changes them: the list, the pupil page, changes to a
// pupil's fields and contacts, leaving with a deletion ground, and returns to the local authority; and the CLI's
// `pupils --json`. Each change is written by pupil-write.ts, with an audit row. Records are never deleted.
import { and, asc, count, eq, gt, gte, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Input, Output } from '../../../shared/contract';
import { arrangementLabels } from '../arrangements/queries';
import { assertCmeEnquiries } from '../arrangements/cme';
import { academicYearOf, academicYearRange, addDays } from '../../../shared/dates';
import { YEAR_GROUPS } from '../../../shared/pupil';
import { loadCalendar } from '../calendar/calendar.service';
import type { Contact } from '../../../shared/pupil';
import type { Ctx } from '../context';
import { laReturns, marks, pupils, school } from '../db/schema';
import { AppError, noSuchPupil } from '../errors';
import { contactsOf, replaceContacts, selectPupils, updateFields, type PupilRow } from './pupil-write';

/** The conditions of a pupil list: on roll on the day (unless leavers too), group, flag and search. */
function listConditions(q: Input<'pupils.list'>, on: string): SQL[] {
  const where: SQL[] = [];
  if (!q.includeLeavers) {
    where.push(
      and(lte(pupils.admissionDate, on), or(isNull(pupils.leavingDate), gte(pupils.leavingDate, on)))!,
    );
  }
  if (q.yearGroup) {
    where.push(eq(pupils.yearGroup, q.yearGroup));
  }
  if (q.regGroup) {
    where.push(eq(pupils.regGroup, q.regGroup));
  }
  if (q.flag === 'senK') {
    where.push(eq(pupils.sen, 'K'));
  } else if (q.flag === 'senE') {
    where.push(eq(pupils.sen, 'E'));
  } else if (q.flag) {
    where.push(eq(pupils[q.flag], true));
  }
  if (q.search?.trim()) {
    const s = `%${q.search.trim().toLowerCase().replace(/[%_]/g, '')}%`;
    const matches = [
      sql`lower(${pupils.surname})`,
      sql`lower(${pupils.forename})`,
      sql`lower(coalesce(${pupils.preferredForename}, ''))`,
      sql`lower(${pupils.upn})`,
      sql`lower(${pupils.forename} || ' ' || ${pupils.surname})`,
    ];
    where.push(or(...matches.map((m) => like(m, s)))!);
  }
  return where;
}

export function listPupils(ctx: Ctx, q: Input<'pupils.list'>): Output<'pupils.list'> {
  const on = q.onDate ?? ctx.today();
  const orm = drizzle(ctx.store.db);
  const rows = selectPupils(ctx)
    .where(and(...listConditions(q, on)))
    .orderBy(asc(pupils.surname), asc(pupils.forename), asc(pupils.upn))
    .limit(5000)
    .all();
  const regGroups = orm
    .selectDistinct({ g: pupils.regGroup })
    .from(pupils)
    .orderBy(asc(pupils.regGroup))
    .all()
    .map((r) => r.g);
  const labels = arrangementLabels(ctx.store.db, on);
  return {
    pupils: rows.map((p) => {
      const onRoll = p.admissionDate <= on && (!p.leavingDate || p.leavingDate >= on);
      return {
        id: p.id,
        upn: p.upn,
        surname: p.surname,
        forename: p.forename,
        preferredForename: p.preferredForename ?? null,
        yearGroup: p.yearGroup,
        regGroup: p.regGroup,
        dob: p.dob,
        sex: p.sex,
        sen: p.sen,
        fsm: p.fsm,
        cla: p.cla,
        socialWorker: p.socialWorker,
        eal: p.eal,
        youngCarer: p.youngCarer,
        boarder: p.boarder,
        admissionDate: p.admissionDate,
        leavingDate: p.leavingDate ?? null,
        onRoll,
        arrangement: labels.get(p.id) ?? null,
      };
    }),
    regGroups,
  };
}

function requirePupil(ctx: Ctx, id: number): PupilRow {
  const row = selectPupils(ctx).where(eq(pupils.id, id)).get();
  if (!row) {
    throw noSuchPupil();
  }
  return row;
}

/** reg 13: no new-pupil return for a pupil joining the school's youngest year on the first day of the school year. */
function joinsYoungestYearOnFirstDay(ctx: Ctx, pupil: { admissionDate: string; yearGroup: string }): boolean {
  const { from, to } = academicYearRange(academicYearOf(pupil.admissionDate));
  const first = loadCalendar(ctx.store.db).schoolDays(from, to)[0];
  if (!first || pupil.admissionDate > first) {
    return false;
  }
  const groups = drizzle(ctx.store.db)
    .selectDistinct({ y: pupils.yearGroup })
    .from(pupils)
    .where(
      and(lte(pupils.admissionDate, first), or(isNull(pupils.leavingDate), gte(pupils.leavingDate, first))),
    )
    .all();
  const rank = (y: string) => YEAR_GROUPS.indexOf(y as (typeof YEAR_GROUPS)[number]);
  return groups.length > 0 && rank(pupil.yearGroup) === Math.min(...groups.map((g) => rank(g.y)));
}

export function getPupil(ctx: Ctx, { id }: Input<'pupils.get'>): Output<'pupils.get'> {
  // The schema stores sex, year group and SEN status as plain text; the import and the contract checked them.
  const pupil = requirePupil(ctx, id) as Output<'pupils.get'>['pupil'];
  const orm = drizzle(ctx.store.db);
  const returns = orm
    .select({
      id: laReturns.id,
      kind: laReturns.kind,
      due: laReturns.due,
      sentAt: laReturns.sentAt,
      method: laReturns.method,
      sentBy: laReturns.sentBy,
      acknowledgedAt: laReturns.acknowledgedAt,
    })
    .from(laReturns)
    .where(eq(laReturns.pupilId, id))
    .orderBy(asc(laReturns.id))
    .all();
  // reg 13: the new-pupil return is due by the end of the 5th day after the name is entered.
  // A return that fell due before the school started using the app was made from the MIS at the time.
  // The set-up day is the clock's, and the school's day can be pinned (ATTENDANCE_TODAY) before it:
  // a set-up "after today" counts as today.
  const createdOn =
    orm
      .select({ d: sql<string>`substr(${school.createdAt}, 1, 10)` })
      .from(school)
      .where(eq(school.id, 1))
      .get()?.d ?? '';
  const setUp = createdOn < ctx.today() ? createdOn : ctx.today();
  const due = addDays(pupil.admissionDate, 5);
  const newPupilReturnDue =
    returns.some((r) => r.kind === 'new_pupil' && r.sentAt) ||
    due < setUp ||
    joinsYoungestYearOnFirstDay(ctx, pupil)
      ? null
      : due;
  return { pupil, contacts: contactsOf(ctx, id), returns, newPupilReturnDue };
}

export function updatePupil(ctx: Ctx, { id, changes }: Input<'pupils.update'>): Output<'pupils.update'> {
  const row = requirePupil(ctx, id);
  const next = { ...row, ...changes };
  if (next.leavingDate && next.leavingDate < next.admissionDate) {
    throw new AppError('invalid', 'The leaving date is before the admission date.');
  }
  if (next.dob >= next.admissionDate) {
    throw new AppError('invalid', 'The date of birth is not before the admission date.');
  }
  return { changed: updateFields(ctx, row, changes as Record<string, unknown>, 'app') };
}

export function saveContacts(
  ctx: Ctx,
  { pupilId, contacts }: Input<'pupils.saveContacts'>,
): Output<'pupils.saveContacts'> {
  requirePupil(ctx, pupilId);
  replaceContacts(ctx, pupilId, contacts as Contact[]);
  return { ok: true };
}

/** Leaving: a leaving date with its deletion ground, confirmed by a named person (docs/rules/register-law.md
 * §7: never automatic). */
export function recordLeaving(ctx: Ctx, i: Input<'pupils.recordLeaving'>): Output<'pupils.recordLeaving'> {
  const row = requirePupil(ctx, i.id);
  if (i.leavingDate < row.admissionDate) {
    throw new AppError('invalid', 'The leaving date is before the admission date.');
  }
  const later = drizzle(ctx.store.db)
    .select({ n: count() })
    .from(marks)
    .where(and(eq(marks.pupilId, i.id), gt(marks.date, i.leavingDate)))
    .get()!;
  if (later.n > 0) {
    throw new AppError(
      'conflict',
      `The pupil has ${later.n} register marks after ${i.leavingDate}; a leaving date cannot hide statutory marks.`,
    );
  }
  assertCmeEnquiries(ctx.store.db, i.id, i.ground);
  updateFields(
    ctx,
    row,
    { leavingDate: i.leavingDate, deletionGround: i.ground },
    `app: confirmed by ${i.confirmedBy}`,
  );
  ctx.store.db
    .prepare("INSERT INTO la_returns (pupil_id, kind, due, created_at) VALUES (?, 'deletion', ?, ?)")
    .run(i.id, i.leavingDate, ctx.now());
  return { ok: true };
}

export function recordReturn(ctx: Ctx, i: Input<'pupils.recordReturn'>): Output<'pupils.recordReturn'> {
  requirePupil(ctx, i.pupilId);
  const open = drizzle(ctx.store.db)
    .select({ id: laReturns.id })
    .from(laReturns)
    .where(and(eq(laReturns.pupilId, i.pupilId), eq(laReturns.kind, i.kind), isNull(laReturns.sentAt)))
    .orderBy(asc(laReturns.id))
    .limit(1)
    .get();
  let id: number;
  if (open) {
    ctx.store.db
      .prepare('UPDATE la_returns SET sent_at = ?, method = ?, sent_by = ?, acknowledged_at = ? WHERE id = ?')
      .run(i.sentAt, i.method, ctx.session.userName, i.acknowledgedAt ?? null, open.id);
    id = open.id;
  } else {
    id = Number(
      ctx.store.db
        .prepare(
          'INSERT INTO la_returns (pupil_id, kind, sent_at, method, sent_by, acknowledged_at, created_at) ' +
            'VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(i.pupilId, i.kind, i.sentAt, i.method, ctx.session.userName, i.acknowledgedAt ?? null, ctx.now())
        .lastInsertRowid,
    );
  }
  ctx.audit('pupil.return', 'pupil', i.pupilId, i);
  return { id };
}

/** The CLI's `pupils --json`: every pupil with the imported fields, sorted by UPN. */
export function exportPupilsJson(ctx: Ctx) {
  const rows = selectPupils(ctx).orderBy(asc(pupils.upn)).all();
  return rows.map((p) => {
    return {
      upn: p.upn,
      surname: p.surname,
      forename: p.forename,
      preferredForename: p.preferredForename ?? null,
      dob: p.dob,
      sex: p.sex,
      yearGroup: p.yearGroup,
      regGroup: p.regGroup,
      admissionDate: p.admissionDate,
      leavingDate: p.leavingDate ?? null,
      fsm: p.fsm,
      sen: p.sen,
      cla: p.cla,
      socialWorker: p.socialWorker,
      eal: p.eal,
      boarder: p.boarder,
    };
  });
}
