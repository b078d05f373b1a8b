// Importing pupils through dispatch on a real database: line-numbered refusals, all-or-nothing, idempotent
// re-import, audited updates, header matching and the date forms of docs/cli.md.
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
  upn,
} from '../helpers/store';

function fresh() {
  const s = tempStore();
  setupSchool(s);
  return s;
}

describe('import pupils', () => {
  it('imports pupils with contacts and returns them as cli.md fields', () => {
    const s = fresh();
    const r = ok(s, 'pupils.import', {
      csv: [
        PUPIL_HEADER,
        pupilRow(1),
        pupilRow(2, { fsm: 'Yes', sen: 'K', eal: 'true', dob: '07/05/2018' }),
      ].join('\n'),
    });
    expect(r).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0 });
    const list = ok(s, 'pupils.list', { onDate: '2025-10-01' }).pupils;
    expect(list.map((p) => p.upn).sort()).toEqual([upn(1), upn(2)].sort());
    const p2 = list.find((p) => p.upn === upn(2))!;
    expect(p2).toMatchObject({ fsm: true, sen: 'K', eal: true, dob: '2018-05-07', cla: false });
    const page = ok(s, 'pupils.get', { id: p2.id });
    expect(page.contacts).toHaveLength(1);
    expect(page.contacts[0]).toMatchObject({
      name: 'Parent2 Surname2',
      livesWith: true,
      parentalResponsibility: true,
      phone: '07700 900123',
    });
  });

  it('refuses the whole file when one row is bad, naming each line, and writes nothing', () => {
    const s = fresh();
    const bad = upn(3).replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    const csv = [
      PUPIL_HEADER,
      pupilRow(1),
      pupilRow(2),
      pupilRow(3, { upn: bad }),
      pupilRow(4, { sex: 'X' }),
      pupilRow(5, { leaving_date: '2021-01-01' }),
      pupilRow(1),
    ].join('\n');
    const r = dispatch(s, 'pupils.import', { csv }, STAFF_SESSION);
    expect(r.ok).toBe(false);
    if (r.ok) {
      return;
    }
    expect(r.error.kind).toBe('invalid');
    expect(r.error.issues).toEqual([
      {
        line: 4,
        message: `Forename3 Surname3: UPN ${bad} has a wrong check letter (expected ${upn(3)[0]})`,
      },
      { line: 5, message: 'Forename4 Surname4: sex "X" must be M or F' },
      {
        line: 6,
        message: 'Forename5 Surname5: date of leaving 2021-01-01 is before the date of admission 2022-09-05',
      },
      { line: 7, message: `Forename1 Surname1: UPN ${upn(1)} is already on line 2` },
    ]);
    expect(rowCount(s, 'pupils')).toBe(0);
    expect(rowCount(s, 'contacts')).toBe(0);
  });

  it('refuses names with a line break, a NUL or a right-to-left override, by line, and writes nothing', () => {
    const s = fresh();
    const csv = [
      PUPIL_HEADER,
      pupilRow(1, { surname: '"Smith\nJones"' }),
      pupilRow(2, { forename: 'Ann\u0000e' }),
      pupilRow(3, { contact1_name: 'Mum \u202Egnp.exe' }),
      pupilRow(4),
    ].join('\n');
    const r = dispatch(s, 'pupils.import', { csv }, STAFF_SESSION);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('invalid');
      expect(r.error.issues).toEqual([
        {
          line: 2,
          message: 'legal surname holds a line break or an invisible control character (U+000A): retype it',
        },
        {
          line: 4,
          message: 'legal forename holds a line break or an invisible control character (U+0000): retype it',
        },
        {
          line: 5,
          message:
            "Forename3 Surname3: contact 1's name holds a line break or an invisible control character (U+202E): retype it",
        },
      ]);
    }
    expect(rowCount(s, 'pupils')).toBe(0);
  });

  it('reports a record with a multi-line quoted field at the line where it starts', () => {
    const s = fresh();
    const multi = pupilRow(2, { contact1_address: '"1 High Street\nRiverside\nRV1 2AB"' });
    const csv = [PUPIL_HEADER, multi, pupilRow(3, { year_group: '15' })].join('\r\n');
    const r = dispatch(s, 'pupils.import', { csv }, STAFF_SESSION);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.issues).toEqual([
        { line: 5, message: 'Forename3 Surname3: year group "15" must be N1, N2, R or 1 to 14' },
      ]);
    }
  });

  it('is idempotent: re-importing the same file changes nothing and writes no audit rows', () => {
    const s = fresh();
    const csv = [PUPIL_HEADER, pupilRow(1), pupilRow(2)].join('\n');
    ok(s, 'pupils.import', { csv });
    const audit = rowCount(s, 'audit_log');
    expect(ok(s, 'pupils.import', { csv })).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(rowCount(s, 'audit_log')).toBe(audit);
  });

  it('updates an existing pupil by UPN and audits each changed field with old and new values', () => {
    const s = fresh();
    ok(s, 'pupils.import', { csv: [PUPIL_HEADER, pupilRow(1)].join('\n') });
    const r = ok(s, 'pupils.import', {
      csv: [PUPIL_HEADER, pupilRow(1, { reg_group: '2 Ash', fsm: 'Y' })].join('\n'),
    });
    expect(r).toMatchObject({ created: 0, updated: 1 });
    const row = s.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'pupil.update' ORDER BY id DESC")
      .get() as { detail: string };
    expect(JSON.parse(row.detail).changes).toEqual({
      regGroup: { from: '2 Oak', to: '2 Ash' },
      fsm: { from: false, to: true },
    });
  });

  it('a re-import from a file without the FSM and SEN columns leaves them as they are and reports nothing updated', () => {
    const s = fresh();
    ok(s, 'pupils.import', {
      csv: [PUPIL_HEADER, pupilRow(1, { fsm: 'Y', sen: 'K' }), pupilRow(2)].join('\n'),
    });
    const audit = rowCount(s, 'audit_log');
    const header = 'upn,surname,forename,dob,sex,year_group,reg_group,admission_date';
    const line = (n: number) => [upn(n), `Surname${n}`, `Forename${n}`, `2018-03-0${(n % 9) + 1}`];
    const rows = [1, 2].map((n) => [...line(n), n % 2 ? 'F' : 'M', '2', '2 Oak', '2022-09-05'].join(','));
    const csv = [header, ...rows].join('\n');
    const preview = ok(s, 'pupils.importPreview', { csv });
    expect(preview.summary).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(preview.summary!.warnings.map((w) => w.message).join(' ')).toMatch(
      /does not carry .*SEN status, FSM.*left as they are/,
    );
    expect(ok(s, 'pupils.import', { csv })).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const p1 = ok(s, 'pupils.list', {}).pupils.find((p) => p.upn === upn(1))!;
    expect(p1).toMatchObject({ fsm: true, sen: 'K' });
    expect(rowCount(s, 'audit_log')).toBe(audit);
  });

  it('a column set to "not in this file" on a re-import leaves that field of existing pupils as it is', () => {
    const s = fresh();
    ok(s, 'pupils.import', { csv: [PUPIL_HEADER, pupilRow(1, { fsm: 'Y', eal: 'Y' })].join('\n') });
    const csv = [PUPIL_HEADER, pupilRow(1, { fsm: 'N', eal: 'N', reg_group: '2 Ash' })].join('\n');
    const r = ok(s, 'pupils.import', { csv, ignore: ['fsm'] });
    expect(r).toMatchObject({ updated: 1 });
    expect(ok(s, 'pupils.list', {}).pupils[0]).toMatchObject({ fsm: true, eal: false, regGroup: '2 Ash' });
  });

  it('matches headers ignoring case, spaces, _ and -, ignores unknown columns, and accepts a BOM', () => {
    const s = fresh();
    const csv =
      '\uFEFFUPN,Surname,Forename,DOB,Sex,Year Group,REG-GROUP,Admission_Date,Favourite Colour\n' +
      `${upn(7)},Smith,Ann,2018-01-02,F,2,2 Oak,05/09/2022,blue\n`;
    expect(ok(s, 'pupils.import', { csv })).toMatchObject({ created: 1 });
    expect(ok(s, 'pupils.list', { onDate: '2025-10-01' }).pupils[0]).toMatchObject({
      upn: upn(7),
      regGroup: '2 Oak',
      admissionDate: '2022-09-05',
      sen: 'N',
      fsm: false,
    });
  });

  it('does not read a column the user set to "not in this file", even when its name matches a field', () => {
    const s = fresh();
    const csv = [PUPIL_HEADER, pupilRow(1, { eal: 'Y', preferred_forename: 'Al' })].join('\n');
    const p = ok(s, 'pupils.importPreview', { csv, ignore: ['eal', 'preferred_forename'] });
    expect(p.matched).toMatchObject({ eal: null, preferred_forename: null, upn: 'upn' });
    ok(s, 'pupils.import', { csv, ignore: ['eal', 'preferred_forename'] });
    expect(ok(s, 'pupils.list', {}).pupils[0]).toMatchObject({ eal: false, preferredForename: null });
  });

  it('recognises SIMS, Arbor and Bromcom export headers without a mapping, and still takes a mapping', () => {
    const s = fresh();
    const sims =
      'UPN,Legal Surname,Legal Forename,Preferred Forename,Date of Birth,Gender,Year,Reg,Admission ' +
      'Date,FSM Eligible,SEN Status,Primary Contact Name,Primary Contact Relationship,Primary ' +
      'Contact Telephone,Primary Contact Lives With,Primary Contact Parental Responsibility\n' +
      `${upn(8)},Jones,Bo,,2018-01-02,Male,Year 2,2 Oak,2022-09-05,Yes,K - SEN Support,Ann Jones,Mother,07700 900111,Yes,Yes\n`;
    const preview = ok(s, 'pupils.importPreview', { csv: sims });
    expect(preview.errors).toEqual([]);
    expect(preview.matched).toMatchObject({
      surname: 'Legal Surname',
      year_group: 'Year',
      reg_group: 'Reg',
      fsm: 'FSM Eligible',
      sen: 'SEN Status',
      contact1_name: 'Primary Contact Name',
      contact1_phone: 'Primary Contact Telephone',
    });
    expect(ok(s, 'pupils.import', { csv: sims })).toMatchObject({ created: 1 });
    const bo = ok(s, 'pupils.list', {}).pupils[0];
    expect(bo).toMatchObject({ surname: 'Jones', sex: 'M', yearGroup: '2', fsm: true, sen: 'K' });
    const arbor =
      'UPN,Legal last name,Legal first name,Date of birth,Gender,Year group,Registration form,Enrolment date\n' +
      `${upn(9)},Khan,Zara,2018-03-04,Female,Year 2,2 Oak,2022-09-05\n`;
    expect(ok(s, 'pupils.importPreview', { csv: arbor }).errors).toEqual([]);
    const bromcom =
      'UPN,Legal Last Name,Legal First Name,Date of Birth,Gender,Year Group,Tutor Group,Admission Date\n' +
      `${upn(10)},Lee,Max,2018-05-06,M,2,2 Oak,2022-09-05\n`;
    expect(ok(s, 'pupils.importPreview', { csv: bromcom }).errors).toEqual([]);
    const odd =
      'Pupil Number,Family,Given,Born,Sex,Yr,Class,Joined\n' +
      `${upn(11)},Ng,Al,2018-01-02,M,2,2 Oak,2022-09-05\n`;
    const mapping = {
      'Pupil Number': 'upn',
      Family: 'surname',
      Given: 'forename',
      Born: 'dob',
      Yr: 'year_group',
      Class: 'reg_group',
      Joined: 'admission_date',
    };
    expect(ok(s, 'pupils.importPreview', { csv: odd }).errors[0].message).toMatch(
      /^The file has no UPN, legal surname/,
    );
    expect(ok(s, 'pupils.importPreview', { csv: odd, mapping }).errors).toEqual([]);
  });

  it('warns about a registration group or year group no other pupil has, naming the pupil and the line', () => {
    const s = fresh();
    const csv = [
      PUPIL_HEADER,
      pupilRow(1, { reg_group: '3 Oak', year_group: '3' }),
      pupilRow(2, { reg_group: '3 Oak', year_group: '3' }),
      pupilRow(3, { reg_group: '3Oak', year_group: '3', forename: 'Arthur', surname: 'Adams' }),
      pupilRow(4, { reg_group: '3 Oak', year_group: '13' }),
    ].join('\n');
    const preview = ok(s, 'pupils.importPreview', { csv });
    expect(preview.summary?.warnings).toEqual(
      expect.arrayContaining([
        {
          line: 4,
          message:
            'Arthur Adams is the only pupil in registration group "3Oak" (the others are "3 Oak"): check it is not a typing error.',
        },
        {
          line: 5,
          message:
            'Forename4 Surname4 is the only pupil in year group "13" (the others are "3"): check it is not a typing error.',
        },
      ]),
    );
    const r = ok(s, 'pupils.import', { csv });
    expect(r.warnings.map((w) => w.line)).toEqual(expect.arrayContaining([4, 5]));
  });

  it('refuses a file without a required column in one plain sentence', () => {
    const s = fresh();
    const r = dispatch(s, 'pupils.import', { csv: 'upn,surname\nX,Y\n' }, STAFF_SESSION);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.issues).toEqual([
        {
          message: expect.stringMatching(
            /^The file has no legal forename, date of birth, sex, year group, registration group, date of admission columns/,
          ),
        },
      ]);
    }
  });

  it('refuses an unclosed quote with its line', () => {
    const s = fresh();
    const r = dispatch(
      s,
      'pupils.import',
      { csv: `${PUPIL_HEADER}\n${pupilRow(1)}\n"${upn(2)},oops\n` },
      STAFF_SESSION,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.issues?.[0]).toMatchObject({ line: 3 });
    }
  });
});

describe('pupil page actions', () => {
  it('records leaving with a deletion ground and never deletes the pupil', () => {
    const s = fresh();
    ok(s, 'pupils.import', { csv: [PUPIL_HEADER, pupilRow(1)].join('\n') });
    const id = ok(s, 'pupils.list', { onDate: '2025-10-01' }).pupils[0].id;
    ok(s, 'pupils.recordLeaving', {
      id,
      leavingDate: '2025-10-10',
      ground: '2024-9(1)(a)',
      confirmedBy: 'Head Teacher',
    });
    expect(ok(s, 'pupils.list', { onDate: '2025-10-11' }).pupils).toHaveLength(0);
    expect(ok(s, 'pupils.list', { onDate: '2025-10-11', includeLeavers: true }).pupils[0]).toMatchObject({
      leavingDate: '2025-10-10',
      onRoll: false,
    });
    expect(ok(s, 'pupils.get', { id }).pupil.deletionGround).toBe('2024-9(1)(a)');
    expect(ok(s, 'pupils.get', { id }).returns.map((r) => r.kind)).toContain('deletion');
  });

  it(`shows the new-pupil return due 5 days after entry until it is recorded as sent, and none for \
pupils admitted before the app was set up`, () => {
    const s = fresh();
    ok(s, 'pupils.import', {
      csv: [
        PUPIL_HEADER,
        pupilRow(1, { admission_date: '2099-09-03' }),
        pupilRow(2, { admission_date: '2025-09-03' }),
      ].join('\n'),
    });
    const all = ok(s, 'pupils.list', { includeLeavers: true }).pupils;
    const id = all.find((p) => p.upn === upn(1))!.id;
    expect(ok(s, 'pupils.get', { id }).newPupilReturnDue).toBe('2099-09-08');
    expect(ok(s, 'pupils.get', { id: all.find((p) => p.upn === upn(2))!.id }).newPupilReturnDue).toBeNull();
    ok(s, 'pupils.recordReturn', {
      pupilId: id,
      kind: 'new_pupil',
      sentAt: '2099-09-05',
      method: 'LA portal',
    });
    expect(ok(s, 'pupils.get', { id }).newPupilReturnDue).toBeNull();
  });

  it(`still shows the new-pupil return due when the school's day is pinned before the day the app \
was set up (the e2e school is set up on the real clock, its today is fixed)`, () => {
    const previousToday = process.env.ATTENDANCE_TODAY;
    process.env.ATTENDANCE_TODAY = '2026-01-10';
    try {
      const s = fresh();
      ok(s, 'pupils.import', {
        csv: [
          PUPIL_HEADER,
          pupilRow(1, { admission_date: '2026-01-08' }),
          pupilRow(2, { admission_date: '2026-01-02' }),
        ].join('\n'),
      });
      const all = ok(s, 'pupils.list', { includeLeavers: true }).pupils;
      const due = (n: number) =>
        ok(s, 'pupils.get', { id: all.find((p) => p.upn === upn(n))!.id }).newPupilReturnDue;
      expect(due(1)).toBe('2026-01-13');
      expect(due(2)).toBeNull();
    } finally {
      if (previousToday === undefined) {
        delete process.env.ATTENDANCE_TODAY;
      } else {
        process.env.ATTENDANCE_TODAY = previousToday;
      }
    }
  });

  it(`asks for no new-pupil return for a pupil joining the youngest year on the first day of the \
school year (reg 13), but does for older years and later joiners`, () => {
    const s = fresh();
    ok(s, 'calendar.addRange', { dateFrom: '2099-09-02', dateTo: '2099-12-18', kind: 'term', label: null });
    ok(s, 'pupils.import', {
      csv: [
        PUPIL_HEADER,
        pupilRow(1, { admission_date: '2099-09-02', year_group: 'R' }),
        pupilRow(2, { admission_date: '2099-09-02', year_group: '3' }),
        pupilRow(3, { admission_date: '2099-09-10', year_group: 'R' }),
      ].join('\n'),
    });
    const all = ok(s, 'pupils.list', { includeLeavers: true }).pupils;
    const due = (n: number) =>
      ok(s, 'pupils.get', { id: all.find((p) => p.upn === upn(n))!.id }).newPupilReturnDue;
    expect(due(1)).toBeNull();
    expect(due(2)).toBe('2099-09-07');
    expect(due(3)).toBe('2099-09-15');
  });

  it('search finds a pupil by name or UPN; filters by flag', () => {
    const s = fresh();
    ok(s, 'pupils.import', {
      csv: [PUPIL_HEADER, pupilRow(1, { surname: 'Okafor', fsm: 'Y' }), pupilRow(2)].join('\n'),
    });
    expect(
      ok(s, 'pupils.list', { search: 'okaf', onDate: '2025-10-01' }).pupils.map((p) => p.surname),
    ).toEqual(['Okafor']);
    expect(
      ok(s, 'pupils.list', { search: upn(2).slice(0, 9), onDate: '2025-10-01' }).pupils.length,
    ).toBeGreaterThanOrEqual(1);
    expect(ok(s, 'pupils.list', { flag: 'fsm', onDate: '2025-10-01' }).pupils.map((p) => p.surname)).toEqual([
      'Okafor',
    ]);
  });
});
