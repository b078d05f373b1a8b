import { describe, expect, it } from 'vitest';
import { CODE_ROWS, codeOn, normaliseCode } from '../../shared/codes';

describe('the national code table', () => {
  it('pins the category of every 2024 code (statistics.md §2)', () => {
    const expected: Record<string, string[]> = {
      present: ['/', '\\', 'L'],
      aea: ['K', 'V', 'P', 'W', 'B'],
      authorised: ['C1', 'M', 'J1', 'S', 'C2', 'C', 'T', 'R', 'I', 'E'],
      unauthorised: ['G', 'N', 'O', 'U'],
      not_possible: ['D', 'X', 'Q', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'Z', '#'],
    };
    for (const [cat, codes] of Object.entries(expected)) {
      for (const c of codes) {
        expect(codeOn(c, '2025-01-06')?.category, c).toBe(cat);
      }
    }
  });

  it('switches the code set on 19 August 2024', () => {
    for (const legacy of ['H', 'F', 'J', 'Y']) {
      expect(codeOn(legacy, '2024-08-18'), legacy).toBeDefined();
      expect(codeOn(legacy, '2024-08-19'), legacy).toBeUndefined();
    }
    for (const modern of ['K', 'C1', 'C2', 'J1', 'Q', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7']) {
      expect(codeOn(modern, '2024-08-18'), modern).toBeUndefined();
      expect(codeOn(modern, '2024-08-19'), modern).toBeDefined();
    }
    expect(codeOn('J', '2024-08-18')?.category).toBe('aea');
    expect(codeOn('H', '2024-08-18')?.category).toBe('authorised');
    expect(codeOn('B', '2024-08-18')?.needsReason).toBe(false);
    expect(codeOn('B', '2024-08-19')?.needsReason).toBe(true);
  });

  it('stores the present slash of the session whichever slash was given', () => {
    expect(normaliseCode('\\', '2025-01-06', 'AM')).toMatchObject({ ok: true, code: '/' });
    expect(normaliseCode('/', '2025-01-06', 'PM')).toMatchObject({ ok: true, code: '\\' });
    expect(normaliseCode('H', '2025-01-06', 'AM')).toEqual({
      ok: false,
      message: 'code H is not valid on 2025-01-06',
    });
    expect(normaliseCode('QQ', '2025-01-06', 'AM').ok).toBe(false);
  });

  it('has one row per code and era as codes.csv (41 rows)', () => {
    expect(CODE_ROWS.length).toBe(41);
    expect(
      CODE_ROWS.filter((r) => r.pnCounts)
        .map((r) => r.code)
        .sort(),
    ).toEqual(['G', 'N', 'O', 'U']);
  });
});
