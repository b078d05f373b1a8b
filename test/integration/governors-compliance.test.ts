// The governor report's "policy in date" check (docs/rules/governor-report.md) reads the policy area's status: no
// policy, a draft, approved but not published, published, and past its review date each read as they are.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ok, tempStore } from '../helpers/store';
import { createDemoSchool } from '../../main/core/demo/demo';
import { policyVersions } from '../../main/core/db/schema-policy';
import type { Store } from '../../main/core/db/connection';

const TODAY = '2025-12-19';
const P = { from: '2025-09-01', to: TODAY };

const check = (s: Store, to = TODAY) =>
  ok(s, 'governors.preview', { from: P.from, to }).figures.compliance.find((c) => c.check === 'policy')!;

/** Approval as the policy area records it (the head's merged document kept): set on the row, as its tests do. */
function approve(s: Store, id: number, approvedOn: string) {
  s.orm
    .update(policyVersions)
    .set({
      approvedBy: 'Mr R. Hartley',
      approvedPosition: 'Headteacher',
      approvedOn,
      approvedAt: `${approvedOn}T09:00:00.000Z`,
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

describe('the policy compliance check', () => {
  it('follows the policy from none to published, and flags a review date passed', () => {
    process.env.ATTENDANCE_TODAY = TODAY;
    const s = tempStore();
    createDemoSchool(s, { pupils: 40, seed: 2, today: TODAY });
    expect(check(s)).toMatchObject({ status: 'attention', value: 'no policy is recorded' }); // the demo has none
    const d = ok(s, 'policy.saveDraft', { changes: 'New for this year', nextReviewOn: '2026-09-01' });
    expect(check(s)).toMatchObject({
      status: 'attention',
      value: `version ${d.version} is a draft, not yet approved`,
    });
    approve(s, d.id, '2025-10-01');
    expect(check(s)).toMatchObject({ status: 'attention' });
    expect(check(s).value).toContain('not yet published');
    ok(s, 'policy.publish', {
      versionId: d.id,
      url: 'https://school.example/policy',
      publishedOn: '2025-10-02',
    });
    const c = check(s);
    expect(c.status).toBe('ok');
    expect(c.value).toContain(`version ${d.version}, approved on 01/10/2025 by Mr R. Hartley`);
    expect(c.value).toContain('next review 01/09/2026');
    // a report as at a date after the review date says the review is due
    process.env.ATTENDANCE_TODAY = '2026-09-10';
    const late = ok(s, 'governors.preview', { from: '2026-09-01', to: '2026-09-10' }).figures.compliance.find(
      (x) => x.check === 'policy',
    )!;
    expect(late).toMatchObject({ status: 'attention' });
    expect(late.value).toContain('its review was due on 01/09/2026');
  });
});
