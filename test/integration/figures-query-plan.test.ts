// Query plans of the figures' hot SQL (the same statements the services run): each reads the marks through an
// index in order, never sorting the whole marks table, and the small lookups use their indexes.
import { describe, expect, it } from 'vitest';
import { tempStore } from '../helpers/store';
import {
  COUNTED_MARKS_ONE_PERIOD_SQL,
  COUNTED_MARKS_SQL,
  DATED_MARKS_SQL,
} from '../../main/core/reports/report-pupils';
import {
  EDGE_CODES_SQL,
  EDGE_SLASHES_SQL,
  PUPIL_TALLIES_SQL,
  WEEK_CODE_TALLIES_SQL,
  WEEK_TALLIES_SQL,
} from '../../main/core/registers/tallies';

const store = tempStore();
const plan = (sql: string, ...args: unknown[]) =>
  (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');

describe('figures query plans', () => {
  it(`report pupils, the band list, the tracker and the statutory lists read the \
marks that are not slashes from their two partial indexes in order, without a sort`, () => {
    const dated = plan(DATED_MARKS_SQL, '2025-09-01', '2026-07-22');
    expect(dated).toMatch(/SCAN marks USING COVERING INDEX marks_dated_idx/);
    expect(dated).not.toMatch(/TEMP B-TREE/);
    for (const counted of [
      plan(COUNTED_MARKS_SQL, '2026-02-13', '2025-09-01', '2026-07-22'),
      plan(COUNTED_MARKS_ONE_PERIOD_SQL, '2025-09-01', '2026-07-22'),
    ]) {
      expect(counted).toMatch(/SCAN marks USING COVERING INDEX marks_counted_idx/);
      expect(counted).not.toMatch(/TEMP B-TREE/);
    }
  });
  it(`the whole weeks come from the tallies, not the marks, and the days at the edges from one \
(pupil, date) range search per pupil`, () => {
    for (const [sql, ...args] of [
      [PUPIL_TALLIES_SQL, '2026-02-09', '2025-09-01', '2026-07-20'],
      [WEEK_TALLIES_SQL, '2025-09-01', '2026-07-20'],
    ]) {
      const p = plan(sql, ...args);
      expect(p).toMatch(/mark_tallies/);
      expect(p).not.toMatch(/\bmarks\b/);
    }
    const codes = plan(WEEK_CODE_TALLIES_SQL, '2025-09-01', '2026-07-20');
    expect(codes).toMatch(/mark_code_tallies/);
    expect(codes).not.toMatch(/\bmarks\b/);
    for (const sql of [EDGE_SLASHES_SQL, EDGE_CODES_SQL]) {
      const edge = plan(sql, '2025-09-01', '2025-09-05');
      expect(edge).toMatch(
        /SEARCH m USING COVERING INDEX marks_stats_idx \(pupil_id=\? AND date>\? AND date<\?\)/,
      );
      expect(edge).not.toMatch(/SCAN m\b/);
    }
  });
  it("the notices relying on a mark, and a pupil's notices, use their indexes", () => {
    expect(plan('SELECT notice_id FROM penalty_notice_marks WHERE mark_id = ?', 1)).toMatch(
      /USING (COVERING )?INDEX penalty_notice_marks_mark_idx/,
    );
    expect(
      plan('SELECT id FROM penalty_notices WHERE pupil_id = ? AND issued_on > ?', 1, '2024-01-01'),
    ).toMatch(/USING (COVERING )?INDEX penalty_notices_pupil_idx/);
  });
});
