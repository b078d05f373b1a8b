// Tables of the arrangements area for health and SEND (docs/rules/arrangements.md, "Health and SEND"): the
// individual healthcare plan and EHC plan review dates (a new version per change), adjustments agreed, the sickness
// return to the LA at 15 school days of illness, and the professionals around a pupil (social worker, youth
// offending worker, virtual school) with the log of each same-day notice. All append-only (0031_health_guards.sql).
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { pupils } from './schema';

export const PROFESSIONAL_KIND_VALUES = ['social_worker', 'youth_offending', 'virtual_school'] as const;

/** The pupil's health plans as recorded now: the newest row per pupil is in force. */
export const healthPlans = sqliteTable(
  'health_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    ihcp: integer('ihcp', { mode: 'boolean' }).notNull(),
    ihcpReviewOn: text('ihcp_review_on'),
    ehcpReviewOn: text('ehcp_review_on'),
    notes: text('notes'),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('health_plans_pupil_idx').on(t.pupilId, t.id)],
);

/** An adjustment agreed for a health need or SEND: what, from when, when it is reviewed. */
export const healthAdjustments = sqliteTable(
  'health_adjustments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    what: text('what').notNull(),
    fromDate: text('from_date').notNull(),
    reviewOn: text('review_on').notNull(),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('health_adjustments_pupil_idx').on(t.pupilId)],
);

/** The return to the LA when a pupil has missed 15 school days (30 sessions) through illness in a school year. */
export const sicknessReturns = sqliteTable(
  'sickness_returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    /** The school year, by the year it starts (2026 for 2026/27). */
    academicYear: integer('academic_year').notNull(),
    reachedOn: text('reached_on').notNull(),
    sentOn: text('sent_on').notNull(),
    how: text('how').notNull(),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('sickness_returns_pupil_idx').on(t.pupilId, t.academicYear)],
);

/** A professional around the pupil; the newest row per pupil and kind is in force (name null: no longer). */
export const pupilProfessionals = sqliteTable(
  'pupil_professionals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    kind: text('kind', { enum: PROFESSIONAL_KIND_VALUES }).notNull(),
    name: text('name'),
    organisation: text('organisation'),
    phone: text('phone'),
    email: text('email'),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('pupil_professionals_pupil_idx').on(t.pupilId, t.kind)],
);

/** Each time a professional was told the same day of an unexplained absence. */
export const professionalNotices = sqliteTable(
  'professional_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    kind: text('kind', { enum: PROFESSIONAL_KIND_VALUES }).notNull(),
    date: text('date').notNull(),
    how: text('how').notNull(),
    note: text('note'),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('professional_notices_pupil_idx').on(t.pupilId, t.date)],
);
