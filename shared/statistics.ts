// Attendance figures exactly as docs/rules/statistics.md §3–7, and the school and group rates of §5.
// Pure functions: no I/O, no Node modules, no DOM. Build a PeriodContext once per calendar and period (it holds
// the school days, session indices and school-week positions), then call computePupilStats for every pupil.
import type { Calendar } from './calendar';
import { CODE_ROWS, REGS_2024_START, type CodeCategory } from './codes';
import { academicYearOf, addDays, ageOn, isIsoDate, mondayOf, type IsoDate, type Session } from './dates';

export interface Period {
  from: IsoDate;
  to: IsoDate;
  asOf?: IsoDate;
}
export interface StatsPupil {
  upn: string;
  dob: IsoDate;
  boarder: boolean;
  admissionDate: IsoDate;
  leavingDate: IsoDate | null;
}
export interface StatsMark {
  date: IsoDate;
  session: Session;
  code: string;
  minutesLate: number | null;
}
export type Band = 'severe' | 'persistent' | 'at_risk' | 'expected';

/** The per-pupil figures of docs/cli.md "report pupils --json shape", in that order. */
export interface PupilStats {
  upn: string;
  possible: number;
  present: number;
  attended: number;
  authorised: number;
  unauthorised: number;
  attendancePct: number | null;
  absencePct: number | null;
  band: Band | null;
  lateBeforeClose: number;
  lateAfterClose: number;
  minutesLate: number;
  illnessSessions: number;
  penaltySessionsMaxWindow: number;
  penaltyThresholdFirstMet: IsoDate | null;
  longestUnauthorisedRunSessions: number;
  overdueN: number;
}

/** School or group rates (§5): aggregate ratios over the pupils given. */
export interface GroupRates {
  pupils: number;
  possible: number;
  attended: number;
  authorised: number;
  unauthorised: number;
  absencePct: number | null;
  persistentPct: number | null;
  severePct: number | null;
  persistentCount: number;
  severeCount: number;
}

/** Number of consecutive school weeks in a penalty window (§6). */
export const PENALTY_WINDOW_WEEKS = 10;
/** Sessions of unauthorised absence within a window that meet the threshold (§6). */
export const PENALTY_THRESHOLD_SESSIONS = 10;
/** School days after which an N is overdue (§7). */
export const N_OVERDUE_SCHOOL_DAYS = 5;
export const DEFAULT_AT_RISK_LOWER_PCT = 5;

// ---- codes -------------------------------------------------------------------------------------------------

interface CodeEra {
  from: IsoDate | null;
  to: IsoDate | null;
  category: CodeCategory;
}
const CODE_ERAS = new Map<string, CodeEra[]>();
for (const r of CODE_ROWS) {
  const list = CODE_ERAS.get(r.code) ?? [];
  list.push({ from: r.validFrom, to: r.validTo, category: r.category });
  CODE_ERAS.set(r.code, list);
}

/** The category of `code` on `date` (the code row valid that day, §2), or null when the code was not valid then
 * (such a mark counts for nothing: it is neither possible nor absent). */
export function markCategory(code: string, date: IsoDate): CodeCategory | null {
  const eras = CODE_ERAS.get(code);
  if (!eras) {
    return null;
  }
  for (const e of eras) {
    if ((e.from === null || e.from <= date) && (e.to === null || date <= e.to)) {
      return e.category;
    }
  }
  return null;
}

// ---- bands and rates ---------------------------------------------------------------------------------------

/** 100 × absence >= pct × possible, in integers (pct is scaled by 1000, so up to three decimals are exact). */
function atLeastPct(absence: number, possible: number, pct: number): boolean {
  return absence * 100 * 1000 >= Math.round(pct * 1000) * possible;
}

/** The band of §4 from the unrounded figures; null when nothing was possible. */
export function bandOf(
  absence: number,
  possible: number,
  atRiskLowerPct: number = DEFAULT_AT_RISK_LOWER_PCT,
): Band | null {
  if (possible <= 0) {
    return null;
  }
  if (atLeastPct(absence, possible, 50)) {
    return 'severe';
  }
  if (atLeastPct(absence, possible, 10)) {
    return 'persistent';
  }
  if (atLeastPct(absence, possible, atRiskLowerPct)) {
    return 'at_risk';
  }
  return 'expected';
}

function pct(num: number, den: number): number | null {
  return den === 0 ? null : (100 * num) / den;
}

/** §5: aggregate ratios (never a mean of pupil rates); persistentCount includes severe; pupils = possible > 0. */
export function aggregateRates(
  stats: readonly Pick<PupilStats, 'possible' | 'attended' | 'authorised' | 'unauthorised'>[],
): GroupRates {
  let pupils = 0,
    possible = 0,
    attended = 0,
    authorised = 0,
    unauthorised = 0,
    persistentCount = 0,
    severeCount = 0;
  for (const s of stats) {
    possible += s.possible;
    attended += s.attended;
    authorised += s.authorised;
    unauthorised += s.unauthorised;
    if (s.possible <= 0) {
      continue;
    }
    pupils++;
    const b = bandOf(s.authorised + s.unauthorised, s.possible);
    if (b === 'severe') {
      severeCount++;
      persistentCount++;
    } else if (b === 'persistent') {
      persistentCount++;
    }
  }
  return {
    pupils,
    possible,
    attended,
    authorised,
    unauthorised,
    absencePct: pct(authorised + unauthorised, possible),
    persistentPct: pct(persistentCount, pupils),
    severePct: pct(severeCount, pupils),
    persistentCount,
    severeCount,
  };
}

/** One decimal place for screens and documents (§3: stored and returned values are never rounded). */
export function formatPct1(v: number | null): string {
  return v === null ? '–' : `${(Math.round(v * 10) / 10).toFixed(1)}%`;
}

// ---- the period context ------------------------------------------------------------------------------------

export interface PeriodContext {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly asOf: IsoDate;
  readonly atRiskLowerPct: number;
  /** The school days in [from, to], in order. */
  readonly schoolDays: readonly IsoDate[];
  /** School day in [from, to] -> its index in schoolDays (a session's index is 2 × day + 0 for AM, 1 for PM). */
  readonly dayIndex: ReadonlyMap<IsoDate, number>;
  /** School day in [from, to] -> number of school days x with d < x <= asOf. */
  readonly schoolDaysToAsOf: ReadonlyMap<IsoDate, number>;
  /** Number of school days in (to, asOf]. */
  readonly schoolDaysAfterTo: number;
  /** The earliest date a mark can matter on (penalty windows reach back before `from`); earlier marks are ignored. */
  readonly earliestMarkDate: IsoDate;
  /** Date in [earliestMarkDate, Sunday of to's week] -> week position: 2k for the k-th school week (k >= 1),
   * 2k + 1 for a date in a week without school sessions that follows the k-th school week. */
  readonly weekPosition: ReadonlyMap<IsoDate, number>;
  /** The school-week numbers k that contain a school session in [from, to], ascending (the last weeks of §6). */
  readonly lastWeeks: readonly number[];
  /** 31 August before the start of the academic year holding `from` (the DfE cohort's age date, §5). */
  readonly cohortAgeDate: IsoDate;
}

export interface PeriodOptions {
  atRiskLowerPct?: number;
}

/** Precomputes everything about the calendar and period that does not depend on the pupil. */
export function buildPeriodContext(
  calendar: Calendar,
  period: Period,
  opts: PeriodOptions = {},
): PeriodContext {
  const { from, to } = period;
  const asOf = period.asOf ?? to;
  checkPeriod(from, to, asOf);
  const { schoolDays, dayIndex } = schoolDaysOf(calendar, from, to);
  // School days after each school day of the period up to asOf: those in (to, asOf] and those in (d, to].
  const afterTo = schoolDaysOf(calendar, addDays(to, 1), asOf).schoolDays.length;
  const schoolDaysToAsOf = new Map<IsoDate, number>();
  schoolDays.forEach((d, i) => schoolDaysToAsOf.set(d, afterTo + schoolDays.length - 1 - i));
  const start = penaltyWindowStart(calendar, from);
  const { weekPosition, lastWeeks } = weekPositions(calendar, start, from, to);
  return {
    from,
    to,
    asOf,
    atRiskLowerPct: opts.atRiskLowerPct ?? DEFAULT_AT_RISK_LOWER_PCT,
    schoolDays,
    dayIndex,
    schoolDaysToAsOf,
    schoolDaysAfterTo: afterTo,
    earliestMarkDate: start,
    weekPosition,
    lastWeeks,
    cohortAgeDate: `${academicYearOf(from)}-08-31`,
  };
}

/** Refuses a period that is not three dates, that ends before it starts, or whose as-of date is before its end. */
function checkPeriod(from: IsoDate, to: IsoDate, asOf: IsoDate): void {
  for (const d of [from, to, asOf]) {
    if (!isIsoDate(d)) {
      throw new RangeError(`${d} is not a date (YYYY-MM-DD)`);
    }
  }
  if (from > to) {
    throw new RangeError(`the period ends (${to}) before it starts (${from})`);
  }
  if (asOf < to) {
    throw new RangeError(`as-of ${asOf} is earlier than the end of the period ${to}`);
  }
}

/** The school days in [from, to] in order, and each one's index. */
function schoolDaysOf(calendar: Calendar, from: IsoDate, to: IsoDate) {
  const schoolDays: IsoDate[] = [];
  const dayIndex = new Map<IsoDate, number>();
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (calendar.isSchoolDay(d)) {
      dayIndex.set(d, schoolDays.length);
      schoolDays.push(d);
    }
  }
  return { schoolDays, dayIndex };
}

/** The Monday a penalty window ending in the first week of the period reaches back to: 9 more school weeks.
 * Marks before 19 August 2024 never count, so the search stops there (and near the calendar's start, fewer weeks
 * exist). */
function penaltyWindowStart(calendar: Calendar, from: IsoDate): IsoDate {
  const regsMonday = mondayOf(REGS_2024_START);
  let start = mondayOf(from);
  let found = 0;
  for (let m = addDays(start, -7); found < PENALTY_WINDOW_WEEKS - 1 && m >= regsMonday; m = addDays(m, -7)) {
    if (calendar.isSchoolWeek(m)) {
      found++;
      start = m;
    }
  }
  return start;
}

/** Each date's week position from `start` to the Sunday of the week of `to` (2k in the k-th school week, 2k + 1
 * in a week without school that follows it), and the school weeks with a session in [from, to]. */
function weekPositions(calendar: Calendar, start: IsoDate, from: IsoDate, to: IsoDate) {
  const weekPosition = new Map<IsoDate, number>();
  const lastWeeks: number[] = [];
  const lastMonday = mondayOf(to);
  let k = 0;
  for (let m = start; m <= lastMonday; m = addDays(m, 7)) {
    const days = schoolDaysOf(calendar, m, addDays(m, 4)).schoolDays;
    if (days.length) {
      k++;
    }
    if (days.some((d) => d >= from && d <= to)) {
      lastWeeks.push(k);
    }
    const p = days.length ? 2 * k : 2 * k + 1;
    for (let i = 0; i < 7; i++) {
      weekPosition.set(addDays(m, i), p);
    }
  }
  return { weekPosition, lastWeeks };
}

// ---- pupils ------------------------------------------------------------------------------------------------

/** First index i with days[i] > d (days ascending). */
function firstAfter(days: readonly IsoDate[], d: IsoDate): number {
  let a = 0,
    b = days.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (days[mid] <= d) {
      a = mid + 1;
    } else {
      b = mid;
    }
  }
  return a;
}

/** §3: on roll on at least one school day of the period (the leaving date is the last day on roll). */
export function isListed(ctx: PeriodContext, p: Pick<StatsPupil, 'admissionDate' | 'leavingDate'>): boolean {
  const lo = p.admissionDate > ctx.from ? p.admissionDate : ctx.from;
  const hi = p.leavingDate !== null && p.leavingDate < ctx.to ? p.leavingDate : ctx.to;
  if (lo > hi) {
    return false;
  }
  const i = firstAfter(ctx.schoolDays, addDays(lo, -1)); // first school day >= lo
  return i < ctx.schoolDays.length && ctx.schoolDays[i] <= hi;
}

/** §5: aged 5 to 15 on 31 August before the start of the academic year holding `from`, and not a boarder. */
export function inDfeCohort(
  ctx: Pick<PeriodContext, 'cohortAgeDate'>,
  p: Pick<StatsPupil, 'dob' | 'boarder'>,
): boolean {
  if (p.boarder) {
    return false;
  }
  const age = ageOn(p.dob, ctx.cohortAgeDate);
  return age >= 5 && age <= 15;
}

/** §7: the number of school days x with d < x <= asOf, for a date d in [from, to]. */
export function schoolDaysAfterInPeriod(ctx: PeriodContext, d: IsoDate): number {
  return (
    ctx.schoolDaysToAsOf.get(d) ??
    ctx.schoolDays.length - firstAfter(ctx.schoolDays, d) + ctx.schoolDaysAfterTo
  );
}

function sessionOrder(a: StatsMark, b: StatsMark): number {
  return a.date < b.date
    ? -1
    : a.date > b.date
      ? 1
      : a.session === b.session
        ? 0
        : a.session === 'AM'
          ? -1
          : 1;
}

function sorted(marks: readonly StatsMark[]): readonly StatsMark[] {
  for (let i = 1; i < marks.length; i++) {
    if (sessionOrder(marks[i - 1], marks[i]) > 0) {
      return [...marks].sort(sessionOrder);
    }
  }
  return marks;
}

/**
 * Every per-pupil figure of §3–7 over ctx's period. `marks` are the pupil's marks, which may include marks before
 * `from` (they count inside penalty windows) and after `to` (ignored); any order (they are sorted by date, AM
 * before PM, when needed). A caller reading a large school may leave out the marks of the codes that only add to
 * the counts (every code not in DATED_CODES) dated in [from, to], and pass their tally (addToTally) as `counted`.
 */
export function computePupilStats(
  ctx: PeriodContext,
  pupil: Pick<StatsPupil, 'upn'>,
  marks: readonly StatsMark[],
  counted: Readonly<CodeTally> = NO_MARKS,
): PupilStats {
  const c = startCount(counted);
  for (const m of sorted(marks)) {
    const d = m.date;
    if (d > ctx.to) {
      break;
    }
    if (d < ctx.earliestMarkDate) {
      continue;
    }
    const cat = markCategory(m.code, d);
    if (cat === null) {
      continue;
    }
    if (cat === 'unauthorised' && d >= REGS_2024_START) {
      notePenaltyMark(ctx, c, d);
    }
    if (d >= ctx.from) {
      countMark(ctx, c, m, cat);
    }
  }
  return statsOf(ctx, pupil, c);
}

/** One pupil's running count: the tallies of the weeks already counted, then each mark read one by one. */
interface Count {
  present: number;
  aea: number;
  authorised: number;
  unauthorised: number;
  lateBeforeClose: number;
  lateAfterClose: number;
  minutesLate: number;
  illnessSessions: number;
  overdueN: number;
  longestRun: number;
  run: number;
  lastSession: number;
  /** Penalty marks (G N O U from 19 August 2024, on or before `to`): their week positions and dates, in order. */
  pos: number[];
  posDates: IsoDate[];
}

function startCount(counted: Readonly<CodeTally>): Count {
  return {
    present: counted.present,
    aea: counted.attended - counted.present,
    authorised: counted.authorised,
    unauthorised: counted.unauthorised,
    lateBeforeClose: counted.lateBeforeClose,
    lateAfterClose: counted.lateAfterClose,
    minutesLate: counted.minutesLate,
    illnessSessions: counted.illnessSessions,
    overdueN: 0,
    longestRun: 0,
    run: 0,
    lastSession: -2,
    pos: [],
    posDates: [],
  };
}

/** A penalty mark on a school day, for the penalty window (the earliest mark date reaches back before `from`). */
function notePenaltyMark(ctx: PeriodContext, c: Count, d: IsoDate): void {
  const p = ctx.weekPosition.get(d);
  if (p !== undefined) {
    c.pos.push(p);
    c.posDates.push(d);
  }
}

/** A mark of the period: its category, lateness, illness, an overdue N, and the run of unauthorised sessions. */
function countMark(ctx: PeriodContext, c: Count, m: StatsMark, cat: CodeCategory): void {
  const d = m.date;
  if (cat === 'present') {
    c.present++;
  } else if (cat === 'aea') {
    c.aea++;
  } else if (cat === 'authorised') {
    c.authorised++;
  } else if (cat === 'unauthorised') {
    c.unauthorised++;
  }
  if (m.code === 'L') {
    c.lateBeforeClose++;
    c.minutesLate += m.minutesLate ?? 0;
  } else if (m.code === 'U') {
    c.lateAfterClose++;
    c.minutesLate += m.minutesLate ?? 0;
  } else if (m.code === 'I') {
    c.illnessSessions++;
  } else if (
    m.code === 'N' &&
    (ctx.schoolDaysToAsOf.get(d) ?? schoolDaysAfterInPeriod(ctx, d)) >= N_OVERDUE_SCHOOL_DAYS
  ) {
    c.overdueN++;
  }
  if (cat === 'unauthorised') {
    countRun(ctx, c, m);
  }
}

/** Extends or restarts the run of consecutive unauthorised sessions; marks on a day that is not a school day are
 * not part of any run. */
function countRun(ctx: PeriodContext, c: Count, m: StatsMark): void {
  const di = ctx.dayIndex.get(m.date);
  if (di === undefined) {
    return;
  }
  const s = sessionIndex(di, m.session);
  c.run = s === c.lastSession + 1 ? c.run + 1 : 1;
  c.lastSession = s;
  if (c.run > c.longestRun) {
    c.longestRun = c.run;
  }
}

/** The figures of one pupil from their count. */
function statsOf(ctx: PeriodContext, pupil: Pick<StatsPupil, 'upn'>, c: Count): PupilStats {
  const possible = c.present + c.aea + c.authorised + c.unauthorised;
  const attended = c.present + c.aea;
  const absence = c.authorised + c.unauthorised;
  const { maxWindow, firstMet } = penaltyFigures(ctx, c.pos, c.posDates);
  return {
    upn: pupil.upn,
    possible,
    present: c.present,
    attended,
    authorised: c.authorised,
    unauthorised: c.unauthorised,
    attendancePct: pct(attended, possible),
    absencePct: pct(absence, possible),
    band: bandOf(absence, possible, ctx.atRiskLowerPct),
    lateBeforeClose: c.lateBeforeClose,
    lateAfterClose: c.lateAfterClose,
    minutesLate: c.minutesLate,
    illnessSessions: c.illnessSessions,
    penaltySessionsMaxWindow: maxWindow,
    penaltyThresholdFirstMet: firstMet,
    longestUnauthorisedRunSessions: c.longestRun,
    overdueN: c.overdueN,
  };
}

/** A school session's place in the period: 2 × (school day index) + 0 for AM, 1 for PM. */
function sessionIndex(dayIdx: number, session: Session): number {
  return 2 * dayIdx + (session === 'PM' ? 1 : 0);
}

export interface RunOf {
  sessions: number;
  from: IsoDate;
  fromSession: Session;
  to: IsoDate;
  toSession: Session;
  ongoing: boolean;
}

/**
 * §7: the longest run of consecutive school sessions in [from, to] each marked with one of `codes` (any other
 * mark, or no mark, on a school session ends it; non-school days are skipped), with its first and last session;
 With `G N O U` its length is
 * longestUnauthorisedRunSessions; with `G N O` it is the run behind deletion ground 9(1)(i). The earliest longest
 * run wins a tie. `ongoing`: the run reaches the period's last school day (whose afternoon may not be marked yet).
 * Null when no mark in the period has one of the codes.
 */
export function longestRunOf(
  ctx: PeriodContext,
  marks: readonly StatsMark[],
  codes: ReadonlySet<string>,
): RunOf | null {
  let best: RunOf | null = null;
  let run = 0,
    lastSession = -2,
    start: StatsMark | null = null;
  for (const m of sorted(marks)) {
    if (m.date < ctx.from) {
      continue;
    }
    if (m.date > ctx.to) {
      break;
    }
    if (!codes.has(m.code) || markCategory(m.code, m.date) === null) {
      continue;
    }
    const di = ctx.dayIndex.get(m.date);
    if (di === undefined) {
      continue;
    }
    const s = sessionIndex(di, m.session);
    if (s === lastSession + 1) {
      run++;
    } else {
      run = 1;
      start = m;
    }
    lastSession = s;
    if (best === null || run > best.sessions) {
      best = {
        sessions: run,
        from: start!.date,
        fromSession: start!.session,
        to: m.date,
        toSession: m.session,
        ongoing: di === ctx.schoolDays.length - 1,
      };
    }
  }
  return best;
}

/** Counts of §3 from marks grouped by code: the same categories as computePupilStats, for SQL aggregates. */
export interface CodeTally {
  possible: number;
  present: number;
  attended: number;
  authorised: number;
  unauthorised: number;
  lateBeforeClose: number;
  lateAfterClose: number;
  minutesLate: number;
  illnessSessions: number;
}
/** The tally of no marks (computePupilStats' default `counted`). */
const NO_MARKS: Readonly<CodeTally> = Object.freeze(emptyTally());

/**
 * The codes whose marks need their dates: those unauthorised in some era of the code table (penalty windows of
 * §6, unauthorised runs and overdue Ns of §7). A mark of any other code adds only to the counts of §3 (possible,
 * present, attended, authorised, lates, illness), so a large read may tally those by code instead of loading each
 * mark (computePupilStats' `counted`). The partial indexes of migration 0034 name the same list.
 */
export const DATED_CODES: readonly string[] = [...CODE_ERAS]
  .filter(([, eras]) => eras.some((e) => e.category === 'unauthorised'))
  .map(([code]) => code)
  .sort();

/** The days on which some code changes category (an era of the code table starts), in order. */
export const CODE_ERA_STARTS: readonly IsoDate[] = [
  ...new Set(
    [...CODE_ERAS.values()].flatMap((eras) =>
      eras.flatMap((e) => [e.from, e.to === null ? null : addDays(e.to, 1)]),
    ),
  ),
]
  .filter((d): d is IsoDate => d !== null)
  .sort();

/** [from, to] cut at the era starts: within each part every code has one category (addToTally on its first day
 * holds for every day of it). */
export function splitAtEras(from: IsoDate, to: IsoDate): [IsoDate, IsoDate][] {
  const parts: [IsoDate, IsoDate][] = [];
  let start = from;
  for (const d of CODE_ERA_STARTS) {
    if (d > start && d <= to) {
      parts.push([start, addDays(d, -1)]);
      start = d;
    }
  }
  parts.push([start, to]);
  return parts;
}

export function emptyTally(): CodeTally {
  return {
    possible: 0,
    present: 0,
    attended: 0,
    authorised: 0,
    unauthorised: 0,
    lateBeforeClose: 0,
    lateAfterClose: 0,
    minutesLate: 0,
    illnessSessions: 0,
  };
}
/**
 * Adds `n` marks of `code` dated `date` (minutes late summed in `minutes`) to `t`, as §2–3 count them. A caller
 * grouping marks by school week may pass the week's Monday as the date: every era boundary of the code table
 * falls between a Sunday and a Monday (checked by a test), so a code has one category for a whole week.
 */
export function addToTally(
  t: CodeTally,
  code: string,
  date: IsoDate,
  n: number,
  minutes: number | null = 0,
): void {
  const cat = markCategory(code, date);
  switch (cat) {
    case 'present':
      t.present += n;
      t.attended += n;
      t.possible += n;
      break;
    case 'aea':
      t.attended += n;
      t.possible += n;
      break;
    case 'authorised':
      t.authorised += n;
      t.possible += n;
      break;
    case 'unauthorised':
      t.unauthorised += n;
      t.possible += n;
      break;
    default:
      return;
  }
  if (code === 'L') {
    t.lateBeforeClose += n;
    t.minutesLate += minutes ?? 0;
  } else if (code === 'U') {
    t.lateAfterClose += n;
    t.minutesLate += minutes ?? 0;
  } else if (code === 'I') {
    t.illnessSessions += n;
  }
}

/** A window ending with school week k covers positions [2 × max(1, k - 9), 2k]. */
function windowStart(k: number): number {
  return 2 * Math.max(1, k - (PENALTY_WINDOW_WEEKS - 1));
}

function penaltyFigures(
  ctx: PeriodContext,
  pos: readonly number[],
  dates: readonly IsoDate[],
): { maxWindow: number; firstMet: IsoDate | null } {
  if (pos.length === 0) {
    return { maxWindow: 0, firstMet: null };
  }
  // the largest window whose last week holds a school session in [from, to]; both window ends rise with k
  let maxWindow = 0,
    lo = 0,
    hi = 0;
  for (const k of ctx.lastWeeks) {
    const s = windowStart(k),
      e = 2 * k;
    while (lo < pos.length && pos[lo] < s) {
      lo++;
    }
    while (hi < pos.length && pos[hi] <= e) {
      hi++;
    }
    if (hi - lo > maxWindow) {
      maxWindow = hi - lo;
    }
  }
  // the first mark m in [from, to] whose window (ending with m's week) holds >= 10 marks ordered at or before m
  let firstMet: IsoDate | null = null;
  lo = 0;
  for (let i = 0; i < pos.length; i++) {
    if (dates[i] < ctx.from) {
      continue;
    }
    const s = windowStart(Math.ceil(pos[i] / 2));
    while (lo < i && pos[lo] < s) {
      lo++;
    }
    if (i - lo + 1 >= PENALTY_THRESHOLD_SESSIONS) {
      firstMet = dates[i];
      break;
    }
  }
  return { maxWindow, firstMet };
}

// ---- the whole report --------------------------------------------------------------------------------------

/** A pupil and their marks; `counted` as in computePupilStats (default: every mark is in `marks`). */
export interface PupilWithMarks {
  pupil: StatsPupil;
  marks: readonly StatsMark[];
  counted?: Readonly<CodeTally>;
}
export interface PupilsReport {
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  school: { all: GroupRates; dfeCohort: GroupRates };
  pupils: PupilStats[];
}

/** docs/cli.md "report pupils --json shape": every pupil on roll on a school day of the period, sorted by
 * UPN. */
export function buildPupilsReport(ctx: PeriodContext, data: readonly PupilWithMarks[]): PupilsReport {
  const listed = data
    .filter((x) => isListed(ctx, x.pupil))
    .sort((a, b) => (a.pupil.upn < b.pupil.upn ? -1 : a.pupil.upn > b.pupil.upn ? 1 : 0));
  const pupils: PupilStats[] = [];
  const cohort: PupilStats[] = [];
  for (const x of listed) {
    const s = computePupilStats(ctx, x.pupil, x.marks, x.counted);
    pupils.push(s);
    if (inDfeCohort(ctx, x.pupil)) {
      cohort.push(s);
    }
  }
  return {
    from: ctx.from,
    to: ctx.to,
    asOf: ctx.asOf,
    school: { all: aggregateRates(pupils), dfeCohort: aggregateRates(cohort) },
    pupils,
  };
}

// ---- penalty forecast (leave decisions) ------------------------------------------------------------------

export interface PenaltyForecast {
  /** penaltySessionsMaxWindow over the period with the marks as they are. */
  now: number;
  /** The same figure if every session in `sessions` were marked `code` (replacing any mark held for it). */
  ifTaken: number;
  /** penaltyThresholdFirstMet with the hypothetical marks. */
  thresholdFirstMet: IsoDate | null;
  reachesThreshold: boolean;
}

/**
 * §6 "if this leave is refused and taken anyway": the figures of computePupilStats, unchanged, over `ctx`'s period
 * (normally the leave's own dates, so the windows are those whose last week holds a leave session) with the given
 * sessions marked `code` (G by default) instead of whatever they hold now.
 */
export function penaltyForecast(
  ctx: PeriodContext,
  marks: readonly StatsMark[],
  sessions: readonly { date: IsoDate; session: Session }[],
  code = 'G',
): PenaltyForecast {
  const key = (m: { date: IsoDate; session: Session }) => `${m.date}|${m.session}`;
  const taken = new Set(sessions.map(key));
  const hypothetical: StatsMark[] = [
    ...marks.filter((m) => !taken.has(key(m))),
    ...[...taken].map((k) => {
      const [date, session] = k.split('|');
      return { date, session: session as Session, code, minutesLate: null };
    }),
  ];
  const before = computePupilStats(ctx, { upn: '' }, marks);
  const after = computePupilStats(ctx, { upn: '' }, hypothetical);
  return {
    now: before.penaltySessionsMaxWindow,
    ifTaken: after.penaltySessionsMaxWindow,
    thresholdFirstMet: after.penaltyThresholdFirstMet,
    reachesThreshold: after.penaltySessionsMaxWindow >= PENALTY_THRESHOLD_SESSIONS,
  };
}
