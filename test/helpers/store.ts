// Test helpers: real SQLite files in a temp folder, with the production migrations.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../main/core/db/connection';
import { dispatch } from '../../main/core/dispatch';
import type { Channel, Input, Output, Session } from '../../shared/contract';
import { makeUpn } from '../../shared/upn';
import { TEMP_ROOT_ENV } from './temp-root';

export const STAFF_SESSION: Session = {
  userName: 'Test Office',
  position: 'Office manager',
  roles: ['office', 'lead', 'head', 'admin'],
};

/** A new folder for one test's files: inside the run's folder (removed when the run ends, test/helpers/temp-root.ts),
 * or the system's temporary folder when a test file is run some other way. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(process.env[TEMP_ROOT_ENV] ?? os.tmpdir(), 'attendance-test-'));
}

export function tempStore(): Store {
  return openStore(path.join(tempDir(), 'school.sqlite'));
}

/** Calls dispatch and returns the value, failing the test with the error when the call was refused. */
export function ok<C extends Channel>(
  store: Store,
  channel: C,
  input: Input<C>,
  session: Session = STAFF_SESSION,
): Output<C> {
  const r = dispatch(store, channel, input, session, { validateOutput: true });
  if (!r.ok) {
    throw new Error(
      `${channel} failed: ${r.error.kind}: ${r.error.message} ${JSON.stringify(r.error.issues ?? [])}`,
    );
  }
  return r.value;
}

export const SCHOOL = {
  name: 'Test Primary',
  urn: '123456',
  laCode: '801',
  estab: '2001',
  address: null,
  amOpens: '08:40',
  pmOpens: '13:15',
  registerOpenMinutes: 30,
  championName: 'A Champion',
  championPosition: 'Deputy Head',
  atRiskLowerPct: 5,
};

export function setupSchool(store: Store): void {
  ok(store, 'school.setup', {
    school: SCHOOL,
    academicYear: 2025,
    ranges: [
      { dateFrom: '2025-09-03', dateTo: '2025-10-24', kind: 'term', label: 'Autumn 1' },
      { dateFrom: '2025-11-03', dateTo: '2025-12-19', kind: 'term', label: 'Autumn 2' },
      { dateFrom: '2025-11-28', dateTo: '2025-11-28', kind: 'closure', label: 'INSET' },
    ],
  });
}

export const upn = (n: number) => makeUpn(`8012001250${String(n).padStart(2, '0')}`);

export const PUPIL_HEADER =
  'upn,surname,forename,preferred_forename,dob,sex,year_group,reg_group,admission_date,leaving_date,' +
  'fsm,sen,cla,social_worker,eal,boarder,' +
  'contact1_name,contact1_relationship,contact1_phone,contact1_email,contact1_address,contact1_lives_with,' +
  'contact1_parental_responsibility';

export function pupilRow(n: number, over: Partial<Record<string, string>> = {}): string {
  const base: Record<string, string> = {
    upn: upn(n),
    surname: `Surname${n}`,
    forename: `Forename${n}`,
    preferred_forename: '',
    dob: '2018-03-0' + ((n % 9) + 1),
    sex: n % 2 ? 'F' : 'M',
    year_group: '2',
    reg_group: '2 Oak',
    admission_date: '2022-09-05',
    leaving_date: '',
    fsm: 'N',
    sen: '',
    cla: 'N',
    social_worker: 'N',
    eal: 'N',
    boarder: 'N',
    contact1_name: `Parent${n} Surname${n}`,
    contact1_relationship: 'Mother',
    contact1_phone: '07700 900123',
    contact1_email: `p${n}@example.com`,
    contact1_address: '1 High Street',
    contact1_lives_with: 'Y',
    contact1_parental_responsibility: 'Y',
    ...over,
  };
  return PUPIL_HEADER.split(',')
    .map((k) => base[k] ?? '')
    .join(',');
}

export function rowCount(store: Store, table: string): number {
  return (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Every row of one table in a fixed order: rowid order, or primary-key order for a WITHOUT ROWID table (the
 * tallies, migration 0037), which has no rowid. */
export function tableRows(db: Store['db'], table: string): unknown[] {
  const ddl = String(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table));
  const key = (db.pragma(`table_info("${table}")`) as { name: string; pk: number }[])
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => `"${c.name}"`);
  const order = /WITHOUT ROWID\s*$/i.test(ddl) ? key.join(', ') : 'rowid';
  return db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).all();
}
