// The database schema (drizzle). drizzle-kit generates the SQL migrations in resources/migrations from this file;
// triggers and seed rows live in custom migrations there. No table holding statutory data cascades deletes.
import { sqliteTable, text, integer, real, uniqueIndex, index, primaryKey } from 'drizzle-orm/sqlite-core';

export const school = sqliteTable('school', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  urn: text('urn'),
  laCode: text('la_code'),
  estab: text('estab'),
  address: text('address'),
  amOpens: text('am_opens').notNull().default('08:40'),
  pmOpens: text('pm_opens').notNull().default('13:15'),
  registerOpenMinutes: integer('register_open_minutes').notNull().default(30),
  championName: text('champion_name'),
  championPosition: text('champion_position'),
  /** The attendance officer named in the attendance policy (docs/rules/policy.md), with contact details. */
  officerName: text('officer_name'),
  officerPhone: text('officer_phone'),
  officerEmail: text('officer_email'),
  /** How often parents are sent their child's attendance, in the policy's words ("every term"). */
  parentUpdates: text('parent_updates'),
  atRiskLowerPct: real('at_risk_lower_pct').notNull().default(5),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
});

export const calendarRanges = sqliteTable(
  'calendar_ranges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dateFrom: text('date_from').notNull(),
    dateTo: text('date_to').notNull(),
    kind: text('kind', { enum: ['term', 'closure'] }).notNull(),
    label: text('label'),
  },
  (t) => [uniqueIndex('calendar_ranges_uq').on(t.dateFrom, t.dateTo, t.kind)],
);

export const bankHolidayOverrides = sqliteTable('bank_holiday_overrides', {
  date: text('date').primaryKey(),
  action: text('action', { enum: ['add', 'remove'] }).notNull(),
  label: text('label'),
});

export const pupils = sqliteTable(
  'pupils',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    upn: text('upn').notNull(),
    surname: text('surname').notNull(),
    forename: text('forename').notNull(),
    preferredForename: text('preferred_forename'),
    dob: text('dob').notNull(),
    sex: text('sex').notNull(),
    yearGroup: text('year_group').notNull(),
    regGroup: text('reg_group').notNull(),
    admissionDate: text('admission_date').notNull(),
    leavingDate: text('leaving_date'),
    deletionGround: text('deletion_ground'),
    fsm: integer('fsm', { mode: 'boolean' }).notNull().default(false),
    sen: text('sen').notNull().default('N'),
    cla: integer('cla', { mode: 'boolean' }).notNull().default(false),
    socialWorker: integer('social_worker', { mode: 'boolean' }).notNull().default(false),
    eal: integer('eal', { mode: 'boolean' }).notNull().default(false),
    youngCarer: integer('young_carer', { mode: 'boolean' }).notNull().default(false),
    boarder: integer('boarder', { mode: 'boolean' }).notNull().default(false),
    address: text('address'),
    previousSchool: text('previous_school'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('pupils_upn_uq').on(t.upn), index('pupils_reg_group_idx').on(t.regGroup, t.surname)],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    ordinal: integer('ordinal').notNull(),
    name: text('name').notNull(),
    relationship: text('relationship'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    livesWith: integer('lives_with', { mode: 'boolean' }).notNull().default(false),
    parentalResponsibility: integer('parental_responsibility', { mode: 'boolean' }).notNull().default(false),
    emergency: integer('emergency', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('contacts_pupil_ordinal_uq').on(t.pupilId, t.ordinal)],
);

export const laReturns = sqliteTable('la_returns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  pupilId: integer('pupil_id')
    .notNull()
    .references(() => pupils.id),
  kind: text('kind', { enum: ['new_pupil', 'deletion', 'attendance', 'sickness'] }).notNull(),
  due: text('due'),
  sentAt: text('sent_at'),
  method: text('method'),
  sentBy: text('sent_by'),
  acknowledgedAt: text('acknowledged_at'),
  createdAt: text('created_at').notNull(),
});

/** The national code table, one row per code and era, filled by a migration from shared/codes. */
export const codes = sqliteTable(
  'codes',
  {
    code: text('code').notNull(),
    validFrom: text('valid_from').notNull().default(''),
    validTo: text('valid_to'),
    label: text('label').notNull(),
    category: text('category').notNull(),
    needsReason: integer('needs_reason', { mode: 'boolean' }).notNull(),
    pnCounts: integer('pn_counts', { mode: 'boolean' }).notNull(),
  },
  (t) => [uniqueIndex('codes_uq').on(t.code, t.validFrom)],
);

/** Register marks: statutory. Triggers (custom migration) refuse any change that bypasses the amendment path. */
export const marks = sqliteTable(
  'marks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    date: text('date').notNull(),
    session: text('session', { enum: ['AM', 'PM'] }).notNull(),
    code: text('code').notNull(),
    minutesLate: integer('minutes_late'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    source: text('source').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
    exportedAt: text('exported_at'),
  },
  (t) => [
    uniqueIndex('marks_pupil_session_uq').on(t.pupilId, t.date, t.session),
    index('marks_date_idx').on(t.date, t.session),
  ],
);

/**
 * Present slashes (`/` and `\`) per pupil and school week (`week` is the Monday, ISO). Derived from `marks` and
 * kept by triggers on `marks` in the same statement as every mark written or amended (migration
 * 0033_mark_tallies_triggers), so the figures read a few rows a pupil instead of a year of marks
 * (docs/performance.md, "Figures from tallies"). Never written by the app's code; `rebuild-tallies` recomputes it.
 * A WITHOUT ROWID table since migration 0037 (drizzle cannot say so): its rows lie in key order.
 */
export const markTallies = sqliteTable(
  'mark_tallies',
  {
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    week: text('week').notNull(),
    slashes: integer('slashes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pupilId, t.week] })],
);

/**
 * Every other code's marks (all but `/` and `\`) per pupil, school week (its Monday) and code, with their minutes
 * late. Kept like `mark_tallies` by triggers on `marks` (migration 0036_mark_code_tallies_triggers), so the
 * dashboard reads the whole weeks of a period from a few rows a pupil. A code's category never changes within a
 * school week (the code table's eras start on a Monday), so a weekly count has one category. WITHOUT ROWID, like
 * `mark_tallies` (migration 0037).
 */
export const markCodeTallies = sqliteTable(
  'mark_code_tallies',
  {
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    week: text('week').notNull(),
    code: text('code').notNull(),
    sessions: integer('sessions').notNull(),
    minutesLate: integer('minutes_late').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pupilId, t.week, t.code] })],
);

/** Amendment history of marks: append-only. */
export const markHistory = sqliteTable(
  'mark_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    markId: integer('mark_id')
      .notNull()
      .references(() => marks.id),
    version: integer('version').notNull(),
    oldCode: text('old_code').notNull(),
    newCode: text('new_code').notNull(),
    oldMinutesLate: integer('old_minutes_late'),
    newMinutesLate: integer('new_minutes_late'),
    reason: text('reason').notNull(),
    changedAt: text('changed_at').notNull(),
    changedBy: text('changed_by').notNull(),
    position: text('position').notNull(),
    batchId: text('batch_id'),
  },
  (t) => [uniqueIndex('mark_history_mark_version_uq').on(t.markId, t.version)],
);

/** Which registers were taken, by whom and when. */
export const registersTaken = sqliteTable(
  'registers_taken',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    date: text('date').notNull(),
    session: text('session', { enum: ['AM', 'PM'] }).notNull(),
    regGroup: text('reg_group').notNull(),
    takenBy: text('taken_by').notNull(),
    takenAt: text('taken_at').notNull(),
  },
  (t) => [uniqueIndex('registers_taken_uq').on(t.date, t.session, t.regGroup)],
);

/** Append-only audit trail of every change and decision. */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  detail: text('detail'),
});

/** Planned marks (granted leave, trips, part-time timetables, dual registration): pre-fill the register, never overwrite a mark. */
export const plannedMarks = sqliteTable(
  'planned_marks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    date: text('date').notNull(),
    session: text('session', { enum: ['AM', 'PM'] }).notNull(),
    code: text('code').notNull(),
    note: text('note'),
    source: text('source').notNull(),
    sourceId: integer('source_id'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    uniqueIndex('planned_marks_uq').on(t.pupilId, t.date, t.session, t.source),
    index('planned_marks_date_idx').on(t.date, t.session),
  ],
);

/** First-day follow-up of unexplained absence: every call, text, email or visit, with its outcome. */
export const contactAttempts = sqliteTable(
  'contact_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    date: text('date').notNull(),
    method: text('method', { enum: ['call', 'text', 'email', 'home_visit', 'other'] }).notNull(),
    outcome: text('outcome').notNull(),
    contactName: text('contact_name'),
    note: text('note'),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('contact_attempts_date_idx').on(t.date, t.pupilId)],
);

/** Unexplained absence of a pupil with a social worker, passed on to the social worker (Summary table). */
export const socialWorkerNotices = sqliteTable(
  'social_worker_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    date: text('date').notNull(),
    how: text('how').notNull(),
    note: text('note'),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('social_worker_notices_idx').on(t.pupilId, t.date)],
);
