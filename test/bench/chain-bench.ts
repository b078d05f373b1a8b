// The cost of the hash chains alone (docs/performance.md, "The cost of the hash chains"): a full year of marks
// imported through the real path into a store with the marks chain triggers and into one without them, then the
// same rows as plain inserts (no import checks) with and without the triggers, and the time to verify. Run with
// `npm run build:main && BENCH_PUPILS=400 node dist/bench/chain-bench.cjs`. Not part of the tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore, type Store } from '../../main/core/db/connection';
import { dispatch } from '../../main/core/dispatch';
import { DEMO_RANGES } from '../../main/core/demo/demo';
import { verifyChains } from '../../main/core/trust/chains';
import { Calendar } from '../../shared/calendar';
import { eachDate } from '../../shared/dates';
import { makeUpn } from '../../shared/upn';
import type { Channel, Input, Session } from '../../shared/contract';
import { NEW_SCHOOL } from '../../shared/channels/school';

const SESSION: Session = {
  userName: 'Bench',
  position: 'Office',
  roles: ['office', 'lead', 'head', 'admin'],
};
const PUPILS = Number(process.env.BENCH_PUPILS ?? 400);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attendance-chain-bench-'));

function call<C extends Channel>(store: Store, c: C, input: Input<C>) {
  const r = dispatch(store, c, input, SESSION);
  if (!r.ok) {
    throw new Error(`${c}: ${r.error.message}`);
  }
  return r.value;
}

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function school(name: string): Store {
  const store = openStore(path.join(dir, `${name}.sqlite`), { key: null });
  if (process.env.CHAIN_BENCH_SQL) {
    store.db.exec(process.env.CHAIN_BENCH_SQL);
  }
  call(store, 'school.setup', {
    school: { ...NEW_SCHOOL, name: 'Bench Academy' },
    academicYear: 2025,
    ranges: DEMO_RANGES.filter((r) => r.dateFrom < '2026-09-01'),
  });
  const rows = ['upn,surname,forename,dob,sex,year_group,reg_group,admission_date'];
  for (let i = 0; i < PUPILS; i++) {
    const y = 7 + (i % 5);
    const upn = makeUpn(`8014000${String(i).padStart(5, '0')}`);
    const group = `${y}${String.fromCharCode(65 + (Math.floor(i / 5) % 8))}`;
    rows.push(
      `${upn},Surname${i},Forename${i},${2025 - 5 - y}-0${(i % 9) + 1}-15,M,${y},${group},2020-09-01`,
    );
  }
  call(store, 'pupils.import', { csv: rows.join('\n') });
  return store;
}

function unchain(store: Store): void {
  store.db.exec('DROP TRIGGER marks_chain_insert; DROP TRIGGER marks_chain_update');
}

function marksCsv(store: Store): { csv: string; rows: [string, string, string, string, number | null][] } {
  const cal = new Calendar({ ranges: DEMO_RANGES });
  const days = eachDate('2025-09-01', '2026-07-22').filter((d) => cal.isSchoolDay(d));
  const upns = store.db.prepare('SELECT upn FROM pupils ORDER BY upn').pluck().all() as string[];
  const codes = ['/', '/', '/', '/', '/', '/', '/', '/', '/', '/', '/', '/', '/', 'I', 'L', 'O', 'M', 'G'];
  const parts = ['upn,date,session,code,minutes_late'];
  const rows: [string, string, string, string, number | null][] = [];
  let k = 0;
  for (const u of upns) {
    for (const d of days) {
      for (const s of ['AM', 'PM']) {
        let c = codes[k++ % codes.length]!;
        if (c === '/' && s === 'PM') {
          c = '\\';
        }
        const m = c === 'L' ? 5 : null;
        parts.push(`${u},${d},${s},${c},${m ?? ''}`);
        rows.push([u, d, s, c, m]);
      }
    }
  }
  return { csv: parts.join('\n'), rows };
}

function rawInsert(store: Store, rows: [string, string, string, string, number | null][]): number {
  const ids = new Map(
    (store.db.prepare('SELECT upn, id FROM pupils').all() as { upn: string; id: number }[]).map((r) => [
      r.upn,
      r.id,
    ]),
  );
  const ins = store.db.prepare(
    'INSERT INTO marks (pupil_id, date, session, code, minutes_late, note, source, recorded_by, ' +
      "recorded_at) VALUES (?, ?, ?, ?, ?, NULL, 'import', 'Bench', 'now')",
  );
  return time(() =>
    store.db.transaction(() => {
      for (const r of rows) {
        ins.run(ids.get(r[0]), r[1], r[2], r[3], r[4]);
      }
    })(),
  );
}

function report(label: string, ms: number, floor: number): void {
  console.log(
    `${label.padEnd(52)} ${ms.toFixed(0).padStart(7)} ms   against ${floor.toFixed(0).padStart(7)} ms   ${(ms / floor).toFixed(2)}×`,
  );
}

function main(): void {
  const chained = school('chained');
  const { csv, rows } = marksCsv(chained);
  console.log(
    `Chain bench: ${PUPILS} pupils, ${rows.length} marks, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  const plain = school('plain');
  unchain(plain);
  const imp = time(() => call(chained, 'marks.import', { csv }));
  const plainImp = time(() => call(plain, 'marks.import', { csv }));
  report('import marks, full year, chained : unchained', imp, plainImp);
  const verifyMs = time(() => {
    if (verifyChains(chained.db).some((c) => c.firstBroken)) {
      throw new Error('a chain does not verify');
    }
  });
  report('verify every chain : the chained import', verifyMs, imp);
  const rawChained = school('raw-chained');
  const rawPlain = school('raw-plain');
  if (process.env.CHAIN_BENCH_KEEP) {
    rawChained.db.exec(`VACUUM INTO '${process.env.CHAIN_BENCH_KEEP}'`);
  }
  unchain(rawPlain);
  report('plain inserts, chained : unchained', rawInsert(rawChained, rows), rawInsert(rawPlain, rows));
  for (const s of [chained, plain, rawChained, rawPlain]) {
    s.db.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main();
