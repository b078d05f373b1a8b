// Reading CSV one record at a time (main/core/import/csv.ts): the records, line numbers and header are the same
// as reading the whole file, for plain and quoted files, with blank lines and Windows line endings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  csvLine,
  eachCsvRecord,
  readCsv,
  unneutralise,
  type CsvRecord,
} from '../../main/core/import/csv';

function streamed(text: string) {
  const records: CsvRecord[] = [];
  let headers: string[] = [];
  const head = eachCsvRecord(text, (h) => {
    headers = h.headers;
    return (rec) => {
      records.push(rec);
    };
  });
  return { headers, count: head.count, records };
}

/** What reading gave: the file, or the message it was refused with (a file of blank lines has no header). */
function outcome<T>(read: () => T): T | string {
  try {
    return read();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

const cell = fc.oneof(
  fc.constantFrom('', 'a', '/', 'L', '2025-09-03', ' x '),
  fc.string({ maxLength: 6 }).filter((s) => !/[",\r\n]/.test(s)),
);
const row = fc.array(cell, { minLength: 1, maxLength: 4 });
const quote = (c: string) => (/[,"]/.test(c) || c.startsWith(' ') ? `"${c.replace(/"/g, '""')}"` : c);

describe('eachCsvRecord', () => {
  it('gives the records and physical line numbers of a plain file, skipping blank lines, without a BOM or \\r', () => {
    const r = streamed('\uFEFFupn,date\r\n\r\nA1,2025-09-03\r\n  \nB2,2025-09-04\n');
    expect(r.headers).toEqual(['upn', 'date']);
    expect(r.count).toBe(2);
    expect(r.records).toEqual([
      { line: 3, cells: ['A1', '2025-09-03'] },
      { line: 5, cells: ['B2', '2025-09-04'] },
    ]);
  });

  it('gives the line where each quoted record starts, a field with a newline counting as two lines', () => {
    const r = streamed('upn,note\nA1,"two\nlines"\nB2,"a, b"\n');
    expect(r.records).toEqual([
      { line: 2, cells: ['A1', 'two\nlines'] },
      { line: 4, cells: ['B2', 'a, b'] },
    ]);
  });

  it('refuses an empty file, and a broken quote by its line after reading every record', () => {
    expect(() => streamed('\n\n')).toThrow('The file is empty: it needs a header row.');
    let seen = 0;
    expect(() =>
      eachCsvRecord('a,b\n1,"x\n', () => () => {
        seen++;
      }),
    ).toThrow('The file is not valid CSV.');
    expect(seen).toBe(1);
  });

  it('reads any file exactly as reading it whole does (plain and quoted, \\n and \\r\\n)', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        (rows, q, crlf) => {
          const text = rows.map((r) => (q ? r.map(quote) : r).join(',')).join(crlf ? '\r\n' : '\n');
          const whole = outcome(() => {
            const t = readCsv(text);
            return { headers: t.headers, count: t.records.length, records: t.records };
          });
          expect(outcome(() => streamed(text))).toEqual(whole);
        },
      ),
    );
  });
});

describe('csvCell', () => {
  it('any text survives export and re-import: quoted when it must be, a formula-like cell neutralised and restored', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 5 }), (cells) => {
        const text = 'a\r\n' + csvLine(cells.map((c) => (c.trim() === '' ? `x${c}` : c)));
        const read = readCsv(text).records[0]?.cells.map(unneutralise);
        expect(read).toEqual(cells.map((c) => (c.trim() === '' ? `x${c}` : c)));
      }),
    );
  });

  it('puts a quote before a cell a spreadsheet would run, and quotes cells with quotes, commas or line breaks', () => {
    expect(['=1+1', '+44', '-2', '@x', '\tx', 'plain', '', null].map(csvCell)).toEqual([
      "'=1+1",
      "'+44",
      "'-2",
      "'@x",
      "'\tx",
      'plain',
      '',
      '',
    ]);
    expect(csvCell('say "hi", then\ngo')).toBe('"say ""hi"", then\ngo"');
    expect(csvCell(5)).toBe('5');
    expect(unneutralise("'=1+1")).toBe('=1+1');
    expect(unneutralise("'plain")).toBe("'plain");
  });

  it("keeps text that already begins with ' before a formula character: one more ' out, one fewer back in", () => {
    expect(csvCell("'=x")).toBe("''=x");
    expect(unneutralise("''=x")).toBe("'=x");
    expect(unneutralise(csvCell("''+1"))).toBe("''+1");
  });
});
