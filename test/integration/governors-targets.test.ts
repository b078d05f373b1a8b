// The board's target and the DfE file preview (docs/rules/governor-report.md): progress is one rule for the
// dashboard and the report (shared/targets.ts) over the same year-to-date figures, and previewing the DfE file
// lists what an import would write while changing nothing, or refuses a bad row by its line number.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { tempStore, ok } from '../helpers/store';
import { createDemoSchool } from '../../main/core/demo/demo';
import { dispatch } from '../../main/core/dispatch';
import { waitForReport } from '../../main/core/governors/jobs';
import { targetProgress } from '../../shared/targets';

const TODAY = '2025-12-19';
const P = { from: '2025-09-01', to: TODAY };
const LEAD = { userName: 'lead', position: 'Attendance lead', roles: ['lead' as const] };
const fixture = (f: string) => fs.readFileSync(path.join(__dirname, '../fixtures', f), 'utf8');

function demo() {
  process.env.ATTENDANCE_TODAY = TODAY;
  const s = tempStore();
  createDemoSchool(s, { pupils: 120, seed: 3, today: TODAY });
  return s;
}

describe("the board's target", () => {
  it('the dashboard and the report measure progress on the same year-to-date figures', async () => {
    const s = demo();
    const dash = ok(s, 'figures.dashboard', P).ytd.all;
    const t = { attendancePct: Math.round(dash.attendancePct! * 10) / 10 + 0.2, persistentPct: 30 };
    ok(s, 'governors.saveTarget', { academicYear: 2025, ...t, approvedOn: '2025-09-20' });
    const f = ok(s, 'governors.preview', P).figures;
    const reportAtt = 100 - f.yearToDate.all.absencePct!;
    expect(reportAtt).toBeCloseTo(dash.attendancePct!, 9);
    const fromDash = targetProgress(t, dash);
    const fromReport = targetProgress(f.target!, {
      attendancePct: reportAtt,
      persistentPct: f.yearToDate.all.persistentPct,
    });
    expect(fromReport).toEqual(fromDash);
    expect(fromDash.attendance.progress).toBe('behind');
    const { jobId } = ok(s, 'governors.produce', { ...P, keyMessages: ['Target'], final: false });
    const job = await waitForReport(jobId);
    const doc = strFromU8(unzipSync(new Uint8Array(Buffer.from(job.base64!, 'base64')))['word/document.xml']);
    expect(doc).toContain('Behind the target');
  }, 120_000);

  it('on track at the target, behind just under it; persistent absence the other way round', () => {
    const t = { attendancePct: 95, persistentPct: 15 };
    expect(targetProgress(t, { attendancePct: 95, persistentPct: 15 })).toMatchObject({
      attendance: { progress: 'on_track', margin: 0 },
      persistent: { progress: 'on_track', margin: 0 },
    });
    expect(targetProgress(t, { attendancePct: 94.8, persistentPct: 15.3 })).toMatchObject({
      attendance: { progress: 'behind', margin: -0.2 },
      persistent: { progress: 'behind', margin: -0.3 },
    });
    expect(targetProgress(t, { attendancePct: null, persistentPct: null }).attendance.progress).toBe(
      'no_figure',
    );
  });

  it('refuses a target outside 50 to 100 per cent', () => {
    const s = demo();
    const r = dispatch(
      s,
      'governors.saveTarget',
      {
        academicYear: 2025,
        attendancePct: 40,
        persistentPct: 10,
        approvedOn: '2025-09-20',
      },
      LEAD,
    );
    expect(!r.ok && r.error.message).toMatch(/from 50 to 100/);
    expect(ok(s, 'governors.targets', {}).targets).toHaveLength(0);
  });
});

describe('the DfE file preview', () => {
  it('lists the rows an import would write and changes nothing', () => {
    const s = demo();
    s.db.prepare("UPDATE school SET la_code = '801'").run();
    const count = () => s.db.prepare('SELECT count(*) AS n FROM reference_figures').get();
    const before = count();
    const p = ok(s, 'governors.previewDfe', { csv: fixture('dfe-absence.csv') });
    expect(count()).toEqual(before);
    expect(p.laCode).toBe('801');
    expect(p.rows.map((r) => [r.area, r.isNew])).toEqual([
      ['England', true],
      ['Bristol, City of', true],
    ]);
    ok(s, 'governors.importDfe', { csv: fixture('dfe-absence.csv'), fileName: 'dfe-absence.csv' });
    expect(
      ok(s, 'governors.previewDfe', { csv: fixture('dfe-absence.csv') }).rows.every((r) => !r.isNew),
    ).toBe(true);
  });

  it('refuses the bad file with its line number', () => {
    const s = demo();
    s.db.prepare("UPDATE school SET la_code = '801'").run();
    const r = dispatch(s, 'governors.previewDfe', { csv: fixture('dfe-absence-bad.csv') }, LEAD);
    expect(!r.ok && r.error.issues?.[0]).toMatchObject({ line: 5 });
    const g = dispatch(
      s,
      'governors.previewDfe',
      { csv: fixture('dfe-absence.csv') },
      { userName: 'g', position: 'Governor', roles: ['governor'] },
    );
    expect(!g.ok && g.error.kind).toBe('forbidden');
  });
});
