// The weekly tallies of present slashes (docs/performance.md, "Figures from tallies"). `mark_tallies` holds, for
// each pupil and school week (its Monday), how many of the pupil's marks that week are `/` or `\`. Triggers on
// `marks` keep it (migration 0033), so the app's code only reads it, and rebuilds it on request.
//
// A period rarely starts on a Monday and ends on a Sunday: the weeks wholly inside it are read from the tallies,
// the days of the weeks at its edges from the marks (at most six days at each end).
import type { Db } from '../db/connection';
import { addDays, mondayOf, type IsoDate } from '../../../shared/dates';

/** Present slashes per pupil in [from, to] of each of the given pupils' marks, indexed by the (pupil, date) index
 * (parameters: from, to). */
export const EDGE_SLASHES_SQL = `SELECT m.pupil_id, count(*) FROM pupils p CROSS JOIN marks m
    ON m.pupil_id = p.id AND m.date >= ? AND m.date <= ? WHERE m.code IN ('/', '\\') GROUP BY p.id`;
/** The tallies of the weeks whose Mondays are in [first, last] (parameters: first, last). */
export const WEEK_TALLIES_SQL =
  'SELECT pupil_id, week, slashes FROM mark_tallies WHERE week >= ? AND week <= ?';
/** The same, summed per pupil (parameters: first, last). */
export const PUPIL_TALLIES_SQL =
  'SELECT pupil_id, sum(slashes) FROM mark_tallies WHERE week >= ? AND week <= ? GROUP BY pupil_id';

/** How a period splits: the Mondays of the first and last whole weeks in it (null when it holds none), and the
 * ranges of days before and after them, each inside one week. */
export interface WeekSplit {
  firstWeek: IsoDate | null;
  lastWeek: IsoDate | null;
  edges: [IsoDate, IsoDate][];
}

export function splitWeeks(from: IsoDate, to: IsoDate): WeekSplit {
  const startMonday = mondayOf(from);
  const firstWeek = startMonday === from ? from : addDays(startMonday, 7);
  const endMonday = mondayOf(to);
  const lastWeek = addDays(endMonday, 6) === to ? endMonday : addDays(endMonday, -7);
  if (firstWeek > lastWeek) {
    // No whole week: the period lies within one week or straddles one Monday; each edge stays inside its week.
    const edges: [IsoDate, IsoDate][] =
      startMonday === endMonday
        ? [[from, to]]
        : [
            [from, addDays(endMonday, -1)],
            [endMonday, to],
          ];
    return { firstWeek: null, lastWeek: null, edges };
  }
  const edges: [IsoDate, IsoDate][] = [];
  if (from < firstWeek) {
    edges.push([from, addDays(firstWeek, -1)]);
  }
  const afterLast = addDays(lastWeek, 7);
  if (afterLast <= to) {
    edges.push([afterLast, to]);
  }
  return { firstWeek, lastWeek, edges };
}

function addTo(counts: Map<number, number>, pupilId: number, n: number): void {
  counts.set(pupilId, (counts.get(pupilId) ?? 0) + n);
}

/** Present slashes per pupil (by id) in [from, to]; pupils with none are absent from the map. */
export function slashCounts(db: Db, from: IsoDate, to: IsoDate): Map<number, number> {
  const counts = new Map<number, number>();
  const split = splitWeeks(from, to);
  if (split.firstWeek && split.lastWeek) {
    const rows = db.prepare(PUPIL_TALLIES_SQL).raw().all(split.firstWeek, split.lastWeek) as [
      number,
      number,
    ][];
    for (const [pupilId, n] of rows) {
      addTo(counts, pupilId, n);
    }
  }
  const edge = db.prepare(EDGE_SLASHES_SQL).raw();
  for (const [a, b] of split.edges) {
    for (const [pupilId, n] of edge.all(a, b) as [number, number][]) {
      addTo(counts, pupilId, n);
    }
  }
  return counts;
}

/** Present slashes per pupil and school week (its Monday) in [from, to]: the weeks at the edges count only their
 * days inside the period. Rows are [pupil id, Monday, count]. */
export function slashesByWeek(db: Db, from: IsoDate, to: IsoDate): [number, IsoDate, number][] {
  const split = splitWeeks(from, to);
  // Not `push(...rows)`: a spread of 200,000 rows (5,000 pupils × 39 weeks) overflows the call stack.
  const rows: [number, IsoDate, number][] =
    split.firstWeek && split.lastWeek
      ? (db.prepare(WEEK_TALLIES_SQL).raw().all(split.firstWeek, split.lastWeek) as [
          number,
          IsoDate,
          number,
        ][])
      : [];
  const edge = db.prepare(EDGE_SLASHES_SQL).raw();
  for (const [a, b] of split.edges) {
    const monday = mondayOf(a);
    for (const [pupilId, n] of edge.all(a, b) as [number, number][]) {
      rows.push([pupilId, monday, n]);
    }
  }
  return rows;
}

/** The tallies as the marks give them, for `verify` and `rebuild-tallies`. */
const RECOUNT_SQL = `SELECT pupil_id, date(date, '-6 days', 'weekday 1') AS week, count(*) AS slashes FROM marks
    WHERE code IN ('/', '\\') GROUP BY pupil_id, week`;

/** How many (pupil, week) tallies differ from a recount of the marks (missing, extra or wrong). */
export function tallyMismatches(db: Db): number {
  const row = db
    .prepare(
      `WITH want AS (${RECOUNT_SQL})
      SELECT (SELECT count(*) FROM want w LEFT JOIN mark_tallies t ON t.pupil_id = w.pupil_id AND t.week = w.week
              WHERE t.slashes IS NOT w.slashes)
           + (SELECT count(*) FROM mark_tallies t WHERE NOT EXISTS
              (SELECT 1 FROM want w WHERE w.pupil_id = t.pupil_id AND w.week = t.week)) AS n`,
    )
    .get() as { n: number };
  return row.n;
}

/** Recomputes every tally from the marks, one pupil at a time, in one transaction; `progress(done, total)` is
 * called before the first pupil and after each. Returns the number of tallies written. */
export function rebuildTallies(db: Db, progress: (done: number, total: number) => void = () => {}): number {
  const pupilIds = (db.prepare('SELECT id FROM pupils ORDER BY id').raw().all() as [number][]).map(
    (r) => r[0],
  );
  const clear = db.prepare('DELETE FROM mark_tallies WHERE pupil_id = ?');
  const fill = db.prepare(
    `INSERT INTO mark_tallies (pupil_id, week, slashes)
    SELECT pupil_id, date(date, '-6 days', 'weekday 1'), count(*) FROM marks
    WHERE pupil_id = ? AND code IN ('/', '\\') GROUP BY pupil_id, date(date, '-6 days', 'weekday 1')`,
  );
  let written = 0;
  progress(0, pupilIds.length);
  db.transaction(() => {
    db.prepare('DELETE FROM mark_tallies WHERE pupil_id NOT IN (SELECT id FROM pupils)').run();
    pupilIds.forEach((id, k) => {
      clear.run(id);
      written += fill.run(id).changes;
      progress(k + 1, pupilIds.length);
    });
  })();
  return written;
}
