// Same-morning follow-up of unexplained absence (docs/rules/register-law.md §9): the calling list of today's
// N marks with the contacts to ring, a log of each attempt, resolving N to the right code in one step (an
// amendment), and the record that a pupil's social worker was told. Also the N marks overdue after 5 school
// days (docs/rules/statistics.md §7) and marks whose code needs a detail that is missing.
import type { Input, Output } from '../../../shared/contract';
import { normaliseCode } from '../../../shared/codes';
import type { Ctx } from '../context';
import { and, asc, between, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../db/connection';
import { codes, contactAttempts, contacts, marks, pupils, socialWorkerNotices } from '../db/schema';
import { AppError, noSuchPupil } from '../errors';
import { pupilName } from '../../../shared/names';
import { loadCalendar } from '../calendar/calendar.service';
import { markWriter } from './mark-writer';
import { byRisk, callingRisks } from './calling-risk';

/** Today's pupils with an N mark, with the sessions marked N (as "AM", "PM" or "AM,PM" in any order). */
function pupilsMarkedN(db: Db, date: string) {
  return drizzle(db)
    .select({
      pupilId: marks.pupilId,
      upn: pupils.upn,
      forename: pupils.forename,
      preferred: pupils.preferredForename,
      surname: pupils.surname,
      regGroup: pupils.regGroup,
      sw: pupils.socialWorker,
      cla: pupils.cla,
      sessions: sql<string>`group_concat(${marks.session})`,
    })
    .from(marks)
    .innerJoin(pupils, eq(pupils.id, marks.pupilId))
    .where(and(eq(marks.date, date), eq(marks.code, 'N')))
    .groupBy(marks.pupilId)
    .orderBy(asc(pupils.regGroup), asc(pupils.surname), asc(pupils.forename))
    .all();
}

/** The reads made for each pupil on the calling list, prepared once for the whole list. */
function callingReads(db: Db) {
  const orm = drizzle(db);
  const pupilId = sql.placeholder('pupilId');
  const date = sql.placeholder('date');
  const contactsOf = orm
    .select({
      name: contacts.name,
      relationship: contacts.relationship,
      phone: contacts.phone,
      email: contacts.email,
      livesWith: contacts.livesWith,
      parentalResponsibility: contacts.parentalResponsibility,
    })
    .from(contacts)
    .where(eq(contacts.pupilId, pupilId))
    .orderBy(desc(contacts.livesWith), asc(contacts.ordinal))
    .prepare();
  const attempts = orm
    .select({
      method: contactAttempts.method,
      outcome: contactAttempts.outcome,
      contactName: contactAttempts.contactName,
      note: contactAttempts.note,
      by: contactAttempts.by,
      at: contactAttempts.at,
    })
    .from(contactAttempts)
    .where(and(eq(contactAttempts.pupilId, pupilId), eq(contactAttempts.date, date)))
    .orderBy(asc(contactAttempts.id))
    .prepare();
  const notice = orm
    .select({ how: socialWorkerNotices.how, by: socialWorkerNotices.by, at: socialWorkerNotices.at })
    .from(socialWorkerNotices)
    .where(and(eq(socialWorkerNotices.pupilId, pupilId), eq(socialWorkerNotices.date, date)))
    .orderBy(desc(socialWorkerNotices.id))
    .limit(1)
    .prepare();
  return { contactsOf, attempts, notice };
}

export function callingList(ctx: Ctx, { date }: Input<'followup.list'>): Output<'followup.list'> {
  const db = ctx.store.db;
  const rows = pupilsMarkedN(db, date);
  const risks = callingRisks(
    ctx,
    rows.map((r) => ({ pupilId: r.pupilId, socialWorker: r.sw, cla: r.cla })),
    date,
  );
  rows.sort((a, b) => byRisk(risks.get(a.pupilId)!, risks.get(b.pupilId)!));
  const { contactsOf, attempts, notice } = callingReads(db);
  return {
    date,
    pupils: rows.map((r) => ({
      pupilId: r.pupilId,
      upn: r.upn,
      name: pupilName({ forename: r.forename, preferredForename: r.preferred, surname: r.surname }),
      regGroup: r.regGroup,
      socialWorker: r.sw,
      lookedAfter: r.cla,
      riskReasons: risks.get(r.pupilId)!.reasons,
      sessions: r.sessions.split(',').sort() as ('AM' | 'PM')[],
      contacts: contactsOf.all({ pupilId: r.pupilId }),
      attempts: attempts.all({ pupilId: r.pupilId, date }),
      socialWorkerInformed: notice.get({ pupilId: r.pupilId, date }) ?? null,
    })),
  };
}

/** Calls, texts and emails go to one of the pupil's contacts, named (docs/rules/register-law.md §9). */
const TO_A_CONTACT = new Set(['call', 'text', 'email']);

export function logAttempt(ctx: Ctx, i: Input<'followup.logAttempt'>): Output<'followup.logAttempt'> {
  const orm = drizzle(ctx.store.db);
  const p = orm.select().from(pupils).where(eq(pupils.id, i.pupilId)).get();
  if (!p) {
    throw noSuchPupil();
  }
  const name = pupilName(p);
  const contact = i.contactName?.trim() || null;
  const known = orm
    .select({ name: contacts.name })
    .from(contacts)
    .where(eq(contacts.pupilId, i.pupilId))
    .all()
    .map((c) => c.name);
  if (contact === null && TO_A_CONTACT.has(i.method) && known.length > 0) {
    throw new AppError('invalid', `Say which of ${name}'s contacts was contacted.`, [
      { path: 'contactName', message: 'choose the contact' },
    ]);
  }
  if (contact !== null && !known.includes(contact)) {
    throw new AppError('invalid', `${contact} is not one of ${name}'s contacts.`, [
      { path: 'contactName', message: 'choose one of the contacts listed' },
    ]);
  }
  const id = Number(
    orm
      .insert(contactAttempts)
      .values({
        pupilId: i.pupilId,
        date: i.date,
        method: i.method,
        outcome: i.outcome,
        contactName: contact,
        note: i.note ?? null,
        by: ctx.session.userName,
        at: ctx.now(),
      })
      .run().lastInsertRowid,
  );
  return { id };
}

export function informSocialWorker(
  ctx: Ctx,
  i: Input<'followup.informSocialWorker'>,
): Output<'followup.informSocialWorker'> {
  const orm = drizzle(ctx.store.db);
  const p = orm.select({ sw: pupils.socialWorker }).from(pupils).where(eq(pupils.id, i.pupilId)).get();
  if (!p) {
    throw noSuchPupil();
  }
  const id = Number(
    orm
      .insert(socialWorkerNotices)
      .values({
        pupilId: i.pupilId,
        date: i.date,
        how: i.how,
        note: i.note ?? null,
        by: ctx.session.userName,
        at: ctx.now(),
      })
      .run().lastInsertRowid,
  );
  ctx.audit('followup.socialWorker', 'pupil', i.pupilId, i);
  return { id };
}

/** Replaces an N with the right code and its detail in one step; it is an amendment with the reason given. */
export function resolveN(ctx: Ctx, i: Input<'followup.resolve'>): Output<'followup.resolve'> {
  const writer = markWriter(ctx);
  const n = normaliseCode(i.code, i.date, i.session);
  if (!n.ok) {
    throw new AppError('invalid', n.message);
  }
  if (n.code === 'N') {
    throw new AppError('invalid', 'Choose the code that replaces N.');
  }
  if (n.row.needsReason && !i.note?.trim()) {
    throw new AppError('invalid', `${n.code} (${n.row.label}) needs the detail recorded in the note.`);
  }
  const minutes = i.minutesLate && i.minutesLate > 0 ? i.minutesLate : null;
  if (minutes !== null && n.code !== 'L' && n.code !== 'U') {
    throw new AppError('invalid', 'Minutes late are only for L or U.');
  }
  const stored = writer.existing(i.pupilId, i.date, i.session);
  if (!stored || stored.code !== 'N') {
    throw new AppError('conflict', 'That session is no longer marked N; reload the list.');
  }
  writer.amend(stored, n.code, minutes, {
    reason: i.reason,
    by: ctx.session.userName,
    position: ctx.session.position,
  });
  if ((i.note?.trim() || null) !== (stored.note ?? null)) {
    writer.setNote(stored, i.note?.trim() || null);
  }
  return { ok: true };
}

// The pupil and the mark, as both mark lists below name them (shared/channels/followup.ts FollowupMark).
const MARK_COLUMNS = {
  pupilId: marks.pupilId,
  upn: pupils.upn,
  name: sql<string>`${pupils.forename} || ' ' || ${pupils.surname}`,
  regGroup: pupils.regGroup,
  date: marks.date,
  session: marks.session,
};
const MARK_ORDER = [asc(marks.date), asc(marks.session), asc(pupils.surname)];

/** N marks with at least 5 school days after them up to as-of (docs/rules/statistics.md §7). */
export function overdueN(ctx: Ctx, { asOf }: Input<'followup.overdueN'>): Output<'followup.overdueN'> {
  const cal = loadCalendar(ctx.store.db);
  const rows = drizzle(ctx.store.db)
    .select(MARK_COLUMNS)
    .from(marks)
    .innerJoin(pupils, eq(pupils.id, marks.pupilId))
    .where(and(eq(marks.code, 'N'), lte(marks.date, asOf)))
    .orderBy(...MARK_ORDER)
    .all();
  return {
    asOf,
    marks: rows
      .map((r) => ({ ...r, schoolDaysSince: cal.schoolDaysAfter(r.date, asOf) }))
      .filter((r) => r.schoolDaysSince >= 5),
  };
}

/** A code that needs a detail (codes.csv needs_reason), in the era of the mark's date. */
const needsDetail = and(
  eq(codes.code, marks.code),
  eq(codes.needsReason, true),
  or(eq(codes.validFrom, ''), lte(codes.validFrom, marks.date)),
  or(isNull(codes.validTo), lte(marks.date, codes.validTo)),
);

/** Marks whose code needs a detail (codes.csv needs_reason) that has none, typically from an MIS import. */
export function detailMissing(
  ctx: Ctx,
  { from, to }: Input<'followup.detailMissing'>,
): Output<'followup.detailMissing'> {
  const rows = drizzle(ctx.store.db)
    .select({ ...MARK_COLUMNS, code: marks.code })
    .from(marks)
    .innerJoin(pupils, eq(pupils.id, marks.pupilId))
    .innerJoin(codes, needsDetail)
    .where(and(between(marks.date, from, to), or(isNull(marks.note), eq(marks.note, ''))))
    .orderBy(...MARK_ORDER)
    .all();
  return { marks: rows };
}
