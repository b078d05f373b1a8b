// Tables of the figures area (drizzle). drizzle-kit reads every main/core/db/schema*.ts file.
// reference_figures: the school's own comparison figures (local authority, newer DfE releases) and its edits of
// the shipped national table (resources/national-figures.json). penalty_*: notices to improve and penalty
// notices, statutory records: append-only (triggers in the figures_guards migration), status changes are events.
import { sqliteTable, text, integer, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { marks, pupils } from './schema';

export const referenceFigures = sqliteTable(
  'reference_figures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The shipped row this one replaces (an edit of the national table), or null for a row the school added. */
    shippedId: text('shipped_id'),
    /** Period and data, as the DfE labels it (e.g. "2023/24 full year, census"). */
    period: text('period').notNull(),
    area: text('area').notNull(),
    dataKind: text('data_kind', { enum: ['census', 'daily', 'local'] }).notNull(),
    overall: real('overall'),
    authorised: real('authorised'),
    unauthorised: real('unauthorised'),
    persistent: real('persistent'),
    severe: real('severe'),
    primary: real('primary_pct'),
    secondary: real('secondary_pct'),
    special: real('special_pct'),
    source: text('source').notNull(),
    /** A shipped row the school chose to hide (kept, never deleted, so the choice is visible). */
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('reference_figures_shipped_uq').on(t.shippedId)],
);

export const penaltyNotices = sqliteTable(
  'penalty_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pupilId: integer('pupil_id')
      .notNull()
      .references(() => pupils.id),
    kind: text('kind', { enum: ['notice_to_improve', 'penalty_notice'] }).notNull(),
    issuedOn: text('issued_on').notNull(),
    parentName: text('parent_name').notNull(),
    /** The parent's name folded (lower case, single spaces) to count notices per parent. */
    parentKey: text('parent_key').notNull(),
    /** £80 or £160 for a penalty notice; null for a notice to improve. */
    amount: integer('amount'),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    position: text('position').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('penalty_notices_pupil_idx').on(t.pupilId, t.issuedOn)],
);

/** The unauthorised marks a notice relies on. */
export const penaltyNoticeMarks = sqliteTable(
  'penalty_notice_marks',
  {
    noticeId: integer('notice_id')
      .notNull()
      .references(() => penaltyNotices.id),
    markId: integer('mark_id')
      .notNull()
      .references(() => marks.id),
  },
  (t) => [
    uniqueIndex('penalty_notice_marks_uq').on(t.noticeId, t.markId),
    index('penalty_notice_marks_mark_idx').on(t.markId),
  ],
);

/** Every status of a notice, oldest first: issued, then paid, withdrawn, prosecuted or unpaid, with the reason. */
export const penaltyNoticeEvents = sqliteTable(
  'penalty_notice_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    noticeId: integer('notice_id')
      .notNull()
      .references(() => penaltyNotices.id),
    status: text('status', { enum: ['issued', 'paid', 'unpaid', 'withdrawn', 'prosecuted'] }).notNull(),
    onDate: text('on_date').notNull(),
    reason: text('reason'),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('penalty_notice_events_notice_idx').on(t.noticeId, t.id)],
);
