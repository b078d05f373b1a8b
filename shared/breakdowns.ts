// Breakdowns by year group and cohort, each against the rest of the school, with small groups suppressed
// (docs/rules/governor-report.md, "Breakdowns and suppression"). The dashboard and the governor report both call
// breakdowns() so that the two never disagree about a figure or about which cell says "fewer than 5".
import { YEAR_GROUPS } from './pupil';
import { aggregateRates, type GroupRates } from './statistics/rates';
import type { CodeTally } from './statistics/tallies';

/** A group or its rest about fewer pupils than this is hidden (project default). */
export const SUPPRESS_BELOW = 5;
export const SUPPRESSED_TEXT = 'fewer than 5';

/** The pupil groups a list can be filtered to and a breakdown compares with the rest of the school. */
export const COHORT_FLAGS = ['fsm', 'senSupport', 'ehcPlan', 'lookedAfter', 'socialWorker', 'eal'] as const;
export type CohortFlag = (typeof COHORT_FLAGS)[number];

/** The dimensions, in the order every breakdown lists them. */
export const BREAKDOWN_DIMENSIONS = ['yearGroup', 'regGroup', 'sex', ...COHORT_FLAGS] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export const DIMENSION_LABELS: Record<BreakdownDimension, string> = {
  yearGroup: 'Year group',
  regGroup: 'Registration group',
  sex: 'Sex',
  fsm: 'Free school meals',
  senSupport: 'SEN support',
  ehcPlan: 'EHC plan',
  lookedAfter: 'Looked after',
  socialWorker: 'Social worker',
  eal: 'English as an additional language',
};

/** What a breakdown needs to know of a pupil: the year group, registration group and flags as stored now. */
export interface BreakdownPupil {
  yearGroup: string;
  regGroup: string;
  sex: string;
  fsm: boolean;
  sen: string;
  cla: boolean;
  socialWorker: boolean;
  eal: boolean;
}

export interface BreakdownCell {
  suppressed: boolean;
  pupils: number | null;
  absencePct: number | null;
  persistentPct: number | null;
}
export interface BreakdownRow {
  key: string;
  label: string;
  group: BreakdownCell;
  rest: BreakdownCell;
  absenceGap: number | null;
  persistentGap: number | null;
}
export interface Breakdown {
  dimension: BreakdownDimension;
  label: string;
  rows: BreakdownRow[];
}

const HIDDEN: BreakdownCell = { suppressed: true, pupils: null, absencePct: null, persistentPct: null };

/** Natural order: case-insensitive, runs of digits compared as numbers (`3B` before `10A`). */
export function naturalCompare(a: string, b: string): number {
  const parts = (s: string) => s.toLowerCase().match(/\d+|\D+/g) ?? [];
  const pa = parts(a),
    pb = parts(b);
  for (let k = 0; k < Math.min(pa.length, pb.length); k++) {
    const x = pa[k],
      y = pb[k];
    if (x === y) {
      continue;
    }
    const nx = /^\d/.test(x),
      ny = /^\d/.test(y);
    if (nx && ny && Number(x) !== Number(y)) {
      return Number(x) - Number(y);
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

export function yearGroupLabel(v: string): string {
  return v === 'R'
    ? 'Reception'
    : /^\d+$/.test(v)
      ? `Year ${v}`
      : v === 'N1' || v === 'N2'
        ? `Nursery ${v[1]}`
        : v;
}

type Group = { key: string; label: string; member: (p: BreakdownPupil) => boolean };

function groupsOf(dimension: BreakdownDimension, pupils: readonly BreakdownPupil[]): Group[] {
  const held = (f: (p: BreakdownPupil) => string) => [...new Set(pupils.map(f))];
  switch (dimension) {
    case 'yearGroup':
      return held((p) => p.yearGroup)
        .sort((a, b) => YEAR_GROUPS.indexOf(a as never) - YEAR_GROUPS.indexOf(b as never))
        .map((v) => ({ key: v, label: yearGroupLabel(v), member: (p) => p.yearGroup === v }));
    case 'regGroup':
      return held((p) => p.regGroup)
        .sort(naturalCompare)
        .map((v) => ({ key: v, label: v, member: (p) => p.regGroup === v }));
    case 'sex':
      return ['F', 'M']
        .filter((v) => pupils.some((p) => p.sex === v))
        .map((v) => ({ key: v, label: v === 'F' ? 'Girls' : 'Boys', member: (p) => p.sex === v }));
    default:
      return [{ key: 'yes', label: DIMENSION_LABELS[dimension], member: FLAGS[dimension] }];
  }
}

const FLAGS: Record<Exclude<BreakdownDimension, 'yearGroup' | 'regGroup' | 'sex'>, Group['member']> = {
  fsm: (p) => p.fsm,
  senSupport: (p) => p.sen === 'K',
  ehcPlan: (p) => p.sen === 'E',
  lookedAfter: (p) => p.cla,
  socialWorker: (p) => p.socialWorker,
  eal: (p) => p.eal,
};

const cellOf = (g: GroupRates): BreakdownCell => ({
  suppressed: false,
  pupils: g.pupils,
  absencePct: g.absencePct,
  persistentPct: g.persistentPct,
});
const gap = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** One dimension: each group against the rest of the breakdown's pupils, then the suppression rule. */
function breakdownOf(
  dimension: BreakdownDimension,
  pupils: readonly BreakdownPupil[],
  tallies: readonly CodeTally[],
): Breakdown {
  const rows = groupsOf(dimension, pupils).map((grp) => {
    const inG: CodeTally[] = [],
      rest: CodeTally[] = [];
    pupils.forEach((p, k) => (grp.member(p) ? inG : rest).push(tallies[k]));
    const g = aggregateRates(inG),
      r = aggregateRates(rest);
    return { grp, g, r, hide: g.pupils < SUPPRESS_BELOW || r.pupils < SUPPRESS_BELOW };
  });
  // Exactly one hidden group of several could be worked out from the others and the total: hide the smallest
  // visible group too (a stable sort keeps the first in order on a tie).
  if (rows.length > 1 && rows.filter((x) => x.hide).length === 1) {
    const next = rows.filter((x) => !x.hide).sort((a, b) => a.g.pupils - b.g.pupils)[0];
    if (next) {
      next.hide = true;
    }
  }
  return {
    dimension,
    label: DIMENSION_LABELS[dimension],
    rows: rows.map(({ grp, g, r, hide }) => ({
      key: grp.key,
      label: grp.label,
      group: hide ? HIDDEN : cellOf(g),
      rest: hide ? HIDDEN : cellOf(r),
      absenceGap: hide ? null : gap(g.absencePct, r.absencePct),
      persistentGap: hide ? null : gap(g.persistentPct, r.persistentPct),
    })),
  };
}

/** Every dimension of the breakdown, in order; `tallies[k]` holds pupil k's figures over the period. */
export function breakdowns(pupils: readonly BreakdownPupil[], tallies: readonly CodeTally[]): Breakdown[] {
  return BREAKDOWN_DIMENSIONS.map((d) => breakdownOf(d, pupils, tallies));
}

/** How a cell's figure reads on a screen or in a document: the number, or "fewer than 5". */
export function cellText(
  c: BreakdownCell,
  f: (v: number | null) => string,
  field: 'absencePct' | 'persistentPct',
) {
  return c.suppressed ? SUPPRESSED_TEXT : f(c[field]);
}
