// The policy versions (docs/rules/policy.md): the list with the state in force, the lead's draft (started,
// edited, discarded), publication on the website and the approved document as approved, each export audited.
import { desc, eq } from 'drizzle-orm';
import type { Input, Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { policyPublications, policyVersions } from '../db/schema-policy';
import { loadTemplate } from '../letters/template-source';
import { readLettersSettings } from '../letters/settings';
import { policyFacts } from './policy-facts';
import { POLICY_TEMPLATE } from './policy-merge';
import { policyDraft, policyStatus } from './status';

const by = (ctx: Ctx) => ctx.session.displayName ?? ctx.session.userName;

/** Why the policy cannot be merged now (a setting to fill), or null when every fact is there. */
function missingFacts(ctx: Ctx, version: number, nextReviewOn: string): string | null {
  try {
    policyFacts(ctx, { version, nextReviewOn, approval: null });
    return null;
  } catch (e) {
    if (e instanceof AppError) {
      return e.message;
    }
    throw e;
  }
}

export function getPolicy(ctx: Ctx): Output<'policy.get'> {
  const orm = ctx.store.orm;
  const rows = orm
    .select({
      id: policyVersions.id,
      version: policyVersions.version,
      changes: policyVersions.changes,
      nextReviewOn: policyVersions.nextReviewOn,
      draftedBy: policyVersions.draftedBy,
      updatedAt: policyVersions.updatedAt,
      approvedBy: policyVersions.approvedBy,
      approvedPosition: policyVersions.approvedPosition,
      approvedOn: policyVersions.approvedOn,
      templateVersion: policyVersions.templateVersion,
      sha256: policyVersions.sha256,
    })
    .from(policyVersions)
    .orderBy(desc(policyVersions.version))
    .all();
  const pubs = orm.select().from(policyPublications).orderBy(desc(policyPublications.id)).all();
  const draft = policyDraft(orm);
  const template = loadTemplate(ctx.store.db, POLICY_TEMPLATE);
  return {
    status: policyStatus(orm, ctx.today()),
    versions: rows.map((r) => {
      const p = pubs.find((x) => x.versionId === r.id);
      return { ...r, publishedUrl: p?.url ?? null, publishedOn: p?.publishedOn ?? null };
    }),
    missing: draft ? missingFacts(ctx, draft.version, draft.nextReviewOn) : null,
    template: { source: template.source, version: template.version },
    defaultUrl: readLettersSettings(ctx.store.db).policyUrl,
  };
}

export function saveDraft(ctx: Ctx, i: Input<'policy.saveDraft'>): Output<'policy.saveDraft'> {
  if (i.nextReviewOn <= ctx.today()) {
    throw new AppError('invalid', 'The next review date must be after today.', [
      { path: 'nextReviewOn', message: 'must be after today' },
    ]);
  }
  const orm = ctx.store.orm;
  const draft = policyDraft(orm);
  const at = ctx.now();
  if (draft) {
    orm
      .update(policyVersions)
      .set({ changes: i.changes, nextReviewOn: i.nextReviewOn, updatedBy: by(ctx), updatedAt: at })
      .where(eq(policyVersions.id, draft.id))
      .run();
    ctx.audit('policy.draft', 'policy_versions', draft.id, i);
    return { id: draft.id, version: draft.version };
  }
  const last = orm
    .select({ v: policyVersions.version })
    .from(policyVersions)
    .orderBy(desc(policyVersions.version))
    .get();
  const row = orm
    .insert(policyVersions)
    .values({
      version: (last?.v ?? 0) + 1,
      changes: i.changes,
      nextReviewOn: i.nextReviewOn,
      draftedBy: by(ctx),
      draftedAt: at,
      updatedBy: by(ctx),
      updatedAt: at,
    })
    .returning({ id: policyVersions.id, version: policyVersions.version })
    .get();
  ctx.audit('policy.draft', 'policy_versions', row.id, { ...i, created: true });
  return row;
}

export function discardDraft(ctx: Ctx): Output<'policy.discardDraft'> {
  const draft = policyDraft(ctx.store.orm);
  if (!draft) {
    throw new AppError('not_found', 'There is no draft to discard.');
  }
  ctx.store.orm.delete(policyVersions).where(eq(policyVersions.id, draft.id)).run();
  ctx.audit('policy.discardDraft', 'policy_versions', draft.id, { version: draft.version });
  return { ok: true };
}

function approvedVersion(ctx: Ctx, id: number) {
  const v = ctx.store.orm.select().from(policyVersions).where(eq(policyVersions.id, id)).get();
  if (!v) {
    throw new AppError('not_found', 'There is no such version of the policy: reload the list.');
  }
  if (!v.approvedAt || !v.bytes) {
    throw new AppError('refused', `Version ${v.version} is a draft: the headteacher approves it first.`);
  }
  return v;
}

export function publish(ctx: Ctx, i: Input<'policy.publish'>): Output<'policy.publish'> {
  const v = approvedVersion(ctx, i.versionId);
  if (i.publishedOn < v.approvedOn!) {
    throw new AppError('invalid', 'The policy cannot be published before it was approved.', [
      { path: 'publishedOn', message: 'before the approval' },
    ]);
  }
  const row = ctx.store.orm
    .insert(policyPublications)
    .values({
      versionId: v.id,
      url: i.url,
      publishedOn: i.publishedOn,
      recordedBy: by(ctx),
      recordedAt: ctx.now(),
    })
    .returning({ id: policyPublications.id })
    .get();
  ctx.audit('policy.publish', 'policy_publications', row.id, { version: v.version, url: i.url });
  return { id: row.id };
}

/** The approved document exactly as approved; every export is in the audit log with its SHA-256. */
export function versionFile(ctx: Ctx, i: Input<'policy.file'>): Output<'policy.file'> {
  const v = approvedVersion(ctx, i.versionId);
  ctx.audit('policy.export', 'policy_versions', v.id, { version: v.version, sha256: v.sha256 });
  return { fileName: v.fileName!, base64: Buffer.from(v.bytes!).toString('base64'), sha256: v.sha256! };
}
