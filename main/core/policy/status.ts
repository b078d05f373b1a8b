// The state of the school's attendance policy (docs/rules/policy.md): the version in force is the newest
// approved one; it is "published" when a publication is recorded for it. Home's reminder, the governor report's
// compliance check and the self-audit all read this one function.
import { desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { PolicyStatus } from '../../../shared/channels/policy';
import type { IsoDate } from '../../../shared/dates';
import type { Orm } from '../db/connection';
import { policyPublications, policyVersions } from '../db/schema-policy';

type Version = typeof policyVersions.$inferSelect;

/** The newest approved version, or null when none has been approved. */
export function policyInForce(orm: Orm): Version | null {
  return (
    orm
      .select()
      .from(policyVersions)
      .where(isNotNull(policyVersions.approvedAt))
      .orderBy(desc(policyVersions.version))
      .limit(1)
      .get() ?? null
  );
}

/** The draft being worked on, or null (there is at most one: a trigger refuses a second). */
export function policyDraft(orm: Orm): Version | null {
  return orm.select().from(policyVersions).where(isNull(policyVersions.approvedAt)).get() ?? null;
}

/** The newest web address recorded for a version, or null when it has not been published. */
export function publishedUrl(orm: Orm, versionId: number): string | null {
  const row = orm
    .select({ url: policyPublications.url })
    .from(policyPublications)
    .where(eq(policyPublications.versionId, versionId))
    .orderBy(desc(policyPublications.id))
    .limit(1)
    .get();
  return row?.url ?? null;
}

export function policyStatus(orm: Orm, todayIso: IsoDate): PolicyStatus {
  const current = policyInForce(orm);
  if (!current) {
    const draft = policyDraft(orm);
    return {
      state: draft ? 'draft' : 'none',
      version: draft?.version ?? null,
      approvedOn: null,
      approvedBy: null,
      publishedUrl: null,
      nextReviewOn: null,
      reviewDue: true,
    };
  }
  const url = publishedUrl(orm, current.id);
  return {
    state: url ? 'published' : 'approved',
    version: current.version,
    approvedOn: current.approvedOn,
    approvedBy: current.approvedBy,
    publishedUrl: url,
    nextReviewOn: current.nextReviewOn,
    reviewDue: current.nextReviewOn <= todayIso,
  };
}
