// The weekly tallies of present slashes (docs/performance.md, "Figures from tallies") against the marks they come
// from. fast-check amends random marks of a small demo school through the real import (the mark writer), then
// draws random periods: the tallies must agree with a recount of the marks, the counts the figures take from them
// must equal counts straight from the marks for any period (its whole weeks and its edges), and the figures built
// on them must equal the pupil page's figures, which read every mark of the pupil. The oracle test
// (figures-oracle.test.ts) checks report pupils against statistics.md on top of this.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDemoSchool } from '../../main/core/demo/demo';
import { reportPupils } from '../../main/core/reports/report-pupils';
import {
  codesByWeek,
  rebuildTallies,
  slashCounts,
  slashCountsTo,
  slashesByWeek,
  splitWeeks,
  tallyMismatches,
} from '../../main/core/registers/tallies';
import { addDays, mondayOf } from '../../shared/dates';
import { CODE_ROWS } from '../../shared/codes';
import { dashboardFromMarks } from '../helpers/dashboard-from-marks';
import { ok, tempStore } from '../helpers/store';

const SEED = 20261204;
const TODAY = '2026-03-20';
const store = tempStore();
createDemoSchool(store, { pupils: 36, seed: 7, today: TODAY });
const db = store.db;
const pupils = db.prepare('SELECT id, upn FROM pupils ORDER BY id').all() as { id: number; upn: string }[];
const days = (db.prepare('SELECT DISTINCT date FROM marks ORDER BY date').all() as { date: string }[]).map(
  (r) => r.date,
);
const CODES = ['/', 'N', 'I', 'L', 'U', 'O', 'M', 'G', 'C', 'B'];
// Amendments go to marks that exist (a pupil on roll that day), as a correction from the paper register would.
const slots = db
  .prepare('SELECT p.upn, m.date, m.session FROM marks m JOIN pupils p ON p.id = m.pupil_id ORDER BY m.id')
  .all() as { upn: string; date: string; session: 'AM' | 'PM' }[];

/** Present slashes per pupil in [from, to], counted from the marks themselves. */
function countedFromMarks(from: string, to: string): Map<number, number> {
  const rows = db
    .prepare(
      "SELECT pupil_id AS p, count(*) AS n FROM marks WHERE date >= ? AND date <= ? AND code IN ('/', '\\') GROUP BY pupil_id",
    )
    .all(from, to) as { p: number; n: number }[];
  return new Map(rows.map((r) => [r.p, r.n]));
}

const edit = fc.record({
  slot: fc.nat({ max: slots.length - 1 }),
  code: fc.constantFrom(...CODES),
});
const period = fc
  .tuple(fc.nat({ max: days.length - 1 }), fc.nat({ max: days.length - 1 }), fc.nat({ max: 9 }))
  .map(([a, b, pad]) => {
    const from = days[Math.min(a, b)];
    // A period may end on a weekend or a holiday (pad days after a school day), as the screens allow.
    const to = addDays(days[Math.max(a, b)], pad % 4);
    return { from, to, since: days[Math.floor((a + b) / 2)] };
  });

function applyEdits(edits: { slot: number; code: string }[]): void {
  const seen = new Set<number>();
  const lines = ['upn,date,session,code,minutes_late'];
  for (const e of edits) {
    if (seen.has(e.slot)) {
      continue;
    }
    seen.add(e.slot);
    const s = slots[e.slot];
    const code = e.code === '/' && s.session === 'PM' ? '\\' : e.code;
    lines.push(`${s.upn},${s.date},${s.session},${code},${code === 'L' ? 5 : ''}`);
  }
  ok(store, 'marks.import', {
    csv: lines.join('\n'),
    reason: 'Corrected from the paper register',
    by: 'A Tester',
    position: 'Office manager',
  });
}

describe('weekly tallies of present slashes', () => {
  it('a fresh demo school has a tally for every pupil week with slashes, each matching the marks', () => {
    const n = db.prepare('SELECT count(*) AS n FROM mark_tallies').get() as { n: number };
    expect(n.n).toBeGreaterThan(pupils.length * 10);
    expect(tallyMismatches(db)).toBe(0);
  });

  it('a fresh demo school has a tally for every pupil, week and other code, each matching the marks', () => {
    const n = db.prepare('SELECT count(*) AS n FROM mark_code_tallies').get() as { n: number };
    expect(n.n).toBeGreaterThan(pupils.length * 5);
  });

  it("the code table's eras start on a Monday, so a code's category is the same all week", () => {
    for (const row of CODE_ROWS) {
      if (row.validFrom) {
        expect(mondayOf(row.validFrom)).toBe(row.validFrom);
      }
      if (row.validTo) {
        expect(mondayOf(addDays(row.validTo, 1))).toBe(addDays(row.validTo, 1));
      }
    }
  });

  it('splits a period into whole weeks and edge days that cover it exactly once', () => {
    fc.assert(
      fc.property(period, ({ from, to }) => {
        const s = splitWeeks(from, to);
        const covered: string[] = [];
        for (const [a, b] of s.edges) {
          expect(mondayOf(a)).toBe(mondayOf(b));
          for (let d = a; d <= b; d = addDays(d, 1)) {
            covered.push(d);
          }
        }
        if (s.firstWeek && s.lastWeek) {
          expect(mondayOf(s.firstWeek)).toBe(s.firstWeek);
          for (let d = s.firstWeek; d <= addDays(s.lastWeek, 6); d = addDays(d, 1)) {
            covered.push(d);
          }
        }
        const want: string[] = [];
        for (let d = from; d <= to; d = addDays(d, 1)) {
          want.push(d);
        }
        expect(covered.sort()).toEqual(want);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('after random amendments through the mark writer, the tallies, the period counts and every pupil figure agree with the marks', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), period, (edits, p) => {
        applyEdits(edits);
        expect(tallyMismatches(db)).toBe(0);

        expect(slashCounts(db, p.from, p.to)).toEqual(countedFromMarks(p.from, p.to));
        expect(slashCounts(db, p.from, p.since)).toEqual(countedFromMarks(p.from, p.since));
        expect(slashCountsTo(db, p.from, p.to, p.since)).toEqual({
          toEnd: countedFromMarks(p.from, p.to),
          toSince: countedFromMarks(p.from, p.since),
        });
        const byWeek = new Map<string, number>();
        for (const [pupilId, monday, n] of slashesByWeek(db, p.from, p.to)) {
          expect(monday >= mondayOf(p.from) && monday <= p.to).toBe(true);
          byWeek.set(`${pupilId}|${monday}`, (byWeek.get(`${pupilId}|${monday}`) ?? 0) + n);
        }
        const want = db
          .prepare(
            `SELECT pupil_id AS p, date(date, '-6 days', 'weekday 1') AS w, count(*) AS n FROM marks
             WHERE date >= ? AND date <= ? AND code IN ('/', '\\') GROUP BY p, w`,
          )
          .all(p.from, p.to) as { p: number; w: string; n: number }[];
        expect(byWeek).toEqual(new Map(want.map((r) => [`${r.p}|${r.w}`, r.n])));
        const codes = new Map<string, [number, number]>();
        for (const [pupilId, monday, code, n, minutes] of codesByWeek(db, p.from, p.to)) {
          const key = `${pupilId}|${monday}|${code}`;
          const [n0, m0] = codes.get(key) ?? [0, 0];
          codes.set(key, [n0 + n, m0 + minutes]);
        }
        const wantCodes = db
          .prepare(
            `SELECT pupil_id AS p, date(date, '-6 days', 'weekday 1') AS w, code, count(*) AS n,
              coalesce(sum(minutes_late), 0) AS m FROM marks
             WHERE date >= ? AND date <= ? AND code NOT IN ('/', '\\') GROUP BY p, w, code`,
          )
          .all(p.from, p.to) as { p: number; w: string; code: string; n: number; m: number }[];
        expect(codes).toEqual(new Map(wantCodes.map((r) => [`${r.p}|${r.w}|${r.code}`, [r.n, r.m]])));

        // The figures built on the tallies: each pupil's as the pupil page gives it (every mark read), and the
        // dashboard's school totals (its own tally of the same reads) as report pupils' school block.
        const report = reportPupils(db, { from: p.from, to: p.to });
        const byUpn = new Map(pupils.map((x) => [x.upn, x.id]));
        for (const s of report.pupils.slice(0, 8)) {
          const page = ok(store, 'reports.pupilFigures', {
            pupilId: byUpn.get(s.upn)!,
            from: p.from,
            to: p.to,
          });
          expect(s).toEqual(page.figures);
        }
        const dash = ok(store, 'figures.dashboard', { from: p.from, to: p.to });
        for (const k of ['pupils', 'possible', 'attended', 'authorised', 'unauthorised'] as const) {
          expect(dash.ytd.all[k]).toBe(report.school.all[k]);
        }
        // Every dashboard figure that comes from the marks, against the same figures from every mark read on its
        // own date.
        const slow = dashboardFromMarks(db, p.from, p.to);
        expect(dash.ytd.all).toMatchObject(slow.all);
        expect(
          dash.weekly.map((w) => [w.weekStart, w.possible, w.attended, w.persistentCount, w.pupils]),
        ).toEqual(slow.weekly.map((w) => [w.weekStart, w.possible, w.attended, w.persistentCount, w.pupils]));
        expect(dash.reasons).toEqual(slow.reasons);
        expect(dash.lateness).toEqual(slow.lateness);
        expect(dash.cohorts).toEqual(slow.cohorts);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('rebuilding puts back tallies that were changed, removed or added by hand', () => {
    const [a, b] = pupils;
    db.prepare('UPDATE mark_tallies SET slashes = slashes + 3 WHERE pupil_id = ?').run(a.id);
    db.prepare('DELETE FROM mark_tallies WHERE pupil_id = ?').run(b.id);
    db.prepare("INSERT INTO mark_tallies (pupil_id, week, slashes) VALUES (?, '2030-01-07', 4)").run(a.id);
    db.prepare('UPDATE mark_code_tallies SET minutes_late = minutes_late + 1 WHERE pupil_id = ?').run(b.id);
    db.prepare('DELETE FROM mark_code_tallies WHERE pupil_id = ?').run(a.id);
    expect(tallyMismatches(db)).toBeGreaterThan(4);
    const seen: number[] = [];
    rebuildTallies(db, (done) => seen.push(done));
    expect(seen.at(-1)).toBe(pupils.length);
    expect(tallyMismatches(db)).toBe(0);
  });

  it('reads back any count and minutes of a code tally exactly, even ones only a hand-edited store could hold', () => {
    const odd = tempStore();
    const odb = odd.db;
    // Rows straight into the table in a throwaway store: the counts and minutes share one number in the read.
    odb.pragma('foreign_keys = OFF');
    const ins = odb.prepare(
      "INSERT INTO mark_code_tallies (pupil_id, week, code, sessions, minutes_late) VALUES (?, '2025-09-08', ?, ?, ?)",
    );
    ins.run(1, 'L', 14, 4200);
    ins.run(1, 'C1', 40, 0);
    ins.run(2, 'U', 3, -7);
    ins.run(2, 'J1', 1, 0);
    const rows = codesByWeek(odb, '2025-09-08', '2025-09-14');
    expect(rows).toEqual([
      [1, '2025-09-08', 'C1', 40, 0],
      [1, '2025-09-08', 'L', 14, 4200],
      [2, '2025-09-08', 'J1', 1, 0],
      [2, '2025-09-08', 'U', 3, -7],
    ]);
  });

  it('reads a school-sized year of weekly tallies (250,000 rows) without overflowing the call stack', () => {
    const big = tempStore();
    const bdb = big.db;
    // Rows straight into the table (no pupils behind them) in a throwaway store: only the read is under test.
    bdb.pragma('foreign_keys = OFF');
    const ins = bdb.prepare('INSERT INTO mark_tallies (pupil_id, week, slashes) VALUES (?, ?, 10)');
    const mondays = Array.from({ length: 50 }, (_, w) => addDays('2025-09-01', 7 * w));
    bdb.transaction(() => {
      for (let p = 1; p <= 5000; p++) {
        for (const week of mondays) {
          ins.run(p, week);
        }
      }
    })();
    const rows = slashesByWeek(bdb, mondays[0], addDays(mondays.at(-1)!, 6));
    expect(rows).toHaveLength(250000);
    expect(slashCounts(bdb, mondays[0], addDays(mondays.at(-1)!, 6)).get(5000)).toBe(500);
  });
});
