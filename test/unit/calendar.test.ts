import { describe, expect, it } from 'vitest';
import { Calendar } from '../../shared/calendar';
import { BANK_HOLIDAYS_EW } from '../../shared/bank-holidays';

const cal = new Calendar({
  ranges: [
    { dateFrom: '2025-09-01', dateTo: '2025-10-24', kind: 'term', label: null },
    { dateFrom: '2025-11-03', dateTo: '2025-12-19', kind: 'term', label: null },
    { dateFrom: '2025-09-01', dateTo: '2025-09-02', kind: 'closure', label: 'INSET' },
    { dateFrom: '2026-04-13', dateTo: '2026-05-22', kind: 'term', label: null },
  ],
});

describe('school days, sessions and weeks (statistics.md §1)', () => {
  it('a school day is in a term, Monday to Friday, not a bank holiday, not in a closure', () => {
    expect(cal.dayKind('2025-09-03')).toBe('school');
    expect(cal.dayKind('2025-09-06')).toBe('weekend');
    expect(cal.dayKind('2025-09-01')).toBe('closure');
    expect(cal.dayKind('2025-10-28')).toBe('holiday');
    expect(cal.dayKind('2026-05-04')).toBe('bank_holiday');
  });

  it('a school can remove or add a bank holiday', () => {
    const c2 = new Calendar({
      ranges: [{ dateFrom: '2026-04-13', dateTo: '2026-05-22', kind: 'term', label: null }],
      bankHolidayOverrides: [
        { date: '2026-05-04', action: 'remove', label: null },
        { date: '2026-05-05', action: 'add', label: 'Extra' },
      ],
    });
    expect(c2.isSchoolDay('2026-05-04')).toBe(true);
    expect(c2.dayKind('2026-05-05')).toBe('bank_holiday');
  });

  it('school weeks skip holiday weeks', () => {
    expect(cal.schoolWeeks('2025-10-20', '2025-11-09')).toEqual(['2025-10-20', '2025-11-03']);
    expect(cal.isSchoolWeek('2025-10-27')).toBe(false);
  });

  it('"N school days after d" counts strictly after d and skips holidays', () => {
    expect(cal.schoolDaysAfter('2025-10-22', '2025-11-04')).toBe(4); // 23, 24 Oct, 3, 4 Nov
    expect(cal.nthSchoolDayAfter('2025-10-24', 1)).toBe('2025-11-03');
  });

  it('ships England and Wales bank holidays for every year 2020 to 2028, each on a weekday', () => {
    for (let y = 2020; y <= 2028; y++) {
      expect(BANK_HOLIDAYS_EW.filter((b) => b.date.startsWith(`${y}-`)).length).toBeGreaterThanOrEqual(8);
    }
    for (const b of BANK_HOLIDAYS_EW) {
      expect([0, 6]).not.toContain(new Date(b.date + 'T00:00:00Z').getUTCDay());
    }
    expect(BANK_HOLIDAYS_EW.map((b) => b.date)).toContain('2026-12-28');
  });
});
