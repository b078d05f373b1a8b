// Query plans of the figures' hot SQL (the same statements the services run): each reads the marks through an
// index in order, never sorting the whole marks table, and the small lookups use their indexes.
import { describe, expect, it } from 'vitest';
import { tempStore } from '../helpers/store';
import { OTHER_MARKS_SQL, SLASH_COUNT_SQL } from '../../main/core/reports/report-pupils';
import { DASHBOARD_OTHER_MARKS_SQL, weekSlashesSql } from '../../main/core/figures/figures.service';

const store = tempStore();
const plan = (sql: string, ...args: unknown[]) =>
  (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');

describe('figures query plans', () => {
  it('report pupils, the band list, the tracker and the statutory lists read the marks from the covering index in order, without a sort', () => {
    const a = plan(SLASH_COUNT_SQL, '2026-02-13', '2025-09-01', '2026-07-22');
    expect(a).toMatch(/SCAN marks USING COVERING INDEX marks_stats_idx/);
    expect(a).not.toMatch(/TEMP B-TREE/);
    const b = plan(OTHER_MARKS_SQL, '2025-09-01', '2026-07-22');
    expect(b).toMatch(/SCAN marks USING COVERING INDEX marks_stats_idx/);
    expect(b).not.toMatch(/TEMP B-TREE/);
  });
  it('the dashboard counts slashes with one (pupil, date) range search per pupil and week, and reads the other marks from the covering index', () => {
    const p = plan(
      weekSlashesSql(3),
      0,
      '2025-09-01',
      '2025-09-07',
      1,
      '2025-09-08',
      '2025-09-14',
      2,
      '2025-09-15',
      '2025-09-21',
      '2025-09-21',
      '2025-09-01',
    );
    expect(p).toMatch(
      /SEARCH m USING COVERING INDEX marks_stats_idx \(pupil_id=\? AND date>\? AND date<\?\)/,
    );
    expect(p).not.toMatch(/SCAN m\b/);
    expect(plan(DASHBOARD_OTHER_MARKS_SQL, '2025-09-01', '2026-07-22')).toMatch(
      /USING COVERING INDEX marks_stats_idx/,
    );
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
