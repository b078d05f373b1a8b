// The office grid and bulk marks: preview first, then one batch of inserts and amendments with a shared reference.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/dispatch';
import {
  ok,
  PUPIL_HEADER,
  pupilRow,
  rowCount,
  setupSchool,
  STAFF_SESSION,
  tempStore,
} from '../helpers/store';

function school() {
  const s = tempStore();
  setupSchool(s);
  ok(s, 'pupils.import', {
    csv: [PUPIL_HEADER, pupilRow(1), pupilRow(2), pupilRow(3, { reg_group: '2 Ash' })].join('\n'),
  });
  const ids = ok(s, 'registers.get', { date: '2025-09-08', session: 'AM', regGroup: '2 Oak' }).pupils.map(
    (p) => p.pupilId,
  );
  ok(s, 'registers.save', {
    date: '2025-09-08',
    session: 'AM',
    regGroup: '2 Oak',
    marks: [
      { pupilId: ids[0], code: '/' },
      { pupilId: ids[1], code: 'I' },
    ],
  });
  return { s, ids };
}

describe('office grid and bulk marks', () => {
  it('shows school sessions only, with amended marks flagged', () => {
    const { s } = school();
    const g = ok(s, 'registers.grid', { from: '2025-09-05', to: '2025-09-09', scope: {} });
    expect(g.sessions.map((x) => `${x.date} ${x.session}`)).toEqual([
      '2025-09-05 AM',
      '2025-09-05 PM',
      '2025-09-08 AM',
      '2025-09-08 PM',
      '2025-09-09 AM',
      '2025-09-09 PM',
    ]);
    expect(g.rows).toHaveLength(3);
    expect(g.rows.find((r) => r.regGroup === '2 Oak')!.cells[2]).toEqual({
      code: '/',
      amended: false,
      onRoll: true,
    });
  });

  it('previews a trip for one group, refuses a stale preview, then applies it as one batch with a shared reference', () => {
    const { s, ids } = school();
    const input = {
      from: '2025-09-08',
      to: '2025-09-08',
      session: 'both' as const,
      scope: { regGroup: '2 Oak' },
      code: 'V',
      note: 'Science museum',
    };
    const before = rowCount(s, 'marks');
    const p = ok(s, 'marks.bulkPreview', input);
    expect(p.total).toBe(4);
    expect(p.amendments).toBe(2);
    expect(rowCount(s, 'marks')).toBe(before);
    const stale = dispatch(s, 'marks.bulkApply', { ...input, reason: 'Trip', expectTotal: 3 }, STAFF_SESSION);
    expect(stale.ok).toBe(false);
    const r = ok(s, 'marks.bulkApply', { ...input, reason: 'Year 2 trip', expectTotal: 4 });
    expect(r).toMatchObject({ inserted: 2, amended: 2 });
    const batches = s.db.prepare('SELECT DISTINCT batch_id AS b, reason FROM mark_history').all() as {
      b: string;
      reason: string;
    }[];
    expect(batches).toEqual([{ b: r.batchId, reason: 'Year 2 trip' }]);
    const reg = ok(s, 'registers.get', { date: '2025-09-08', session: 'AM', regGroup: '2 Oak' });
    expect(reg.pupils.map((x) => x.mark?.code)).toEqual(['V', 'V']);
    expect(reg.pupils.find((x) => x.pupilId === ids[1])!.mark?.amended).toBe(true);
  });

  it('refuses a code that needs a detail without one, and # on school days', () => {
    const { s } = school();
    expect(
      dispatch(
        s,
        'marks.bulkPreview',
        { from: '2025-09-09', to: '2025-09-09', session: 'both', scope: {}, code: 'Y4' },
        STAFF_SESSION,
      ).ok,
    ).toBe(false);
    expect(
      dispatch(
        s,
        'marks.bulkPreview',
        { from: '2025-09-09', to: '2025-09-09', session: 'both', scope: {}, code: '#' },
        STAFF_SESSION,
      ).ok,
    ).toBe(false);
    expect(
      ok(s, 'marks.bulkPreview', {
        from: '2025-09-09',
        to: '2025-09-09',
        session: 'PM',
        scope: {},
        code: 'Y4',
        note: 'Heating failure',
      }).total,
    ).toBe(3);
  });

  it("gives a pupil's year of marks with code counts and the weekday pattern", () => {
    const { s, ids } = school();
    const a = ok(s, 'registers.pupilAttendance', { pupilId: ids[1], from: '2025-09-01', to: '2025-09-30' });
    expect(a.codeCounts).toEqual({ I: 1 });
    expect(a.weekdayPattern[0]).toEqual({ weekday: 1, possible: 1, absent: 1 });
    expect(a.days.find((d) => d.date === '2025-09-08')!.am).toMatchObject({ code: 'I' });
  });
});
