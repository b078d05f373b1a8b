// Tables of the letters area (drizzle). drizzle-kit reads every main/core/db/schema*.ts file.
// The letter log, its files and the sends are append-only (triggers in the letters_guards migration): a letter
// once generated is part of the pupil's record; "marked as sent" is a new row, never an edit.
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, blob, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { pupils } from './schema';

/** The letterhead and the letter rules the school sets (one row, id = 1). */
export const lettersSettings = sqliteTable('letters_settings', {
  id: integer('id').primaryKey(),
  phone: text('phone'),
  email: text('email'),
  absenceLine: text('absence_line'),
  reportBy: text('report_by'),
  headName: text('head_name'),
  signatoryName: text('signatory_name'),
  signatoryPosition: text('signatory_position'),
  championPhone: text('champion_phone'),
  championEmail: text('champion_email'),
  policyUrl: text('policy_url'),
  laCodeUrl: text('la_code_url'),
  laCodeReference: text('la_code_reference'),
  leaveFormUrl: text('leave_form_url'),
  sameStageSchoolDays: integer('same_stage_school_days').notNull().default(20),
  improvementPoints: integer('improvement_points').notNull().default(3),
  logo: blob('logo', { mode: 'buffer' }),
  logoType: text('logo_type'),
  updatedBy: text('updated_by'),
  updatedAt: text('updated_at'),
});

/** The school's own templates, every version kept; a row with no bytes means "back to the shipped template". */
export const letterTemplates = sqliteTable(
  'letter_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }),
    sha256: text('sha256'),
    placeholders: text('placeholders').notNull().default('[]'),
    warnings: text('warnings').notNull().default('[]'),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: text('uploaded_at').notNull(),
  },
  (t) => [uniqueIndex('letter_templates_uq').on(t.name, t.version)],
);

/** A batch of letters generated together (one selection, one template). `params` holds the request, the pupils
 * left out, the plan of every letter (so a restart picks the batch up again, main/core/letters/batches.ts) and,
 * once finished, its outcome; the letters made are the letter_log rows with the batch's id. */
export const letterBatches = sqliteTable('letter_batches', {
  id: text('id').primaryKey(),
  template: text('template').notNull(),
  folder: text('folder'),
  total: integer('total').notNull(),
  params: text('params').notNull(),
  combinedFile: text('combined_file'),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
});

/** Every letter generated: what, for whom, with which figures; append-only. */
export const letterLog = sqliteTable(
  'letter_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: text('batch_id').references(() => letterBatches.id),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    /** Other pupils of the same household covered by this letter (siblings combined), JSON array of ids. */
    siblingIds: text('sibling_ids').notNull().default('[]'),
    template: text('template').notNull(),
    templateVersion: text('template_version').notNull(),
    templateSha256: text('template_sha256').notNull(),
    stage: text('stage').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    asOf: text('as_of').notNull(),
    letterDate: text('letter_date').notNull(),
    reference: text('reference').notNull(),
    figures: text('figures').notNull(),
    addressees: text('addressees').notNull(),
    fields: text('fields').notNull(),
    flags: text('flags').notNull().default('[]'),
    overrideReason: text('override_reason'),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    generatedBy: text('generated_by').notNull(),
    generatedPosition: text('generated_position').notNull(),
    generatedAt: text('generated_at').notNull(),
  },
  (t) => [
    index('letter_log_pupil_idx').on(t.pupilId, t.generatedAt),
    index('letter_log_batch_idx').on(t.batchId),
    index('letter_log_siblings_idx')
      .on(t.id)
      .where(sql`sibling_ids <> '[]'`),
  ],
);

/** The exact file of each logged letter. */
export const letterFiles = sqliteTable('letter_files', {
  logId: integer('log_id')
    .primaryKey()
    .references(() => letterLog.id),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
});

/** A letter marked as sent (post, by hand, email): one row per sending; append-only. */
export const letterSends = sqliteTable(
  'letter_sends',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    logId: integer('log_id')
      .notNull()
      .references(() => letterLog.id),
    method: text('method', { enum: ['post', 'hand', 'email'] }).notNull(),
    sentOn: text('sent_on').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('letter_sends_log_idx').on(t.logId)],
);

/** Attendance, reintegration and contract meetings with a family (the ladder counts the ones held). */
export const letterMeetings = sqliteTable(
  'letter_meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    kind: text('kind', { enum: ['attendance', 'reintegration', 'contract'] }).notNull(),
    date: text('date').notNull(),
    time: text('time'),
    place: text('place'),
    attendees: text('attendees'),
    held: integer('held', { mode: 'boolean' }).notNull().default(false),
    notes: text('notes'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('letter_meetings_pupil_idx').on(t.pupilId, t.date)],
);

/** A contact who must never receive letters about this pupil (court order, safeguarding), by contact name:
 * contacts are rewritten when the office saves them, so the restriction follows the person, not a row id. */
export const letterContactRestrictions = sqliteTable(
  'letter_contact_restrictions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    contactName: text('contact_name').notNull(),
    reason: text('reason').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
    liftedBy: text('lifted_by'),
    liftedAt: text('lifted_at'),
  },
  (t) => [index('letter_restrictions_pupil_idx').on(t.pupilId)],
);
