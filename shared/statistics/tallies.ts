// Counts of marks grouped by code (docs/rules/statistics.md §2–3): the same categories as computePupilStats, for
// SQL aggregates that read most marks as counts by code and week.
import type { IsoDate } from '../dates';
import { markCategory } from './code-eras';

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
