// `report pupils --json` against the naive oracle of docs/rules/statistics.md (test/oracle) on randomised
// schools built through the real command line: random calendars with half-terms, closures and bank holidays
// across 19 Aug 2024, legacy codes before it, not-possible codes, lates with minutes, wrong-slash imports,
// streaks of G N O U, admissions and leavings mid-year, ages around 5 and 16 on 31 August, boarders,
// amendments, the school's own at-risk bound. Every field of every pupil and of both school blocks must
// agree, for several random periods per school. Seeds: FIGURES_ORACLE_SEEDS=1,2,3.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeUpn } from '../../shared/upn';
import { cli } from '../helpers/cli';
import { STAFF_SESSION as SESSION, tempDir } from '../helpers/store';
import { openStore } from '../../main/core/db/connection';
import { dispatch } from '../../main/core/dispatch';
import {
  OracleCalendar,
  oracleCodesOn,
  oracleReport,
  plusDays,
  type OracleMark,
  type OraclePupil,
  type OracleRange,
} from '../oracle/statistics-oracle';

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}
type R = ReturnType<typeof rng>;

/** Three school years from 2023/24 (so the 19 Aug 2024 change is inside), six half-terms each, random breaks and closures. */
function randomCalendar(r: R): OracleRange[] {
  const ranges: OracleRange[] = [];
  for (const y of [2023, 2024, 2025]) {
    let start = `${y}-09-0${r.int(1, 6)}`;
    for (let h = 0; h < 6; h++) {
      const len = r.int(30, 52);
      let end = plusDays(start, len);
      if (h === 5) {
        end = `${y + 1}-07-${r.int(15, 24)}`;
      }
      ranges.push({ dateFrom: start, dateTo: end, kind: 'term' });
      if (r.chance(0.6)) {
        const c = plusDays(start, r.int(0, 20));
        ranges.push({ dateFrom: c, dateTo: plusDays(c, r.int(0, 1)), kind: 'closure' });
      }
      if (r.chance(0.15)) {
        const c = plusDays(start, r.int(7, 25));
        ranges.push({ dateFrom: c, dateTo: plusDays(c, 8), kind: 'closure' });
      } // a whole week closed
      start = plusDays(end, r.int(8, 16));
      if (h === 4 && start > `${y + 1}-06-20`) {
        start = `${y + 1}-06-10`;
      }
    }
  }
  return ranges;
}

function randomDob(r: R): string {
  // ages about 3 to 17 on 31 August 2024, with births bunched on the cut-off days
  const y = r.int(2007, 2021);
  const special = r.pick(['08-31', '09-01', '02-29', '12-31', '01-01', '03-31', '04-01']);
  const md = r.chance(0.35)
    ? special
    : `${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const leap = y % 4 === 0;
  return md === '02-29' && !leap ? `${y}-02-28` : `${y}-${md}`;
}

interface School {
  dir: string;
  db: string;
  cal: OracleCalendar;
  ranges: OracleRange[];
  pupils: OraclePupil[];
  marks: OracleMark[];
  atRisk: number;
}

function buildSchool(seed: number): School {
  const r = rng(seed);
  const dir = tempDir();
  const db = path.join(dir, 'school.sqlite');
  const ranges = randomCalendar(r);
  const cal = new OracleCalendar(ranges);
  const run = (args: string[]) => {
    const out = cli(args);
    if (out.code !== 0) {
      throw new Error(
        `attendance ${args.slice(0, 2).join(' ')} failed (${out.code}): ${out.err.slice(0, 2000)}`,
      );
    }
    return out;
  };
  run(['init', '--db', db, '--school', `Oracle School ${seed}`]);
  fs.writeFileSync(
    path.join(dir, 'calendar.csv'),
    [
      'date_from,date_to,kind,label',
      ...ranges.map((x, k) => `${x.dateFrom},${x.dateTo},${x.kind},R${k}`),
    ].join('\n'),
  );
  run(['import', 'calendar', '--db', db, path.join(dir, 'calendar.csv')]);

  const schoolDays: string[] = [];
  for (let d = cal.first(); d <= cal.last(); d = plusDays(d, 1)) {
    if (cal.isSchoolDay(d)) {
      schoolDays.push(d);
    }
  }
  const n = r.int(14, 24);
  const pupils: OraclePupil[] = [];
  for (let i = 0; i < n; i++) {
    const dob = randomDob(r);
    const earliest =
      `${Number(dob.slice(0, 4)) + 3}-09-01` > '2020-09-01'
        ? `${Number(dob.slice(0, 4)) + 3}-09-01`
        : '2020-09-01';
    const adm = r.chance(0.7) ? earliest : r.pick(schoolDays.filter((d) => d > earliest));
    const lv = r.chance(0.25) ? (r.pick(schoolDays.filter((d) => d >= adm)) ?? null) : null;
    pupils.push({
      upn: makeUpn(`8013000${String(seed % 100).padStart(2, '0')}${String(i).padStart(3, '0')}`),
      dob,
      boarder: r.chance(0.1),
      admissionDate: adm,
      leavingDate: lv,
    });
  }
  fs.writeFileSync(
    path.join(dir, 'pupils.csv'),
    [
      'upn,surname,forename,dob,sex,year_group,reg_group,admission_date,leaving_date,boarder',
      ...pupils.map(
        (p, i) =>
          `${p.upn},S${i},F${i},${p.dob},${i % 2 ? 'F' : 'M'},3,3A,${p.admissionDate},${p.leavingDate ?? ''},${p.boarder ? 'Y' : 'N'}`,
      ),
    ].join('\n'),
  );
  run(['import', 'pupils', '--db', db, path.join(dir, 'pupils.csv')]);

  const marks: OracleMark[] = [];
  for (const p of pupils) {
    const absentish = r.next() * 0.3;
    let streak = 0,
      streakCode = 'G';
    for (const d of schoolDays) {
      if (d < p.admissionDate || (p.leavingDate && d > p.leavingDate)) {
        continue;
      }
      if (streak === 0 && r.chance(0.012)) {
        streak = r.int(2, 14);
        streakCode = r.pick(['G', 'N', 'O', 'U', 'G', 'O']);
      }
      for (const s of ['AM', 'PM'] as const) {
        if (r.chance(0.02)) {
          continue;
        } // unmarked session
        let code: string;
        if (streak > 0 && !r.chance(0.05)) {
          code = r.chance(0.85) ? streakCode : r.pick(['G', 'N', 'O', 'U']);
        } else if (!r.chance(absentish)) {
          code = r.chance(0.06) ? 'L' : s === 'AM' ? '/' : '\\';
        } else {
          code = r.pick(oracleCodesOn(d).filter((c) => c !== '#' && c !== '/' && c !== '\\'));
        }
        const minutesLate = (code === 'L' || code === 'U') && r.chance(0.8) ? r.int(1, 70) : null;
        marks.push({ upn: p.upn, date: d, session: s, code, minutesLate });
      }
      if (streak > 0) {
        streak--;
      }
    }
  }
  // a few present marks with the other slash: the import stores the right one for the session
  const csvRows = marks.map(
    (m) =>
      `${m.upn},${m.date},${m.session},` +
      `${(m.code === '/' || m.code === '\\') && r.chance(0.03) ? (m.code === '/' ? '\\' : '/') : m.code}` +
      `,${m.minutesLate ?? ''}`,
  );
  fs.writeFileSync(
    path.join(dir, 'marks.csv'),
    ['upn,date,session,code,minutes_late', ...csvRows].join('\n'),
  );
  run(['import', 'marks', '--db', db, path.join(dir, 'marks.csv')]);
  // amendments: about 3% of the marks re-imported with another code valid that day (N resolved, mis-keys)
  const amended: string[] = [];
  for (const m of marks) {
    if (!r.chance(0.03)) {
      continue;
    }
    const code =
      m.code === 'N'
        ? r.pick(['O', 'I', 'M', 'G'])
        : r.pick(oracleCodesOn(m.date).filter((c) => c !== '#' && c !== m.code && c !== '/' && c !== '\\'));
    m.code = code;
    m.minutesLate = code === 'L' || code === 'U' ? (m.minutesLate ?? r.int(1, 40)) : null;
    amended.push(`${m.upn},${m.date},${m.session},${code},${m.minutesLate ?? ''}`);
  }
  fs.writeFileSync(
    path.join(dir, 'amend.csv'),
    ['upn,date,session,code,minutes_late', ...amended].join('\n'),
  );
  run([
    'import',
    'marks',
    '--db',
    db,
    path.join(dir, 'amend.csv'),
    '--reason',
    'Corrected after the MIS check',
    '--by',
    'Oracle',
    '--position',
    'Test',
  ]);
  // the school's at-risk lower bound (docs/rules/statistics.md §4 lets the school set it)
  const atRisk = r.pick([5, 5, 4, 7.5, 9]);
  if (atRisk !== 5) {
    const store = openStore(db);
    const school = dispatch(store, 'school.get', {}, SESSION);
    if (!school.ok || !school.value) {
      throw new Error('no school');
    }
    const upd = dispatch(store, 'school.update', { ...school.value, atRiskLowerPct: atRisk }, SESSION);
    if (!upd.ok) {
      throw new Error(upd.error.message);
    }
    store.db.close();
  }
  return { dir, db, cal, ranges, pupils, marks, atRisk };
}

function randomPeriods(r: R, s: School): { from: string; to: string; asOf?: string }[] {
  const out: { from: string; to: string; asOf?: string }[] = [
    { from: '2024-09-01', to: '2025-08-31' },
    { from: '2024-06-01', to: '2024-10-31', asOf: '2024-11-15' }, // across 19 Aug 2024 and the summer
    { from: '2024-07-27', to: '2024-08-30' }, // no school days
  ];
  for (let k = 0; k < 4; k++) {
    const from = plusDays(s.cal.first(), r.int(0, 900));
    const to = plusDays(from, r.int(0, 260));
    out.push(r.chance(0.5) ? { from, to } : { from, to, asOf: plusDays(to, r.int(0, 25)) });
  }
  return out;
}

const SEEDS = (process.env.FIGURES_ORACLE_SEEDS ?? '11,23,37,41').split(',').map(Number);

describe('report pupils --json against the naive oracle of statistics.md', () => {
  for (const seed of SEEDS) {
    it(`random school ${seed}: every pupil and both school blocks agree on every period`, () => {
      const s = buildSchool(seed);
      const r = rng(seed * 7919);
      let compared = 0,
        withPenalty = 0,
        withRun = 0,
        withOverdue = 0,
        legacy = 0;
      for (const p of randomPeriods(r, s)) {
        const args = [
          'report',
          'pupils',
          '--db',
          s.db,
          '--from',
          p.from,
          '--to',
          p.to,
          ...(p.asOf ? ['--as-of', p.asOf] : []),
          '--json',
        ];
        const out = cli(args);
        expect(out.code, out.err).toBe(0);
        const got = JSON.parse(out.out);
        const want = oracleReport(s.cal, s.pupils, s.marks, p.from, p.to, p.asOf ?? p.to, s.atRisk);
        expect(
          got.pupils.map((x: { upn: string }) => x.upn),
          `${p.from}..${p.to} pupils listed`,
        ).toEqual(want.pupils.map((x) => x.upn));
        for (let i = 0; i < want.pupils.length; i++) {
          expect(got.pupils[i], `${p.from}..${p.to} ${want.pupils[i].upn}`).toEqual(want.pupils[i]);
        }
        expect(got.school, `${p.from}..${p.to} school`).toEqual(want.school);
        expect(got).toEqual(want);
        compared += want.pupils.length;
        withPenalty += want.pupils.filter((x) => x.penaltyThresholdFirstMet !== null).length;
        withRun += want.pupils.filter((x) => x.longestUnauthorisedRunSessions >= 6).length;
        withOverdue += want.pupils.filter((x) => x.overdueN > 0).length;
        if (p.from < '2024-08-19') {
          legacy += want.pupils.filter((x) => x.possible > 0).length;
        }
      }
      // the random schools exercise what they are meant to
      expect(compared).toBeGreaterThan(40);
      expect(withPenalty).toBeGreaterThan(0);
      expect(withRun).toBeGreaterThan(0);
      expect(withOverdue).toBeGreaterThan(0);
      expect(legacy).toBeGreaterThan(0);
      fs.rmSync(s.dir, { recursive: true, force: true });
    });
  }
});
