// Pupils on the admission register: writing (with an audit row per change), listing, the pupil page, leaving
// with a deletion ground, and returns to the local authority. Records are never deleted.
import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  gt,
  gte,
  isNull,
  like,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Input, Output } from '../../../shared/contract';
import { arrangementLabels } from '../arrangements/queries';
import { assertCmeEnquiries } from '../arrangements/cme';
import { academicYearOf, academicYearRange, addDays } from '../../../shared/dates';
import { YEAR_GROUPS } from '../../../shared/pupil';
import { loadCalendar } from '../calendar/calendar.service';
import type { Contact, PupilFields } from '../../../shared/pupil';
import type { Ctx } from '../context';
import { contacts as contactsTable, laReturns, marks, pupils, school } from '../db/schema';
import { AppError, noSuchPupil } from '../errors';
import { perConnection, statementFor } from '../db/statements';

// A pupil's id and fields (the table's columns without its two timestamps); the schema declares the flags as
// booleans, so drizzle reads them as true/false.
const { createdAt: _createdAt, updatedAt: _updatedAt, ...PUPIL } = getTableColumns(pupils);
/** Each pupil field's column, from the drizzle schema. */
const COLS: Record<string, string> = Object.fromEntries(
  Object.entries(PUPIL)
    .filter(([k]) => k !== 'id')
    .map(([k, c]) => [k, c.name]),
);
/** The yes/no fields, stored as 0 or 1. */
const BOOLS = new Set(
  Object.entries(PUPIL)
    .filter(([, c]) => c.dataType === 'boolean')
    .map(([k]) => k),
);

function selectPupils(ctx: Ctx) {
  return drizzle(ctx.store.db).select(PUPIL).from(pupils);
}

/** The queries writing a pupil runs, prepared once per connection: an import runs them for every row. */
const pupilQueries = perConnection((db) => {
  const orm = drizzle(db);
  const c = contactsTable;
  const p = sql.placeholder('pupilId');
  return {
    byUpn: orm
      .select(PUPIL)
      .from(pupils)
      .where(eq(pupils.upn, sql.placeholder('upn')))
      .prepare(),
    contacts: orm
      .select({
        id: c.id,
        name: c.name,
        relationship: c.relationship,
        phone: c.phone,
        email: c.email,
        address: c.address,
        livesWith: c.livesWith,
        parentalResponsibility: c.parentalResponsibility,
        emergency: c.emergency,
      })
      .from(c)
      .where(eq(c.pupilId, p))
      .orderBy(asc(c.ordinal))
      .prepare(),
    deleteContacts: orm.delete(c).where(eq(c.pupilId, p)).prepare(),
    insertContact: orm
      .insert(c)
      .values({
        pupilId: p,
        ordinal: sql.placeholder('ordinal'),
        name: sql.placeholder('name'),
        relationship: sql.placeholder('relationship'),
        phone: sql.placeholder('phone'),
        email: sql.placeholder('email'),
        address: sql.placeholder('address'),
        livesWith: sql.placeholder('livesWith'),
        parentalResponsibility: sql.placeholder('parentalResponsibility'),
        emergency: sql.placeholder('emergency'),
      })
      .prepare(),
  };
});

function pupilByUpn(ctx: Ctx, upn: string) {
  return pupilQueries(ctx.store.db).byUpn.get({ upn });
}
type PupilRow = NonNullable<ReturnType<typeof pupilByUpn>>;

const toDb = (k: string, v: unknown) => (BOOLS.has(k) ? (v ? 1 : 0) : (v ?? null));

function contactsOf(ctx: Ctx, pupilId: number) {
  return pupilQueries(ctx.store.db).contacts.all({ pupilId });
}

function sameContacts(a: Contact[], b: Contact[]): boolean {
  const key = (c: Contact) =>
    JSON.stringify([
      c.name,
      c.relationship ?? null,
      c.phone ?? null,
      c.email ?? null,
      c.address ?? null,
      !!c.livesWith,
      !!c.parentalResponsibility,
      !!c.emergency,
    ]);
  return a.length === b.length && a.every((c, i) => key(c) === key(b[i]));
}

function replaceContacts(ctx: Ctx, pupilId: number, list: Contact[]): boolean {
  const before = contactsOf(ctx, pupilId);
  if (sameContacts(before, list)) {
    return false;
  }
  const q = pupilQueries(ctx.store.db);
  // Contacts are details, not statutory register entries: replaced as a set, the old set kept in the audit row.
  q.deleteContacts.run({ pupilId });
  list.forEach((c, i) =>
    q.insertContact.run({
      pupilId,
      ordinal: i + 1,
      name: c.name,
      relationship: c.relationship ?? null,
      phone: c.phone ?? null,
      email: c.email ?? null,
      address: c.address ?? null,
      livesWith: !!c.livesWith,
      parentalResponsibility: !!c.parentalResponsibility,
      emergency: !!c.emergency,
    }),
  );
  ctx.audit('pupil.contacts', 'pupil', pupilId, {
    before: before.map(({ id: _id, ...c }) => c),
    after: list,
  });
  return true;
}

/** Creates or updates one pupil by UPN; returns what happened. Every changed field is audited with old and new.
 * `carried` names the fields an import file holds: on an existing pupil only those are compared and written. */
export function writePupil(
  ctx: Ctx,
  f: PupilFields,
  contactList: Contact[] | null,
  source: string,
  carried?: ReadonlySet<string>,
): 'created' | 'updated' | 'unchanged' {
  const db = ctx.store.db;
  const now = ctx.now();
  const existing = pupilByUpn(ctx, f.upn);
  if (!existing) {
    const keys = Object.keys(f);
    const columns = keys.map((k) => COLS[k]).join(', ');
    const info = statementFor(
      db,
      `INSERT INTO pupils (${columns}, created_at, updated_at) VALUES (${keys.map(() => '?').join(', ')}, ?, ?)`,
    ).run(...keys.map((k) => toDb(k, (f as Record<string, unknown>)[k])), now, now);
    const id = Number(info.lastInsertRowid);
    if (contactList) {
      replaceContacts(ctx, id, contactList);
    }
    ctx.audit('pupil.create', 'pupil', id, { source, upn: f.upn });
    return 'created';
  }
  // A field the file does not carry is left as it is (a file without an FSM column says nothing about FSM).
  const given = Object.entries(f).filter(([k]) => !carried || carried.has(k));
  const changed = updateFields(ctx, existing, Object.fromEntries(given), source);
  const contactsChanged = contactList ? replaceContacts(ctx, existing.id, contactList) : false;
  return changed.length || contactsChanged ? 'updated' : 'unchanged';
}

function updateFields(
  ctx: Ctx,
  existing: PupilRow,
  changes: Record<string, unknown>,
  source: string,
): string[] {
  const cur: Record<string, unknown> = existing;
  const changed = Object.keys(changes).filter(
    (k) => k in COLS && k !== 'upn' && (changes[k] ?? null) !== (cur[k] ?? null),
  );
  if (!changed.length) {
    return [];
  }
  // The audit row first: the register's facts change only when the latest audit row records the change
  // (migration 0028, docs/records-integrity.md).
  ctx.audit('pupil.update', 'pupil', existing.id, {
    source,
    changes: Object.fromEntries(changed.map((k) => [k, { from: cur[k] ?? null, to: changes[k] ?? null }])),
  });
  statementFor(
    ctx.store.db,
    `UPDATE pupils SET ${changed.map((k) => `${COLS[k]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
  ).run(...changed.map((k) => toDb(k, changes[k])), ctx.now(), existing.id);
  return changed;
}

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

/** Whether writing `f` (only the `carried` fields) would change the existing pupil with that UPN: for a preview. */
export function wouldChange(ctx: Ctx, f: PupilFields, carried: ReadonlySet<string>): boolean {
  const existing = pupilByUpn(ctx, f.upn);
  if (!existing) {
    return true;
  }
  const cur: Record<string, unknown> = existing;
  return Object.entries(f).some(
    ([k, v]) => carried.has(k) && k in COLS && k !== 'upn' && (v ?? null) !== (cur[k] ?? null),
  );
}
