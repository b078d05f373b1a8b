// Channels of the policy area, merged into the contract in shared/contract.ts: the school's attendance policy
// (docs/rules/policy.md) merged from the policy template with what the app holds, drafted by the attendance lead,
// approved by the headteacher, published on the website and reviewed by a date; the parent summary letter is
// produced from the approved version through the letters engine.
import { z } from 'zod';
import { ALL, STAFF, ch, type Role } from '../contract-core';
import { isoDate } from '../pupil';

export const POLICY_STATES = ['none', 'draft', 'approved', 'published'] as const;
export type PolicyState = (typeof POLICY_STATES)[number];
export const POLICY_STATE_LABELS: Record<PolicyState, string> = {
  none: 'No policy yet',
  draft: 'Draft, not yet approved',
  approved: 'Approved, not yet published',
  published: 'Approved and published',
};

/** The policy in force (the newest approved version), read by Home, the governor report and the self-audit. */
export const PolicyStatusSchema = z.object({
  state: z.enum(POLICY_STATES),
  version: z.number().int().nullable(),
  approvedOn: z.string().nullable(),
  approvedBy: z.string().nullable(),
  publishedUrl: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  /** True when the review date has come (on or before today) or no version has been approved. */
  reviewDue: z.boolean(),
});
export type PolicyStatus = z.infer<typeof PolicyStatusSchema>;

/** The attendance lead drafts, publishes and sends the summary; the headteacher may do all of that too. */
export const POLICY_WRITERS: Role[] = ['lead', 'head'];
/** Only the headteacher approves a version of the policy. */
export const POLICY_APPROVERS: Role[] = ['head'];

const Version = z.object({
  id: z.number().int(),
  version: z.number().int(),
  changes: z.string(),
  nextReviewOn: z.string(),
  draftedBy: z.string(),
  updatedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedPosition: z.string().nullable(),
  approvedOn: z.string().nullable(),
  templateVersion: z.string().nullable(),
  sha256: z.string().nullable(),
  publishedUrl: z.string().nullable(),
  publishedOn: z.string().nullable(),
});
const File = z.object({ fileName: z.string(), base64: z.string() });

export const policyChannels = {
  'policy.status': ch(z.object({}), PolicyStatusSchema, ALL),
  'policy.get': ch(
    z.object({}),
    z.object({
      status: PolicyStatusSchema,
      versions: z.array(Version),
      /** Why the draft cannot be merged yet (the settings to fill), or null. */
      missing: z.string().nullable(),
      template: z.object({ source: z.enum(['shipped', 'school']), version: z.string() }),
      /** The web address in the letterhead settings, offered when publishing. */
      defaultUrl: z.string().nullable(),
    }),
    STAFF,
  ),
  'policy.saveDraft': ch(
    z.object({
      changes: z.string().trim().min(1, 'say what changed in this version').max(2000),
      nextReviewOn: isoDate,
    }),
    z.object({ id: z.number().int(), version: z.number().int() }),
    POLICY_WRITERS,
    { write: true },
  ),
  'policy.discardDraft': ch(z.object({}), z.object({ ok: z.literal(true) }), POLICY_WRITERS, { write: true }),
  /** Merges the draft as a letters job (poll letters.job), then fetch it with policy.previewFile. */
  'policy.preview': ch(z.object({}), z.object({ jobId: z.string() }), POLICY_WRITERS),
  'policy.previewFile': ch(z.object({ jobId: z.string().max(100) }), File, POLICY_WRITERS),
  /** Merges and keeps the approved document as a letters job (poll letters.job). */
  'policy.approve': ch(
    z.object({ approvedOn: isoDate }),
    z.object({ jobId: z.string(), version: z.number().int() }),
    POLICY_APPROVERS,
    { write: true },
  ),
  'policy.publish': ch(
    z.object({
      versionId: z.number().int(),
      url: z.string().trim().min(1, 'give the web address').max(500),
      publishedOn: isoDate,
    }),
    z.object({ id: z.number().int() }),
    POLICY_WRITERS,
    { write: true },
  ),
  /** The approved document as approved; audited (write). */
  'policy.file': ch(
    z.object({ versionId: z.number().int() }),
    File.extend({ sha256: z.string() }),
    [...STAFF, 'governor'],
    { write: true },
  ),
  /** The parent summary through the letters engine's batch: one letter per household, into a folder. */
  'policy.summaryBatch': ch(
    z.object({
      audience: z.enum(['all', 'new']),
      since: isoDate.optional(),
      folder: z.string().trim().min(1).max(1000),
    }),
    z.object({
      jobId: z.string(),
      batchId: z.string(),
      letters: z.number().int(),
      pupils: z.number().int(),
      version: z.number().int(),
      folder: z.string(),
      leftOut: z.array(z.object({ pupilId: z.number().int(), name: z.string(), reason: z.string() })),
    }),
    POLICY_WRITERS,
    { write: true },
  ),
  'policy.summaryFile': ch(
    z.object({ batchId: z.string().max(100) }),
    File.extend({ letters: z.number().int() }),
    POLICY_WRITERS,
  ),
} as const;
