// import marks / export marks / history (docs/cli.md) on real SQLite: refusals with line numbers and nothing
// written, amendments only with reason, name and position, idempotent re-import, a lossless export round
// trip.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { PUPIL_HEADER, pupilRow, tempDir, upn } from '../helpers/store';

function school() {
  const dir = tempDir();
  const db = path.join(dir, 's.sqlite');
  const w = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  expect(cli(['init', '--db', db, '--school', 'Test']).code).toBe(0);
  // Autumn 2025 with an INSET closure on Fri 28 Nov; and a day in 2024 before the code switch
  expect(
    cli([
      'import',
      'calendar',
      '--db',
      db,
      w(
        'cal.csv',
        'date_from,date_to,kind,label\n2025-09-03,2025-10-24,term,A1\n2025-11-03,2025-12-19,term,A2\n' +
          '2025-11-28,2025-11-28,closure,INSET\n2024-06-03,2024-07-19,term,Su2\n',
      ),
    ]).code,
  ).toBe(0);
  expect(
    cli([
      'import',
      'pupils',
      '--db',
      db,
      w(
        'p.csv',
        [
          PUPIL_HEADER,
          pupilRow(1),
          pupilRow(2, { admission_date: '2025-09-10' }),
          pupilRow(3, { dob: '2021-01-10', year_group: 'N2', admission_date: '2024-01-08' }),
        ].join('\n'),
      ),
    ]).code,
  ).toBe(0);
  return { db, w };
}

const HEAD = 'upn,date,session,code,minutes_late,note';

describe('import marks', () => {
  it(`refuses weekend, bank holiday, closure, before admission, invalid-on-date code and duplicate \
session, with line numbers, writing nothing`, () => {
    const { db, w } = school();
    const file = w(
      'm.csv',
      [
        HEAD,
        `${upn(1)},2025-09-03,AM,/,,`,
        `${upn(1)},2025-09-06,AM,/,,`, // Saturday
        `${upn(1)},2025-12-25,AM,/,,`, // Christmas: outside term anyway
        `${upn(1)},2025-11-28,AM,/,,`, // INSET closure
        `${upn(2)},2025-09-04,AM,/,,`, // before admission
        `${upn(1)},2025-09-04,AM,H,,`, // H is not valid after 19 Aug 2024
        `${upn(1)},2025-09-03,AM,I,,`, // duplicate session
        `${upn(1)},2025-09-04,PM,/,5,`, // minutes on a present mark
      ].join('\n'),
    );
    const r = cli(['import', 'marks', '--db', db, file]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      'line 3: 2025-09-06 is not a school session (a weekend)',
      'line 4: 2025-12-25 is not a school session (a bank holiday)',
      'line 5: 2025-11-28 is not a school session (a planned closure)',
      `line 6: ${upn(2)} was not on roll on 2025-09-04 (admitted 2025-09-10)`,
      'line 7: code H is not valid on 2025-09-04',
      `line 8: ${upn(1)} 2025-09-03 AM is already on line 2`,
      'line 9: minutes_late is only for L or U (the code is \\)',
      '7 problems in the file; no mark was imported.',
    ]);
    expect(cli(['export', 'marks', '--db', db, '--from', '2024-01-01', '--to', '2026-01-01']).out).toBe(
      HEAD + '\r\n',
    );
  });

  it(`stores the right slash for the session, accepts legacy codes on legacy dates, skips # on \
closed days, warns on X for a compulsory-age pupil`, () => {
    const { db, w } = school();
    const file = w(
      'm.csv',
      [
        HEAD,
        `${upn(1)},03/09/2025,AM,\\,,`,
        `${upn(1)},2025-09-03,PM,/,,`,
        `${upn(3)},2024-06-03,AM,H,,`,
        `${upn(1)},2025-11-28,AM,#,,`,
        `${upn(1)},2025-09-04,AM,X,,`,
        `${upn(1)},2025-09-04,PM,L,12,Bus late`,
      ].join('\n'),
    );
    const r = cli(['import', 'marks', '--db', db, file, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      `line 6: warning: X (not of compulsory school age) for ${upn(1)}, who is of compulsory school age on 2025-09-04\n`,
    );
    expect(JSON.parse(r.out)).toMatchObject({ inserted: 5, closureRowsSkipped: 1 });
    const csv = cli(['export', 'marks', '--db', db, '--from', '2024-01-01', '--to', '2026-01-01']).out;
    expect(csv).toContain(`${upn(1)},2025-09-03,AM,/,,\r\n`);
    expect(csv).toContain(`${upn(1)},2025-09-03,PM,\\,,\r\n`);
    expect(csv).toContain(`${upn(1)},2025-09-04,PM,L,12,Bus late\r\n`);
    expect(csv).toContain(`${upn(3)},2024-06-03,AM,H,,\r\n`);
  });

  it('an amendment needs --reason, --by and --position; then it is recorded in history with old and new values', () => {
    const { db, w } = school();
    expect(
      cli([
        'import',
        'marks',
        '--db',
        db,
        w('a.csv', `${HEAD}\n${upn(1)},2025-09-03,AM,N,,\n${upn(1)},2025-09-03,PM,N,,\n`),
      ]).code,
    ).toBe(0);
    const change = w('b.csv', `${HEAD}\n${upn(1)},2025-09-03,AM,I,,\n${upn(1)},2025-09-03,PM,U,40,\n`);
    const refused = cli(['import', 'marks', '--db', db, change]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('line 2: this changes a stored mark');
    expect(refused.err).toContain('line 3: this changes a stored mark');
    expect(JSON.parse(cli(['history', '--db', db, '--upn', upn(1), '--json']).out)).toEqual({
      upn: upn(1),
      amendments: [],
    });
    expect(
      cli([
        'import',
        'marks',
        '--db',
        db,
        change,
        '--reason',
        'Parent phoned',
        '--by',
        'Pat Office',
        '--position',
        'Attendance officer',
      ]).code,
    ).toBe(0);
    const h = JSON.parse(cli(['history', '--db', db, '--upn', upn(1), '--json']).out);
    expect(h.amendments).toHaveLength(2);
    expect(h.amendments[0]).toMatchObject({
      date: '2025-09-03',
      session: 'AM',
      oldCode: 'N',
      newCode: 'I',
      oldMinutesLate: null,
      newMinutesLate: null,
      reason: 'Parent phoned',
      changedBy: 'Pat Office',
      position: 'Attendance officer',
    });
    expect(h.amendments[1]).toMatchObject({ session: 'PM', oldCode: 'N', newCode: 'U', newMinutesLate: 40 });
    expect(typeof h.amendments[0].changedAt).toBe('string');
    // the same file again is a no-op and adds no history
    expect(JSON.parse(cli(['import', 'marks', '--db', db, change, '--json']).out)).toMatchObject({
      inserted: 0,
      amended: 0,
      skipped: 2,
    });
    expect(JSON.parse(cli(['history', '--db', db, '--upn', upn(1), '--json']).out).amendments).toHaveLength(
      2,
    );
  });

  it('a different note alone replaces the note without an amendment; a file without a note column keeps notes', () => {
    const { db, w } = school();
    expect(
      cli(['import', 'marks', '--db', db, w('a.csv', `${HEAD}\n${upn(1)},2025-09-03,AM,M,,Dentist\n`)]).code,
    ).toBe(0);
    expect(
      JSON.parse(
        cli([
          'import',
          'marks',
          '--db',
          db,
          w('b.csv', `${HEAD}\n${upn(1)},2025-09-03,AM,M,,Orthodontist\n`),
          '--json',
        ]).out,
      ),
    ).toMatchObject({ notesChanged: 1, amended: 0 });
    expect(
      JSON.parse(
        cli([
          'import',
          'marks',
          '--db',
          db,
          w('c.csv', `upn,date,session,code\n${upn(1)},2025-09-03,AM,M\n`),
          '--json',
        ]).out,
      ),
    ).toMatchObject({ skipped: 1, notesChanged: 0 });
    expect(cli(['export', 'marks', '--db', db, '--from', '2025-09-01', '--to', '2025-09-30']).out).toContain(
      'M,,Orthodontist',
    );
    expect(JSON.parse(cli(['history', '--db', db, '--upn', upn(1), '--json']).out).amendments).toEqual([]);
  });

  it('export neutralises formulas and re-imports unchanged', () => {
    const { db, w } = school();
    expect(
      cli([
        'import',
        'marks',
        '--db',
        db,
        w(
          'a.csv',
          `${HEAD}\n${upn(1)},2025-09-03,AM,C,,"=HYPERLINK(""x"")"\n${upn(1)},2025-09-03,PM,C,,"+44 call, mum"\n`,
        ),
      ]).code,
    ).toBe(0);
    const out = cli(['export', 'marks', '--db', db, '--from', '2025-09-01', '--to', '2025-09-30']).out;
    expect(out).toContain(`'=HYPERLINK(""x"")`);
    expect(out).toContain(`"'+44 call, mum"`);
    const again = w('again.csv', out);
    expect(JSON.parse(cli(['import', 'marks', '--db', db, again, '--json']).out)).toMatchObject({
      inserted: 0,
      amended: 0,
      notesChanged: 0,
      skipped: 2,
    });
    expect(cli(['export', 'marks', '--db', db, '--from', '2025-09-01', '--to', '2025-09-30']).out).toBe(out);
  });

  it(`a file read row by row stores nothing when a later line is not valid CSV, though the rows before it \
were written as they were read`, () => {
    const { db, w } = school();
    const file = w(
      'broken.csv',
      [
        HEAD,
        `${upn(1)},2025-09-03,AM,/,,"late bus, mum rang"`,
        `${upn(1)},2025-09-03,PM,\\,,`,
        `${upn(1)},2025-09-04,AM,/,,"no closing quote`,
      ].join('\n'),
    );
    const r = cli(['import', 'marks', '--db', db, file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('The file is not valid CSV.');
    expect(r.err).toContain('line 4: a quoted field is not closed');
    expect(cli(['export', 'marks', '--db', db, '--from', '2025-09-01', '--to', '2025-09-30']).out).toBe(
      HEAD + '\r\n',
    );
  });

  it('history of an unknown pupil exits 1', () => {
    const { db } = school();
    expect(cli(['history', '--db', db, '--upn', 'B801200005001', '--json']).code).toBe(1);
  });
});
