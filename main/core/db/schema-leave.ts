// Tables of the leave area (drizzle). drizzle-kit reads every main/core/db/schema*.ts file.
// Leave of absence (reg 11; docs/rules/leave.md §1): a family request groups one request per pupil; each
// request keeps its evidence and an append-only list of decisions (a revision is a new decision citing the old one).
import { sqliteTable, text, integer, blob, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { pupils } from './schema';
import {
  LEAVE_KIND_VALUES,
  LEAVE_OUTCOME_VALUES,
  LEAVE_RECEIVED_VALUES,
} from '../../../shared/channels/leave';

/** One parent's request for one or more siblings. */
export const leaveFamilies = sqliteTable('leave_families', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});

/** One pupil's request. The requester is a snapshot: contacts are rewritten when the office edits them. */
export const leaveRequests = sqliteTable(
  'leave_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    familyId: integer('family_id')
      .notNull()
      .references(() => leaveFamilies.id),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    requesterContactId: integer('requester_contact_id'),
    requesterName: text('requester_name').notNull(),
    requesterRelationship: text('requester_relationship'),
    requesterLivesWith: integer('requester_lives_with', { mode: 'boolean' }).notNull(),
    requesterAddress: text('requester_address'),
    howReceived: text('how_received', { enum: LEAVE_RECEIVED_VALUES }).notNull(),
    dateReceived: text('date_received').notNull(),
    fromDate: text('from_date').notNull(),
    fromSession: text('from_session', { enum: ['AM', 'PM'] }).notNull(),
    toDate: text('to_date').notNull(),
    toSession: text('to_session', { enum: ['AM', 'PM'] }).notNull(),
    kind: text('kind', { enum: LEAVE_KIND_VALUES }).notNull(),
    reason: text('reason').notNull(),
    notes: text('notes'),
    /** Religious observance: the observance, the body that sets the day(s) apart, and those days (JSON array of dates). */
    observance: text('observance'),
    religiousBody: text('religious_body'),
    observanceDays: text('observance_days'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    index('leave_requests_pupil_idx').on(t.pupilId, t.fromDate),
    index('leave_requests_family_idx').on(t.familyId),
  ],
);

/** Evidence the parent sent (kept in the database so a backup holds it). */
export const leaveEvidence = sqliteTable(
  'leave_evidence',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => leaveRequests.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    sha256: text('sha256').notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (t) => [index('leave_evidence_request_idx').on(t.requestId)],
);

/** Decisions: append-only (triggers). The current decision is the one no later decision supersedes. */
export const leaveDecisions = sqliteTable(
  'leave_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    requestId: integer('request_id')
      .notNull()
      .references(() => leaveRequests.id),
    outcome: text('outcome', { enum: LEAVE_OUTCOME_VALUES }).notNull(),
    daysGranted: integer('days_granted').notNull(),
    sessionsGranted: integer('sessions_granted').notNull(),
    /** The leave code of the granted sessions (R days of a religious observance are listed in `sessions`). */
    code: text('code'),
    /** JSON [{date, session, code}] of the sessions granted, as planned marks. */
    sessions: text('sessions').notNull(),
    reason: text('reason').notNull(),
    deciderName: text('decider_name').notNull(),
    deciderPosition: text('decider_position').notNull(),
    deciderUserId: integer('decider_user_id'),
    decidedAt: text('decided_at').notNull(),
    supersedes: integer('supersedes'),
  },
  (t) => [
    index('leave_decisions_request_idx').on(t.requestId),
    uniqueIndex('leave_decisions_supersedes_uq').on(t.supersedes),
  ],
);

/** Every decision letter produced: append-only, so the letter sent can always be opened again. */
export const leaveLetters = sqliteTable(
  'leave_letters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => leaveDecisions.id),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    generatedBy: text('generated_by').notNull(),
    generatedAt: text('generated_at').notNull(),
  },
  (t) => [index('leave_letters_pupil_idx').on(t.pupilId)],
);
