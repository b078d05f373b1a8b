// Same-morning follow-up: the calling list, attempts, resolving N as an amendment, social-worker notices,
// overdue N and "detail missing".
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/dispatch';
import { loadCalendar } from '../../main/core/calendar/calendar.service';
import { ok, PUPIL_HEADER, pupilRow, setupSchool, STAFF_SESSION, tempStore, upn } from '../helpers/store';

function school() {
  const s = tempStore();
  setupSchool(s);
  ok(s, 'pupils.import', {
    csv: [PUPIL_HEADER, pupilRow(1), pupilRow(2, { social_worker: 'Y' })].join('\n'),
  });
  const ids = ok(s, 'registers.get', { date: '2025-09-08', session: 'AM', regGroup: '2 Oak' }).pupils.map(
    (p) => p.pupilId,
  );
  ok(s, 'registers.save', {
    date: '2025-09-08',
    session: 'AM',
    regGroup: '2 Oak',
    marks: [
      { pupilId: ids[0], code: 'N' },
      { pupilId: ids[1], code: 'N' },
    ],
  });
  return { s, ids };
}

describe('first-day calling list', () => {
  it('lists every N of the day with contacts and the social-worker flag', () => {
    const { s } = school();
    const list = ok(s, 'followup.list', { date: '2025-09-08' });
    expect(list.pupils).toHaveLength(2);
    expect(list.pupils[0]).toMatchObject({
      sessions: ['AM'],
      contacts: [{ phone: '07700 900123', livesWith: true }],
      attempts: [],
      socialWorkerInformed: null,
    });
    expect(list.pupils.map((p) => p.socialWorker).sort()).toEqual([false, true]);
  });

  it('logs attempts and the social-worker notice, and resolves N to a code with its reason as an amendment', () => {
    const { s, ids } = school();
    ok(s, 'followup.logAttempt', {
      pupilId: ids[0],
      date: '2025-09-08',
      method: 'call',
      outcome: 'No answer',
      contactName: 'Parent1 Surname1',
    });
    ok(s, 'followup.logAttempt', {
      pupilId: ids[0],
      date: '2025-09-08',
      method: 'text',
      outcome: 'Mum replied: ill',
      contactName: 'Parent1 Surname1',
    });
    ok(s, 'followup.informSocialWorker', {
      pupilId: ids[1],
      date: '2025-09-08',
      how: 'Phoned duty social worker',
    });
    const list = ok(s, 'followup.list', { date: '2025-09-08' });
    const p0 = list.pupils.find((p) => p.pupilId === ids[0])!;
    expect(p0.attempts.map((a) => [a.outcome, a.contactName])).toEqual([
      ['No answer', 'Parent1 Surname1'],
      ['Mum replied: ill', 'Parent1 Surname1'],
    ]);
    expect(list.pupils.find((p) => p.pupilId === ids[1])!.socialWorkerInformed?.how).toBe(
      'Phoned duty social worker',
    );
    const noDetail = dispatch(
      s,
      'followup.resolve',
      { pupilId: ids[0], date: '2025-09-08', session: 'AM', code: 'C', reason: 'x' },
      STAFF_SESSION,
    );
    expect(noDetail.ok).toBe(false);
    ok(s, 'followup.resolve', {
      pupilId: ids[0],
      date: '2025-09-08',
      session: 'AM',
      code: 'I',
      reason: 'Mother texted: unwell',
    });
    expect(ok(s, 'followup.list', { date: '2025-09-08' }).pupils.map((p) => p.pupilId)).toEqual([ids[1]]);
    const upn = ok(s, 'pupils.get', { id: ids[0] }).pupil.upn;
    expect(ok(s, 'marks.history', { upn }).amendments).toEqual([
      expect.objectContaining({ oldCode: 'N', newCode: 'I', reason: 'Mother texted: unwell' }),
    ]);
    const again = dispatch(
      s,
      'followup.resolve',
      { pupilId: ids[0], date: '2025-09-08', session: 'AM', code: 'I', reason: 'again' },
      STAFF_SESSION,
    );
    expect(again.ok).toBe(false);
  });

  it('lists N as overdue once 5 school days have passed (as-of counts when a school day)', () => {
    const { s } = school();
    // Mon 8 Sep: school days after are 9, 10, 11, 12, 15 Sep
    expect(ok(s, 'followup.overdueN', { asOf: '2025-09-12' }).marks).toEqual([]);
    const over = ok(s, 'followup.overdueN', { asOf: '2025-09-15' }).marks;
    expect(over).toHaveLength(2);
    expect(over[0]).toMatchObject({ date: '2025-09-08', session: 'AM', schoolDaysSince: 5 });
  });

  it('lists imported marks whose code needs a detail that is missing', () => {
    const { s } = school();
    const u = ok(s, 'pupils.get', { id: 1 }).pupil.upn;
    ok(s, 'marks.import', {
      csv: `upn,date,session,code,minutes_late,note\n${u},2025-09-09,AM,C,,\n${u},2025-09-09,PM,C,,Funeral\n${u},2025-09-10,AM,I,,\n`,
    });
    expect(ok(s, 'followup.detailMissing', { from: '2025-09-01', to: '2025-09-30' }).marks).toEqual([
      expect.objectContaining({ upn: u, date: '2025-09-09', session: 'AM', code: 'C' }),
    ]);
  });
});

describe('the calling list by risk (issue 15.9)', () => {
  /** 1 plain; 2 persistently absent; 3 severely absent; 4 a safeguarding concern; 5 looked after; 6 a social
   * worker. All are N on Monday 15 September 2025. */
  function riskSchool() {
    const s = tempStore();
    setupSchool(s);
    ok(s, 'pupils.import', {
      csv: [
        PUPIL_HEADER,
        pupilRow(1),
        pupilRow(2),
        pupilRow(3),
        pupilRow(4),
        pupilRow(5, { cla: 'Y' }),
        pupilRow(6, { social_worker: 'Y' }),
      ].join('\n'),
    });
    const marks = ['upn,date,session,code'];
    for (const d of loadCalendar(s.db).schoolDays('2025-09-03', '2025-09-12')) {
      for (const sn of ['AM', 'PM']) {
        marks.push(
          `${upn(2)},${d},${sn},${d <= '2025-09-04' && sn === 'AM' ? 'O' : sn === 'AM' ? '/' : '\\'}`,
        );
        marks.push(`${upn(3)},${d},${sn},O`);
        for (const n of [1, 4, 5, 6]) {
          marks.push(`${upn(n)},${d},${sn},${sn === 'AM' ? '/' : '\\'}`);
        }
      }
    }
    for (let n = 1; n <= 6; n++) {
      marks.push(`${upn(n)},2025-09-15,AM,N`);
    }
    ok(s, 'marks.import', { csv: marks.join('\n') });
    const id = (n: number) =>
      (s.db.prepare('SELECT id FROM pupils WHERE upn = ?').get(upn(n)) as { id: number }).id;
    ok(s, 'casework.addBarrier', {
      pupilId: id(4),
      category: 'safeguarding',
      side: 'outside_school',
      description: 'Held by the DSL',
      raisedBy: 'staff',
      foundOn: '2025-09-04',
    });
    return { s, id };
  }

  it('rings the pupils at most risk first and says why each is high on the list', () => {
    const { s, id } = riskSchool();
    const list = ok(s, 'followup.list', { date: '2025-09-15' });
    expect(list.pupils.map((p) => p.pupilId)).toEqual([6, 5, 4, 3, 2, 1].map(id));
    const why = new Map(list.pupils.map((p) => [p.pupilId, p.riskReasons]));
    expect(why.get(id(6))).toEqual(['has a social worker']);
    expect(why.get(id(5))).toEqual(['looked after']);
    expect(why.get(id(4))).toEqual(['a safeguarding concern is on record']);
    expect(why.get(id(3))?.[0]).toMatch(/^severely absent \(\d+\.\d% absence this year\)$/);
    expect(why.get(id(2))?.[0]).toMatch(/^persistently absent/);
    expect(why.get(id(1))).toEqual([]);
    expect(list.pupils.find((p) => p.pupilId === id(5))?.lookedAfter).toBe(true);
  });

  it('records which contact was called, and refuses a call to no one or to a stranger, naming the pupil', () => {
    const { s, id } = riskSchool();
    const base = { pupilId: id(1), date: '2025-09-15', method: 'call' as const, outcome: 'No answer' };
    const none = dispatch(s, 'followup.logAttempt', base, STAFF_SESSION);
    expect(none.ok).toBe(false);
    if (!none.ok) {
      expect(none.error.message).toBe("Say which of Forename1 Surname1's contacts was contacted.");
    }
    const stranger = dispatch(
      s,
      'followup.logAttempt',
      { ...base, contactName: 'Someone Else' },
      STAFF_SESSION,
    );
    expect(stranger.ok).toBe(false);
    if (!stranger.ok) {
      expect(stranger.error.message).toBe("Someone Else is not one of Forename1 Surname1's contacts.");
    }
    ok(s, 'followup.logAttempt', { ...base, contactName: 'Parent1 Surname1' });
    const p = ok(s, 'followup.list', { date: '2025-09-15' }).pupils.find((x) => x.pupilId === id(1))!;
    expect(p.attempts.map((a) => a.contactName)).toEqual(['Parent1 Surname1']);
  });
});
