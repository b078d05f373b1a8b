// Tables of the policy area (drizzle). drizzle-kit reads every main/core/db/schema*.ts file.
// The school's attendance policy (docs/rules/policy.md): numbered versions. A draft is edited freely by the
// attendance lead; the headteacher's approval freezes it with the document as approved, the facts merged into it
// and its SHA-256; from then on the version is never changed or deleted (triggers in the policy_guards
// migration). Publication on the website is its own append-only row, so approving never needs an edit later.
import { sqliteTable, text, integer, blob, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const policyVersions = sqliteTable(
  'policy_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    version: integer('version').notNull(),
    /** What changed in this version, in the lead's words (shown in the versions list and the review record). */
    changes: text('changes').notNull(),
    /** When the policy is next to be reviewed (proposed in the draft, fixed by the approval). */
    nextReviewOn: text('next_review_on').notNull(),
    draftedBy: text('drafted_by').notNull(),
    draftedAt: text('drafted_at').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Set once, by the approval: who (name, position), the date of the decision and when it was recorded. */
    approvedBy: text('approved_by'),
    approvedPosition: text('approved_position'),
    approvedOn: text('approved_on'),
    approvedAt: text('approved_at'),
    /** The template the approved document was merged from (the school's version number or 'shipped'). */
    templateVersion: text('template_version'),
    templateSha256: text('template_sha256'),
    /** JSON: every merge field and its value as approved (the parent summary is produced from these). */
    facts: text('facts'),
    fileName: text('file_name'),
    bytes: blob('bytes', { mode: 'buffer' }),
    sha256: text('sha256'),
  },
  (t) => [uniqueIndex('policy_versions_version_uq').on(t.version)],
);

/** The approved version put on the school website: one row per publication (a new address is a new row). */
export const policyPublications = sqliteTable(
  'policy_publications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    versionId: integer('version_id')
      .notNull()
      .references(() => policyVersions.id),
    url: text('url').notNull(),
    publishedOn: text('published_on').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('policy_publications_version_idx').on(t.versionId, t.id)],
);
