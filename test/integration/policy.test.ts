// The attendance policy (docs/rules/policy.md): merged from the school's settings with every placeholder filled,
// a missing fact refused with the setting to fill, versions frozen by the approval, the document reopened, and
// the parent summary batch for new families only through the letters engine, from the approved facts.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ok, setupSchool, tempDir, tempStore } from '../helpers/store';
import { createDemoSchool } from '../../main/core/demo/demo';
import { dispatch } from '../../main/core/dispatch';
import { waitForJob } from '../../main/core/letters/jobs';
import { documentText, scanPlaceholders, unzipDocx } from '../../main/core/letters/docx-xml';
import { policyVersions } from '../../main/core/db/schema-policy';
import { pupils } from '../../main/core/db/schema';
import { letterLog } from '../../main/core/db/schema-letters';
import { formatLongDate } from '../../shared/dates';
import type { Session } from '../../shared/contract';
import type { Store } from '../../main/core/db/connection';

const TODAY = '2026-09-10';
const HEAD: Session = {
  userName: 'head',
  displayName: 'Mr R. Hartley',
  position: 'Headteacher',
  roles: ['head'],
};
const LEAD: Session = {
  userName: 'lead',
  displayName: 'Mrs J. Okafor',
  position: 'Deputy Head',
  roles: ['lead'],
};

function demo(): Store {
  process.env.ATTENDANCE_TODAY = TODAY;
  const s = tempStore();
  createDemoSchool(s, { pupils: 60, seed: 5, today: TODAY });
  return s;
}

async function approve(s: Store, approvedOn = TODAY) {
  const { jobId } = ok(s, 'policy.approve', { approvedOn }, HEAD);
  const job = await waitForJob(jobId);
  expect(job.error).toBeNull();
}

function text(base64: string): string[] {
  return documentText(unzipDocx(new Uint8Array(Buffer.from(base64, 'base64'))));
}

describe('the attendance policy', () => {
  it('refuses to merge while a fact is missing, naming the setting to fill', () => {
    process.env.ATTENDANCE_TODAY = TODAY;
    const s = tempStore();
    setupSchool(s);
    ok(s, 'policy.saveDraft', { changes: 'First policy', nextReviewOn: '2027-09-01' }, LEAD);
    const r = dispatch(s, 'policy.approve', { approvedOn: TODAY }, HEAD);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.kind).toBe('invalid');
    expect(!r.ok && r.error.message).toMatch(/"Attendance officer" \(Settings, school details\)/);
    expect(!r.ok && r.error.message).toMatch(/"Absence line" \(Letters/);
    expect(ok(s, 'policy.get', {}).missing).toMatch(/Attendance officer/);
    expect(ok(s, 'policy.status', {}).state).toBe('draft');
  });

  it('fills every merge field from the settings, and the approved version is never changed', async () => {
    const s = demo();
    ok(s, 'policy.saveDraft', { changes: 'First policy', nextReviewOn: '2027-09-01' }, LEAD);
    expect(dispatch(s, 'policy.approve', { approvedOn: TODAY }, LEAD).ok).toBe(false); // only the head
    expect(ok(s, 'policy.get', {}).missing).toBeNull();
    await approve(s);
    const st = ok(s, 'policy.status', {});
    expect(st).toMatchObject({
      state: 'approved',
      version: 1,
      approvedBy: 'Mr R. Hartley',
      reviewDue: false,
    });
    const v1 = ok(s, 'policy.get', {}).versions[0];
    const file = ok(s, 'policy.file', { versionId: v1.id });
    const files = unzipDocx(new Uint8Array(Buffer.from(file.base64, 'base64')));
    expect(scanPlaceholders(files).placeholders).toEqual([]);
    const all = [...documentText(files), ...documentText(files, 'word/footer1.xml')].join('\n');
    expect(all).not.toContain('{{');
    expect(all).not.toMatch(/\bundefined\b|\bnull\b|NaN/);
    for (const fact of [
      'Riverside Primary School',
      'Mrs J. Okafor',
      'Mr D. Patel',
      '01632 960003',
      'd.patel@riverside.example.sch.uk',
      '01632 960001 (option 1)',
      'by 9.00am',
      'closes',
      '9.10am',
      '1.45pm',
      'the headteacher, Mr R. Hartley',
      'riverside.example.gov.uk/school-attendance-code',
      'every term',
      `approved by Mr R. Hartley, Headteacher, on ${formatLongDate(TODAY)}`,
      formatLongDate('2027-09-01'),
      '5%',
    ]) {
      expect(all, fact).toContain(fact);
    }
    for (let n = 1; n <= 11; n++) {
      expect(all).toMatch(new RegExp(`^${n}\\. [A-Z]`, 'm'));
    }
    // frozen: a change is refused by the database, and a new draft is version 2
    const change = () =>
      s.orm.update(policyVersions).set({ changes: 'x' }).where(eq(policyVersions.id, v1.id)).run();
    expect(change).toThrow(/never changed/);
    ok(s, 'policy.saveDraft', { changes: 'Annual review', nextReviewOn: '2028-09-01' }, LEAD);
    const after = ok(s, 'policy.get', {});
    expect(after.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(after.versions[1].sha256).toBe(v1.sha256);
    expect(ok(s, 'policy.status', {}).version).toBe(1);
  });

  it('sends the summary only to new families, from the approved facts and the published address', async () => {
    const s = demo();
    ok(s, 'policy.saveDraft', { changes: 'First policy', nextReviewOn: '2027-09-01' }, LEAD);
    expect(dispatch(s, 'policy.summaryBatch', { audience: 'all', folder: tempDir() }, LEAD).ok).toBe(false);
    await approve(s);
    const v1 = ok(s, 'policy.get', {}).versions[0];
    ok(s, 'policy.publish', {
      versionId: v1.id,
      url: 'riverside.example.sch.uk/policy-2026',
      publishedOn: TODAY,
    });
    expect(ok(s, 'policy.status', {})).toMatchObject({
      state: 'published',
      publishedUrl: 'riverside.example.sch.uk/policy-2026',
    });
    const dates = s.orm
      .select({ d: pupils.admissionDate })
      .from(pupils)
      .all()
      .map((p) => p.d)
      .sort();
    const since = dates[Math.floor(dates.length * 0.8)];
    const expected = dates.filter((d) => d >= since && d <= TODAY).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(dates.length);
    const r = ok(s, 'policy.summaryBatch', { audience: 'new', since, folder: tempDir() }, LEAD);
    expect(r.pupils).toBe(expected);
    await waitForJob(r.jobId);
    const logged = s.orm.select().from(letterLog).where(eq(letterLog.batchId, r.batchId)).all();
    expect(logged.length).toBe(r.letters);
    const covered = new Set(logged.flatMap((l) => [l.pupilId, ...(JSON.parse(l.siblingIds) as number[])]));
    const admitted = s.orm
      .select()
      .from(pupils)
      .all()
      .filter((p) => covered.has(p.id));
    expect(admitted.every((p) => p.admissionDate >= since)).toBe(true);
    const printed = ok(s, 'policy.summaryFile', { batchId: r.batchId }, LEAD);
    expect(printed.letters).toBe(r.letters);
    const body = text(printed.base64).join('\n');
    expect(body).toContain('riverside.example.sch.uk/policy-2026');
    expect(body).toContain("We send you your child's attendance every term");
    expect(body).not.toContain('{{');
  });
});
