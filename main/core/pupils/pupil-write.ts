// Writing a pupil on the admission register: a pupil created or updated by UPN (by an import, the demo school
// or the pupil page), every changed field audited with its old and new value before the change
// (docs/records-integrity.md), and the pupil's contacts replaced as a set. The queries are prepared once per
// connection. Records are never deleted.
import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Contact, PupilFields } from '../../../shared/pupil';
import type { Ctx } from '../context';
import { contacts as contactsTable, pupils } from '../db/schema';
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

export function selectPupils(ctx: Ctx) {
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
export type PupilRow = NonNullable<ReturnType<typeof pupilByUpn>>;

const toDb = (k: string, v: unknown) => (BOOLS.has(k) ? (v ? 1 : 0) : (v ?? null));

export function contactsOf(ctx: Ctx, pupilId: number) {
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

export function replaceContacts(ctx: Ctx, pupilId: number, list: Contact[]): boolean {
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

export function updateFields(
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
