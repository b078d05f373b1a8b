// Tables of the selfaudit area (drizzle): the termly self-audit against the DfE's expectations
// (docs/rules/self-audit.md). A run keeps each item's evidence as it was measured (never changed); the lead's
// confirmations are append-only (the newest per item counts); actions carry an owner and a due date and may only
// be marked done; each Word export is logged.
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const selfauditAudits = sqliteTable(
  'selfaudit_audits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The term, e.g. "2025-autumn" (school year by its 1 September, then the term). */
    termKey: text('term_key').notNull(),
    termLabel: text('term_label').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    /** The day the evidence was measured to (the period's end, or the day of the run when earlier). */
    asOf: text('as_of').notNull(),
    runBy: text('run_by').notNull(),
    runAt: text('run_at').notNull(),
  },
  (t) => [index('selfaudit_audits_term_idx').on(t.termKey, t.id)],
);

export const selfauditItems = sqliteTable(
  'selfaudit_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    auditId: integer('audit_id')
      .notNull()
      .references(() => selfauditAudits.id),
    itemId: text('item_id').notNull(),
    /** The figure as read, e.g. "97.8% (1,204 of 1,231)". */
    figure: text('figure').notNull(),
    /** The shortfall counted (pupils, registers, marks not meeting the expectation), when the item counts one. */
    shortfall: integer('shortfall'),
    measured: integer('measured'),
    /** met / partly_met / not_met, or null when the school answers the item itself. */
    proposed: text('proposed', { enum: ['met', 'partly_met', 'not_met'] }),
    /** JSON: the list behind the figure ({ label, detail, href }[]). */
    evidence: text('evidence').notNull(),
  },
  (t) => [uniqueIndex('selfaudit_items_uq').on(t.auditId, t.itemId)],
);

export const selfauditReviews = sqliteTable(
  'selfaudit_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    auditId: integer('audit_id')
      .notNull()
      .references(() => selfauditAudits.id),
    itemId: text('item_id').notNull(),
    status: text('status', { enum: ['met', 'partly_met', 'not_met'] }).notNull(),
    note: text('note').notNull(),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('selfaudit_reviews_idx').on(t.auditId, t.itemId, t.id)],
);

export const selfauditActions = sqliteTable(
  'selfaudit_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    auditId: integer('audit_id')
      .notNull()
      .references(() => selfauditAudits.id),
    itemId: text('item_id').notNull(),
    what: text('what').notNull(),
    owner: text('owner').notNull(),
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: ['open', 'done'] })
      .notNull()
      .default('open'),
    doneOn: text('done_on'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('selfaudit_actions_due_idx').on(t.status, t.dueOn)],
);

export const selfauditExports = sqliteTable('selfaudit_exports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  auditId: integer('audit_id')
    .notNull()
    .references(() => selfauditAudits.id),
  fileName: text('file_name').notNull(),
  by: text('by').notNull(),
  at: text('at').notNull(),
});
