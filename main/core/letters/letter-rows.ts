// The rows the letters read (school, pupils, contacts, marks, letter_log, letter_meetings,
// letter_contact_restrictions), as typed drizzle rows: the row types come from the schema, not from alias lists.
// A loader reads the same queries for every pupil of a batch, so they are prepared once (loaderQueries). A batch's
// own rows are in batch-rows.ts, the school's templates in template-rows.ts.
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db, Orm } from '../db/connection';
import { codes, contacts, marks, pupils, school } from '../db/schema';
import {
  letterContactRestrictions,
  letterFiles,
  letterLog,
  letterMeetings,
  letterSends,
} from '../db/schema-letters';

/** The school's own row as the letters read it, or undefined before the school is set up. */
export function schoolRow(db: Db) {
  return drizzle(db)
    .select({
      name: school.name,
      address: school.address,
      amOpens: school.amOpens,
      pmOpens: school.pmOpens,
      registerOpenMinutes: school.registerOpenMinutes,
      championName: school.championName,
      championPosition: school.championPosition,
      parentUpdates: school.parentUpdates,
      atRiskLowerPct: school.atRiskLowerPct,
    })
    .from(school)
    .where(eq(school.id, 1))
    .get();
}

/** The attendance codes' labels, oldest definition first (a later definition of a code wins). */
export function codeLabels(db: Db) {
  return drizzle(db)
    .select({ code: codes.code, label: codes.label })
    .from(codes)
    .orderBy(asc(codes.validFrom))
    .all();
}

/** A past letter about the pupil, on its own or as a sibling combined on another's letter. */
interface PastLetterRow {
  id: number;
  template: string;
  stage: string;
  date: string;
  figures: string;
  reference: string;
  generated_at: string;
}
type PastLetterArgs = [number, string | null, string | null, number, string | null, string | null];

/** The pupil's letters, or those combining the pupil as a sibling, leaving out a batch's own when one is given.
 * Raw SQL: a union over the siblings' JSON array is clearer written out than built. */
const PAST_LETTERS = `SELECT id, template, stage, letter_date AS date, figures, reference, generated_at FROM letter_log
      WHERE pupil_id = ? AND (? IS NULL OR batch_id IS NOT ?)
      UNION SELECT id, template, stage, letter_date AS date, figures, reference, generated_at FROM letter_log
      WHERE sibling_ids <> '[]' AND EXISTS (SELECT 1 FROM json_each(sibling_ids) WHERE value = ?)
      AND (? IS NULL OR batch_id IS NOT ?)
      ORDER BY generated_at, id`;

const pupilId = sql.placeholder('pupilId');

/** The columns of a pupil, a contact and a meeting that a letter's data reads. */
const LETTER_PUPIL = {
  id: pupils.id,
  upn: pupils.upn,
  surname: pupils.surname,
  forename: pupils.forename,
  preferredForename: pupils.preferredForename,
  dob: pupils.dob,
  yearGroup: pupils.yearGroup,
  regGroup: pupils.regGroup,
  admissionDate: pupils.admissionDate,
  leavingDate: pupils.leavingDate,
  address: pupils.address,
};
const LETTER_CONTACT = {
  name: contacts.name,
  relationship: contacts.relationship,
  address: contacts.address,
  email: contacts.email,
  livesWith: contacts.livesWith,
  parentalResponsibility: contacts.parentalResponsibility,
};
const LETTER_MEETING = {
  id: letterMeetings.id,
  kind: letterMeetings.kind,
  date: letterMeetings.date,
  time: letterMeetings.time,
  place: letterMeetings.place,
  attendees: letterMeetings.attendees,
  held: letterMeetings.held,
};

/** The per-pupil queries of a letter data loader, each prepared once for all the loader's pupils. */
export function loaderQueries(db: Db) {
  const orm = drizzle(db);
  const pastLetters: Statement<PastLetterArgs, PastLetterRow> = db.prepare(PAST_LETTERS);
  return {
    pupil: orm.select(LETTER_PUPIL).from(pupils).where(eq(pupils.id, pupilId)).prepare(),
    contacts: orm
      .select(LETTER_CONTACT)
      .from(contacts)
      .where(eq(contacts.pupilId, pupilId))
      .orderBy(asc(contacts.ordinal))
      .prepare(),
    restricted: orm
      .select({ name: letterContactRestrictions.contactName })
      .from(letterContactRestrictions)
      .where(and(eq(letterContactRestrictions.pupilId, pupilId), isNull(letterContactRestrictions.liftedAt)))
      .prepare(),
    marks: orm
      .select({ date: marks.date, session: marks.session, code: marks.code, minutesLate: marks.minutesLate })
      .from(marks)
      .where(
        and(
          eq(marks.pupilId, pupilId),
          gte(marks.date, sql.placeholder('from')),
          lte(marks.date, sql.placeholder('to')),
        ),
      )
      .orderBy(asc(marks.date), asc(marks.session))
      .prepare(),
    letters: (id: number, excludeBatch: string | null): PastLetterRow[] =>
      pastLetters.all(id, excludeBatch, excludeBatch, id, excludeBatch, excludeBatch),
    meetings: orm
      .select(LETTER_MEETING)
      .from(letterMeetings)
      .where(eq(letterMeetings.pupilId, pupilId))
      .orderBy(asc(letterMeetings.date), asc(letterMeetings.id))
      .prepare(),
  };
}
export type LoaderQueries = ReturnType<typeof loaderQueries>;

// ---- rows the letters channels read (letters.service.ts, candidates.ts, letter-log.ts) --------------------

/** Whether the pupil is on record. */
export function pupilExists(orm: Orm, id: number): boolean {
  return orm.select({ id: pupils.id }).from(pupils).where(eq(pupils.id, id)).get() !== undefined;
}

/** The pupils on roll on `on`, optionally of one year group, registration group or list, by surname then
 * forename. */
export function pupilsOnRoll(
  orm: Orm,
  on: string,
  only: { yearGroup?: string | null; regGroup?: string | null; pupilIds?: number[] | null },
): number[] {
  const where = [lte(pupils.admissionDate, on), or(isNull(pupils.leavingDate), gte(pupils.leavingDate, on))];
  if (only.yearGroup) {
    where.push(eq(pupils.yearGroup, only.yearGroup));
  }
  if (only.regGroup) {
    where.push(eq(pupils.regGroup, only.regGroup));
  }
  if (only.pupilIds?.length) {
    where.push(inArray(pupils.id, only.pupilIds));
  }
  return orm
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(...where))
    .orderBy(asc(pupils.surname), asc(pupils.forename))
    .all()
    .map((r) => r.id);
}

/** The letters about the pupil, their own or combining them as a sibling, newest first. */
export function logEntriesOf(orm: Orm, pupilId: number) {
  return orm
    .select({
      id: letterLog.id,
      pupilId: letterLog.pupilId,
      siblingIds: letterLog.siblingIds,
      template: letterLog.template,
      templateVersion: letterLog.templateVersion,
      stage: letterLog.stage,
      periodFrom: letterLog.periodFrom,
      periodTo: letterLog.periodTo,
      asOf: letterLog.asOf,
      letterDate: letterLog.letterDate,
      reference: letterLog.reference,
      figures: letterLog.figures,
      addressees: letterLog.addressees,
      flags: letterLog.flags,
      overrideReason: letterLog.overrideReason,
      fileName: letterLog.fileName,
      fileSha256: letterLog.fileSha256,
      generatedBy: letterLog.generatedBy,
      generatedAt: letterLog.generatedAt,
      batchId: letterLog.batchId,
    })
    .from(letterLog)
    .where(
      or(
        eq(letterLog.pupilId, pupilId),
        sql`EXISTS (SELECT 1 FROM json_each(${letterLog.siblingIds}) WHERE value = ${pupilId})`,
      ),
    )
    .orderBy(desc(letterLog.generatedAt), desc(letterLog.id))
    .all();
}

/** The sendings of one logged letter, in the order recorded; prepared once for a pupil's log. */
export function sendsQuery(orm: Orm) {
  return orm
    .select({
      method: letterSends.method,
      sentOn: letterSends.sentOn,
      recordedBy: letterSends.recordedBy,
      note: letterSends.note,
    })
    .from(letterSends)
    .where(eq(letterSends.logId, sql.placeholder('logId')))
    .orderBy(asc(letterSends.id))
    .prepare();
}

/** The pupil's meetings, newest first. */
export function meetingsOf(orm: Orm, pupilId: number) {
  return orm
    .select({ ...LETTER_MEETING, pupilId: letterMeetings.pupilId, notes: letterMeetings.notes })
    .from(letterMeetings)
    .where(eq(letterMeetings.pupilId, pupilId))
    .orderBy(desc(letterMeetings.date), desc(letterMeetings.id))
    .all();
}

/** The restrictions in force for the pupil, in the order recorded. */
export function restrictionsOf(orm: Orm, pupilId: number) {
  return orm
    .select({
      id: letterContactRestrictions.id,
      contactName: letterContactRestrictions.contactName,
      reason: letterContactRestrictions.reason,
      recordedBy: letterContactRestrictions.recordedBy,
      recordedAt: letterContactRestrictions.recordedAt,
    })
    .from(letterContactRestrictions)
    .where(and(eq(letterContactRestrictions.pupilId, pupilId), isNull(letterContactRestrictions.liftedAt)))
    .orderBy(asc(letterContactRestrictions.id))
    .all();
}

/** One restriction still in force: whose it is and the contact it names, or undefined. */
export function restrictionInForce(orm: Orm, id: number) {
  return orm
    .select({ pid: letterContactRestrictions.pupilId, n: letterContactRestrictions.contactName })
    .from(letterContactRestrictions)
    .where(and(eq(letterContactRestrictions.id, id), isNull(letterContactRestrictions.liftedAt)))
    .get();
}

/** A logged letter's file, name and hash, or undefined. */
export function letterFileOf(orm: Orm, logId: number) {
  return orm
    .select({ fileName: letterLog.fileName, sha: letterLog.fileSha256, bytes: letterFiles.bytes })
    .from(letterLog)
    .innerJoin(letterFiles, eq(letterFiles.logId, letterLog.id))
    .where(eq(letterLog.id, logId))
    .get();
}

/** A logged letter's pupil and date, or undefined. */
export function loggedLetter(orm: Orm, logId: number) {
  return orm
    .select({ pid: letterLog.pupilId, d: letterLog.letterDate })
    .from(letterLog)
    .where(eq(letterLog.id, logId))
    .get();
}
