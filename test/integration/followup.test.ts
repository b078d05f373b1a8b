// Same-morning follow-up: the calling list, attempts, resolving N as an amendment, social-worker notices,
// overdue N and "detail missing".
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/core/dispatch';
import { ok, PUPIL_HEADER, pupilRow, setupSchool, STAFF_SESSION, tempStore } from '../helpers/store';

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
      contactName: 'Parent1',
    });
    ok(s, 'followup.logAttempt', {
      pupilId: ids[0],
      date: '2025-09-08',
      method: 'text',
      outcome: 'Mum replied: ill',
    });
    ok(s, 'followup.informSocialWorker', {
      pupilId: ids[1],
      date: '2025-09-08',
      how: 'Phoned duty social worker',
    });
    const list = ok(s, 'followup.list', { date: '2025-09-08' });
    const p0 = list.pupils.find((p) => p.pupilId === ids[0])!;
    expect(p0.attempts.map((a) => a.outcome)).toEqual(['No answer', 'Mum replied: ill']);
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
