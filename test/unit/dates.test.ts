import { describe, expect, it } from 'vitest';
import {
  ageOn,
  compulsoryAgeRange,
  formatLongDate,
  formatUkDate,
  parseInputDate,
  academicYearOf,
  mondayOf,
} from '../../shared/dates';

describe('dates', () => {
  it('accepts ISO and DD/MM/YYYY, never MM/DD/YYYY or impossible dates', () => {
    expect(parseInputDate('2025-09-03')).toBe('2025-09-03');
    expect(parseInputDate('03/09/2025')).toBe('2025-09-03');
    expect(parseInputDate('3/9/2025')).toBe('2025-09-03');
    expect(parseInputDate('09/30/2025')).toBeNull();
    expect(parseInputDate('2025-02-29')).toBeNull();
    expect(parseInputDate('31/04/2025')).toBeNull();
  });

  it('formats en-GB on screen and in letters', () => {
    expect(formatUkDate('2026-12-01')).toBe('01/12/2026');
    expect(formatLongDate('2026-12-01', true)).toBe('Tuesday 1 December 2026');
  });

  it('age is whole years; a 29 February birthday turns on 28 February in other years (§8)', () => {
    expect(ageOn('2016-02-29', '2021-02-27')).toBe(4);
    expect(ageOn('2016-02-29', '2021-02-28')).toBe(5);
    expect(ageOn('2016-02-29', '2020-02-29')).toBe(4);
    expect(ageOn('2010-09-01', '2025-08-31')).toBe(14);
  });

  it(`compulsory school age starts on 1 Jan, 1 Apr or 1 Sep after the fifth birthday and ends on \
the last Friday of June of the year the child turns 16`, () => {
    expect(compulsoryAgeRange('2020-01-15')).toEqual({ from: '2025-04-01', to: '2036-06-27' });
    expect(compulsoryAgeRange('2020-03-31').from).toBe('2025-04-01');
    expect(compulsoryAgeRange('2020-04-01').from).toBe('2025-09-01');
    expect(compulsoryAgeRange('2020-09-01').from).toBe('2026-01-01');
    // born 1 Sep 2009: turns 16 on 1 Sep 2025, school year 2025/26, ends last Friday of June 2026
    expect(compulsoryAgeRange('2009-09-01').to).toBe('2026-06-26');
    expect(compulsoryAgeRange('2009-08-31').to).toBe('2025-06-27');
  });

  it('academic years run 1 September to 31 August; weeks start on Monday', () => {
    expect(academicYearOf('2025-08-31')).toBe(2024);
    expect(academicYearOf('2025-09-01')).toBe(2025);
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
  });
});
