// Taking and amending a register through dispatch on real SQLite.
import { pupilName } from '../../shared/names';
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
    csv: [
      PUPIL_HEADER,
      pupilRow(1),
      pupilRow(2),
      pupilRow(3, { social_worker: 'Y' }),
      pupilRow(4, { reg_group: '2 Ash' }),
    ].join('\n'),
  });
  const ids = ok(s, 'registers.get', { date: '2025-09-08', session: 'AM', regGroup: '2 Oak' }).pupils.map(
    (p) => p.pupilId,
  );
  return { s, ids };
}

describe('taking a register', () => {
  it('lists the group in order with times, saves marks, and records who took it', () => {
    const { s, ids } = school();
    const reg = ok(s, 'registers.get', { date: '2025-09-08', session: 'AM', regGroup: '2 Oak' });
    expect(reg).toMatchObject({ isSchoolDay: true, opensAt: '08:40', closesAt: '09:10', taken: null });
    expect(reg.pupils).toHaveLength(3);
    expect(reg.pupils[2].socialWorker).toBe(true);
    expect(ok(s, 'registers.notTaken', { date: '2025-09-08' }).missing).toEqual([
      { session: 'AM', regGroup: '2 Ash' },
      { session: 'AM', regGroup: '2 Oak' },
      { session: 'PM', regGroup: '2 Ash' },
      { session: 'PM', regGroup: '2 Oak' },
    ]);
    const r = ok(s, 'registers.save', {
      date: '2025-09-08',
      session: 'AM',
      regGroup: '2 Oak',
      marks: [
        { pupilId: ids[0], code: '\\' },
        { pupilId: ids[1], code: 'L', minutesLate: 8 },
        { pupilId: ids[2], code: 'N' },
      ],
    });
    expect(r).toEqual({ inserted: 3, amended: 0, unchanged: 0, unmarked: 0 });
    const again = ok(s, 'registers.get', { date: '2025-09-08', session: 'AM', regGroup: '2 Oak' });
    expect(again.taken?.by).toBe(STAFF_SESSION.userName);
    expect(again.pupils.map((p) => p.mark?.code)).toEqual(['/', 'L', 'N']);
    expect(ok(s, 'registers.notTaken', { date: '2025-09-08' }).missing).not.toContainEqual({
      session: 'AM',
      regGroup: '2 Oak',
    });
  });

  it('refuses L after the register closed, a detail-needing code without detail, and a closed day — saving nothing', () => {
    const { s, ids } = school();
    const r = dispatch(
      s,
      'registers.save',
      {
        date: '2025-09-08',
        session: 'AM',
        regGroup: '2 Oak',
        marks: [
          { pupilId: ids[0], code: '/' },
          { pupilId: ids[1], code: 'L', minutesLate: 35 },
          { pupilId: ids[2], code: 'C' },
        ],
      },
      STAFF_SESSION,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.issues?.map((i) => i.message)).toEqual([
        'arrived 35 minutes after the register opened, after it closed at 09:10: use U (or a more fitting code), not L',
        'C (Leave: exceptional circumstances) needs the detail recorded in the note',
      ]);
    }
    expect(rowCount(s, 'marks')).toBe(0);
    expect(rowCount(s, 'registers_taken')).toBe(0);
    const closed = dispatch(
      s,
      'registers.save',
      { date: '2025-11-28', session: 'AM', regGroup: '2 Oak', marks: [{ pupilId: ids[0], code: '/' }] },
      STAFF_SESSION,
    );
    expect(closed.ok).toBe(false);
  });

  it('a refused register names the pupil, never the internal id', () => {
    const { s, ids } = school();
    const mark = { pupilId: ids[2], code: 'N' };
    ok(s, 'registers.save', { date: '2025-09-08', session: 'AM', regGroup: '2 Oak', marks: [mark] });
    const input = { date: '2025-09-08', session: 'AM' as const, regGroup: '2 Oak' };
    const r = dispatch(s, 'registers.save', { ...input, marks: [{ ...mark, code: 'I' }] }, STAFF_SESSION);
    const pupil = ok(s, 'pupils.get', { id: ids[2] }).pupil;
    expect(r.ok ? [] : r.error.issues).toEqual([
      {
        path: pupilName(pupil),
        message: 'changing N to I is an amendment: give a reason',
      },
    ]);
    expect(JSON.stringify(r)).not.toContain(`"${ids[2]}"`);
  });

  it('a change to a saved mark is an amendment: refused without a reason, then kept in the history with name and position', () => {
    const { s, ids } = school();
    ok(s, 'registers.save', {
      date: '2025-09-08',
      session: 'AM',
      regGroup: '2 Oak',
      marks: [{ pupilId: ids[2], code: 'N' }],
    });
    const refused = dispatch(
      s,
      'registers.save',
      { date: '2025-09-08', session: 'AM', regGroup: '2 Oak', marks: [{ pupilId: ids[2], code: 'I' }] },
      STAFF_SESSION,
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.issues?.[0].message).toBe('changing N to I is an amendment: give a reason');
    }
    expect(
      ok(s, 'registers.save', {
        date: '2025-09-08',
        session: 'AM',
        regGroup: '2 Oak',
        marks: [{ pupilId: ids[2], code: 'I' }],
        reason: 'Mother phoned: unwell',
      }),
    ).toMatchObject({ amended: 1 });
    const upn = ok(s, 'registers.get', { date: '2025-09-08', session: 'AM', regGroup: '2 Oak' }).pupils[2];
    expect(upn.mark).toMatchObject({ code: 'I', amended: true });
    const h = ok(s, 'marks.history', { upn: upn.upn });
    expect(h.amendments).toEqual([
      expect.objectContaining({
        oldCode: 'N',
        newCode: 'I',
        reason: 'Mother phoned: unwell',
        changedBy: STAFF_SESSION.userName,
        position: STAFF_SESSION.position,
        date: '2025-09-08',
        session: 'AM',
      }),
    ]);
  });

  it('shows planned marks as pre-fill without overwriting a taken mark', () => {
    const { s, ids } = school();
    s.db
      .prepare(
        'INSERT INTO planned_marks (pupil_id, date, session, code, note, source, created_at, ' +
          "created_by) VALUES (?, '2025-09-09', 'AM', 'C', 'Leave granted', 'leave', 'x', 'x')",
      )
      .run(ids[0]);
    const reg = ok(s, 'registers.get', { date: '2025-09-09', session: 'AM', regGroup: '2 Oak' });
    expect(reg.pupils[0]).toMatchObject({ mark: null, planned: { code: 'C', note: 'Leave granted' } });
    ok(s, 'registers.save', {
      date: '2025-09-09',
      session: 'AM',
      regGroup: '2 Oak',
      marks: [{ pupilId: ids[0], code: '/' }],
    });
    expect(
      ok(s, 'registers.get', { date: '2025-09-09', session: 'AM', regGroup: '2 Oak' }).pupils[0].mark?.code,
    ).toBe('/');
  });
});

describe('keeping the MIS in step', () => {
  it('lists marks taken or amended in the app until they are exported, and not marks that came from the MIS', () => {
    const { s, ids } = school();
    const upn = ok(s, 'pupils.get', { id: ids[0] }).pupil.upn;
    ok(s, 'marks.import', { csv: `upn,date,session,code\n${upn},2025-09-09,AM,/\n` });
    expect(ok(s, 'marks.unexported', {}).total).toBe(0);
    ok(s, 'registers.save', {
      date: '2025-09-08',
      session: 'AM',
      regGroup: '2 Oak',
      marks: [{ pupilId: ids[0], code: 'N' }],
    });
    ok(s, 'registers.save', {
      date: '2025-09-09',
      session: 'AM',
      regGroup: '2 Oak',
      marks: [{ pupilId: ids[0], code: 'I' }],
      reason: 'Was ill: mother rang',
    });
    const u = ok(s, 'marks.unexported', {});
    expect(u.marks.map((m) => [m.date, m.code, m.amended])).toEqual([
      ['2025-09-08', 'N', false],
      ['2025-09-09', 'I', true],
    ]);
    const file = ok(s, 'marks.exportForMis', {});
    expect(file.rows).toBe(2);
    expect(file.csv).toBe(
      `upn,date,session,code,minutes_late,note\r\n${upn},2025-09-08,AM,N,,\r\n${upn},2025-09-09,AM,I,,\r\n`,
    );
    expect(ok(s, 'marks.unexported', {}).total).toBe(0);
  });
});
