// The sessions a step of a phased timetable attends, as the screens offer them (docs/rules/casework.md): full
// time, mornings or afternoons only, three full days; a step made another way keeps its own sessions.
import type { PlanStep } from '../../../../shared/casework';

type Attends = PlanStep['attends'];
const DAYS = [1, 2, 3, 4, 5];
const both = (days: number[]): Attends =>
  days.flatMap((weekday) => [
    { weekday, session: 'AM' as const },
    { weekday, session: 'PM' as const },
  ]);

export const STEP_PATTERNS = {
  full: { label: 'Full time (all ten sessions)', attends: both(DAYS) },
  mornings: {
    label: 'Mornings only (C2 in the afternoons)',
    attends: DAYS.map((weekday) => ({ weekday, session: 'AM' as const })),
  },
  afternoons: {
    label: 'Afternoons only (C2 in the mornings)',
    attends: DAYS.map((weekday) => ({ weekday, session: 'PM' as const })),
  },
  mon_wed: { label: 'Monday to Wednesday, all day (C2 on Thursday and Friday)', attends: both([1, 2, 3]) },
} as const;
export type StepPattern = keyof typeof STEP_PATTERNS | 'as_now';
export const STEP_PATTERN_KEYS = Object.keys(STEP_PATTERNS) as (keyof typeof STEP_PATTERNS)[];

const key = (a: Attends) =>
  a
    .map((s) => `${s.weekday}${s.session}`)
    .sort()
    .join(',');

/** The offered pattern a step's sessions match, or 'as_now' when it was made another way. */
export function patternOf(a: Attends): StepPattern {
  return STEP_PATTERN_KEYS.find((k) => key(STEP_PATTERNS[k].attends) === key(a)) ?? 'as_now';
}

export function attendsOf(p: StepPattern, asNow: Attends): Attends {
  return p === 'as_now' ? asNow : [...STEP_PATTERNS[p].attends];
}

/** How a step reads on screen: the offered pattern's words, or its count of sessions. */
export function patternLabel(a: Attends): string {
  const p = patternOf(a);
  return p === 'as_now' ? `${a.length} sessions a week` : STEP_PATTERNS[p].label;
}
