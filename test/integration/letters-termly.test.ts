// The termly attendance update (docs/rules/letters.md, letter 14): every family of the school in one batch through
// the letters engine, one letter per household (siblings on one letter), the term's and the school year's figures,
// no guardrail warning, the batch logged; the term is the half terms of one season (shared/terms.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempStore, ok, tempDir } from '../helpers/store';
import { createDemoSchool } from '../../main/core/demo/demo';
import { waitForJob } from '../../main/core/letters/jobs';
import { documentText, unzipDocx } from '../../main/core/letters/docx-xml';
import { reportPupils } from '../../main/core/reports/report-pupils';
import { formatPct1 } from '../../shared/statistics/rates';
import { termAround } from '../../shared/terms';

const TODAY = '2025-12-19';
const YEAR = { from: '2025-09-01', to: TODAY };

describe('the termly update to every family', () => {
  it('one batch: a letter per household, term and year figures, no warnings, logged', async () => {
    process.env.ATTENDANCE_TODAY = TODAY;
    const s = tempStore();
    createDemoSchool(s, { pupils: 80, seed: 4, today: TODAY });
    const autumn2 = { from: '2025-11-03', to: TODAY };
    const c = ok(s, 'letters.candidates', { template: 'termly-update', band: 'any', ...autumn2 });
    expect(c.pupils.length).toBeGreaterThan(40);
    expect(c.pupils.filter((p) => p.flags.length)).toEqual([]);
    const pupilIds = c.pupils.map((p) => p.pupilId);
    const folder = path.join(tempDir(), 'termly');
    const g = ok(s, 'letters.generate', { template: 'termly-update', pupilIds, ...autumn2, folder });
    expect(g.leftOut).toEqual([]);
    const job = await waitForJob(g.jobId);
    expect(job.status).toBe('done');
    const log = s.db
      .prepare('SELECT pupil_id AS p, sibling_ids AS sibs FROM letter_log WHERE batch_id = ?')
      .all(g.batchId) as { p: number; sibs: string }[];
    expect(log).toHaveLength(g.letters);
    // every pupil is on a letter, and siblings share one: fewer letters than pupils when the demo has siblings
    const covered = new Set(log.flatMap((l) => [l.p, ...(JSON.parse(l.sibs) as number[])]));
    expect([...covered].sort()).toEqual([...pupilIds].sort());
    const withSiblings = log.filter((l) => l.sibs !== '[]');
    expect(withSiblings.length).toBeGreaterThan(0);
    // one letter's figures: the period's and the school year's, as report pupils works them out
    const one = log.find((l) => l.sibs === '[]')!;
    const file = s.db
      .prepare('SELECT file_name AS f FROM letter_log WHERE batch_id = ? AND pupil_id = ?')
      .get(g.batchId, one.p) as { f: string };
    const text = documentText(unzipDocx(new Uint8Array(fs.readFileSync(path.join(folder, file.f))))).join(
      '\n',
    );
    const upn = (s.db.prepare('SELECT upn FROM pupils WHERE id = ?').get(one.p) as { upn: string }).upn;
    const term = reportPupils(s.db, autumn2).pupils.find((p) => p.upn === upn)!;
    const year = reportPupils(s.db, YEAR).pupils.find((p) => p.upn === upn)!;
    expect(text).toContain('Attendance update: Autumn term 2025/26');
    expect(text).toContain('school year so far, from 1 September 2025');
    expect(text).toContain(formatPct1(term.attendancePct));
    expect(text).toContain(formatPct1(year.attendancePct));
    expect(text).not.toMatch(/penalty|prosecut|warning/i);
  }, 300_000);

  it('a term is the half terms of one season', () => {
    const r = (dateFrom: string, dateTo: string, label: string | null) => ({
      kind: 'term',
      dateFrom,
      dateTo,
      label,
    });
    const ranges = [
      r('2025-09-01', '2025-10-24', 'Autumn 1'),
      r('2025-11-03', '2025-12-19', 'Autumn 2'),
      r('2026-01-05', '2026-02-13', null),
      r('2026-02-23', '2026-03-27', null),
      r('2026-04-13', '2026-07-22', 'Summer'),
    ];
    expect(termAround(ranges, '2025-12-01')).toEqual({
      name: 'Autumn term 2025/26',
      from: '2025-09-01',
      to: '2025-12-19',
    });
    expect(termAround(ranges, '2025-12-25')?.name).toBe('Autumn term 2025/26');
    expect(termAround(ranges, '2026-03-01')).toMatchObject({ from: '2026-01-05', to: '2026-03-27' });
    expect(termAround(ranges, '2025-08-01')).toBeNull();
  });
});
