// Same-morning follow-up of unexplained absence (docs/rules/register-law.md §9): the calling list of today's
// N marks with the contacts to ring, a log of each attempt, resolving N to the right code in one step (an
// amendment), and the record that a pupil's social worker was told. Also the N marks overdue after 5 school
// days (docs/rules/statistics.md §7) and marks whose code needs a detail that is missing.
import type { Input, Output } from '../../../shared/contract';
import type { FollowupMark } from '../../../shared/channels/followup';
import { normaliseCode } from '../../../shared/codes';
import type { Ctx } from '../context';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { contacts, pupils } from '../db/schema';
import { AppError, noSuchPupil } from '../errors';
import { pupilName } from '../../../shared/names';
import { loadCalendar } from '../calendar/calendar.service';
import { markWriter } from './marks.service';
import { byRisk, callingRisks } from './calling-risk';

export function callingList(ctx: Ctx, { date }: Input<'followup.list'>): Output<'followup.list'> {
  const db = ctx.store.db;
  const rows = db
    .prepare(
      `SELECT m.pupil_id AS pupilId, p.upn, p.forename, p.preferred_forename AS preferred, p.surname, p.reg_group AS regGroup, p.social_worker AS sw, p.cla,
      group_concat(m.session) AS sessions
    FROM marks m JOIN pupils p ON p.id = m.pupil_id WHERE m.date = ? AND m.code = 'N' GROUP BY m.pupil_id ORDER BY p.reg_group, p.surname, p.forename`,
    )
    .all(date) as {
    pupilId: number;
    upn: string;
    forename: string;
    preferred: string | null;
    surname: string;
    regGroup: string;
    sw: number;
    cla: number;
    sessions: string;
  }[];
  const risks = callingRisks(
    ctx,
    rows.map((r) => ({ pupilId: r.pupilId, socialWorker: !!r.sw, cla: !!r.cla })),
    date,
  );
  rows.sort((a, b) => byRisk(risks.get(a.pupilId)!, risks.get(b.pupilId)!));
  const contactsOf = db.prepare(
    'SELECT name, relationship, phone, email, lives_with AS livesWith, parental_responsibility AS pr FROM contacts WHERE pupil_id = ? ORDER BY lives_with DESC, ordinal',
  );
  const attempts = db.prepare(
    'SELECT method, outcome, contact_name AS contactName, note, by, at FROM contact_attempts WHERE pupil_id = ? AND date = ? ORDER BY id',
  );
  const notice = db.prepare(
    'SELECT how, by, at FROM social_worker_notices WHERE pupil_id = ? AND date = ? ORDER BY id DESC LIMIT 1',
  );
  return {
    date,
    pupils: rows.map((r) => ({
      pupilId: r.pupilId,
      upn: r.upn,
      name: pupilName({ forename: r.forename, preferredForename: r.preferred, surname: r.surname }),
      regGroup: r.regGroup,
      socialWorker: !!r.sw,
      lookedAfter: !!r.cla,
      riskReasons: risks.get(r.pupilId)!.reasons,
      sessions: r.sessions.split(',').sort() as ('AM' | 'PM')[],
      contacts: (
        contactsOf.all(r.pupilId) as {
          name: string;
          relationship: string | null;
          phone: string | null;
          email: string | null;
          livesWith: number;
          pr: number;
        }[]
      ).map((c) => ({
        name: c.name,
        relationship: c.relationship,
        phone: c.phone,
        email: c.email,
        livesWith: !!c.livesWith,
        parentalResponsibility: !!c.pr,
      })),
      attempts: attempts.all(r.pupilId, date) as Output<'followup.list'>['pupils'][number]['attempts'],
      socialWorkerInformed:
        (notice.get(r.pupilId, date) as { how: string; by: string; at: string } | undefined) ?? null,
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
    ctx.store.db
      .prepare(
        'INSERT INTO contact_attempts (pupil_id, date, method, outcome, contact_name, note, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(i.pupilId, i.date, i.method, i.outcome, contact, i.note ?? null, ctx.session.userName, ctx.now())
      .lastInsertRowid,
  );
  return { id };
}

export function informSocialWorker(
  ctx: Ctx,
  i: Input<'followup.informSocialWorker'>,
): Output<'followup.informSocialWorker'> {
  const p = ctx.store.db.prepare('SELECT social_worker AS sw FROM pupils WHERE id = ?').get(i.pupilId) as
    { sw: number } | undefined;
  if (!p) {
    throw noSuchPupil();
  }
  const id = Number(
    ctx.store.db
      .prepare(
        'INSERT INTO social_worker_notices (pupil_id, date, how, note, by, at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(i.pupilId, i.date, i.how, i.note ?? null, ctx.session.userName, ctx.now()).lastInsertRowid,
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
const MARK_COLUMNS =
  "m.pupil_id AS pupilId, p.upn, p.forename || ' ' || p.surname AS name, p.reg_group AS regGroup, m.date, m.session";
const MARKS_OF_PUPILS = 'FROM marks m JOIN pupils p ON p.id = m.pupil_id';

/** N marks with at least 5 school days after them up to as-of (docs/rules/statistics.md §7). */
export function overdueN(ctx: Ctx, { asOf }: Input<'followup.overdueN'>): Output<'followup.overdueN'> {
  const cal = loadCalendar(ctx.store.db);
  const rows = ctx.store.db
    .prepare(
      `SELECT ${MARK_COLUMNS} ${MARKS_OF_PUPILS}
    WHERE m.code = 'N' AND m.date <= ? ORDER BY m.date, m.session, p.surname`,
    )
    .all(asOf) as FollowupMark[];
  return {
    asOf,
    marks: rows
      .map((r) => ({ ...r, schoolDaysSince: cal.schoolDaysAfter(r.date, asOf) }))
      .filter((r) => r.schoolDaysSince >= 5),
  };
}

/** Marks whose code needs a detail (codes.csv needs_reason) that has none, typically from an MIS import. */
export function detailMissing(
  ctx: Ctx,
  { from, to }: Input<'followup.detailMissing'>,
): Output<'followup.detailMissing'> {
  const rows = ctx.store.db
    .prepare(
      `SELECT ${MARK_COLUMNS}, m.code ${MARKS_OF_PUPILS}
    JOIN codes c ON c.code = m.code AND c.needs_reason = 1 AND (c.valid_from = '' OR c.valid_from <= m.date) AND (c.valid_to IS NULL OR m.date <= c.valid_to)
    WHERE m.date BETWEEN ? AND ? AND (m.note IS NULL OR m.note = '') ORDER BY m.date, m.session, p.surname`,
    )
    .all(from, to) as (FollowupMark & { code: string })[];
  return { marks: rows };
}
