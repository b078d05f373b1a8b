// A pupil in the figures (docs/rules/statistics.md §3, §5): the record read, the figures returned, and whether
// the pupil is listed for a period and in the DfE-comparable cohort.
import { ageOn, addDays, type IsoDate } from '../dates';
import { firstAfter, type PeriodContext } from './periods';
import type { Band } from './rates';

export interface StatsPupil {
  upn: string;
  dob: IsoDate;
  boarder: boolean;
  admissionDate: IsoDate;
  leavingDate: IsoDate | null;
}

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
