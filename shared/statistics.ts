// Attendance figures exactly as docs/rules/statistics.md §3–7: the per-pupil figures and the report of every pupil
// on roll, with the school rates of §5. Pure functions: no I/O, no Node modules, no DOM. Build a PeriodContext
// once per calendar and period (shared/statistics/periods.ts), then call computePupilStats for every pupil. The
// parts they use (code eras, tallies, rates, runs, penalty windows) are the files of shared/statistics/.
import { REGS_2024_START, type CodeCategory } from './codes';
import type { IsoDate } from './dates';
import { markCategory } from './statistics/code-eras';
import { sessionIndex, sorted, type StatsMark } from './statistics/marks';
import { penaltyFigures } from './statistics/penalty-windows';
import { schoolDaysAfterInPeriod, type PeriodContext } from './statistics/periods';
import { inDfeCohort, isListed, type PupilStats, type StatsPupil } from './statistics/pupils';
import { aggregateRates, bandOf, pct, type GroupRates } from './statistics/rates';
import { emptyTally, type CodeTally } from './statistics/tallies';

/** School days after which an N is overdue (§7). */
export const N_OVERDUE_SCHOOL_DAYS = 5;

/** The tally of no marks (computePupilStats' default `counted`). */
const NO_MARKS: Readonly<CodeTally> = Object.freeze(emptyTally());

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
