// `report governors` (docs/cli.md): the document and its --json shape, and exit 1 for a period the app
// refuses.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../../main/cli/attendance';
import { tempDir } from '../helpers/store';

async function cli(args: string[]) {
  let out = '',
    err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

it('report governors writes the docx and prints the figures in the cli.md shape', async () => {
  process.env.ATTENDANCE_TODAY = '2025-12-19';
  const dir = tempDir();
  const db = path.join(dir, 's.sqlite');
  expect((await cli(['demo', '--db', db, '--pupils', '80', '--seed', '2'])).code).toBe(0);
  const out = path.join(dir, 'governors-autumn-2025.docx');
  const r = await cli([
    'report',
    'governors',
    '--db',
    db,
    '--from',
    '2025-09-01',
    '--to',
    '2025-12-19',
    '--out',
    out,
    '--json',
  ]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out);
  expect(Object.keys(j)).toEqual([
    'from',
    'to',
    'asOf',
    'out',
    'headline',
    'lastYear',
    'reasons',
    'lateness',
    'breakdowns',
    'movement',
    'actions',
  ]);
  expect(Object.keys(j.headline.all)).toEqual([
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
  expect(j.breakdowns.map((b: { dimension: string }) => b.dimension)).toEqual([
    'yearGroup',
    'regGroup',
    'sex',
    'fsm',
    'senSupport',
    'ehcPlan',
    'lookedAfter',
    'socialWorker',
    'eal',
  ]);
  expect(Object.keys(j.breakdowns[0].rows[0])).toEqual([
    'key',
    'group',
    'rest',
    'absenceGap',
    'persistentGap',
  ]);
  expect(Object.keys(j.reasons[0])).toEqual(['code', 'sessions']);
  expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  const bad = await cli([
    'report',
    'governors',
    '--db',
    db,
    '--from',
    '2025-12-19',
    '--to',
    '2025-09-01',
    '--out',
    out,
  ]);
  expect(bad.code).toBe(1);
  expect(bad.err).toMatch(/before it starts/);
}, 120_000);

it('report governors opens an encrypted database with the key from --key-file, and refuses it without', async () => {
  process.env.ATTENDANCE_TODAY = '2025-12-19';
  delete process.env.ATTENDANCE_DB_KEY;
  const dir = tempDir();
  const db = path.join(dir, 'keyed.sqlite');
  const keyFile = path.join(dir, 'db.key');
  fs.writeFileSync(keyFile, 'a governor report key of some length\n');
  const made = await cli(['demo', '--db', db, '--pupils', '40', '--seed', '3', '--key-file', keyFile]);
  expect(made.code).toBe(0);
  const out = path.join(dir, 'governors.docx');
  const period = ['--from', '2025-09-01', '--to', '2025-12-19', '--out', out];
  const withKey = await cli(['report', 'governors', '--db', db, '--key-file', keyFile, ...period]);
  expect(withKey.err).toBe('');
  expect(withKey.code).toBe(0);
  expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  fs.rmSync(out);
  const without = await cli(['report', 'governors', '--db', db, ...period]);
  expect(without.code).toBe(1);
  expect(without.err).toMatch(/encrypted/);
  expect(fs.existsSync(out)).toBe(false);
}, 120_000);
