// Tables of the arrangements area (drizzle): part-time timetables and flexi-schooling agreements
// (docs/rules/arrangements.md). Every table is append-only (triggers in 0020_arrangements_guards.sql): a pattern
// change, a review, a notice to the LA or social worker and the outcome are new rows; the agreement row never changes.
import { sqliteTable, text, integer, blob, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { pupils } from './schema';
import { caseworkActions, caseworkMeetings, caseworkPlans } from './schema-casework';

export const ARRANGEMENT_KIND_VALUES = ['part_time', 'flexi'] as const;
export const ARRANGEMENT_OUTCOME_VALUES = [
  'full_time',
  'alternative_provision',
  'withdrawn',
  'ended',
] as const;

/** The agreement as made: who, why, from when, to when, who agreed and who approved. */
export const arrangements = sqliteTable(
  'arrangements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    kind: text('kind', { enum: ARRANGEMENT_KIND_VALUES }).notNull(),
    reasonCategory: text('reason_category'),
    reason: text('reason').notNull(),
    startDate: text('start_date').notNull(),
    /** The agreed end (required for a part-time timetable); only a review moves it (arrangement_reviews). */
    endDate: text('end_date'),
    parentContactId: integer('parent_contact_id'),
    parentName: text('parent_name'),
    parentAgreedOn: text('parent_agreed_on'),
    curriculumNotes: text('curriculum_notes'),
    reviewEveryWeeks: integer('review_every_weeks').notNull(),
    firstReviewOn: text('first_review_on').notNull(),
    /** The reintegration plan this timetable belongs to (casework), when there is one. */
    planId: integer('plan_id').references(() => caseworkPlans.id),
    approvedBy: text('approved_by').notNull(),
    approvedPosition: text('approved_position').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('arrangements_pupil_idx').on(t.pupilId, t.startDate)],
);

/** The week's sessions the pupil is not expected in school, from a date (JSON array like ["1PM","2PM"]). */
export const arrangementPatterns = sqliteTable(
  'arrangement_patterns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    arrangementId: integer('arrangement_id')
      .notNull()
      .references(() => arrangements.id),
    fromDate: text('from_date').notNull(),
    away: text('away').notNull(),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('arrangement_patterns_from_uq').on(t.arrangementId, t.fromDate)],
);

/** Reviews: the only way an end date moves later (an extension needs a review record). */
export const arrangementReviews = sqliteTable(
  'arrangement_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    arrangementId: integer('arrangement_id')
      .notNull()
      .references(() => arrangements.id),
    reviewedOn: text('reviewed_on').notNull(),
    notes: text('notes').notNull(),
    newEndDate: text('new_end_date'),
    nextReviewOn: text('next_review_on'),
    /** The casework meeting (with the family) the review was held at, when it was one. */
    meetingId: integer('meeting_id').references(() => caseworkMeetings.id),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('arrangement_reviews_idx').on(t.arrangementId, t.reviewedOn)],
);

/** Who outside the school was told: the local authority, the social worker or the virtual school. */
export const arrangementNotices = sqliteTable(
  'arrangement_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    arrangementId: integer('arrangement_id')
      .notNull()
      .references(() => arrangements.id),
    who: text('who', { enum: ['la', 'social_worker'] }).notNull(),
    on: text('on').notNull(),
    how: text('how').notNull(),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('arrangement_notices_idx').on(t.arrangementId)],
);

/** How it ended: one outcome per arrangement; the pre-filling stops after `ended_on`. */
export const arrangementOutcomes = sqliteTable(
  'arrangement_outcomes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    arrangementId: integer('arrangement_id')
      .notNull()
      .references(() => arrangements.id),
    outcome: text('outcome', { enum: ARRANGEMENT_OUTCOME_VALUES }).notNull(),
    endedOn: text('ended_on').notNull(),
    notes: text('notes').notNull(),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('arrangement_outcomes_uq').on(t.arrangementId)],
);

/** The school's rule for reviews (one row): at least every N weeks, 6 by default. */
export const arrangementSettings = sqliteTable('arrangement_settings', {
  id: integer('id').primaryKey(),
  reviewEveryWeeks: integer('review_every_weeks').notNull().default(6),
});

/** The local authority's termly targeting support meeting (docs/rules/arrangements.md, "The LA meeting"). */
export const laMeetings = sqliteTable('la_meetings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  heldOn: text('held_on').notNull(),
  officer: text('officer').notNull(),
  notes: text('notes'),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: text('recorded_at').notNull(),
});

/** The pupils discussed at a meeting, with the band they were in then. */
export const laMeetingPupils = sqliteTable(
  'la_meeting_pupils',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => laMeetings.id),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    band: text('band'),
    note: text('note'),
  },
  (t) => [uniqueIndex('la_meeting_pupils_uq').on(t.meetingId, t.pupilId)],
);

/** Actions agreed at a meeting: each is also a casework action on the pupil (so it is in their casework and the
 * due list, and its status is followed up at the next meeting). */
export const laMeetingActions = sqliteTable(
  'la_meeting_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => laMeetings.id),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    caseworkActionId: integer('casework_action_id')
      .notNull()
      .references(() => caseworkActions.id),
  },
  (t) => [index('la_meeting_actions_idx').on(t.meetingId)],
);

/** Every meeting pack produced (it holds names: it goes to the LA officer, never to governors). */
export const laPacks = sqliteTable('la_packs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  asOf: text('as_of').notNull(),
  pupils: integer('pupils').notNull(),
  madeBy: text('made_by').notNull(),
  madeAt: text('made_at').notNull(),
});

export const CME_TRIGGER_VALUES = ['unauthorised_10_days', 'not_back_after_leave', 'concern'] as const;
export const CME_STEP_VALUES = [
  'contacts',
  'home_visit',
  'siblings_schools',
  'previous_school',
  'social_worker',
  'la_referral',
  'found',
  'closed',
] as const;

/** A child-missing-education case (docs/rules/arrangements.md, "Children missing education"). */
export const cmeCases = sqliteTable(
  'cme_cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    openedOn: text('opened_on').notNull(),
    trigger: text('trigger', { enum: CME_TRIGGER_VALUES }).notNull(),
    detail: text('detail').notNull(),
    openedBy: text('opened_by').notNull(),
    openedAt: text('opened_at').notNull(),
  },
  (t) => [index('cme_cases_pupil_idx').on(t.pupilId, t.openedOn)],
);

/** The reasonable enquiries, one dated row each with who made them; `found` or `closed` ends the case. */
export const cmeSteps = sqliteTable(
  'cme_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cmeCases.id),
    step: text('step', { enum: CME_STEP_VALUES }).notNull(),
    doneOn: text('done_on').notNull(),
    outcome: text('outcome').notNull(),
    reference: text('reference'),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('cme_steps_case_idx').on(t.caseId)],
);

export const CONTRACT_EVENT_VALUES = ['review', 'outcome', 'signed_copy', 'letter'] as const;

/** An attendance contract (support-and-interventions §4 as the app records it: docs/rules/arrangements.md): parties,
 * date, what each side commits to, the support offered and the review dates. */
export const attendanceContracts = sqliteTable(
  'attendance_contracts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    agreedOn: text('agreed_on').notNull(),
    parties: text('parties').notNull(),
    parentCommitments: text('parent_commitments').notNull(),
    pupilCommitments: text('pupil_commitments'),
    schoolCommitments: text('school_commitments').notNull(),
    agencyCommitments: text('agency_commitments'),
    supportOffered: text('support_offered').notNull(),
    /** JSON array of the agreed review dates. */
    reviewDates: text('review_dates').notNull(),
    planId: integer('plan_id').references(() => caseworkPlans.id),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('attendance_contracts_pupil_idx').on(t.pupilId, t.agreedOn)],
);

/** What happens to a contract afterwards: reviews, the outcome, the signed copy (the file kept in the database so
 * a backup holds it) and every Word copy produced (cited by its letter-log id). */
export const attendanceContractEvents = sqliteTable(
  'attendance_contract_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    contractId: integer('contract_id')
      .notNull()
      .references(() => attendanceContracts.id),
    kind: text('kind', { enum: CONTRACT_EVENT_VALUES }).notNull(),
    on: text('on').notNull(),
    notes: text('notes'),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    bytes: blob('bytes', { mode: 'buffer' }),
    sha256: text('sha256'),
    letterLogId: integer('letter_log_id'),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('attendance_contract_events_idx').on(t.contractId)],
);
