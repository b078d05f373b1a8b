// The termly governor report (docs/rules/governor-report.md): its figures are the dashboard's, suppression is the
// one shared rule, the document reopens with its sections and four chart pictures and holds no pupil-identifying
// text anywhere, final reports are kept with their SHA-256, and the DfE file import refuses a bad row.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { tempStore, ok } from '../helpers/store';
import { createDemoSchool } from '../../main/core/demo/demo';
import { dispatch } from '../../main/core/dispatch';
import { waitForReport } from '../../main/core/governors/jobs';
import { yearEarlier } from '../../main/core/governors/report-data';
import { dfePeriodLabel } from '../../main/core/governors/dfe-import';
import { reportPupils } from '../../main/core/reports/report-pupils';

const TODAY = '2025-12-19';
const GOVERNOR = { userName: 'gov', position: 'Governor', roles: ['governor' as const] };
const P = { from: '2025-09-01', to: TODAY };

function demo() {
  process.env.ATTENDANCE_TODAY = TODAY;
  const s = tempStore();
  createDemoSchool(s, { pupils: 120, seed: 3, today: TODAY });
  return s;
}

describe('the governor report', () => {
  it('shows the dashboard figures and report pupils, with the dashboard suppression', () => {
    const s = demo();
    const { figures } = ok(s, 'governors.preview', P);
    const dash = ok(s, 'figures.dashboard', P);
    const rp = reportPupils(s.db, P);
    expect(figures.headline.all).toEqual(rp.school.all);
    expect(figures.headline.dfeCohort).toEqual(rp.school.dfeCohort);
    expect(figures.breakdowns).toEqual(dash.cohorts);
    expect(figures.lastYear).toBeNull(); // the demo has no marks a year earlier
    const hidden = figures.breakdowns.flatMap((b) => b.rows).filter((r) => r.group.suppressed);
    for (const r of hidden) {
      expect([r.group.pupils, r.group.absencePct, r.rest.absencePct, r.absenceGap]).toEqual([
        null,
        null,
        null,
        null,
      ]);
    }
    const total = figures.reasons.reduce((a, r) => a + r.sessions, 0);
    expect(total).toBe(rp.school.all.authorised + rp.school.all.unauthorised);
  });

  it('same point last year moves 29 February to 28 February', () => {
    expect(yearEarlier('2028-02-29')).toBe('2027-02-28');
    expect(yearEarlier('2025-12-19')).toBe('2024-12-19');
  });

  it('produces a final document that reopens with sections 1-8, four pictures with alt text, no pupil text', async () => {
    const s = demo();
    const p = ok(s, 'governors.preview', P);
    const { jobId } = ok(s, 'governors.produce', { ...P, keyMessages: p.keyMessages, final: true });
    const job = await waitForReport(jobId);
    expect(job.status).toBe('done');
    const file = ok(s, 'governors.file', { id: job.reportId! }, GOVERNOR);
    const bytes = Buffer.from(file.base64, 'base64');
    expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    const zip = unzipSync(new Uint8Array(bytes));
    const pngs = Object.keys(zip).filter((n) => n.startsWith('word/media/') && n.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(4);
    const doc = strFromU8(zip['word/document.xml']);
    for (let k = 1; k <= 8; k++) {
      expect(doc).toContain(`${k}. `);
    }
    expect((doc.match(/<wp:docPr [^>]*descr="[^"]+"/g) ?? []).length).toBeGreaterThanOrEqual(4);
    // No heading is left alone at the foot of a page: every heading keeps with what follows it.
    const headings =
      doc.match(/<w:p>\s*<w:pPr>(?:(?!<\/w:pPr>).)*<w:pStyle w:val="Heading[12]"\/>.*?<\/w:pPr>/gs) ?? [];
    expect(headings.length).toBeGreaterThanOrEqual(8);
    for (const h of headings) {
      expect(h).toContain('<w:keepNext/>');
    }
    const allText = Object.entries(zip)
      .filter(([n]) => /\.(xml|rels)$/.test(n))
      .map(([, v]) => strFromU8(v))
      .join('\n');
    const pupils = s.db.prepare('SELECT upn, surname, forename, dob FROM pupils').all() as Record<
      string,
      string
    >[];
    for (const q of pupils) {
      expect(allText).not.toContain(q.upn);
      expect(allText).not.toContain(q.dob);
      expect(allText).not.toMatch(new RegExp(`\\b${q.forename} ${q.surname}\\b`));
    }
    expect(ok(s, 'governors.reports', {}, GOVERNOR).reports).toHaveLength(1);
    // Kept as produced: the trigger refuses a change.
    expect(() => s.db.prepare('DELETE FROM governor_reports').run()).toThrow(/refused/);
  }, 120_000);

  it("records the board's target as versions and shows progress in the report", () => {
    const s = demo();
    ok(s, 'governors.saveTarget', {
      academicYear: 2025,
      attendancePct: 95,
      persistentPct: 15,
      approvedOn: '2025-09-20',
    });
    const id = ok(s, 'governors.saveTarget', {
      academicYear: 2025,
      attendancePct: 96,
      persistentPct: 14,
      approvedOn: '2025-10-10',
    }).id;
    expect(ok(s, 'governors.targets', {}, GOVERNOR).targets).toHaveLength(2);
    expect(ok(s, 'governors.preview', P).figures.target?.id).toBe(id);
    expect(() => s.db.prepare('UPDATE governor_targets SET attendance_pct = 90').run()).toThrow(/refused/);
  });

  it('a governor cannot preview or produce', () => {
    const s = demo();
    const r = dispatch(s, 'governors.preview', P, GOVERNOR);
    expect(r.ok).toBe(false);
  });
});

describe('the DfE absence file', () => {
  it('fills England and the school LA rows from the published layout', () => {
    const s = demo();
    s.db.prepare("UPDATE school SET la_code = '801'").run();
    const csv = fs.readFileSync(path.join(__dirname, '../fixtures/dfe-absence.csv'), 'utf8');
    const r = ok(s, 'governors.importDfe', { csv, fileName: 'dfe-absence.csv' });
    expect(r.areas).toEqual(['England', 'Bristol, City of']);
    const rows = ok(s, 'figures.national.list', {}).rows.filter((x) => x.source.includes('dfe-absence.csv'));
    const eng = rows.find((x) => x.area === 'England')!;
    expect([eng.period, eng.overall, eng.persistent, eng.primary]).toEqual([
      '2023/24 full year, census',
      7.1,
      20,
      5.5,
    ]);
    // Again: updated in place, not duplicated.
    expect(ok(s, 'governors.importDfe', { csv, fileName: 'dfe-absence.csv' }).updated).toBe(2);
  });

  it('refuses a bad row with its line number and changes nothing', () => {
    const s = demo();
    s.db.prepare("UPDATE school SET la_code = '801'").run();
    const before = s.db.prepare('SELECT count(*) AS n FROM reference_figures').get();
    const csv = fs.readFileSync(path.join(__dirname, '../fixtures/dfe-absence-bad.csv'), 'utf8');
    const r = dispatch(
      s,
      'governors.importDfe',
      { csv },
      { userName: 'x', position: 'Lead', roles: ['lead'] },
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.issues?.[0]).toMatchObject({ line: 5 });
    expect(s.db.prepare('SELECT count(*) AS n FROM reference_figures').get()).toEqual(before);
    expect(dfePeriodLabel('202425', 'Autumn term')).toBe('Autumn term 2024/25, census');
  });
});
