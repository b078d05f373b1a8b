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
      [
        makeUpn(`8014000${String(i).padStart(5, '0')}`),
        `Surname${i}`,
        `Forename${i}`,
        `${2025 - 5 - y}-0${(i % 9) + 1}-15`,
        i % 2 ? 'F' : 'M',
        y,
        `${y}${String.fromCharCode(65 + (Math.floor(i / 5) % 8))}`,
        '2020-09-01',
      ].join(','),
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
  /** Milliseconds, except on the memory line (megabytes, `unit`). */
  ms: number;
  unit?: 'MB';
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
  const floor =
    floorMs !== undefined
      ? `   floor ${floorMs.toFixed(1).padStart(8)} ms   ratio ${ratio!.toFixed(2)}×`
      : '';
  const goal = target ? `   target ${targetText(target)}: ${met ? 'met' : 'NOT MET'}` : '';
  console.log(`${label.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms${floor}${goal}`);
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

type BenchMark = [upn: string, date: string, session: 'AM' | 'PM', code: string, minutes: number | null];
const CODES = ['/', '/', '/', '/', '/', '/', '/', '/', '/', '/', '/', '/', '/', 'I', 'L', 'O', 'M', 'G'];
const MARKS_HEADER = 'upn,date,session,code,minutes_late';

/** The bench's year of marks, one at a time and never all held: each pupil's sessions in date order, the codes
 * in a fixed rotation (mostly present, some late, absent and unauthorised). */
function eachBenchMark(upns: string[], days: string[], fn: (m: BenchMark) => void): void {
  let k = 0;
  for (const u of upns) {
    for (const d of days) {
      for (const s of ['AM', 'PM'] as const) {
        let c = CODES[k++ % CODES.length];
        if (c === '/' && s === 'PM') {
          c = '\\';
        }
        fn([u, d, s, c, c === 'L' ? 5 : null]);
      }
    }
  }
}

/** The year of marks as one CSV file, joined a pupil at a time so no array of every line is held. */
function marksCsv(upns: string[], days: string[]): { csv: string; rows: number } {
  const pupilsText: string[] = [MARKS_HEADER];
  let lines: string[] = [];
  let upn = '';
  let rows = 0;
  eachBenchMark(upns, days, ([u, d, s, c, m]) => {
    if (u !== upn && lines.length) {
      pupilsText.push(lines.join('\n'));
      lines = [];
    }
    upn = u;
    lines.push(`${u},${d},${s},${c},${m ?? ''}`);
    rows++;
  });
  pupilsText.push(lines.join('\n'));
  return { csv: pupilsText.join('\n'), rows };
}

/** Imports: the real path against plain inserts of the same rows, hash-chained, encrypted, and the re-import. */
function benchImport(real: Store, raw: Store, upns: string[], days: string[]): void {
  const { csv, rows } = marksCsv(upns, days);
  console.log(`${rows} marks (${(csv.length / 1e6).toFixed(1)} MB of CSV)`);
  // Floor: plain prepared-statement inserts of the same rows in one transaction (UPN → id map, no checks).
  const ids = new Map(
    raw.db
      .prepare<[], { upn: string; id: number }>('SELECT upn, id FROM pupils')
      .all()
      .map((r) => [r.upn, r.id]),
  );
  const ins = raw.db.prepare(
    'INSERT INTO marks (pupil_id, date, session, code, minutes_late, note, source, recorded_by, recorded_at) ' +
      "VALUES (?, ?, ?, ?, ?, NULL, 'import', 'Bench', 'now')",
  );
  const [, floor] = time(() =>
    raw.db.transaction(() => {
      eachBenchMark(upns, days, (m) => {
        ins.run(ids.get(m[0]), m[1], m[2], m[3], m[4]);
      });
    })(),
  );
  const [res, imp] = time(() => call(real, 'marks.import', { csv }));
  if (res.inserted !== rows) {
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

  benchEncrypted(csv, imp);

  const [, reimport] = time(() => call(real, 'marks.import', { csv }));
  line('re-import of the same file (all skipped)', reimport, floor, { maxRatio: 1.5 });
}

/** Encryption at rest (docs/data-safety.md): the same import into an encrypted store, as a ratio to the plain
 * one, and opening each store. */
function benchEncrypted(csv: string, plainImportMs: number): void {
  const key = 'bench key: 0123456789abcdef0123456789abcdef';
  const enc = school('encrypted', key);
  const [, encImp] = time(() => call(enc, 'marks.import', { csv }));
  line('import marks, full year, encrypted store (ratio to plain)', encImp, plainImportMs);
  const encFile = enc.path;
  enc.db.close();
  const [reopened, encOpen] = time(() => openStore(encFile, { key }));
  reopened.db.close();
  const [plainReopened, plainOpen] = time(() => openStore(path.join(dir, 'raw.sqlite'), { key: null }));
  plainReopened.db.close();
  line('open the encrypted store (key derivation, quick check; ratio to plain)', encOpen, plainOpen);
}

/** `export marks` for the year against the barest CSV of the same rows: read in the same order and each row's
 * cells joined with commas, without the formula guard and quoting of a real export. */
function benchExport(real: Store): void {
  const [rows, expMs] = time(() => call(real, 'marks.export', { from: '2025-09-01', to: '2026-08-31' }).rows);
  const [, rawCsv] = time(() => {
    const all = real.db
      .prepare<[], unknown[]>(
        'SELECT p.upn, m.date, m.session, m.code, m.minutes_late, m.note FROM marks m ' +
          'JOIN pupils p ON p.id = m.pupil_id ORDER BY p.upn, m.date, m.session',
      )
      .raw()
      .iterate();
    let csv = '';
    for (const r of all) {
      csv += r.join(',') + '\r\n';
    }
    return csv.length;
  });
  line(`export marks, full year (${rows} rows to CSV)`, expMs, rawCsv, { maxRatio: 1.5 });
}

/** One 30-pupil register: load, and save with amendments (history rows), median of 100; a month's grid. */
function benchRegisters(real: Store, days: string[]): void {
  const group = real.db
    .prepare<[], { g: string }>(
      'SELECT reg_group AS g, count(*) n FROM pupils GROUP BY reg_group ORDER BY n DESC LIMIT 1',
    )
    .get()!.g;
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
    const save = { date, session: 'AM' as const, regGroup: group, marks, reason: 'Bench amendment' };
    saves.push(time(() => call(real, 'registers.save', save))[1]);
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
  benchGrid(real, group);
}

/** A group's month grid, median of 20, against reading the same marks. */
function benchGrid(real: Store, group: string): void {
  const gridTimes: number[] = [];
  const rawGrid = real.db.prepare(
    'SELECT m.pupil_id, m.date, m.session, m.code, m.version FROM marks m JOIN pupils p ON p.id = m.pupil_id ' +
      'WHERE p.reg_group = ? AND m.date BETWEEN ? AND ?',
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
}

function main() {
  console.log(
    `Bench: ${PUPILS} pupils, school year 2025/26, on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'})`,
  );
  const real = school('real');
  const raw = school('raw');
  const cal = new Calendar({ ranges: DEMO_RANGES });
  const days = eachDate('2025-09-01', '2026-07-22').filter((d) => cal.isSchoolDay(d));
  const upns = real.db
    .prepare<[], { upn: string }>('SELECT upn FROM pupils ORDER BY upn')
    .all()
    .map((r) => r.upn);
  benchImport(real, raw, upns, days);
  benchExport(real);
  benchRegisters(real, days);
  benchFigures(real, line);
  real.db.close();
  keepSchool(real.path);
  raw.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** BENCH_KEEP=file keeps a copy of the bench school (every mark of the year) for profiling one path at a time. */
function keepSchool(file: string): void {
  const keep = process.env.BENCH_KEEP;
  if (keep) {
    fs.copyFileSync(file, keep);
    console.log(`kept the bench school as ${keep}`);
  }
}

/** The bench's peak memory, the process's largest resident set size so far, with the target: under 1 GB
 * (measured at 5,000 pupils, where a year is 1.9 million marks). */
function memoryLine(): void {
  const mb = process.resourceUsage().maxRSS / 1024;
  const met = mb < 1024;
  results.push({
    label: 'peak memory (max RSS)',
    ms: mb,
    unit: 'MB',
    floorMs: null,
    ratio: null,
    target: null,
    met,
  });
  console.log(
    `${'peak memory (max RSS)'.padEnd(58)} ${mb.toFixed(0).padStart(9)} MB   target < 1024 MB: ${met ? 'met' : 'NOT MET'}`,
  );
}

main();
void benchLetters(line)
  .then(memoryLine)
  .then(writeResults)
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
