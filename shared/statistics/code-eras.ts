// The category of a code on a date (docs/rules/statistics.md §2), the days the code table changes, and the codes
// whose marks the figures need one by one (§6–7); every other mark may be tallied by code.
import { CODE_ROWS, type CodeCategory } from '../codes';
import { addDays, type IsoDate } from '../dates';

interface CodeEra {
  from: IsoDate | null;
  to: IsoDate | null;
  category: CodeCategory;
}
const CODE_ERAS = new Map<string, CodeEra[]>();
for (const r of CODE_ROWS) {
  const list = CODE_ERAS.get(r.code) ?? [];
  list.push({ from: r.validFrom, to: r.validTo, category: r.category });
  CODE_ERAS.set(r.code, list);
}

/** The category of `code` on `date` (the code row valid that day, §2), or null when the code was not valid then
 * (such a mark counts for nothing: it is neither possible nor absent). */
export function markCategory(code: string, date: IsoDate): CodeCategory | null {
  const eras = CODE_ERAS.get(code);
  if (!eras) {
    return null;
  }
  for (const e of eras) {
    if ((e.from === null || e.from <= date) && (e.to === null || date <= e.to)) {
      return e.category;
    }
  }
  return null;
}

/**
 * The codes whose marks need their dates: those unauthorised in some era of the code table (penalty windows of
 * §6, unauthorised runs and overdue Ns of §7). A mark of any other code adds only to the counts of §3 (possible,
 * present, attended, authorised, lates, illness), so a large read may tally those by code instead of loading each
 * mark (computePupilStats' `counted`). The partial indexes of migration 0034 name the same list.
 */
export const DATED_CODES: readonly string[] = [...CODE_ERAS]
  .filter(([, eras]) => eras.some((e) => e.category === 'unauthorised'))
  .map(([code]) => code)
  .sort();

/** The days on which some code changes category (an era of the code table starts), in order. */
export const CODE_ERA_STARTS: readonly IsoDate[] = [
  ...new Set(
    [...CODE_ERAS.values()].flatMap((eras) =>
      eras.flatMap((e) => [e.from, e.to === null ? null : addDays(e.to, 1)]),
    ),
  ),
]
  .filter((d): d is IsoDate => d !== null)
  .sort();

/** [from, to] cut at the era starts: within each part every code has one category (addToTally on its first day
 * holds for every day of it). */
export function splitAtEras(from: IsoDate, to: IsoDate): [IsoDate, IsoDate][] {
  const parts: [IsoDate, IsoDate][] = [];
  let start = from;
  for (const d of CODE_ERA_STARTS) {
    if (d > start && d <= to) {
      parts.push([start, addDays(d, -1)]);
      start = d;
    }
  }
  parts.push([start, to]);
  return parts;
}
