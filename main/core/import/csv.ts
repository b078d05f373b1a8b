// Reading CSV input (docs/cli.md conventions): UTF-8 with or without BOM, RFC 4180 quoting via papaparse,
// header names matched ignoring case, spaces, '_' and '-', physical line numbers of each record's first line.
// And writing CSV that a spreadsheet cannot execute (formula cells prefixed with ').
import Papa from 'papaparse';
import type { Issue } from '../../../shared/contract';
import { AppError } from '../errors';

export interface CsvRecord {
  line: number;
  cells: string[];
}
/** The header row: the names as written (trimmed) and the keys they are matched by. */
export interface CsvHead {
  headers: string[];
  keys: string[];
}
export interface CsvTable extends CsvHead {
  records: CsvRecord[];
}

export function headerKey(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** Reads the whole file into memory: for the small files (pupils, calendar, DfE figures). */
export function readCsv(text: string): CsvTable {
  const records: CsvRecord[] = [];
  const head = eachCsvRecord(text, () => (rec) => {
    records.push(rec);
  });
  return { headers: head.headers, keys: head.keys, records };
}

/** Reads the file one record at a time, holding none of them, for a year of marks (docs/performance.md).
 * `onHeader` is given the header row and returns what to do with each record after it. Blank lines are skipped.
 * A file that is not valid CSV throws once every record has been read, listing each problem by line: a caller
 * that wrote as it read runs inside a transaction, which the throw rolls back. */
export function eachCsvRecord(
  text: string,
  onHeader: (head: CsvHead) => (rec: CsvRecord) => void,
): CsvHead & { count: number } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const read: { head: CsvHead | null; onRecord: ((rec: CsvRecord) => void) | null; count: number } = {
    head: null,
    onRecord: null,
    count: 0,
  };
  const take = (rec: CsvRecord) => {
    if (read.onRecord) {
      read.count++;
      read.onRecord(rec);
      return;
    }
    const headers = rec.cells.map((h) => h.trim());
    read.head = { headers, keys: headers.map(headerKey) };
    read.onRecord = onHeader(read.head);
  };
  if (src.includes('"')) {
    eachQuoted(src, take);
  } else {
    eachPlain(src, take);
  }
  if (!read.head) {
    throw new AppError('invalid', 'The file is empty: it needs a header row.');
  }
  return { ...read.head, count: read.count };
}

/** Fast path: with no quote characters every physical line is one record (MIS exports of marks usually are). */
function eachPlain(src: string, take: (rec: CsvRecord) => void): void {
  let line = 1;
  for (let start = 0; start <= src.length; line++) {
    let end = src.indexOf('\n', start);
    if (end < 0) {
      end = src.length;
    }
    const stop = end > start && src.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const l = src.slice(start, stop);
    start = end + 1;
    if (l.trim() !== '') {
      take({ line, cells: l.split(',') });
    }
  }
}

/** RFC 4180 quoting through papaparse, tracking the physical line where each record starts. */
function eachQuoted(src: string, take: (rec: CsvRecord) => void): void {
  const issues: Issue[] = [];
  let prevCursor = 0;
  let line = 1;
  let scanned = 0;
  const lineAt = (offset: number) => {
    for (; scanned < offset; scanned++) {
      if (src.charCodeAt(scanned) === 10) {
        line++;
      }
    }
    return line;
  };
  Papa.parse<string[]>(src, {
    header: false,
    delimiter: ',',
    skipEmptyLines: false,
    step: (res) => {
      // A record starts after any newline that ended the previous one.
      let start = prevCursor;
      while (start < src.length && (src[start] === '\n' || src[start] === '\r') && start < res.meta.cursor) {
        start++;
      }
      const l = lineAt(start);
      prevCursor = res.meta.cursor;
      for (const e of res.errors) {
        issues.push({ line: l, message: csvErrorMessage(e) });
      }
      const cells = res.data;
      if (cells.length === 1 && cells[0].trim() === '') {
        return;
      } // blank line
      take({ line: l, cells });
    },
  });
  if (issues.length) {
    throw new AppError('invalid', 'The file is not valid CSV.', issues);
  }
}

function csvErrorMessage(e: Papa.ParseError): string {
  if (e.code === 'MissingQuotes') {
    return 'a quoted field is not closed';
  }
  if (e.code === 'InvalidQuotes') {
    return 'a field has a stray quote (RFC 4180: quotes inside a field are doubled)';
  }
  return e.message;
}

/** Picks the named columns (by normalised header) from a table; unknown columns are ignored. */
export function columnIndex(
  table: CsvHead,
  mapping?: Record<string, string>,
  ignore: readonly string[] = [],
): (field: string) => number {
  const byKey = new Map<string, number>();
  table.keys.forEach((k, i) => {
    if (!byKey.has(k)) {
      byKey.set(k, i);
    }
  });
  const mapped = new Map<string, number>();
  for (const [fileHeader, field] of Object.entries(mapping ?? {})) {
    const i = byKey.get(headerKey(fileHeader));
    if (i !== undefined && field) {
      mapped.set(headerKey(field), i);
    }
  }
  const ignored = new Set(ignore.map(headerKey));
  return (field) =>
    mapped.get(headerKey(field)) ??
    (ignored.has(headerKey(field)) ? undefined : byKey.get(headerKey(field))) ??
    -1;
}

/** Removes the ' that export put before a formula-like cell, so an export re-imports unchanged. */
export function unneutralise(v: string): string {
  return v.charCodeAt(0) === 39 && needsApostrophe(v) ? v.slice(1) : v;
}

/** Whether a cell needs the leading ' on export: it starts like a formula after any apostrophes. Text that already
 * begins with ' before a formula character gets one more, so unneutralise, which takes one off, gives it back. */
function needsApostrophe(s: string): boolean {
  let at = 0;
  while (s.charCodeAt(at) === 39) {
    at++;
  }
  return startsLikeFormula(s, at);
}

/** A cell that a spreadsheet would run as a formula starts with one of these: = + - @ tab CR (at `at`). */
function startsLikeFormula(s: string, at = 0): boolean {
  const c = s.charCodeAt(at);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/** Whether a cell must be quoted (RFC 4180): it holds a quote, a comma or a line break. */
function needsQuotes(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 44 || c === 13 || c === 10) {
      return true;
    }
  }
  return false;
}

/** One CSV cell: a formula-like value gets a leading ', then the cell is quoted if it must be. The checks are
 * character tests, not regular expressions: an export writes millions of cells (docs/performance.md). */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) {
    return '';
  }
  let s = typeof v === 'string' ? v : String(v);
  if (s.length === 0) {
    return s;
  }
  if (needsApostrophe(s)) {
    s = `'${s}`;
  }
  return needsQuotes(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  let line = csvCell(cells[0]);
  for (let i = 1; i < cells.length; i++) {
    line += ',' + csvCell(cells[i]);
  }
  return line + '\r\n';
}

const YES = new Set(['y', 'yes', 'true', '1']);
const NO = new Set(['n', 'no', 'false', '0', '']);

/** Yes/no cells: Y/N, Yes/No, true/false, 1/0; empty means no. */
export function parseYesNo(v: string): boolean | null {
  const s = v.trim().toLowerCase();
  if (YES.has(s)) {
    return true;
  }
  if (NO.has(s)) {
    return false;
  }
  return null;
}
