// The rows the letters read (school, pupils, contacts, marks, letter_log, letter_meetings,
// letter_contact_restrictions), as typed drizzle rows: the row types come from the schema, not from alias lists.
// A loader reads the same queries for every pupil of a batch, so they are prepared once (loaderQueries).
import { and, asc, eq, isNull, gte, lte, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db/connection';
import { codes, contacts, marks, pupils, school } from '../db/schema';
import { letterContactRestrictions, letterMeetings } from '../db/schema-letters';

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

/** The per-pupil queries of a letter data loader, each prepared once for all the loader's pupils. */
export function loaderQueries(db: Db) {
  const orm = drizzle(db);
  const pastLetters: Statement<PastLetterArgs, PastLetterRow> = db.prepare(PAST_LETTERS);
  return {
    pupil: orm
      .select({
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
      })
      .from(pupils)
      .where(eq(pupils.id, pupilId))
      .prepare(),
    contacts: orm
      .select({
        name: contacts.name,
        relationship: contacts.relationship,
        address: contacts.address,
        email: contacts.email,
        livesWith: contacts.livesWith,
        parentalResponsibility: contacts.parentalResponsibility,
      })
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
      .select({
        id: letterMeetings.id,
        kind: letterMeetings.kind,
        date: letterMeetings.date,
        time: letterMeetings.time,
        place: letterMeetings.place,
        attendees: letterMeetings.attendees,
        held: letterMeetings.held,
      })
      .from(letterMeetings)
      .where(eq(letterMeetings.pupilId, pupilId))
      .orderBy(asc(letterMeetings.date), asc(letterMeetings.id))
      .prepare(),
  };
}
export type LoaderQueries = ReturnType<typeof loaderQueries>;
