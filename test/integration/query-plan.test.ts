// Query-plan checks for the hot SQL: each must use an index, never scan the marks table.
import { describe, expect, it } from 'vitest';
import { tempStore } from '../helpers/store';

const plan = (sql: string, ...args: unknown[]) => {
  const s = tempStore();
  return (s.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');
};

describe('query plans', () => {
  it("a pupil's marks over a period use the (pupil, date, session) index", () => {
    // (or the figures' covering index, which starts with the same columns)
    expect(
      plan(
        'SELECT code FROM marks WHERE pupil_id = ? AND date BETWEEN ? AND ?',
        1,
        '2025-09-01',
        '2025-09-30',
      ),
    ).toMatch(/USING (COVERING )?INDEX (marks_pupil_session_uq|marks_stats_idx)/);
  });
  it('one stored mark is found by the unique index', () => {
    expect(
      plan('SELECT id FROM marks WHERE pupil_id = ? AND date = ? AND session = ?', 1, '2025-09-01', 'AM'),
    ).toMatch(/USING (COVERING )?INDEX marks_pupil_session_uq/);
  });
  it('the marks of a day (calling list, registers) use the date index', () => {
    expect(plan("SELECT pupil_id FROM marks WHERE date = ? AND code = 'N'", '2025-09-01')).toMatch(
      /USING (COVERING )?INDEX marks_date_idx/,
    );
  });
  it("a registration group's pupils use the group index", () => {
    expect(plan('SELECT id FROM pupils WHERE reg_group = ? ORDER BY surname', '2A')).toMatch(
      /USING (COVERING )?INDEX pupils_reg_group_idx/,
    );
  });
});
