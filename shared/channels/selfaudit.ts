// Channels of the selfaudit area (docs/rules/self-audit.md), merged into the contract: the termly self-audit
// against the DfE's expectations of schools. The app measures each item's evidence from its own records and
// proposes a status; the attendance lead or the head confirms or changes it with a note and adds actions.
// Not to be confused with `audit.list`, the audit LOG of every change.
import { z } from 'zod';
import { ch, type Role } from '../contract-core';
import { isoDate } from '../pupil';

/** Who runs, reviews and exports the self-audit: the attendance lead and the head (the lists name pupils). */
export const SELFAUDIT_ROLES: Role[] = ['lead', 'head'];

export const AUDIT_STATUSES = ['met', 'partly_met', 'not_met'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export const AUDIT_STATUS_LABELS: Record<AuditStatus, string> = {
  met: 'Met',
  partly_met: 'Partly met',
  not_met: 'Not met',
};

export const AUDIT_TIERS = ['all', 'at_risk', 'persistent', 'severe', 'social_worker', 'monitoring'] as const;
export type AuditTier = (typeof AUDIT_TIERS)[number];
export const AUDIT_TIER_LABELS: Record<AuditTier, string> = {
  all: 'All pupils',
  at_risk: 'At risk of persistent absence',
  persistent: 'Persistently absent',
  severe: 'Severely absent',
  social_worker: 'Pupils with a social worker',
  monitoring: 'Monitoring and the school as a whole',
};

export const TERMS = ['autumn', 'spring', 'summer'] as const;
export type TermName = (typeof TERMS)[number];
export const TERM_LABELS: Record<TermName, string> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };

const id = z.number().int().positive();
const termKey = z.string().regex(/^\d{4}-(autumn|spring|summer)$/, 'a term such as 2025-autumn');
const req = (what: string, max = 2000) => z.string().trim().min(1, `${what} is required`).max(max);

export const EvidenceRowSchema = z.object({
  label: z.string(),
  detail: z.string(),
  /** A screen of the app the lead can open for this row (a pupil, a register), or null. */
  href: z.string().nullable(),
});
export type EvidenceRow = z.infer<typeof EvidenceRowSchema>;

const Term = z.object({
  key: z.string(),
  label: z.string(),
  from: z.string(),
  to: z.string(),
  audits: z.array(z.object({ id, runAt: z.string(), runBy: z.string() })),
});

const Review = z.object({ status: z.enum(AUDIT_STATUSES), note: z.string(), by: z.string(), at: z.string() });
const Action = z.object({
  id,
  itemId: z.string(),
  what: z.string(),
  owner: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'done']),
  doneOn: z.string().nullable(),
});

export const AuditItemSchema = z.object({
  itemId: z.string(),
  tier: z.enum(AUDIT_TIERS),
  wording: z.string(),
  how: z.string(),
  threshold: z.string(),
  figure: z.string(),
  shortfall: z.number().int().nullable(),
  measured: z.number().int().nullable(),
  proposed: z.enum(AUDIT_STATUSES).nullable(),
  /** The status in force: the newest review, else the proposal (null while the school has not answered). */
  status: z.enum(AUDIT_STATUSES).nullable(),
  reviews: z.array(Review),
  evidence: z.array(EvidenceRowSchema),
  /** The same item in the previous term's audit, for "what changed". */
  previous: z.object({ figure: z.string(), status: z.enum(AUDIT_STATUSES).nullable() }).nullable(),
});

export const AuditSchema = z.object({
  id,
  termKey: z.string(),
  termLabel: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  runBy: z.string(),
  runAt: z.string(),
  previous: z.object({ id, termLabel: z.string() }).nullable(),
  items: z.array(AuditItemSchema),
  actions: z.array(Action),
  exports: z.array(z.object({ fileName: z.string(), by: z.string(), at: z.string() })),
});
export type AuditView = z.infer<typeof AuditSchema>;

const W = { write: true } as const;
export const selfauditChannels = {
  'selfaudit.terms': ch(z.object({}), z.object({ terms: z.array(Term) }), SELFAUDIT_ROLES),
  'selfaudit.run': ch(z.object({ termKey }), z.object({ id }), SELFAUDIT_ROLES, W),
  'selfaudit.get': ch(z.object({ id }), AuditSchema, SELFAUDIT_ROLES),
  'selfaudit.review': ch(
    z.object({
      auditId: id,
      itemId: z.string().max(60),
      status: z.enum(AUDIT_STATUSES),
      note: req('a note'),
    }),
    z.object({ ok: z.literal(true) }),
    SELFAUDIT_ROLES,
    W,
  ),
  'selfaudit.addAction': ch(
    z.object({
      auditId: id,
      itemId: z.string().max(60),
      what: req('what is to be done'),
      owner: req('an owner', 200),
      dueOn: isoDate,
    }),
    z.object({ id }),
    SELFAUDIT_ROLES,
    W,
  ),
  'selfaudit.actionDone': ch(
    z.object({ actionId: id, doneOn: isoDate }),
    z.object({ ok: z.literal(true) }),
    SELFAUDIT_ROLES,
    W,
  ),
  /** Starts writing the Word document (a job, polled with letters.job) and logs the export. */
  'selfaudit.export': ch(
    z.object({ id }),
    z.object({ jobId: z.string(), fileName: z.string() }),
    SELFAUDIT_ROLES,
    W,
  ),
  'selfaudit.exportFile': ch(
    z.object({ jobId: z.string().max(100) }),
    z.object({ fileName: z.string(), base64: z.string() }),
    SELFAUDIT_ROLES,
  ),
} as const;
