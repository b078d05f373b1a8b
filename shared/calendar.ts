// School days, school sessions and school weeks exactly as docs/rules/statistics.md §1. One definition, used
// by the importers, the registers, the figures and the screens.
import { addDays, eachDate, isWeekend, mondayOf, type IsoDate } from './dates';
import { BANK_HOLIDAYS_EW } from './bank-holidays';
import { termAround, type SchoolTerm } from './terms';

export type CalendarRangeKind = 'term' | 'closure';
export interface CalendarRange {
  dateFrom: IsoDate;
  dateTo: IsoDate;
  kind: CalendarRangeKind;
  label: string | null;
}
/** A school's change to the shipped bank-holiday list: add a day (e.g. a new national holiday) or remove one. */
export interface BankHolidayOverride {
  date: IsoDate;
  action: 'add' | 'remove';
  label: string | null;
}

export interface SchoolCalendar {
  ranges: readonly CalendarRange[];
  bankHolidayOverrides?: readonly BankHolidayOverride[];
}

export type DayKind = 'school' | 'weekend' | 'bank_holiday' | 'closure' | 'holiday';

/** A compiled calendar: answers "is this a school day" in O(1) for dates in range. */
export class Calendar {
  private readonly terms: CalendarRange[];
  private readonly closures: CalendarRange[];
  private readonly bankHolidays: Map<IsoDate, string>;
  private readonly cache = new Map<IsoDate, DayKind>();

  constructor(cal: SchoolCalendar) {
    this.terms = cal.ranges.filter((r) => r.kind === 'term');
    this.closures = cal.ranges.filter((r) => r.kind === 'closure');
    this.bankHolidays = new Map(BANK_HOLIDAYS_EW.map((b) => [b.date, b.name]));
    for (const o of cal.bankHolidayOverrides ?? []) {
      if (o.action === 'add') {
        this.bankHolidays.set(o.date, o.label ?? 'Bank holiday');
      } else {
        this.bankHolidays.delete(o.date);
      }
    }
  }

  /** The school term (its half terms together) that `d` falls in, or the last one begun by `d` (shared/terms.ts). */
  termOf(d: IsoDate): SchoolTerm | null {
    return termAround(this.terms, d);
  }

  bankHolidayName(d: IsoDate): string | undefined {
    return this.bankHolidays.get(d);
  }

  dayKind(d: IsoDate): DayKind {
    let k = this.cache.get(d);
    if (k) {
      return k;
    }
    if (isWeekend(d)) {
      k = 'weekend';
    } else if (this.bankHolidays.has(d)) {
      k = 'bank_holiday';
    } else if (!this.terms.some((t) => t.dateFrom <= d && d <= t.dateTo)) {
      k = 'holiday';
    } else if (this.closures.some((c) => c.dateFrom <= d && d <= c.dateTo)) {
      k = 'closure';
    } else {
      k = 'school';
    }
    this.cache.set(d, k);
    return k;
  }

  /** docs/rules/statistics.md §1: in a term range, Monday to Friday, not a bank holiday, not in a planned
   * closure. */
  isSchoolDay(d: IsoDate): boolean {
    return this.dayKind(d) === 'school';
  }

  schoolDays(from: IsoDate, to: IsoDate): IsoDate[] {
    return eachDate(from, to).filter((d) => this.isSchoolDay(d));
  }

  /** "N school days after d" counts school days strictly after d, up to and including `upTo`. */
  schoolDaysAfter(d: IsoDate, upTo: IsoDate): number {
    let n = 0;
    for (let x = addDays(d, 1); x <= upTo; x = addDays(x, 1)) {
      if (this.isSchoolDay(x)) {
        n++;
      }
    }
    return n;
  }

  /** The n-th school day after d (n >= 1), or null if the calendar has none within two years. */
  nthSchoolDayAfter(d: IsoDate, n: number): IsoDate | null {
    let x = d;
    for (let i = 0; i < 730; i++) {
      x = addDays(x, 1);
      if (this.isSchoolDay(x) && --n === 0) {
        return x;
      }
    }
    return null;
  }

  /** A school week: a Monday-to-Sunday week with at least one school session. */
  isSchoolWeek(monday: IsoDate): boolean {
    for (let i = 0; i < 5; i++) {
      if (this.isSchoolDay(addDays(monday, i))) {
        return true;
      }
    }
    return false;
  }

  /** The Mondays of the school weeks that overlap [from, to], in order. */
  schoolWeeks(from: IsoDate, to: IsoDate): IsoDate[] {
    const out: IsoDate[] = [];
    for (let m = mondayOf(from); m <= to; m = addDays(m, 7)) {
      if (this.isSchoolWeek(m)) {
        out.push(m);
      }
    }
    return out;
  }
}
