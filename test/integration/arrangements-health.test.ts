// Health and SEND through dispatch (docs/rules/arrangements.md, "Health and SEND"): the healthcare plan, the EHC
// plan's review date and adjustments, read only by the lead and the head (filtered in the core); the sickness
// return due at 30 illness sessions in the year and its log; professionals on the pupil and the same-day prompt
// of an unexplained absence with the notification log; every row append-only.
import { describe, expect, it } from 'vitest';
import { pinToday } from '../helpers/today';
import { dispatch } from '../../main/core/dispatch';
import type { Session } from '../../shared/contract';
import { ok, PUPIL_HEADER, pupilRow, setupSchool, tempStore } from '../helpers/store';

const LEAD: Session = { userName: 'Mr L. Lead', position: 'Attendance lead', roles: ['lead'] };
const OFFICE: Session = { userName: 'Mr O. Office', position: 'Office manager', roles: ['office'] };

pinToday('2025-11-03');

function school() {
  const s = tempStore();
  setupSchool(s);
  ok(s, 'pupils.import', {
    csv: [
      PUPIL_HEADER,
      pupilRow(1, { year_group: '8', reg_group: '8A', surname: 'Evans', dob: '2012-10-01' }),
      pupilRow(2, { year_group: '8', reg_group: '8A', surname: 'Fox', dob: '2012-11-01' }),
    ].join('\n'),
  });
  const list = ok(s, 'pupils.list', {}).pupils.sort((a, b) => a.surname.localeCompare(b.surname));
  return { s, ids: list.map((p) => p.id), upns: list.map((p) => p.upn) };
}
const WEEKS = ['2025-10-06', '2025-10-13', '2025-10-20'];
function illness(days: number) {
  const out: string[] = [];
  for (const monday of WEEKS) {
    for (let k = 0; k < 5 && out.length < days; k++) {
      out.push(`2025-10-${String(Number(monday.slice(8)) + k).padStart(2, '0')}`);
    }
  }
  return out;
}

describe('health and SEND', () => {
  it('records the healthcare plan, the EHC review and adjustments; only the lead and the head read them', () => {
    const { s, ids } = school();
    expect(dispatch(s, 'arrangements.healthPlanSave', { pupilId: ids[0], ihcp: true }, LEAD)).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
    const ehcp = dispatch(
      s,
      'arrangements.healthPlanSave',
      { pupilId: ids[0], ihcp: false, ehcpReviewOn: '2026-03-01' },
      LEAD,
    );
    expect(ehcp.ok || ehcp.error.message).toMatch(/Forename1 Evans has no EHC plan/);
    ok(s, 'pupils.update', { id: ids[0], changes: { sen: 'E' } });
    ok(
      s,
      'arrangements.healthPlanSave',
      {
        pupilId: ids[0],
        ihcp: true,
        ihcpReviewOn: '2025-11-10',
        ehcpReviewOn: '2026-03-01',
        notes: 'Asthma',
      },
      LEAD,
    );
    expect(dispatch(s, 'arrangements.healthPlanSave', { pupilId: ids[0], ihcp: false }, OFFICE).ok).toBe(
      false,
    );
    expect(
      dispatch(
        s,
        'arrangements.adjustmentAdd',
        { pupilId: ids[0], what: 'Late start', fromDate: '2025-11-03', reviewOn: '2025-11-03' },
        LEAD,
      ).ok,
    ).toBe(false);
    ok(
      s,
      'arrangements.adjustmentAdd',
      {
        pupilId: ids[0],
        what: 'Rest breaks in the medical room',
        fromDate: '2025-11-03',
        reviewOn: '2025-12-15',
      },
      LEAD,
    );
    const lead = ok(s, 'arrangements.health', { pupilId: ids[0] }, LEAD).health!;
    expect(lead.plan).toMatchObject({ ihcp: true, ihcpReviewOn: '2025-11-10', ehcpReviewOn: '2026-03-01' });
    expect(lead.adjustments.map((a) => a.what)).toEqual(['Rest breaks in the medical room']);
    expect(ok(s, 'arrangements.health', { pupilId: ids[0] }, OFFICE).health).toBeNull();
    expect(dispatch(s, 'arrangements.healthDue', {}, OFFICE).ok).toBe(false);
    const due = ok(s, 'arrangements.healthDue', {}, LEAD).items;
    expect(due.map((d) => d.what)).toEqual(['ihcp_review']);
    expect(due[0].message).toBe('Individual healthcare plan review for Forename1 Evans: due 10/11/2025.');
    expect(() => s.db.prepare('UPDATE health_plans SET ihcp = 0').run()).toThrow(/append-only/);
    expect(() => s.db.prepare('DELETE FROM health_adjustments').run()).toThrow(/append-only/);
  });

  it('the sickness return is due at 30 illness sessions in the year, and its sending is logged', () => {
    const { s, ids, upns } = school();
    const marks = (upn: string, days: string[]) =>
      ['upn,date,session,code', ...days.flatMap((d) => [`${upn},${d},AM,I`, `${upn},${d},PM,I`])].join('\n');
    ok(s, 'marks.import', { csv: marks(upns[0], illness(15)) });
    ok(s, 'marks.import', { csv: marks(upns[1], illness(14)) });
    const due = ok(s, 'arrangements.healthDue', {}, LEAD).items;
    expect(due).toEqual([
      expect.objectContaining({ pupilId: ids[0], what: 'sickness_return', due: '2025-10-24', overdue: true }),
    ]);
    const early = dispatch(
      s,
      'arrangements.sicknessReturnSent',
      { pupilId: ids[1], sentOn: '2025-11-03', how: 'LA portal' },
      LEAD,
    );
    expect(early.ok || early.error.message).toBe(
      'Forename2 Fox has 28 illness sessions this school year: the sickness return is due at 30 (15 school days).',
    );
    ok(
      s,
      'arrangements.sicknessReturnSent',
      { pupilId: ids[0], sentOn: '2025-11-03', how: 'LA portal' },
      LEAD,
    );
    expect(ok(s, 'arrangements.healthDue', {}, LEAD).items).toEqual([]);
    expect(ok(s, 'arrangements.health', { pupilId: ids[0] }, LEAD).health!.sickness).toEqual({
      illnessSessions: 30,
      reachedOn: '2025-10-24',
      returns: [{ sentOn: '2025-11-03', how: 'LA portal', by: 'Mr L. Lead' }],
    });
  });

  it('prompts the same day to tell the professionals of a pupil with an unexplained absence, and logs each notice', () => {
    const { s, ids, upns } = school();
    ok(
      s,
      'arrangements.professionalSave',
      { pupilId: ids[0], kind: 'youth_offending', name: 'Sam Reid', phone: '01632 960111' },
      OFFICE,
    );
    ok(
      s,
      'arrangements.professionalSave',
      { pupilId: ids[0], kind: 'virtual_school', name: 'Virtual School' },
      OFFICE,
    );
    ok(s, 'arrangements.professionalSave', { pupilId: ids[0], kind: 'virtual_school', name: null }, OFFICE);
    ok(s, 'pupils.update', { id: ids[1], changes: { socialWorker: true } });
    ok(s, 'marks.import', {
      csv: ['upn,date,session,code', `${upns[0]},2025-11-03,AM,N`, `${upns[1]},2025-11-03,AM,N`].join('\n'),
    });
    const first = ok(s, 'arrangements.prompts', {}, OFFICE);
    expect(first.pupils.map((p) => [p.pupilName, p.tell.map((t) => [t.kind, t.name, t.told])])).toEqual([
      ['Forename1 Evans', [['youth_offending', 'Sam Reid', null]]],
      ['Forename2 Fox', [['social_worker', 'Social worker (not named on the pupil page)', null]]],
    ]);
    ok(
      s,
      'arrangements.professionalNotice',
      { pupilId: ids[0], kind: 'youth_offending', date: '2025-11-03', how: 'Phone call' },
      OFFICE,
    );
    ok(s, 'followup.informSocialWorker', { pupilId: ids[1], date: '2025-11-03', how: 'Email' }, OFFICE);
    const after = ok(s, 'arrangements.prompts', {}, OFFICE).pupils;
    expect(after.map((p) => p.tell[0].told?.how)).toEqual(['Phone call', 'Email']);
    expect(ok(s, 'arrangements.health', { pupilId: ids[0] }, OFFICE).notices).toEqual([
      { kind: 'youth_offending', date: '2025-11-03', how: 'Phone call', note: null, by: 'Mr O. Office' },
    ]);
    expect(
      ok(s, 'arrangements.health', { pupilId: ids[0] }, OFFICE).professionals.map((p) => p.kind),
    ).toEqual(['youth_offending']);
    expect(() => s.db.prepare('DELETE FROM professional_notices').run()).toThrow(/append-only/);
  });
});
