// The policy's status (docs/rules/policy.md) read from real rows, and the migration's guards: an approved version
// is never changed or deleted, a draft is the only thing that changes, a publication needs an approved version.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ok, tempStore } from '../helpers/store';
import { policyStatus } from '../../main/core/policy/status';
import { policyPublications, policyVersions } from '../../main/core/db/schema-policy';
import { dispatch } from '../../main/core/dispatch';
import { STAFF_SESSION } from '../helpers/store';
import type { Store } from '../../main/core/db/connection';

const AT = '2025-09-01T09:00:00.000Z';

function draft(s: Store, version: number, nextReviewOn = '2026-09-01') {
  return s.orm
    .insert(policyVersions)
    .values({
      version,
      changes: `version ${version}`,
      nextReviewOn,
      draftedBy: 'Lead',
      draftedAt: AT,
      updatedBy: 'Lead',
      updatedAt: AT,
    })
    .returning()
    .get();
}

function approve(s: Store, id: number, approvedOn: string) {
  s.orm
    .update(policyVersions)
    .set({
      approvedBy: 'Head Teacher',
      approvedPosition: 'Headteacher',
      approvedOn,
      approvedAt: AT,
      templateVersion: 'shipped',
      templateSha256: 'a'.repeat(64),
      facts: '{}',
      fileName: 'policy.docx',
      bytes: Buffer.from('docx'),
      sha256: 'b'.repeat(64),
    })
    .where(eq(policyVersions.id, id))
    .run();
}

function publish(s: Store, versionId: number, url: string) {
  s.orm
    .insert(policyPublications)
    .values({ versionId, url, publishedOn: '2025-09-10', recordedBy: 'Lead', recordedAt: AT })
    .run();
}

describe('policy status', () => {
  it('walks none, draft, approved, published, and is due for review on the review date', () => {
    const s = tempStore();
    expect(policyStatus(s.orm, '2025-09-01')).toEqual({
      state: 'none',
      version: null,
      approvedOn: null,
      approvedBy: null,
      publishedUrl: null,
      nextReviewOn: null,
      reviewDue: true,
    });
    const v1 = draft(s, 1);
    expect(policyStatus(s.orm, '2025-09-01')).toMatchObject({ state: 'draft', version: 1, reviewDue: true });
    approve(s, v1.id, '2025-09-05');
    expect(policyStatus(s.orm, '2025-09-06')).toEqual({
      state: 'approved',
      version: 1,
      approvedOn: '2025-09-05',
      approvedBy: 'Head Teacher',
      publishedUrl: null,
      nextReviewOn: '2026-09-01',
      reviewDue: false,
    });
    publish(s, v1.id, 'https://school.example/attendance');
    const published = policyStatus(s.orm, '2026-08-31');
    expect(published).toMatchObject({
      state: 'published',
      publishedUrl: 'https://school.example/attendance',
    });
    expect(published.reviewDue).toBe(false);
    expect(policyStatus(s.orm, '2026-09-01').reviewDue).toBe(true);
    expect(ok(s, 'policy.status', {})).toMatchObject({ state: 'published', version: 1 });
  });

  it('keeps the approved version in force while the next one is drafted, and the new one needs publishing', () => {
    const s = tempStore();
    const v1 = draft(s, 1);
    approve(s, v1.id, '2025-09-05');
    publish(s, v1.id, 'https://school.example/v1');
    const v2 = draft(s, 2, '2027-09-01');
    expect(policyStatus(s.orm, '2025-10-01')).toMatchObject({ state: 'published', version: 1 });
    approve(s, v2.id, '2026-09-01');
    expect(policyStatus(s.orm, '2026-09-02')).toMatchObject({
      state: 'approved',
      version: 2,
      publishedUrl: null,
      nextReviewOn: '2027-09-01',
      reviewDue: false,
    });
  });

  it('refuses to change or delete an approved version, a second draft, or publishing a draft', () => {
    const s = tempStore();
    const v1 = draft(s, 1);
    expect(() => draft(s, 2)).toThrow(/already a draft/);
    expect(() => publish(s, v1.id, 'https://x.example')).toThrow(/only an approved version/);
    s.orm.update(policyVersions).set({ changes: 'edited draft' }).where(eq(policyVersions.id, v1.id)).run();
    approve(s, v1.id, '2025-09-05');
    const change = () =>
      s.orm.update(policyVersions).set({ changes: 'sneaky' }).where(eq(policyVersions.id, v1.id)).run();
    expect(change).toThrow(/refused: an approved policy version is never changed/);
    expect(() => s.orm.delete(policyVersions).where(eq(policyVersions.id, v1.id)).run()).toThrow(/is kept/);
    publish(s, v1.id, 'https://x.example');
    expect(() => s.orm.delete(policyPublications).run()).toThrow(/publication is kept/);
    expect(s.orm.select().from(policyVersions).get()?.changes).toBe('edited draft');
  });

  it('refuses an approval that does not record the document', () => {
    const s = tempStore();
    const v1 = draft(s, 1);
    const bare = () =>
      s.orm
        .update(policyVersions)
        .set({ approvedBy: 'Head', approvedOn: '2025-09-05', approvedAt: AT })
        .where(eq(policyVersions.id, v1.id))
        .run();
    expect(bare).toThrow(/records who approved/);
    const r = dispatch(s, 'policy.status', {}, STAFF_SESSION);
    expect(r.ok && r.value.state).toBe('draft');
  });
});
