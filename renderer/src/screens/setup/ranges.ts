// The first run's terms and closures: a row of the editor, the usual English school year to start from, and what
// is wrong with a row.
export interface RangeRow {
  dateFrom: string;
  dateTo: string;
  kind: 'term' | 'closure';
  label: string;
}

/** The usual shape of an English school year, as a starting point the office edits. */
export function typicalTerms(year: number): RangeRow[] {
  const y = year,
    n = year + 1;
  return [
    { dateFrom: `${y}-09-03`, dateTo: `${y}-10-23`, kind: 'term', label: 'Autumn 1' },
    { dateFrom: `${y}-11-02`, dateTo: `${y}-12-18`, kind: 'term', label: 'Autumn 2' },
    { dateFrom: `${n}-01-05`, dateTo: `${n}-02-12`, kind: 'term', label: 'Spring 1' },
    { dateFrom: `${n}-02-22`, dateTo: `${n}-03-26`, kind: 'term', label: 'Spring 2' },
    { dateFrom: `${n}-04-12`, dateTo: `${n}-05-21`, kind: 'term', label: 'Summer 1' },
    { dateFrom: `${n}-06-01`, dateTo: `${n}-07-21`, kind: 'term', label: 'Summer 2' },
  ];
}

/** What is wrong with a term or closure row, in the screen's words (dates are typed dd/mm/yyyy), or null. */
export function rangeProblem(r: RangeRow): string | null {
  if (!r.dateFrom) {
    return 'the first day is missing or not a date (dd/mm/yyyy)';
  }
  if (!r.dateTo) {
    return 'the last day is missing or not a date (dd/mm/yyyy)';
  }
  if (r.dateFrom > r.dateTo) {
    return 'the range ends before it starts';
  }
  return null;
}
