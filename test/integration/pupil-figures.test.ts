// The pupil page's figures are the CLI report's figures for that pupil, field by field.
import { describe, expect, it } from 'vitest';
import { createDemoSchool } from '../../main/core/demo/demo';
import { reportPupils } from '../../main/core/reports/report-pupils';
import { ok, tempStore } from '../helpers/store';

describe('pupil figures', () => {
  it('match report pupils for every pupil of a demo school', () => {
    const s = tempStore();
    createDemoSchool(s, { pupils: 40, seed: 11, today: '2026-12-01' });
    const period = { from: '2026-09-01', to: '2026-12-01' };
    const report = reportPupils(s.db, period);
    const ids = new Map(
      (s.db.prepare('SELECT upn, id FROM pupils').all() as { upn: string; id: number }[]).map((r) => [
        r.upn,
        r.id,
      ]),
    );
    expect(report.pupils.length).toBeGreaterThan(30);
    for (const row of report.pupils) {
      expect(ok(s, 'reports.pupilFigures', { pupilId: ids.get(row.upn)!, ...period }).figures).toEqual(row);
    }
  });
});
