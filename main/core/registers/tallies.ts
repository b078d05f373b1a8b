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
/** The tallies of the weeks whose Mondays are in [first, last], one row per pupil: its weeks as `MONDAYcount`
 * items joined by commas, in the table's key order (parameters: first, last). One row a pupil rather than one a
 * week is about twice as quick to read (docs/performance.md, "One row per pupil"). */
export const WEEK_TALLIES_SQL = `SELECT pupil_id, group_concat(week || slashes, ',') FROM mark_tallies
    WHERE week >= ? AND week <= ? GROUP BY pupil_id`;
/** The same, summed per pupil, with the sum of the weeks up to a Monday beside it (parameters: that Monday, first,
 * last). */
export const PUPIL_TALLIES_SQL = `SELECT pupil_id, sum(slashes), coalesce(sum(slashes) FILTER (WHERE week <= ?), 0)
    FROM mark_tallies WHERE week >= ? AND week <= ? GROUP BY pupil_id`;

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
  return slashCountsTo(db, from, to, to).toEnd;
}

/** Present slashes per pupil (by id) in [from, to] and in [from, since] (from <= since <= to), from one read of
 * the tallies; pupils with none in a period are absent from its map. */
export function slashCountsTo(
  db: Db,
  from: IsoDate,
  to: IsoDate,
  since: IsoDate,
): { toEnd: Map<number, number>; toSince: Map<number, number> } {
  const toEnd = new Map<number, number>();
  const toSince = new Map<number, number>();
  const split = splitWeeks(from, to);
  const splitSince = splitWeeks(from, since);
  if (split.firstWeek && split.lastWeek) {
    // Both periods start on `from`, so their whole weeks start together; '' is before every Monday.
    const sinceLast = splitSince.lastWeek ?? '';
    const rows = db.prepare<[string, IsoDate, IsoDate], [number, number, number]>(PUPIL_TALLIES_SQL).raw();
    for (const [pupilId, n, nToSince] of rows.iterate(sinceLast, split.firstWeek, split.lastWeek)) {
      addTo(toEnd, pupilId, n);
      if (nToSince > 0) {
        addTo(toSince, pupilId, nToSince);
      }
    }
  }
  const edge = db.prepare<[IsoDate, IsoDate], [number, number]>(EDGE_SLASHES_SQL).raw();
  if (since === to) {
    // One period: its edges are read once and both maps are the same counts.
    for (const [a, b] of split.edges) {
      for (const [pupilId, n] of edge.iterate(a, b)) {
        addTo(toEnd, pupilId, n);
      }
    }
    return { toEnd, toSince: new Map(toEnd) };
  }
  for (const [counts, edges] of [
    [toEnd, split.edges],
    [toSince, splitSince.edges],
  ] as const) {
    for (const [a, b] of edges) {
      for (const [pupilId, n] of edge.iterate(a, b)) {
        addTo(counts, pupilId, n);
      }
    }
  }
  return { toEnd, toSince };
}

/** Calls `f` with each item of one row of a one-row-per-pupil list (`MONDAY…` items joined by commas): the
 * item's Monday, and where the rest of the item starts and ends in `list`. Consecutive items of one week share
 * one string for their Monday, so a visitor can compare Mondays cheaply and nothing is copied but the Monday. */
function eachItem(list: string, f: (monday: IsoDate, rest: number, restEnd: number) => void): void {
  let monday = '';
  for (let start = 0; start < list.length;) {
    let end = list.indexOf(',', start);
    if (end < 0) {
      end = list.length;
    }
    if (monday === '' || !list.startsWith(monday, start)) {
      monday = list.slice(start, start + 10);
    }
    f(monday, start + 10, end);
    start = end + 1;
  }
}

/** The integer SQL wrote in decimal in `list` from `start` up to `end` (read without copying it out). */
function digits(list: string, start: number, end: number): number {
  const negative = list.charCodeAt(start) === 45; // "-"
  let n = 0;
  for (let i = negative ? start + 1 : start; i < end; i++) {
    n = n * 10 + list.charCodeAt(i) - 48;
  }
  return negative ? -n : n;
}

/** Where the integer (digits, after a "-" if negative) that starts at `start` in `list` ends (at most at `end`). */
function endOfDigits(list: string, start: number, end: number): number {
  let i = list.charCodeAt(start) === 45 ? start + 1 : start;
  while (i < end && list.charCodeAt(i) >= 48 && list.charCodeAt(i) <= 57) {
    i++;
  }
  return i;
}

/** Called with each pupil's count of one code (or of the present slashes, code `/`) in one school week. */
export type WeekVisitor = (
  pupilId: number,
  monday: IsoDate,
  code: string,
  n: number,
  minutes: number,
) => void;

/** Visits the present slashes per pupil and school week (its Monday) in [from, to]: the weeks at the edges count
 * only their days inside the period. A week with no slash is not visited. */
export function eachWeekSlashes(db: Db, from: IsoDate, to: IsoDate, visit: WeekVisitor): void {
  const split = splitWeeks(from, to);
  if (split.firstWeek && split.lastWeek) {
    const whole = db.prepare<[IsoDate, IsoDate], [number, string]>(WEEK_TALLIES_SQL).raw();
    for (const [pupilId, list] of whole.iterate(split.firstWeek, split.lastWeek)) {
      eachItem(list, (monday, rest, restEnd) => {
        visit(pupilId, monday, '/', digits(list, rest, restEnd), 0);
      });
    }
  }
  const edge = db.prepare<[IsoDate, IsoDate], [number, number]>(EDGE_SLASHES_SQL).raw();
  for (const [a, b] of split.edges) {
    const monday = mondayOf(a);
    for (const [pupilId, n] of edge.iterate(a, b)) {
      visit(pupilId, monday, '/', n, 0);
    }
  }
}

/** Present slashes per pupil and school week (its Monday) in [from, to], as rows [pupil id, Monday, count]. */
export function slashesByWeek(db: Db, from: IsoDate, to: IsoDate): [number, IsoDate, number][] {
  const rows: [number, IsoDate, number][] = [];
  eachWeekSlashes(db, from, to, (pupilId, monday, _code, n) => rows.push([pupilId, monday, n]));
  return rows;
}

/** A week's count of one code and its minutes late share one number, `minutes × SESSIONS_SPAN + sessions`. A pupil
 * has at most 14 sessions a week; the span leaves room for far more, so a store the app did not write cannot make
 * one count spill into the other, and the number stays an exact integer (under 2^53) for any minutes a week holds. */
const SESSIONS_SPAN = 2 ** 20;
/** The other codes' tallies of the weeks whose Mondays are in [first, last], one row per pupil: its counts as
 * `MONDAY<packed><code>` items joined by commas, where <packed> is the sessions and minutes late in one number
 * (SESSIONS_SPAN) and the code follows it (no code starts with a digit). Each `||` costs SQLite about as much as
 * the scan, so the item has as few as it can (parameters: first, last). */
export const WEEK_CODE_TALLIES_SQL = `SELECT pupil_id,
      group_concat(week || (minutes_late * ${SESSIONS_SPAN} + sessions) || code, ',')
    FROM mark_code_tallies WHERE week >= ? AND week <= ? GROUP BY pupil_id`;
/** The other codes' marks per pupil and code in [from, to], by the (pupil, date) index (parameters: from, to). */
export const EDGE_CODES_SQL = `SELECT m.pupil_id, m.code, count(*), coalesce(sum(m.minutes_late), 0)
    FROM pupils p CROSS JOIN marks m ON m.pupil_id = p.id AND m.date >= ? AND m.date <= ?
    WHERE m.code NOT IN ('/', '\\') GROUP BY p.id, m.code`;

/** Visits the marks of every code but the present slashes per pupil, school week (its Monday) and code in
 * [from, to]: the weeks at the edges count only their days inside the period. */
export function eachWeekCode(db: Db, from: IsoDate, to: IsoDate, visit: WeekVisitor): void {
  const split = splitWeeks(from, to);
  if (split.firstWeek && split.lastWeek) {
    const whole = db.prepare<[IsoDate, IsoDate], [number, string]>(WEEK_CODE_TALLIES_SQL).raw();
    for (const [pupilId, list] of whole.iterate(split.firstWeek, split.lastWeek)) {
      eachItem(list, (monday, rest, restEnd) => {
        const codeStart = endOfDigits(list, rest, restEnd);
        const packed = digits(list, rest, codeStart);
        const minutes = Math.floor(packed / SESSIONS_SPAN);
        const n = packed - minutes * SESSIONS_SPAN;
        visit(pupilId, monday, list.slice(codeStart, restEnd), n, minutes);
      });
    }
  }
  const edge = db.prepare<[IsoDate, IsoDate], [number, string, number, number]>(EDGE_CODES_SQL).raw();
  for (const [a, b] of split.edges) {
    const monday = mondayOf(a);
    for (const [pupilId, code, n, minutes] of edge.iterate(a, b)) {
      visit(pupilId, monday, code, n, minutes);
    }
  }
}

/** A count of one code's marks for one pupil in one school week: [pupil id, Monday, code, marks, minutes late]. */
export type WeekCodeCount = [number, IsoDate, string, number, number];

/** The same as eachWeekCode, as rows. */
export function codesByWeek(db: Db, from: IsoDate, to: IsoDate): WeekCodeCount[] {
  const rows: WeekCodeCount[] = [];
  eachWeekCode(db, from, to, (...row) => rows.push(row));
  return rows;
}

/** The two kinds of weekly tally, each as the marks give it (for `verify` and `rebuild-tallies`): the table, its
 * key, the counted columns, how `verify` names it, and the recount of one pupil's marks or of all. */
interface TallyKind {
  table: string;
  key: string[];
  values: string[];
  name: string;
  recount: string;
}
const WEEK_OF = "date(date, '-6 days', 'weekday 1')";
const TALLY_KINDS: TallyKind[] = [
  {
    table: 'mark_tallies',
    key: ['pupil_id', 'week'],
    values: ['slashes'],
    name: 'weekly tallies of present marks',
    recount: `SELECT pupil_id, ${WEEK_OF} AS week, count(*) AS slashes FROM marks
      WHERE code IN ('/', '\\') AND pupil_id IN (PUPILS) GROUP BY pupil_id, week`,
  },
  {
    table: 'mark_code_tallies',
    key: ['pupil_id', 'week', 'code'],
    values: ['sessions', 'minutes_late'],
    name: 'weekly tallies of other marks',
    recount: `SELECT pupil_id, ${WEEK_OF} AS week, code, count(*) AS sessions,
      coalesce(sum(minutes_late), 0) AS minutes_late FROM marks
      WHERE code NOT IN ('/', '\\') AND pupil_id IN (PUPILS) GROUP BY pupil_id, week, code`,
  },
];

const ALL_PUPILS = 'SELECT id FROM pupils';

/** How many tallies of one kind differ from a recount of the marks (missing, extra or wrong). */
function mismatchesOf(db: Db, kind: TallyKind): number {
  const want = kind.recount.replace('PUPILS', ALL_PUPILS);
  const onKey = kind.key.map((c) => `t.${c} = w.${c}`).join(' AND ');
  const differs = kind.values.map((c) => `t.${c} IS NOT w.${c}`).join(' OR ');
  const row = db
    .prepare(
      `WITH want AS (${want})
      SELECT (SELECT count(*) FROM want w LEFT JOIN ${kind.table} t ON ${onKey} WHERE ${differs})
           + (SELECT count(*) FROM ${kind.table} t WHERE NOT EXISTS (SELECT 1 FROM want w WHERE ${onKey}))`,
    )
    .pluck()
    .get();
  return Number(row);
}

/** The tables of the tallies, present in every migrated store (`verify` may open an older file). */
function tallyKindsIn(db: Db): TallyKind[] {
  const tables = new Set(
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all().map(String),
  );
  return TALLY_KINDS.filter((k) => tables.has(k.table));
}

/** How many tallies of both kinds differ from a recount of the marks (missing, extra or wrong). */
export function tallyMismatches(db: Db): number {
  return tallyKindsIn(db).reduce((n, kind) => n + mismatchesOf(db, kind), 0);
}

/** One sentence for each kind of tally that disagrees with the marks, for `verify`. */
export function tallyProblems(db: Db): string[] {
  const problems: string[] = [];
  for (const kind of tallyKindsIn(db)) {
    const n = mismatchesOf(db, kind);
    if (n > 0) {
      problems.push(`${n} ${kind.name} disagree with the marks: run rebuild-tallies`);
    }
  }
  return problems;
}

/** Recomputes every tally from the marks, one pupil at a time, in one transaction; `progress(done, total)` is
 * called before the first pupil and after each. Returns the number of tallies written. */
export function rebuildTallies(db: Db, progress: (done: number, total: number) => void = () => {}): number {
  const pupilIds = db.prepare('SELECT id FROM pupils ORDER BY id').pluck().all().map(Number);
  const kinds = TALLY_KINDS.map((kind) => ({
    clear: db.prepare(`DELETE FROM ${kind.table} WHERE pupil_id = ?`),
    fill: db.prepare(
      `INSERT INTO ${kind.table} (${[...kind.key, ...kind.values].join(', ')}) ${kind.recount.replace('PUPILS', '?')}`,
    ),
    orphans: db.prepare(`DELETE FROM ${kind.table} WHERE pupil_id NOT IN (${ALL_PUPILS})`),
  }));
  let written = 0;
  progress(0, pupilIds.length);
  db.transaction(() => {
    for (const kind of kinds) {
      kind.orphans.run();
    }
    pupilIds.forEach((id, k) => {
      for (const kind of kinds) {
        kind.clear.run(id);
        written += kind.fill.run(id).changes;
      }
      progress(k + 1, pupilIds.length);
    });
  })();
  return written;
}
