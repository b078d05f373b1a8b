// The school term a date falls in, from the calendar's term ranges (docs/rules/letters.md: the termly update).
// Schools enter half terms ("Autumn 1", "Autumn 2"); a term is the half terms of one season of one school year:
// autumn, spring or summer, read from the label's first word, or from the month when the label says nothing.
import { academicYearOf, type IsoDate } from './dates';

export interface TermRange {
  kind: string;
  dateFrom: IsoDate;
  dateTo: IsoDate;
  label?: string | null;
}
export interface SchoolTerm {
  /** "Autumn term 2025/26". */
  name: string;
  from: IsoDate;
  to: IsoDate;
}

const SEASONS = ['autumn', 'spring', 'summer'] as const;

function season(r: TermRange): (typeof SEASONS)[number] {
  const word = (r.label ?? '').trim().split(/\s+/)[0]?.toLowerCase();
  const named = SEASONS.find((s) => s === word);
  if (named) {
    return named;
  }
  const month = Number(r.dateFrom.slice(5, 7));
  return month >= 8 ? 'autumn' : month <= 3 ? 'spring' : 'summer';
}

/** The term of the last term range starting on or before `d` (null before any term). */
export function termAround(ranges: readonly TermRange[], d: IsoDate): SchoolTerm | null {
  const terms = ranges.filter((r) => r.kind === 'term').sort((a, b) => (a.dateFrom < b.dateFrom ? -1 : 1));
  const last = terms.filter((r) => r.dateFrom <= d).pop();
  if (!last) {
    return null;
  }
  const year = academicYearOf(last.dateFrom);
  const s = season(last);
  const same = terms.filter((r) => academicYearOf(r.dateFrom) === year && season(r) === s);
  const name = `${s[0].toUpperCase()}${s.slice(1)} term ${year}/${String(year + 1).slice(2)}`;
  return { name, from: same[0].dateFrom, to: same[same.length - 1].dateTo };
}
