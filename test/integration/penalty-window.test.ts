// The penalty tracker for a pupil whose worst window lies in the previous school year (issue 15.10,
// docs/rules/statistics.md §6): the date the threshold was met and the window's dates are shown, the earlier
// school year is said, and whether a notice can still be considered is said plainly.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../main/core/db/connection';
import { ok, PUPIL_HEADER, pupilRow, setupSchool, tempStore, upn } from '../helpers/store';
import { loadCalendar } from '../../main/core/calendar/calendar.service';

const TODAY = '2026-09-11';
let store: Store;
const id = (n: number) =>
  (store.db.prepare('SELECT id FROM pupils WHERE upn = ?').get(upn(n)) as { id: number }).id;

/** Pupil 1: 12 sessions of O in the last two weeks of the summer term 2026, present since September.
 * Pupil 2: the same, and a penalty notice already relies on those sessions. */
beforeAll(() => {
  process.env.ATTENDANCE_TODAY = TODAY;
  store = tempStore();
  setupSchool(store);
  for (const r of [
    { dateFrom: '2026-01-05', dateTo: '2026-03-27', kind: 'term' as const, label: 'Spring' },
    { dateFrom: '2026-04-13', dateTo: '2026-07-22', kind: 'term' as const, label: 'Summer' },
    { dateFrom: '2026-09-02', dateTo: '2026-10-23', kind: 'term' as const, label: 'Autumn 1' },
  ]) {
    ok(store, 'calendar.addRange', r);
  }
  ok(store, 'pupils.import', { csv: [PUPIL_HEADER, pupilRow(1), pupilRow(2)].join('\n') });
  const cal = loadCalendar(store.db);
  const marks = ['upn,date,session,code'];
  for (const n of [1, 2]) {
    for (const d of cal.schoolDays('2026-06-01', TODAY)) {
      const absent = d >= '2026-07-14' && d <= '2026-07-22';
      for (const s of ['AM', 'PM']) {
        marks.push(`${upn(n)},${d},${s},${absent ? 'O' : s === 'AM' ? '/' : '\\'}`);
      }
    }
  }
  ok(store, 'marks.import', { csv: marks.join('\n') });
  const markIds = (
    store.db
      .prepare("SELECT id FROM marks WHERE pupil_id = ? AND code = 'O' ORDER BY date, session")
      .all(id(2)) as { id: number }[]
  ).map((r) => r.id);
  ok(store, 'penalty.record', {
    pupilId: id(2),
    kind: 'penalty_notice',
    issuedOn: '2026-07-23',
    parentName: 'Parent2 Surname2',
    amount: 80,
    markIds,
  });
});

describe('a window in the previous school year', () => {
  it('shows the date the threshold was met, the window, the earlier year, and that a notice can be considered', () => {
    const t = ok(store, 'penalty.tracker', {});
    expect(t.from).toBe('2026-09-01');
    const row = t.rows.find((r) => r.pupilId === id(1))!;
    expect(row.sessionsToGo).toBe(0);
    expect(row.thresholdFirstMet).toBeNull();
    expect(row.worstWindow).toMatchObject({
      sessions: 14,
      metOn: '2026-07-20',
      schoolYear: '2025/26',
      earlierYear: true,
      to: '2026-09-04',
    });
    expect(row.worstWindow!.from < '2026-07-14').toBe(true);
    expect(row.notice).toEqual({
      yes: true,
      reason: expect.stringMatching(/^Yes: a notice can still be considered/),
    });
    expect(row.notice!.reason).toContain('2025/26, an earlier school year');
  });
  it('says plainly that no notice can be considered when a notice already relies on those sessions', () => {
    const row = ok(store, 'penalty.tracker', {}).rows.find((r) => r.pupilId === id(2))!;
    expect(row.sessionsToGo).toBe(0);
    expect(row.notice?.yes).toBe(false);
    expect(row.notice?.reason).toMatch(/^No: a penalty notice already relies on the sessions of this window/);
  });
});
