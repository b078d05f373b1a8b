// Channels of the policy area, merged into the contract in shared/contract.ts: the school's attendance policy
// (docs/rules/policy.md) merged from the policy template with what the app holds, drafted by the attendance lead,
// approved by the headteacher, published on the website and reviewed by a date; the parent summary letter is
// produced from the approved version through the letters engine.
import { z } from 'zod';
import { ALL, ch } from '../contract-core';

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

export const policyChannels = {
  'policy.status': ch(z.object({}), PolicyStatusSchema, ALL),
} as const;
