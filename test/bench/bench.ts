// npm run bench: speed of the real paths next to the raw floor measured in the same run, as ratios (timings on
// shared 2-core machines are noisy; ratios are what to compare across runs). Not part of the tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore, type Store } from '../../main/core/db/connection';
import { dispatch } from '../../main/core/dispatch';
import { DEMO_RANGES } from '../../main/core/demo/demo';
import { Calendar } from '../../shared/calendar';
import { eachDate } from '../../shared/dates';
import { makeUpn } from '../../shared/upn';
import type { Channel, Input, Session } from '../../shared/contract';
import { benchLetters } from './letters-bench';
import { verifyChains } from '../../main/core/trust/chains';
import { benchFigures } from './figures-bench';
import { NEW_SCHOOL } from '../../shared/channels/school';

const SESSION: Session = {
  userName: 'Bench',
  position: 'Office',
  roles: ['office', 'lead', 'head', 'admin'],
};
const PUPILS = Number(process.env.BENCH_PUPILS ?? 2000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attendance-bench-'));

function call<C extends Channel>(store: Store, c: C, input: Input<C>) {
  const r = dispatch(store, c, input, SESSION);
  if (!r.ok) {
    throw new Error(`${c}: ${r.error.message} ${JSON.stringify(r.error.issues?.slice(0, 3))}`);
  }
  return r.value;
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function school(name: string, key: string | null = null): Store {
  const store = openStore(path.join(dir, `${name}.sqlite`), { key });
  call(store, 'school.setup', {
    school: { ...NEW_SCHOOL, name: 'Bench Academy' },
    academicYear: 2025,
    ranges: DEMO_RANGES.filter((r) => r.dateFrom < '2026-09-01'),
  });
  const rows = ['upn,surname,forename,dob,sex,year_group,reg_group,admission_date'];
  for (let i = 0; i < PUPILS; i++) {
    const y = 7 + (i % 5);
    rows.push(
      `${makeUpn(`8014000${String(i).padStart(5, '0')}`)},Surname${i},Forename${i},${2025 - 5 - y}-0${(i % 9) + 1}-15,${i % 2 ? 'F' : 'M'},${y},${y}${String.fromCharCode(65 + (Math.floor(i / 5) % 8))},2020-09-01`,
    );
  }
  call(store, 'pupils.import', { csv: rows.join('\n') });
  return store;
}

/** A bench target (issue targets): a ratio to the floor measured in the same run, a time, or both. */
export interface Target {
  maxRatio?: number;
  maxMs?: number;
}
interface Result {
  label: string;
  ms: number;
  floorMs: number | null;
  ratio: number | null;
  target: Target | null;
  met: boolean | null;
}
const results: Result[] = [];

function targetText(t: Target): string {
  return [t.maxRatio !== undefined ? `≤ ${t.maxRatio}×` : '', t.maxMs !== undefined ? `< ${t.maxMs} ms` : '']
    .filter(Boolean)
    .join(' and ');
}

export function line(label: string, ms: number, floorMs?: number, target?: Target): void {
  const ratio = floorMs !== undefined ? ms / floorMs : null;
  const met = target
    ? (target.maxRatio === undefined || (ratio !== null && ratio <= target.maxRatio)) &&
      (target.maxMs === undefined || ms < target.maxMs)
    : null;
  results.push({ label, ms, floorMs: floorMs ?? null, ratio, target: target ?? null, met });
  console.log(
    `${label.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms${floorMs !== undefined ? `   floor ${floorMs.toFixed(1).padStart(8)} ms   ratio ${ratio!.toFixed(2)}×` : ''}${target ? `   target ${targetText(target)}: ${met ? 'met' : 'NOT MET'}` : ''}`,
  );
}

/** reports/bench.json: every line of this run, with its floor, ratio, target and whether it was met. */
function writeResults(): void {
  fs.mkdirSync('reports', { recursive: true });
  fs.writeFileSync(
    path.join('reports', 'bench.json'),
    JSON.stringify(
      { pupils: PUPILS, cores: os.cpus().length, at: new Date().toISOString(), results },
      null,
      2,
    ),
  );
}

function main() {
  console.log(
    `Bench: ${PUPILS} pupils, school year 2025/26, on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'})`,
  );
  const real = school('real');
  const raw = school('raw');
  const cal = new Calendar({ ranges: DEMO_RANGES });
  const days = eachDate('2025-09-01', '2026-07-22').filter((d) => cal.isSchoolDay(d));
  const upns = (real.db.prepare('SELECT upn FROM pupils ORDER BY upn').all() as { upn: string }[]).map(
    (r) => r.upn,
  );
  const codes = ['/', '/', '/', '/', '/', '/', '/', '/', '/', '/', '/', '/', '/', 'I', 'L', 'O', 'M', 'G'];
  const parts: string[] = ['upn,date,session,code,minutes_late'];
  const rawRows: [string, string, string, string, number | null][] = [];
  let k = 0;
  for (const u of upns) {
    for (const d of days) {
      for (const s of ['AM', 'PM'] as const) {
        let c = codes[k++ % codes.length];
        if (c === '/' && s === 'PM') {
          c = '\\';
        }
        const m = c === 'L' ? 5 : null;
        parts.push(`${u},${d},${s},${c},${m ?? ''}`);
        rawRows.push([u, d, s, c, m]);
      }
    }
  }
  const csv = parts.join('\n');
  console.log(`${rawRows.length} marks (${(csv.length / 1e6).toFixed(1)} MB of CSV)`);

  // Floor: plain prepared-statement inserts of the same rows in one transaction (UPN → id map, no checks).
  const ids = new Map(
    (raw.db.prepare('SELECT upn, id FROM pupils').all() as { upn: string; id: number }[]).map((r) => [
      r.upn,
      r.id,
    ]),
  );
  const ins = raw.db.prepare(
    "INSERT INTO marks (pupil_id, date, session, code, minutes_late, note, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, NULL, 'import', 'Bench', 'now')",
  );
  const [, floor] = time(() =>
    raw.db.transaction(() => {
      for (const r of rawRows) {
        ins.run(ids.get(r[0]), r[1], r[2], r[3], r[4]);
      }
    })(),
  );
  const [res, imp] = time(() => call(real, 'marks.import', { csv }));
  if (res.inserted !== rawRows.length) {
    throw new Error('import did not insert every row');
  }
  line('import marks, full year (real path: parse, check, insert)', imp, floor);

  // Hash chains (docs/records-integrity.md): the same import into a store whose marks chain triggers are dropped.
  const unchained = school('unchained');
  unchained.db.exec('DROP TRIGGER marks_chain_insert; DROP TRIGGER marks_chain_update');
  const [, plainImp] = time(() => call(unchained, 'marks.import', { csv }));
  unchained.db.close();
  line('import marks, full year, hash-chained (ratio to unchained)', imp, plainImp);
  const [, verifyMs] = time(() => verifyChains(real.db));
  line('recompute every hash chain (ratio to the import)', verifyMs, imp);

  // Encryption at rest (docs/data-safety.md): the same import into an encrypted store, as a ratio to the plain one.
  const enc = school('encrypted', 'bench key: 0123456789abcdef0123456789abcdef');
  const [, encImp] = time(() => call(enc, 'marks.import', { csv }));
  line('import marks, full year, encrypted store (ratio to plain)', encImp, imp);
  const encFile = enc.path;
  enc.db.close();
  const [reopened, encOpen] = time(() =>
    openStore(encFile, { key: 'bench key: 0123456789abcdef0123456789abcdef' }),
  );
  reopened.db.close();
  const [plainReopened, plainOpen] = time(() => openStore(path.join(dir, 'raw.sqlite'), { key: null }));
  plainReopened.db.close();
  line('open the encrypted store (key derivation, quick check; ratio to plain)', encOpen, plainOpen);

  const [, reimport] = time(() => call(real, 'marks.import', { csv }));
  line('re-import of the same file (all skipped)', reimport, floor, { maxRatio: 1.5 });

  const [exp, expMs] = time(() => call(real, 'marks.export', { from: '2025-09-01', to: '2026-08-31' }));
  const [, rawSel] = time(() =>
    real.db
      .prepare(
        'SELECT p.upn, m.date, m.session, m.code, m.minutes_late, m.note FROM marks m JOIN pupils p ON p.id = m.pupil_id ORDER BY p.upn, m.date, m.session',
      )
      .raw()
      .all(),
  );
  line(`export marks, full year (${exp.rows} rows to CSV)`, expMs, rawSel, { maxRatio: 1.5 });

  // One 30-pupil register: load, and save with amendments (history rows) — median of 100.
  const group = (
    real.db
      .prepare('SELECT reg_group AS g, count(*) n FROM pupils GROUP BY reg_group ORDER BY n DESC LIMIT 1')
      .get() as { g: string }
  ).g;
  const loads: number[] = [];
  const saves: number[] = [];
  for (let i = 0; i < 100; i++) {
    const date = days[i % days.length];
    const [reg, l] = time(() => call(real, 'registers.get', { date, session: 'AM', regGroup: group }));
    loads.push(l);
    const marks = reg.pupils.slice(0, 30).map((p, j) => ({
      pupilId: p.pupilId,
      code: j === i % 30 ? 'N' : p.mark?.code === '/' ? 'I' : '/',
      minutesLate: null,
    }));
    const [, sv] = time(() =>
      call(real, 'registers.save', {
        date,
        session: 'AM',
        regGroup: group,
        marks,
        reason: 'Bench amendment',
      }),
    );
    saves.push(sv);
  }
  const rawGet = real.db.prepare(
    'SELECT m.* FROM marks m JOIN pupils p ON p.id = m.pupil_id WHERE p.reg_group = ? AND m.date = ? AND m.session = ?',
  );
  const rawLoads: number[] = [];
  for (let i = 0; i < 100; i++) {
    rawLoads.push(time(() => rawGet.all(group, days[i % days.length], 'AM'))[1]);
  }
  line(`load one register (${group}), median of 100`, median(loads), median(rawLoads));
  line('save one 30-pupil register with amendments + history, median of 100', median(saves), undefined, {
    maxMs: 50,
  });
  const gridTimes: number[] = [];
  const rawGrid = real.db.prepare(
    'SELECT m.pupil_id, m.date, m.session, m.code, m.version FROM marks m JOIN pupils p ON p.id = m.pupil_id WHERE p.reg_group = ? AND m.date BETWEEN ? AND ?',
  );
  const rawGridTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    gridTimes.push(
      time(() =>
        call(real, 'registers.grid', { from: '2025-11-03', to: '2025-11-30', scope: { regGroup: group } }),
      )[1],
    );
    rawGridTimes.push(time(() => rawGrid.all(group, '2025-11-03', '2025-11-30'))[1]);
  }
  line(
    `load a group's month grid (${group}, November), median of 20`,
    median(gridTimes),
    median(rawGridTimes),
  );
  benchFigures(real, line);
  real.db.close();
  raw.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main();
void benchLetters(line)
  .then(writeResults)
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
