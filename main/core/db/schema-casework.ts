// Tables of the casework area (drizzle): support first (docs/rules/casework.md). Barriers, meetings with the
// family, actions, referrals and signposting, the joint approach agreed with the LA for severe pupils, and
// attendance reintegration plans. Nothing here is deleted (triggers in 0018): a barrier is resolved, an action is
// cancelled with a reason, and a change to a plan is a new version; a closed plan is read-only.
import { sqliteTable, text, integer, blob, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { pupils } from './schema';
import {
  ACTION_OWNERS,
  ACTION_STATUSES,
  BARRIER_RAISERS,
  BARRIER_SIDES,
  BARRIER_STATUSES,
  MEETING_KINDS,
  PLAN_OUTCOMES,
  PLAN_STATUSES,
  REFERRAL_KINDS,
} from '../../../shared/casework';

/** Barrier categories the school adds to the built-in list (shared/channels/casework.ts holds the built-ins). */
export const caseworkBarrierCategories = sqliteTable(
  'casework_barrier_categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    label: text('label').notNull(),
    usually: text('usually', { enum: BARRIER_SIDES }).notNull(),
    restricted: integer('restricted', { mode: 'boolean' }).notNull().default(false),
    addedBy: text('added_by').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (t) => [uniqueIndex('casework_barrier_categories_code_uq').on(t.code)],
);

/** A barrier to attendance. `restricted` (health, safeguarding): the detail is read only by the lead and the head. */
export const caseworkBarriers = sqliteTable(
  'casework_barriers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    category: text('category').notNull(),
    side: text('side', { enum: BARRIER_SIDES }).notNull(),
    description: text('description').notNull(),
    raisedBy: text('raised_by', { enum: BARRIER_RAISERS }).notNull(),
    raisedByName: text('raised_by_name'),
    foundOn: text('found_on').notNull(),
    status: text('status', { enum: BARRIER_STATUSES }).notNull().default('open'),
    closedOn: text('closed_on'),
    restricted: integer('restricted', { mode: 'boolean' }).notNull().default(false),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
    updatedBy: text('updated_by'),
    updatedAt: text('updated_at'),
  },
  (t) => [index('casework_barriers_pupil_idx').on(t.pupilId, t.foundOn)],
);

/** A meeting or conversation with the family. Held meetings count on the letter ladder (letters/ladder.ts). */
export const caseworkMeetings = sqliteTable(
  'casework_meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    date: text('date').notNull(),
    attendees: text('attendees').notNull(),
    pupilView: text('pupil_view'),
    parentView: text('parent_view'),
    notes: text('notes'),
    nextReview: text('next_review'),
    /** The reintegration plan the meeting was about, when it was one. */
    planId: integer('plan_id').references(() => caseworkPlans.id),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('casework_meetings_pupil_idx').on(t.pupilId, t.date)],
);

/** Barriers found (or discussed) at a meeting. */
export const caseworkMeetingBarriers = sqliteTable(
  'casework_meeting_barriers',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => caseworkMeetings.id),
    barrierId: integer('barrier_id')
      .notNull()
      .references(() => caseworkBarriers.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.barrierId] })],
);

/** An agreed action: what, who owns it, by when, done or not (or cancelled with a reason). */
export const caseworkActions = sqliteTable(
  'casework_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    what: text('what').notNull(),
    ownerKind: text('owner_kind', { enum: ACTION_OWNERS }).notNull(),
    ownerName: text('owner_name'),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('open'),
    doneOn: text('done_on'),
    statusNote: text('status_note'),
    meetingId: integer('meeting_id').references(() => caseworkMeetings.id),
    barrierId: integer('barrier_id').references(() => caseworkBarriers.id),
    planId: integer('plan_id').references(() => caseworkPlans.id),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
    updatedBy: text('updated_by'),
    updatedAt: text('updated_at'),
  },
  (t) => [
    index('casework_actions_pupil_idx').on(t.pupilId, t.dueOn),
    index('casework_actions_due_idx').on(t.status, t.dueOn),
  ],
);

/** Referrals to services and signposting, and early help assessments (with the lead practitioner). */
export const caseworkReferrals = sqliteTable(
  'casework_referrals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    kind: text('kind', { enum: REFERRAL_KINDS }).notNull(),
    service: text('service').notNull(),
    madeOn: text('made_on').notNull(),
    leadPractitioner: text('lead_practitioner'),
    outcome: text('outcome'),
    outcomeOn: text('outcome_on'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
    updatedBy: text('updated_by'),
    updatedAt: text('updated_at'),
  },
  (t) => [index('casework_referrals_pupil_idx').on(t.pupilId, t.madeOn)],
);

/** The joint approach agreed with the LA for a severely absent pupil: append-only, the newest is in force. */
export const caseworkLaJoint = sqliteTable(
  'casework_la_joint',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    agreedOn: text('agreed_on').notNull(),
    laOfficer: text('la_officer').notNull(),
    agreedPlan: text('agreed_plan').notNull(),
    nextReview: text('next_review'),
    /** Whole-family plan, EHC needs assessment, alternative provision: what was considered and decided. */
    considered: text('considered'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('casework_la_joint_pupil_idx').on(t.pupilId, t.agreedOn)],
);

/** An attendance reintegration plan. Its content lives in versions; this row holds status and outcome. */
export const caseworkPlans = sqliteTable(
  'casework_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    startOn: text('start_on').notNull(),
    status: text('status', { enum: PLAN_STATUSES }).notNull().default('open'),
    currentVersion: integer('current_version').notNull().default(1),
    outcome: text('outcome', { enum: PLAN_OUTCOMES }),
    outcomeOn: text('outcome_on'),
    outcomeNote: text('outcome_note'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    closedBy: text('closed_by'),
  },
  (t) => [index('casework_plans_pupil_idx').on(t.pupilId, t.startOn)],
);

/** Every version of a plan's content (JSON, shape in shared/channels/casework.ts): append-only. */
export const caseworkPlanVersions = sqliteTable(
  'casework_plan_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => caseworkPlans.id),
    version: integer('version').notNull(),
    content: text('content').notNull(),
    changeSummary: text('change_summary').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: text('changed_at').notNull(),
  },
  (t) => [uniqueIndex('casework_plan_versions_uq').on(t.planId, t.version)],
);

/** Reviews of a plan: append-only. */
export const caseworkPlanReviews = sqliteTable(
  'casework_plan_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => caseworkPlans.id),
    reviewedOn: text('reviewed_on').notNull(),
    attendees: text('attendees').notNull(),
    notes: text('notes').notNull(),
    changes: text('changes'),
    nextReview: text('next_review'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('casework_plan_reviews_plan_idx').on(t.planId, t.reviewedOn)],
);

/** The key adult's check-ins with the pupil: append-only. */
export const caseworkCheckins = sqliteTable(
  'casework_checkins',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => caseworkPlans.id),
    checkedOn: text('checked_on').notNull(),
    note: text('note'),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('casework_checkins_plan_idx').on(t.planId, t.checkedOn)],
);

/** Every Word export of a plan: append-only, logged on the pupil's timeline. */
export const caseworkPlanExports = sqliteTable(
  'casework_plan_exports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => caseworkPlans.id),
    version: integer('version').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    generatedBy: text('generated_by').notNull(),
    generatedAt: text('generated_at').notNull(),
    /** The template the file was made from: 'shipped' or 'school v<n>' (0029). */
    template: text('template').notNull().default('shipped'),
  },
  (t) => [index('casework_plan_exports_plan_idx').on(t.planId)],
);

/**
 * The school's own versions of the plan's Word template (0029), like the letter templates: each upload is the
 * next version, and going back to the shipped template is a version without bytes. Append-only.
 */
export const caseworkPlanTemplates = sqliteTable('casework_plan_templates', {
  version: integer('version').primaryKey(),
  bytes: blob('bytes', { mode: 'buffer' }),
  sha256: text('sha256'),
  placeholders: text('placeholders').notNull().default('[]'),
  warnings: text('warnings').notNull().default('[]'),
  uploadedBy: text('uploaded_by').notNull(),
  uploadedAt: text('uploaded_at').notNull(),
});
