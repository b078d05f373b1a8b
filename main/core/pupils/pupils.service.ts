// Pupils on the admission register: writing (with an audit row per change), listing, the pupil page, leaving
// with a deletion ground, and returns to the local authority. Records are never deleted.
import type { Input, Output } from '../../../shared/contract';
import { arrangementLabels } from '../arrangements/queries';
import { assertCmeEnquiries } from '../arrangements/cme';
import { academicYearOf, academicYearRange, addDays } from '../../../shared/dates';
import { YEAR_GROUPS } from '../../../shared/pupil';
import { loadCalendar } from '../calendar/calendar.service';
import type { Contact, PupilFields } from '../../../shared/pupil';
import type { Ctx } from '../context';
import { AppError, noSuchPupil } from '../errors';

const COLS: Record<string, string> = {
  upn: 'upn',
  surname: 'surname',
  forename: 'forename',
  preferredForename: 'preferred_forename',
  dob: 'dob',
  sex: 'sex',
  yearGroup: 'year_group',
  regGroup: 'reg_group',
  admissionDate: 'admission_date',
  leavingDate: 'leaving_date',
  deletionGround: 'deletion_ground',
  fsm: 'fsm',
  sen: 'sen',
  cla: 'cla',
  socialWorker: 'social_worker',
  eal: 'eal',
  youngCarer: 'young_carer',
  boarder: 'boarder',
  address: 'address',
  previousSchool: 'previous_school',
};
const BOOLS = new Set(['fsm', 'cla', 'socialWorker', 'eal', 'youngCarer', 'boarder']);
export const PUPIL_SELECT = `SELECT id, ${Object.entries(COLS)
  .map(([k, c]) => `${c} AS "${k}"`)
  .join(', ')} FROM pupils`;

export type PupilRow = Record<string, unknown> & { id: number; upn: string };

export function rowToPupil<T extends Record<string, unknown>>(r: T): T {
  const out: Record<string, unknown> = { ...r };
  for (const b of BOOLS) {
    if (b in out) {
      out[b] = !!out[b];
    }
  }
  return out as T;
}

const toDb = (k: string, v: unknown) => (BOOLS.has(k) ? (v ? 1 : 0) : (v ?? null));

function contactsOf(ctx: Ctx, pupilId: number) {
  return (
    ctx.store.db
      .prepare(
        'SELECT id, name, relationship, phone, email, address, lives_with AS livesWith, parental_responsibility AS parentalResponsibility, emergency FROM contacts WHERE pupil_id = ? ORDER BY ordinal',
      )
      .all(pupilId) as Record<string, unknown>[]
  ).map((c) => ({
    ...c,
    livesWith: !!c.livesWith,
    parentalResponsibility: !!c.parentalResponsibility,
    emergency: !!c.emergency,
  })) as (Contact & { id: number })[];
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
  const db = ctx.store.db;
  // Contacts are details, not statutory register entries: replaced as a set, the old set kept in the audit row.
  db.prepare('DELETE FROM contacts WHERE pupil_id = ?').run(pupilId);
  const ins = db.prepare(
    'INSERT INTO contacts (pupil_id, ordinal, name, relationship, phone, email, address, lives_with, parental_responsibility, emergency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  list.forEach((c, i) =>
    ins.run(
      pupilId,
      i + 1,
      c.name,
      c.relationship ?? null,
      c.phone ?? null,
      c.email ?? null,
      c.address ?? null,
      c.livesWith ? 1 : 0,
      c.parentalResponsibility ? 1 : 0,
      c.emergency ? 1 : 0,
    ),
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
  const existing = db.prepare(`${PUPIL_SELECT} WHERE upn = ?`).get(f.upn) as PupilRow | undefined;
  if (!existing) {
    const keys = Object.keys(f);
    const info = db
      .prepare(
        `INSERT INTO pupils (${keys.map((k) => COLS[k]).join(', ')}, created_at, updated_at) VALUES (${keys.map(() => '?').join(', ')}, ?, ?)`,
      )
      .run(...keys.map((k) => toDb(k, (f as Record<string, unknown>)[k])), now, now);
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
  const cur = rowToPupil(existing);
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
  ctx.store.db
    .prepare(
      `UPDATE pupils SET ${changed.map((k) => `${COLS[k]} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
    )
    .run(...changed.map((k) => toDb(k, changes[k])), ctx.now(), existing.id);
  return changed;
}

export function listPupils(ctx: Ctx, q: Input<'pupils.list'>): Output<'pupils.list'> {
  const where: string[] = [];
  const args: unknown[] = [];
  const on = q.onDate ?? ctx.today();
  if (!q.includeLeavers) {
    where.push('admission_date <= ? AND (leaving_date IS NULL OR leaving_date >= ?)');
    args.push(on, on);
  }
  if (q.yearGroup) {
    where.push('year_group = ?');
    args.push(q.yearGroup);
  }
  if (q.regGroup) {
    where.push('reg_group = ?');
    args.push(q.regGroup);
  }
  if (q.flag === 'senK') {
    where.push("sen = 'K'");
  } else if (q.flag === 'senE') {
    where.push("sen = 'E'");
  } else if (q.flag) {
    where.push(`${COLS[q.flag]} = 1`);
  }
  if (q.search?.trim()) {
    const s = `%${q.search.trim().toLowerCase().replace(/[%_]/g, '')}%`;
    where.push(
      "(lower(surname) LIKE ? OR lower(forename) LIKE ? OR lower(coalesce(preferred_forename, '')) LIKE ? OR lower(upn) LIKE ? OR lower(forename || ' ' || surname) LIKE ?)",
    );
    args.push(s, s, s, s, s);
  }
  const rows = ctx.store.db
    .prepare(
      `${PUPIL_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY surname, forename, upn LIMIT 5000`,
    )
    .all(...args) as PupilRow[];
  const regGroups = (
    ctx.store.db.prepare('SELECT DISTINCT reg_group AS g FROM pupils ORDER BY reg_group').all() as {
      g: string;
    }[]
  ).map((r) => r.g);
  const labels = arrangementLabels(ctx.store.db, on);
  return {
    pupils: rows.map((r) => {
      const p = rowToPupil(r) as Record<string, unknown>;
      const onRoll = (p.admissionDate as string) <= on && (!p.leavingDate || (p.leavingDate as string) >= on);
      return {
        id: p.id as number,
        upn: p.upn as string,
        surname: p.surname as string,
        forename: p.forename as string,
        preferredForename: (p.preferredForename as string) ?? null,
        yearGroup: p.yearGroup as string,
        regGroup: p.regGroup as string,
        dob: p.dob as string,
        sex: p.sex as string,
        sen: p.sen as string,
        fsm: p.fsm as boolean,
        cla: p.cla as boolean,
        socialWorker: p.socialWorker as boolean,
        eal: p.eal as boolean,
        youngCarer: p.youngCarer as boolean,
        boarder: p.boarder as boolean,
        admissionDate: p.admissionDate as string,
        leavingDate: (p.leavingDate as string) ?? null,
        onRoll,
        arrangement: labels.get(p.id as number) ?? null,
      };
    }),
    regGroups,
  };
}

function requirePupil(ctx: Ctx, id: number): PupilRow {
  const row = ctx.store.db.prepare(`${PUPIL_SELECT} WHERE id = ?`).get(id) as PupilRow | undefined;
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
  const groups = ctx.store.db
    .prepare(
      'SELECT DISTINCT year_group AS y FROM pupils WHERE admission_date <= ? AND (leaving_date IS NULL OR leaving_date >= ?)',
    )
    .all(first, first) as { y: string }[];
  const rank = (y: string) => YEAR_GROUPS.indexOf(y as (typeof YEAR_GROUPS)[number]);
  return groups.length > 0 && rank(pupil.yearGroup) === Math.min(...groups.map((g) => rank(g.y)));
}

export function getPupil(ctx: Ctx, { id }: Input<'pupils.get'>): Output<'pupils.get'> {
  const pupil = rowToPupil(requirePupil(ctx, id)) as unknown as Output<'pupils.get'>['pupil'];
  const returns = ctx.store.db
    .prepare(
      'SELECT id, kind, due, sent_at AS sentAt, method, sent_by AS sentBy, acknowledged_at AS acknowledgedAt FROM la_returns WHERE pupil_id = ? ORDER BY id',
    )
    .all(id) as Output<'pupils.get'>['returns'];
  // reg 13: the new-pupil return is due by the end of the 5th day after the name is entered.
  // A return that fell due before the school started using the app was made from the MIS at the time.
  const setUp =
    (
      ctx.store.db.prepare('SELECT substr(created_at, 1, 10) AS d FROM school WHERE id = 1').get() as
        { d: string } | undefined
    )?.d ?? '';
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
  const next = { ...rowToPupil(row), ...changes } as Record<string, unknown>;
  if (next.leavingDate && (next.leavingDate as string) < (next.admissionDate as string)) {
    throw new AppError('invalid', 'The leaving date is before the admission date.');
  }
  if ((next.dob as string) >= (next.admissionDate as string)) {
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
  if (i.leavingDate < (row.admissionDate as string)) {
    throw new AppError('invalid', 'The leaving date is before the admission date.');
  }
  const later = ctx.store.db
    .prepare('SELECT count(*) AS n FROM marks WHERE pupil_id = ? AND date > ?')
    .get(i.id, i.leavingDate) as { n: number };
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
  const open = ctx.store.db
    .prepare(
      'SELECT id FROM la_returns WHERE pupil_id = ? AND kind = ? AND sent_at IS NULL ORDER BY id LIMIT 1',
    )
    .get(i.pupilId, i.kind) as { id: number } | undefined;
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
          'INSERT INTO la_returns (pupil_id, kind, sent_at, method, sent_by, acknowledged_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
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
  const rows = ctx.store.db.prepare(`${PUPIL_SELECT} ORDER BY upn`).all() as PupilRow[];
  return rows.map((r) => {
    const p = rowToPupil(r) as Record<string, unknown>;
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
  const existing = ctx.store.db.prepare(`${PUPIL_SELECT} WHERE upn = ?`).get(f.upn) as PupilRow | undefined;
  if (!existing) {
    return true;
  }
  const cur = rowToPupil(existing);
  return Object.entries(f).some(
    ([k, v]) => carried.has(k) && k in COLS && k !== 'upn' && (v ?? null) !== (cur[k] ?? null),
  );
}
