// When a CME case is proposed (docs/rules/arrangements.md, "Children missing education"): 10 continuous school days
// of unauthorised absence, or not back 10 school days after leave ended. The due list proposes; opening is one click
// (or the office's scan); a pupil with an open case, or one opened since, is not proposed again; nothing is deleted.
import { describe, expect, it } from 'vitest';
import { pinToday } from '../helpers/today';
import type { Session } from '../../shared/contract';
import { ok, PUPIL_HEADER, pupilRow, setupSchool, tempStore } from '../helpers/store';

const OFFICE: Session = { userName: 'Mr O. Office', position: 'Office manager', roles: ['office'] };

pinToday('2025-11-03');

const TWO_WEEKS = ['13', '14', '15', '16', '17', '20', '21', '22', '23', '24'].map((d) => `2025-10-${d}`);

describe('CME cases proposed on the due list', () => {
  it('proposes a pupil not back 10 school days after leave and one with 10 days unauthorised; opens none by itself', () => {
    const s = tempStore();
    setupSchool(s);
    ok(s, 'pupils.import', {
      csv: [
        PUPIL_HEADER,
        pupilRow(1, { year_group: '8', reg_group: '8A', surname: 'Evans', dob: '2012-10-01' }),
        pupilRow(2, { year_group: '8', reg_group: '8A', surname: 'Fox', dob: '2012-11-01' }),
        pupilRow(3, { year_group: '8', reg_group: '8A', surname: 'Gray', dob: '2012-11-01' }),
      ].join('\n'),
    });
    const list = ok(s, 'pupils.list', {}).pupils.sort((a, b) => a.surname.localeCompare(b.surname));
    const [evans, fox, gray] = list;
    const contact = ok(s, 'pupils.get', { id: evans.id }).contacts[0].id;
    ok(
      s,
      'leave.create',
      {
        pupils: [{ pupilId: evans.id, requesterContactId: contact }],
        requesterName: 'Amira Shah',
        howReceived: 'letter',
        dateReceived: '2025-09-29',
        fromDate: '2025-10-06',
        fromSession: 'AM',
        toDate: '2025-10-10',
        toSession: 'PM',
        kind: 'exceptional',
        reason: 'A family wedding abroad',
      },
      OFFICE,
    );
    const lines = ['upn,date,session,code'];
    const both = (upn: string, d: string, code: string) =>
      lines.push(`${upn},${d},AM,${code}`, `${upn},${d},PM,${code}`);
    for (const d of TWO_WEEKS) {
      both(evans.upn, d, 'G'); // not back after the leave: absent every session of the 10 school days after it
      both(fox.upn, d, d === '2025-10-13' ? '/' : 'N');
      both(gray.upn, d, d === '2025-10-22' ? '/' : 'O');
    }
    both(evans.upn, '2025-11-03', '/');
    both(fox.upn, '2025-11-03', 'O');
    both(gray.upn, '2025-11-03', 'O');
    ok(s, 'marks.import', { csv: lines.join('\n') });

    const proposed = ok(s, 'arrangements.cmeProposals', {}, OFFICE).proposals;
    expect(proposed.map((p) => [p.pupilName, p.trigger, p.since])).toEqual([
      ['Forename1 Evans', 'not_back_after_leave', '2025-10-13'],
      ['Forename2 Fox', 'unauthorised_10_days', '2025-10-14'],
    ]);
    expect(proposed[0].detail).toBe(
      'Leave ended on 10/10/2025; absent on every session of the 10 school days since.',
    );
    expect(ok(s, 'arrangements.cmeList', {}, OFFICE).cases).toEqual([]);

    ok(
      s,
      'arrangements.cmeOpen',
      { pupilId: fox.id, trigger: proposed[1].trigger, detail: proposed[1].detail },
      OFFICE,
    );
    expect(ok(s, 'arrangements.cmeProposals', {}, OFFICE).proposals.map((p) => p.pupilName)).toEqual([
      'Forename1 Evans',
    ]);
    expect(ok(s, 'arrangements.cmeScan', {}, OFFICE).opened).toEqual(['Forename1 Evans']);
    expect(ok(s, 'arrangements.cmeProposals', {}, OFFICE).proposals).toEqual([]);
    const cases = ok(s, 'arrangements.cmeList', {}, OFFICE).cases;
    expect(cases.map((c) => c.trigger).sort()).toEqual(['not_back_after_leave', 'unauthorised_10_days']);
    expect(ok(s, 'pupils.list', {}).pupils.every((p) => !p.leavingDate)).toBe(true);
  });
});
