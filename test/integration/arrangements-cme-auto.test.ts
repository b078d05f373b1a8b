// CME cases open by themselves (docs/rules/arrangements.md, "Children missing education"): after a register is
// saved (only that register's pupils) and once a day on the schedule's tick. Recorded as opened by the app,
// audited, never twice for the same pupil and run, never beside an open case; nothing is deleted.
import { describe, expect, it } from 'vitest';
import { pinToday } from '../helpers/today';
import type { Session } from '../../shared/contract';
import { CME_AUTO_BY } from '../../shared/arrangements';
import { autoOpenCmeCases, runDailyCmeCheck } from '../../main/core/arrangements/cme-auto';
import { startBackupSchedule } from '../../main/core/backups/schedule';
import { ok, PUPIL_HEADER, pupilRow, rowCount, setupSchool, tempStore } from '../helpers/store';

const OFFICE: Session = { userName: 'Mr O. Office', position: 'Office manager', roles: ['office'] };
const TODAY = '2025-11-03';
// The nine school days before TODAY (half term falls between them).
const NINE = ['14', '15', '16', '17', '20', '21', '22', '23', '24'].map((d) => `2025-10-${d}`);
const AFTER_LEAVE = ['2025-10-13', ...NINE];

pinToday(TODAY);

function school() {
  const s = tempStore();
  setupSchool(s);
  const row = (n: number, surname: string, group: string) =>
    pupilRow(n, { year_group: '8', reg_group: group, surname, dob: '2012-11-01' });
  ok(s, 'pupils.import', {
    csv: [
      PUPIL_HEADER,
      row(1, 'Adams', '8A'),
      row(2, 'Baker', '8A'),
      row(3, 'Clark', '8A'),
      row(4, 'Dunn', '8A'),
      row(5, 'Ellis', '8B'),
    ].join('\n'),
  });
  const byName = Object.fromEntries(ok(s, 'pupils.list', {}).pupils.map((p) => [p.surname, p]));
  const contact = ok(s, 'pupils.get', { id: byName.Clark.id }).contacts[0].id;
  ok(
    s,
    'leave.create',
    {
      pupils: [{ pupilId: byName.Clark.id, requesterContactId: contact }],
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
  const both = (surname: string, d: string, code: string) =>
    lines.push(`${byName[surname].upn},${d},AM,${code}`, `${byName[surname].upn},${d},PM,${code}`);
  for (const d of AFTER_LEAVE) {
    both('Clark', d, 'G'); // not back after the leave: absent every session of the 10 school days after it
  }
  for (const d of NINE) {
    both('Adams', d, 'O'); // reaches day 10 with today's register
    both('Baker', d, d === '2025-10-24' ? '/' : 'O'); // back in school on day 9
    both('Dunn', d, 'N'); // already has an open case
    both('Ellis', d, 'O'); // another register group: opened by the daily run, not by 8A's register
  }
  both('Ellis', TODAY, 'O');
  ok(s, 'marks.import', { csv: lines.join('\n') });
  ok(
    s,
    'arrangements.cmeOpen',
    { pupilId: byName.Dunn.id, trigger: 'concern', detail: 'Neighbours say the family has moved away.' },
    OFFICE,
  );
  return { s, byName };
}

function save(
  s: ReturnType<typeof tempStore>,
  session: 'AM' | 'PM',
  marks: { pupilId: number; code: string }[],
) {
  ok(s, 'registers.save', { date: TODAY, session, regGroup: '8A', marks }, OFFICE);
}

const auto = (s: ReturnType<typeof tempStore>) =>
  ok(s, 'arrangements.cmeList', {}, OFFICE).cases.filter((c) => c.openedBy === CME_AUTO_BY);

describe('CME cases opened automatically', () => {
  it('opens one case when the register completes day 10, none for a pupil back on day 9, none beside an open case', () => {
    const { s, byName } = school();
    const marks = (code: string) =>
      ['Adams', 'Baker', 'Clark', 'Dunn'].map((n) => ({
        pupilId: byName[n].id,
        code: n === 'Clark' ? '/' : code,
      }));
    save(s, 'AM', marks('O'));
    // Only the afternoon completes Adams's 10 days; Clark (not back after leave) is in this register already.
    expect(auto(s).map((c) => [c.pupilName, c.trigger])).toEqual([
      ['Forename3 Clark', 'not_back_after_leave'],
    ]);
    save(s, 'PM', marks('O'));
    const cases = auto(s);
    expect(cases.map((c) => [c.pupilName, c.trigger, c.openedOn])).toEqual([
      ['Forename3 Clark', 'not_back_after_leave', TODAY],
      ['Forename1 Adams', 'unauthorised_10_days', TODAY],
    ]);
    expect(cases[1].detail).toBe(
      'Opened automatically: 10 continuous school days of unauthorised absence to 03/11/2025.',
    );
    expect(cases[0].detail).toContain('Leave ended on 10/10/2025');
    expect(cases.every((c) => c.open && c.steps.length === 0 && c.missing.length >= 3)).toBe(true);
    // Ellis (8B) is not in the register just saved: the cheap path leaves them to the daily run.
    expect(cases.some((c) => c.pupilName.includes('Ellis'))).toBe(false);

    // Saving the register again, and the daily run twice, open nothing more for the same pupils.
    save(s, 'PM', marks('O'));
    expect(runDailyCmeCheck(s, TODAY)).toEqual(['Forename5 Ellis']);
    expect(runDailyCmeCheck(s, TODAY)).toEqual([]);
    expect(autoOpenCmeCases(s, TODAY)).toEqual([]);
    const all = ok(s, 'arrangements.cmeList', {}, OFFICE).cases;
    const per = (surname: string) => all.filter((c) => c.pupilName.endsWith(surname)).length;
    expect([per('Adams'), per('Baker'), per('Clark'), per('Dunn'), per('Ellis')]).toEqual([1, 0, 1, 1, 1]);
    expect(all.find((c) => c.pupilName.endsWith('Dunn'))?.trigger).toBe('concern');
    const audited = s.db
      .prepare("SELECT actor, entity_id AS id FROM audit_log WHERE action = 'arrangements.cmeAutoOpen'")
      .all() as { actor: string; id: string }[];
    expect(audited).toHaveLength(3);
    expect(audited.every((a) => a.actor === 'the app (automatic CME check)')).toBe(true);
    expect(ok(s, 'arrangements.cmeProposals', {}, OFFICE).proposals).toEqual([]);
    expect(rowCount(s, 'cme_cases')).toBe(4);
    expect(ok(s, 'pupils.list', {}).pupils.every((p) => !p.leavingDate)).toBe(true);
  });

  it('opens nothing on a damaged (read-only) store; the daily run alone finds every pupil due', () => {
    const { s } = school();
    const health = s.health;
    s.health = { ...health, ok: false, problems: ['damaged for the test'] };
    expect(autoOpenCmeCases(s, TODAY)).toEqual([]);
    expect(rowCount(s, 'cme_cases')).toBe(1);
    s.health = health;
    // Without today's register Adams has 9 days, so only the leave and Ellis's 10 days open a case.
    expect(runDailyCmeCheck(s, TODAY).sort()).toEqual(['Forename3 Clark', 'Forename5 Ellis']);
    expect(autoOpenCmeCases(s, TODAY)).toEqual([]);
  });

  it("the schedule opens the day's cases at the first start, on the backup tick", () => {
    const { s } = school();
    const stop = startBackupSchedule(s, 60 * 60_000);
    stop();
    expect(auto(s).map((c) => c.pupilName)).toEqual(['Forename3 Clark', 'Forename5 Ellis']);
    expect(runDailyCmeCheck(s, TODAY)).toEqual([]); // already run today
  });
});
