// Merging the attendance policy through the letters engine (docs/rules/policy.md): the template is the school's
// own version of `attendance-policy` or the shipped one (loadTemplate), merged with mergeDocx and checked with
// checkMerged like every letter, as a letters job (letters.job shows the progress). A preview of the draft is
// handed back and not kept; the headteacher's approval keeps the document, its facts and its SHA-256.
import { and, eq, isNull } from 'drizzle-orm';
import type { Input, Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { policyVersions } from '../db/schema-policy';
import { checkMerged, mergeDocx } from '../letters/docx-merge';
import { loadTemplate, sha256, type TemplateSource } from '../letters/template-source';
import { readLogo } from '../letters/settings';
import { getJob, startJob } from '../letters/jobs';
import { policyFacts, type VersionFacts } from './policy-facts';
import { policyDraft } from './status';

export const POLICY_TEMPLATE = 'attendance-policy';
const previews = new Map<string, { fileName: string; bytes: Uint8Array; at: number }>();

type Version = typeof policyVersions.$inferSelect;

/** The template and the facts for a version, refused before any work when a placeholder would stay unfilled. */
function prepare(ctx: Ctx, v: VersionFacts): { template: TemplateSource; facts: Record<string, string> } {
  const facts = policyFacts(ctx, v);
  const template = loadTemplate(ctx.store.db, POLICY_TEMPLATE);
  const unfilled = template.placeholders.filter((k) => k !== 'school.logo' && facts[k] === undefined);
  if (unfilled.length) {
    throw new AppError(
      'invalid',
      `The policy template uses ${unfilled.map((k) => `{{${k}}}`).join(', ')}, which the policy does ` +
        'not fill: correct the template in Word and upload it again, or go back to the shipped one.',
    );
  }
  return { template, facts };
}

async function merge(ctx: Ctx, template: TemplateSource, facts: Record<string, string>): Promise<Uint8Array> {
  const bytes = await mergeDocx(
    template,
    { ...facts, 'school.logo': { kind: 'logo' } },
    readLogo(ctx.store.db),
  );
  checkMerged(bytes);
  return bytes;
}

const fileNameOf = (v: Pick<Version, 'version'>, draft: boolean) =>
  `Attendance-policy-v${v.version}${draft ? '-draft' : ''}.docx`;

function theDraft(ctx: Ctx): Version {
  const d = policyDraft(ctx.store.orm);
  if (!d) {
    throw new AppError('not_found', 'There is no draft of the policy: start a new version first.');
  }
  return d;
}

export function previewDraft(ctx: Ctx): Output<'policy.preview'> {
  const d = theDraft(ctx);
  const { template, facts } = prepare(ctx, {
    version: d.version,
    nextReviewOn: d.nextReviewOn,
    approval: null,
  });
  const job = startJob(1, async (j) => {
    const bytes = await merge(ctx, template, facts);
    previews.set(j.id, { fileName: fileNameOf(d, true), bytes, at: Date.now() });
    j.done = 1;
    return { letters: [], folder: null, combinedFile: null, batchId: null };
  });
  return { jobId: job.id };
}

export function previewFile(_ctx: Ctx, i: Input<'policy.previewFile'>): Output<'policy.previewFile'> {
  for (const [id, p] of previews) {
    if (Date.now() - p.at > 3_600_000) {
      previews.delete(id);
    }
  }
  const p = previews.get(i.jobId);
  if (!p) {
    const j = getJob(i.jobId);
    throw new AppError(
      j?.status === 'running' ? 'conflict' : 'not_found',
      j?.status === 'running'
        ? 'The preview is still being made: try again in a moment.'
        : 'That preview is no longer kept: make it again.',
    );
  }
  return { fileName: p.fileName, base64: Buffer.from(p.bytes).toString('base64') };
}

/** The headteacher approves the draft: the document is merged and kept with the approval, in one update. */
export function approveDraft(ctx: Ctx, i: Input<'policy.approve'>): Output<'policy.approve'> {
  const d = theDraft(ctx);
  if (i.approvedOn > ctx.today()) {
    throw new AppError(
      'invalid',
      'The approval date is in the future: give the date the headteacher decided.',
      [{ path: 'approvedOn', message: 'in the future' }],
    );
  }
  if (d.nextReviewOn <= i.approvedOn) {
    throw new AppError(
      'invalid',
      'The next review date must come after the approval: change it in the draft.',
      [{ path: 'nextReviewOn', message: 'not after the approval' }],
    );
  }
  const approval = {
    by: ctx.session.displayName ?? ctx.session.userName,
    position: ctx.session.position || 'Headteacher',
    on: i.approvedOn,
  };
  const { template, facts } = prepare(ctx, { version: d.version, nextReviewOn: d.nextReviewOn, approval });
  const job = startJob(1, async (j) => {
    const bytes = await merge(ctx, template, facts);
    const at = ctx.now();
    ctx.store.db
      .transaction(() => {
        const r = ctx.store.orm
          .update(policyVersions)
          .set({
            approvedBy: approval.by,
            approvedPosition: approval.position,
            approvedOn: approval.on,
            approvedAt: at,
            templateVersion: template.version,
            templateSha256: template.sha256,
            facts: JSON.stringify(facts),
            fileName: fileNameOf(d, false),
            bytes: Buffer.from(bytes),
            sha256: sha256(bytes),
          })
          .where(and(eq(policyVersions.id, d.id), isNull(policyVersions.approvedAt)))
          .run();
        if (r.changes !== 1) {
          throw new AppError(
            'conflict',
            'This draft was approved or discarded meanwhile: nothing was changed.',
          );
        }
        ctx.audit('policy.approve', 'policy_versions', d.id, { version: d.version, sha256: sha256(bytes) });
      })
      .immediate();
    j.done = 1;
    return { letters: [], folder: null, combinedFile: null, batchId: null };
  });
  return { jobId: job.id, version: d.version };
}
