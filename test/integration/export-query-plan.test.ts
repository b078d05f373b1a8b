// export marks streams the marks in (UPN, date, session) order straight from the indexes: the pupils by UPN, then
// each pupil's marks by (pupil, date, session), never sorting the whole year (docs/performance.md).
import { describe, expect, it } from 'vitest';
import { tempStore } from '../helpers/store';
import { EXPORT_MARKS_SQL } from '../../main/core/registers/marks.service';

describe('export marks query plan', () => {
  it('walks the UPN index and each pupil’s marks in order, with no temporary sort', () => {
    const store = tempStore();
    const plan = (
      store.db.prepare(`EXPLAIN QUERY PLAN ${EXPORT_MARKS_SQL}`).all('2025-09-01', '2026-08-31') as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/SCAN p USING (COVERING )?INDEX pupils_upn_uq/);
    expect(plan).toMatch(
      /SEARCH m USING INDEX marks_(pupil_session_uq|stats_idx) \(pupil_id=\? AND date>\? AND date<\?\)/,
    );
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
