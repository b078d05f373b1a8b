// ISO calendar dates (YYYY-MM-DD) as plain strings, the only date form that crosses a boundary.
// Arithmetic is done in UTC so no time zone or DST shift can move a date.

export type IsoDate = string;
export type Session = 'AM' | 'PM';
export const SESSIONS: readonly Session[] = ['AM', 'PM'] as const;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_RE.exec(s);
  if (!m) {
    return false;
  }
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Accepts YYYY-MM-DD or DD/MM/YYYY (UK MIS exports); never MM/DD/YYYY. Returns null when not a real date. */
export function parseInputDate(raw: string): IsoDate | null {
  const s = raw.trim();
  if (ISO_RE.test(s)) {
    return isIsoDate(s) ? s : null;
  }
  const m = UK_RE.exec(s);
  if (!m) {
    return null;
  }
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

const DAY_MS = 86_400_000;

/** Milliseconds from the epoch to 00:00 UTC on d (read by position: the figures call this millions of times). */
function utcMs(d: IsoDate): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
}

export function toUtc(d: IsoDate): Date {
  return new Date(utcMs(d));
}

export function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

/** A UTC day is always 24 hours long, so adding days is adding milliseconds. */
export function addDays(d: IsoDate, n: number): IsoDate {
  return fromUtc(new Date(utcMs(d) + n * DAY_MS));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: IsoDate): number {
  return new Date(utcMs(d)).getUTCDay();
}

export function isWeekend(d: IsoDate): boolean {
  const w = weekday(d);
  return w === 0 || w === 6;
}

/** The Monday of the Monday-to-Sunday week holding d. */
/** Mondays already worked out: the figures ask for the Monday of the same few hundred dates many times over. */
const mondays = new Map<IsoDate, IsoDate>();

export function mondayOf(d: IsoDate): IsoDate {
  const known = mondays.get(d);
  if (known !== undefined) {
    return known;
  }
  const w = weekday(d);
  const monday = addDays(d, w === 0 ? -6 : 1 - w);
  if (mondays.size > 100_000) {
    mondays.clear();
  }
  mondays.set(d, monday);
  return monday;
}

export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** Every date from a to b inclusive. */
export function eachDate(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    out.push(d);
  }
  return out;
}

/** dd/MM/yyyy, the on-screen form. */
export function formatUkDate(d: IsoDate | null | undefined): string {
  if (!d) {
    return '';
  }
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
}

/** The months' names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** en-GB long form for letters: "Tuesday 1 December 2026". */
export function formatLongDate(d: IsoDate, withWeekday = false): string {
  const t = toUtc(d);
  const base = `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
  return withWeekday ? `${DAYS[t.getUTCDay()]} ${base}` : base;
}

/** The academic year (1 September to 31 August) holding d, named by its starting calendar year. */
export function academicYearOf(d: IsoDate): number {
  const [y, m] = d.split('-').map(Number);
  return m >= 9 ? y : y - 1;
}

export function academicYearRange(startYear: number): { from: IsoDate; to: IsoDate } {
  return { from: `${startYear}-09-01`, to: `${startYear + 1}-08-31` };
}

/** Whole years completed on `on` (docs/rules/statistics.md §8: a 29 February birthday turns on 28 February).
 */
export function ageOn(dob: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = dob.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  let age = y - by;
  const isLeap = (yr: number) => (yr % 4 === 0 && yr % 100 !== 0) || yr % 400 === 0;
  const bdThisYear = bm === 2 && bd === 29 && !isLeap(y) ? 28 : bd;
  if (m < bm || (m === bm && d < bdThisYear)) {
    age -= 1;
  }
  return age;
}

/** Compulsory school age (docs/rules/statistics.md §8): from the day after the first prescribed day (31 Dec,
 * 31 Mar, 31 Aug) on or after the fifth birthday, to the last Friday of June of the school year in which the
 * child turns 16. */
export function compulsoryAgeRange(dob: IsoDate): { from: IsoDate; to: IsoDate } {
  const [by, bm, bd] = dob.split('-').map(Number);
  const fifth = `${by + 5}-${String(bm).padStart(2, '0')}-${String(bd === 29 && bm === 2 ? 28 : bd).padStart(2, '0')}`;
  const y5 = by + 5;
  const prescribed = [`${y5}-03-31`, `${y5}-08-31`, `${y5}-12-31`].find((p) => p >= fifth)!;
  const from = addDays(prescribed, 1);
  // The school year in which the child turns 16: the one holding the 16th birthday.
  const sixteenth = `${by + 16}-${String(bm).padStart(2, '0')}-${String(bd === 29 && bm === 2 ? 28 : bd).padStart(2, '0')}`;
  const endYear = academicYearOf(sixteenth) + 1; // June of the school year's second calendar year
  const june30 = `${endYear}-06-30`;
  // Back from 30 June to a Friday (weekday 5): none from a Friday, 1 from a Saturday, … 6 from a Thursday.
  const lastFriday = addDays(june30, -((weekday(june30) + 2) % 7));
  return { from, to: lastFriday };
}

export function isCompulsoryAge(dob: IsoDate, on: IsoDate): boolean {
  const r = compulsoryAgeRange(dob);
  return on >= r.from && on <= r.to;
}
