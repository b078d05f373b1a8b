// A deliberately naive second implementation of docs/rules/statistics.md, written from the spec text alone:
// it imports nothing of shared/statistics.ts, shared/calendar.ts, shared/codes or the SQL. It walks every date
// and session one by one and recounts everything from the raw mark rows, so it is slow and obvious.
// Only data is shared: the official bank-holiday list (docs/rules/statistics.md §1 "the app ships the
// official list").
import { BANK_HOLIDAYS_EW } from '../../shared/bank-holidays';

export interface OracleRange {
  dateFrom: string;
  dateTo: string;
  kind: 'term' | 'closure';
}
export interface OraclePupil {
  upn: string;
  dob: string;
  boarder: boolean;
  admissionDate: string;
  leavingDate: string | null;
}
export interface OracleMark {
  upn: string;
  date: string;
  session: 'AM' | 'PM';
  code: string;
  minutesLate: number | null;
}

// ---- §2 the code table, typed in from the spec (2024 codes from 19 Aug 2024; legacy codes before) -------------

const NEW_ERA = '2024-08-19';
type Cat = 'present' | 'aea' | 'authorised' | 'unauthorised' | 'not_possible';
const BOTH: Record<string, Cat> = {
  '/': 'present',
  '\\': 'present',
  L: 'present',
  V: 'aea',
  P: 'aea',
  W: 'aea',
  B: 'aea',
  M: 'authorised',
  S: 'authorised',
  C: 'authorised',
  T: 'authorised',
  R: 'authorised',
  I: 'authorised',
  E: 'authorised',
  G: 'unauthorised',
  N: 'unauthorised',
  O: 'unauthorised',
  U: 'unauthorised',
  D: 'not_possible',
  X: 'not_possible',
  Z: 'not_possible',
  '#': 'not_possible',
};
const ONLY_NEW: Record<string, Cat> = {
  K: 'aea',
  C1: 'authorised',
  J1: 'authorised',
  C2: 'authorised',
  Q: 'not_possible',
  Y1: 'not_possible',
  Y2: 'not_possible',
  Y3: 'not_possible',
  Y4: 'not_possible',
  Y5: 'not_possible',
  Y6: 'not_possible',
  Y7: 'not_possible',
};
const ONLY_OLD: Record<string, Cat> = { H: 'authorised', F: 'authorised', J: 'aea', Y: 'not_possible' };

/** The category of a code on a date, or null if the code was not valid that day. */
export function oracleCategory(code: string, date: string): Cat | null {
  if (code in BOTH) {
    return BOTH[code];
  }
  if (date >= NEW_ERA) {
    return ONLY_NEW[code] ?? null;
  }
  return ONLY_OLD[code] ?? null;
}
/** Codes valid on a date (for generating test data). */
export function oracleCodesOn(date: string): string[] {
  return [...Object.keys(BOTH), ...Object.keys(date >= NEW_ERA ? ONLY_NEW : ONLY_OLD)];
}

// ---- dates, the naive way ----------------------------------------------------------------------------------

const DAY = 86_400_000;
const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const plusDays = (d: string, n: number) => iso(t(d) + n * DAY);
const dow = (d: string) => new Date(t(d)).getUTCDay(); // 0 Sunday
const monday = (d: string) => plusDays(d, -((dow(d) + 6) % 7));

/** Whole years completed on `on` (29 February birthdays turn on 28 February in other years). */
export function oracleAge(dob: string, on: string): number {
  const [by, bm, bd] = dob.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  const leap = (yr: number) => (yr % 4 === 0 && yr % 100 !== 0) || yr % 400 === 0;
  const bdThisYear = bm === 2 && bd === 29 && !leap(y) ? 28 : bd;
  let age = y - by;
  if (m < bm || (m === bm && d < bdThisYear)) {
    age--;
  }
  return age;
}

export class OracleCalendar {
  private bank = new Set(BANK_HOLIDAYS_EW.map((b) => b.date));
  constructor(private ranges: OracleRange[]) {}
  /** §1: in a term, Monday to Friday, not a bank holiday, not inside a closure. */
  isSchoolDay(d: string): boolean {
    const w = dow(d);
    if (w === 0 || w === 6) {
      return false;
    }
    if (this.bank.has(d)) {
      return false;
    }
    if (!this.ranges.some((r) => r.kind === 'term' && r.dateFrom <= d && d <= r.dateTo)) {
      return false;
    }
    if (this.ranges.some((r) => r.kind === 'closure' && r.dateFrom <= d && d <= r.dateTo)) {
      return false;
    }
    return true;
  }
  first(): string {
    return this.ranges.map((r) => r.dateFrom).sort()[0];
  }
  last(): string {
    return this.ranges
      .map((r) => r.dateTo)
      .sort()
      .reverse()[0];
  }
  /** All school weeks of the whole calendar: Mondays of weeks holding at least one school day, in order. */
  schoolWeeks(): string[] {
    const out: string[] = [];
    for (let m = monday(this.first()); m <= this.last(); m = plusDays(m, 7)) {
      for (let i = 0; i < 5; i++) {
        if (this.isSchoolDay(plusDays(m, i))) {
          out.push(m);
          break;
        }
      }
    }
    return out;
  }
}

// ---- §3–7 ---------------------------------------------------------------------------------------------------

export interface OracleRow {
  upn: string;
  possible: number;
  present: number;
  attended: number;
  authorised: number;
  unauthorised: number;
  attendancePct: number | null;
  absencePct: number | null;
  band: string | null;
  lateBeforeClose: number;
  lateAfterClose: number;
  minutesLate: number;
  illnessSessions: number;
  penaltySessionsMaxWindow: number;
  penaltyThresholdFirstMet: string | null;
  longestUnauthorisedRunSessions: number;
  overdueN: number;
}

function band(absence: number, possible: number, atRisk: number): string | null {
  if (possible === 0) {
    return null;
  }
  if (100 * absence >= 50 * possible) {
    return 'severe';
  }
  if (100 * absence >= 10 * possible) {
    return 'persistent';
  }
  if (100 * absence >= atRisk * possible) {
    return 'at_risk';
  }
  return 'expected';
}

const UNAUTH = ['G', 'N', 'O', 'U'];

export function oracleReport(
  cal: OracleCalendar,
  pupils: OraclePupil[],
  allMarks: OracleMark[],
  from: string,
  to: string,
  asOf: string = to,
  atRisk = 5,
) {
  const periodDays: string[] = [];
  for (let d = from; d <= to; d = plusDays(d, 1)) {
    if (cal.isSchoolDay(d)) {
      periodDays.push(d);
    }
  }
  const weeks = cal.schoolWeeks();
  const weekOf = (d: string) => weeks.indexOf(monday(d));
  const lastWeeks = weeks
    .map((m, k) => ({ m, k }))
    .filter(({ m }) => periodDays.some((d) => monday(d) === m))
    .map(({ k }) => k);
  // 31 August before the start of the academic year that contains `from`
  const [fy, fm] = from.split('-').map(Number);
  const cohortDate = `${fm >= 9 ? fy : fy - 1}-08-31`;

  const rows: OracleRow[] = [];
  const cohortUpns = new Set<string>();
  for (const p of [...pupils].sort((a, b) => (a.upn < b.upn ? -1 : 1))) {
    const onRollSomeDay = periodDays.some(
      (d) => d >= p.admissionDate && (p.leavingDate === null || d <= p.leavingDate),
    );
    if (!onRollSomeDay) {
      continue;
    }
    const marks = allMarks
      .filter((m) => m.upn === p.upn)
      .sort((a, b) =>
        a.date === b.date
          ? (a.session === 'AM' ? -1 : 1) - (b.session === 'AM' ? -1 : 1)
          : a.date < b.date
            ? -1
            : 1,
      );
    const inPeriod = marks.filter((m) => m.date >= from && m.date <= to);
    const count = (cat: Cat) => inPeriod.filter((m) => oracleCategory(m.code, m.date) === cat).length;
    const present = count('present'),
      aea = count('aea'),
      authorised = count('authorised'),
      unauthorised = count('unauthorised');
    const possible = present + aea + authorised + unauthorised;
    const attended = present + aea;
    const lates = inPeriod.filter((m) => m.code === 'L' || m.code === 'U');

    // §6: G N O U marks from 19 Aug 2024, on or before `to`
    const pn = marks.filter((m) => UNAUTH.includes(m.code) && m.date >= NEW_ERA && m.date <= to);
    let maxWindow = 0;
    for (const k of lastWeeks) {
      const inWindow = pn.filter((m) => {
        const w = weekOf(m.date);
        return w >= k - 9 && w <= k;
      }).length;
      maxWindow = Math.max(maxWindow, inWindow);
    }
    let firstMet: string | null = null;
    for (let i = 0; i < pn.length && firstMet === null; i++) {
      const m = pn[i];
      if (m.date < from) {
        continue;
      }
      const k = weekOf(m.date);
      const n = pn.slice(0, i + 1).filter((x) => {
        const w = weekOf(x.date);
        return w >= k - 9 && w <= k;
      }).length;
      if (n >= 10) {
        firstMet = m.date;
      }
    }

    // §7: runs over the school sessions of the period, in order
    let run = 0,
      longest = 0;
    for (const d of periodDays) {
      for (const s of ['AM', 'PM']) {
        const m = inPeriod.find((x) => x.date === d && x.session === s);
        if (m && UNAUTH.includes(m.code)) {
          run++;
          longest = Math.max(longest, run);
        } else {
          run = 0;
        }
      }
    }
    let overdueN = 0;
    for (const m of inPeriod) {
      if (m.code !== 'N') {
        continue;
      }
      let after = 0;
      for (let x = plusDays(m.date, 1); x <= asOf; x = plusDays(x, 1)) {
        if (cal.isSchoolDay(x)) {
          after++;
        }
      }
      if (after >= 5) {
        overdueN++;
      }
    }

    rows.push({
      upn: p.upn,
      possible,
      present,
      attended,
      authorised,
      unauthorised,
      attendancePct: possible ? (100 * attended) / possible : null,
      absencePct: possible ? (100 * (authorised + unauthorised)) / possible : null,
      band: band(authorised + unauthorised, possible, atRisk),
      lateBeforeClose: inPeriod.filter((m) => m.code === 'L').length,
      lateAfterClose: inPeriod.filter((m) => m.code === 'U').length,
      minutesLate: lates.reduce((s, m) => s + (m.minutesLate ?? 0), 0),
      illnessSessions: inPeriod.filter((m) => m.code === 'I').length,
      penaltySessionsMaxWindow: maxWindow,
      penaltyThresholdFirstMet: firstMet,
      longestUnauthorisedRunSessions: longest,
      overdueN,
    });
    const age = oracleAge(p.dob, cohortDate);
    if (!p.boarder && age >= 5 && age <= 15) {
      cohortUpns.add(p.upn);
    }
  }

  const block = (rs: OracleRow[]) => {
    const withPossible = rs.filter((r) => r.possible > 0);
    const sum = (f: (r: OracleRow) => number) => rs.reduce((s, r) => s + f(r), 0);
    const possible = sum((r) => r.possible),
      authorised = sum((r) => r.authorised),
      unauthorised = sum((r) => r.unauthorised);
    const severe = withPossible.filter(
      (r) => 100 * (r.authorised + r.unauthorised) >= 50 * r.possible,
    ).length;
    const persistent = withPossible.filter(
      (r) => 100 * (r.authorised + r.unauthorised) >= 10 * r.possible,
    ).length;
    return {
      pupils: withPossible.length,
      possible,
      attended: sum((r) => r.attended),
      authorised,
      unauthorised,
      absencePct: possible ? (100 * (authorised + unauthorised)) / possible : null,
      persistentPct: withPossible.length ? (100 * persistent) / withPossible.length : null,
      severePct: withPossible.length ? (100 * severe) / withPossible.length : null,
      persistentCount: persistent,
      severeCount: severe,
    };
  };
  return {
    from,
    to,
    asOf,
    school: { all: block(rows), dfeCohort: block(rows.filter((r) => cohortUpns.has(r.upn))) },
    pupils: rows,
  };
}
