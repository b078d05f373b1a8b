// The command line of docs/cli.md, run in-process through run() and once as the bundled program, on real
// files.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { plan } from '../../main/cli/entry';
import { PUPIL_HEADER, pupilRow, tempDir, upn } from '../helpers/store';

function newDb() {
  const dir = tempDir();
  const db = path.join(dir, 'school.sqlite');
  expect(
    cli(['init', '--db', db, '--school', 'Test School', '--urn', '123456', '--la', '801', '--estab', '2001'])
      .code,
  ).toBe(0);
  return { dir, db };
}

describe('attendance CLI', () => {
  it('init creates the school and refuses a file that already holds one, writing nothing', () => {
    const { db } = newDb();
    const before = fs.readFileSync(db);
    const r = cli(['init', '--db', db, '--school', 'Other']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/already holds a school/);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  it('usage errors exit 2', () => {
    expect(cli(['frobnicate', '--db', 'x']).code).toBe(2);
    expect(cli(['pupils', '--db', 'x', '--bogus']).code).toBe(2);
    expect(cli(['import', 'pupils', '--db', 'x']).code).toBe(2);
    expect(cli([]).code).toBe(2);
  });

  it('imports pupils, prints exactly one JSON document, and re-import is a no-op', () => {
    const { dir, db } = newDb();
    const file = path.join(dir, 'pupils.csv');
    fs.writeFileSync(
      file,
      [PUPIL_HEADER, pupilRow(1), pupilRow(2, { leaving_date: '20/07/2025', fsm: '1' })].join('\n'),
    );
    expect(cli(['import', 'pupils', '--db', db, file])).toMatchObject({ code: 0 });
    expect(cli(['import', 'pupils', '--db', db, file, '--json'])).toMatchObject({ code: 0 });
    const r = cli(['pupils', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(['pupils']);
    expect(doc.pupils).toHaveLength(2);
    expect(doc.pupils[1]).toEqual({
      upn: upn(2),
      surname: 'Surname2',
      forename: 'Forename2',
      preferredForename: null,
      dob: '2018-03-03',
      sex: 'M',
      yearGroup: '2',
      regGroup: '2 Oak',
      admissionDate: '2022-09-05',
      leavingDate: '2025-07-20',
      fsm: true,
      sen: 'N',
      cla: false,
      socialWorker: false,
      eal: false,
      boarder: false,
    });
  });

  it('refuses bad rows with "line N: message" on stderr, exit 1, nothing written', () => {
    const { dir, db } = newDb();
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, [PUPIL_HEADER, pupilRow(1), pupilRow(2, { dob: '2018-13-01' })].join('\n'));
    const r = cli(['import', 'pupils', '--db', db, file]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe(
      'line 3: Forename2 Surname2: date of birth "2018-13-01" is not a date (YYYY-MM-DD or DD/MM/YYYY)',
    );
    expect(JSON.parse(cli(['pupils', '--db', db, '--json']).out).pupils).toEqual([]);
  });

  it('imports a calendar with line-numbered refusals, idempotently', () => {
    const { dir, db } = newDb();
    const bad = path.join(dir, 'bad-cal.csv');
    fs.writeFileSync(
      bad,
      'date_from,date_to,kind,label\n2025-09-03,2025-10-24,term,Autumn 1\n' +
        '2025-11-03,2025-10-01,term,Backwards\n2025-11-03,2025-12-19,holiday,Wrong\n',
    );
    const r = cli(['import', 'calendar', '--db', db, bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('line 3: date_to 2025-10-01 is before date_from 2025-11-03');
    expect(r.err).toContain('line 4: kind "holiday" must be term or closure');
    const good = path.join(dir, 'cal.csv');
    fs.writeFileSync(
      good,
      'Date From,Date To,Kind,Label\n03/09/2025,24/10/2025,term,Autumn 1\n' +
        '2025-11-03,2025-12-19,term,Autumn 2\n2025-11-28,2025-11-28,closure,INSET\n',
    );
    expect(JSON.parse(cli(['import', 'calendar', '--db', db, good, '--json']).out)).toEqual({
      added: 3,
      unchanged: 0,
    });
    expect(JSON.parse(cli(['import', 'calendar', '--db', db, good, '--json']).out)).toEqual({
      added: 0,
      unchanged: 3,
    });
  });

  it('backup writes a checked copy and verify passes on it; backup never overwrites', () => {
    const { dir, db } = newDb();
    const to = path.join(dir, 'backups', 'copy.sqlite');
    expect(cli(['backup', '--db', db, '--to', to]).code).toBe(0);
    expect(fs.existsSync(to)).toBe(true);
    expect(cli(['verify', '--db', to]).code).toBe(0);
    expect(cli(['backup', '--db', db, '--to', to]).code).toBe(1);
  });

  it('verify exits 1 when foreign keys are broken', () => {
    const { db } = newDb();
    const raw = new Database(db);
    raw.pragma('foreign_keys = OFF');
    raw.prepare("INSERT INTO contacts (pupil_id, ordinal, name) VALUES (42, 1, 'Orphan')").run();
    raw.close();
    const r = cli(['verify', '--db', db, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, foreignKeys: 1 });
  });

  it('a missing database is reported, not created, for commands other than init and demo', () => {
    const dir = tempDir();
    const r = cli(['pupils', '--db', path.join(dir, 'none.sqlite'), '--json']);
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'none.sqlite'))).toBe(false);
  });

  it('demo is deterministic for a seed', () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.sqlite'),
      b = path.join(dir, 'b.sqlite');
    const ra = cli(['demo', '--db', a, '--pupils', '60', '--seed', '7', '--json']);
    const rb = cli(['demo', '--db', b, '--pupils', '60', '--seed', '7', '--json']);
    expect(ra.code).toBe(0);
    const { db: _a, ...da } = JSON.parse(ra.out);
    const { db: _b, ...dbb } = JSON.parse(rb.out);
    expect(da).toEqual(dbb);
    expect(da.pupils).toBe(60);
    expect(cli(['pupils', '--db', a, '--json']).out).toBe(cli(['pupils', '--db', b, '--json']).out);
  });

  it('report pupils prints the cli.md shape and refuses --as-of before --to', () => {
    const dir = tempDir();
    const db = path.join(dir, 'd.sqlite');
    expect(cli(['demo', '--db', db, '--pupils', '40', '--seed', '5']).code).toBe(0);
    const r = cli(['report', 'pupils', '--db', db, '--from', '2025-09-01', '--to', '2025-12-19', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(['from', 'to', 'asOf', 'school', 'pupils']);
    expect(doc.asOf).toBe('2025-12-19');
    expect(Object.keys(doc.school)).toEqual(['all', 'dfeCohort']);
    expect(Object.keys(doc.school.all)).toEqual([
      'pupils',
      'possible',
      'attended',
      'authorised',
      'unauthorised',
      'absencePct',
      'persistentPct',
      'severePct',
      'persistentCount',
      'severeCount',
    ]);
    expect(Object.keys(doc.pupils[0])).toEqual([
      'upn',
      'possible',
      'present',
      'attended',
      'authorised',
      'unauthorised',
      'attendancePct',
      'absencePct',
      'band',
      'lateBeforeClose',
      'lateAfterClose',
      'minutesLate',
      'illnessSessions',
      'penaltySessionsMaxWindow',
      'penaltyThresholdFirstMet',
      'longestUnauthorisedRunSessions',
      'overdueN',
    ]);
    expect([...doc.pupils.map((p: { upn: string }) => p.upn)]).toEqual(
      [...doc.pupils.map((p: { upn: string }) => p.upn)].sort(),
    );
    const refused = cli([
      'report',
      'pupils',
      '--db',
      db,
      '--from',
      '2025-09-01',
      '--to',
      '2025-12-19',
      '--as-of',
      '2025-12-01',
      '--json',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
  });

  it('the bundled program runs with the same exit codes', () => {
    const bin = path.resolve('dist/cli/attendance.cjs');
    if (!fs.existsSync(bin)) {
      throw new Error('build first: npm run build');
    }
    const dir = tempDir();
    const ok = spawnSync(
      process.execPath,
      [bin, 'init', '--db', path.join(dir, 's.sqlite'), '--school', 'X'],
      { encoding: 'utf8' },
    );
    expect(ok.status).toBe(0);
    expect(spawnSync(process.execPath, [bin, 'nope'], { encoding: 'utf8' }).status).toBe(2);
  });
});

describe('the built entry loads the commands only when there is one to run', () => {
  it('help and a bare call are answered from the usage text; anything else runs the commands', () => {
    expect(plan(['--help'])).toBe('help');
    expect(plan(['help'])).toBe('help');
    expect(plan([])).toBe('usage');
    expect(plan(['pupils', '--db', 'x'])).toBe('run');
  });

  it('the bundled entry prints the same usage as the commands and exits 0 for --help, 2 for nothing', () => {
    const bin = path.resolve('dist/cli/attendance.cjs');
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(cli(['--help']).out);
    expect(spawnSync(process.execPath, [bin], { encoding: 'utf8' }).status).toBe(2);
  });
});
