// Tables of the governors area (drizzle). drizzle-kit reads every main/core/db/schema*.ts file.
// The termly governor report (docs/rules/governor-report.md): the lead's key messages for a period (a draft, edited
// freely), every final report produced (append-only: the document, its figures and its SHA-256), and the
// attendance targets the governing board approved for a school year (append-only versions: the newest counts).
import { sqliteTable, text, integer, real, blob, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const governorReportDrafts = sqliteTable(
  'governor_report_drafts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    /** JSON array of the key messages, in order. */
    keyMessages: text('key_messages').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('governor_report_drafts_period_uq').on(t.periodFrom, t.periodTo)],
);

export const governorReports = sqliteTable(
  'governor_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    asOf: text('as_of').notNull(),
    title: text('title').notNull(),
    keyMessages: text('key_messages').notNull(),
    /** JSON: the figures the document shows (the `report governors --json` shape). */
    figures: text('figures').notNull(),
    fileName: text('file_name').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    sha256: text('sha256').notNull(),
    producedBy: text('produced_by').notNull(),
    position: text('position').notNull(),
    producedAt: text('produced_at').notNull(),
  },
  (t) => [index('governor_reports_period_idx').on(t.periodTo, t.periodFrom)],
);

export const governorTargets = sqliteTable(
  'governor_targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The school year the target is for, by the calendar year of its 1 September. */
    academicYear: integer('academic_year').notNull(),
    attendancePct: real('attendance_pct').notNull(),
    persistentPct: real('persistent_pct').notNull(),
    /** The date of the board meeting that approved it. */
    approvedOn: text('approved_on').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('governor_targets_year_idx').on(t.academicYear, t.id)],
);
