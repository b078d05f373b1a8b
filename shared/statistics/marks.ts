// A mark as the figures read it (docs/rules/statistics.md §1–2): its shape, its session's place in the period,
// and a pupil's marks in order (by date, AM before PM).
import type { IsoDate, Session } from '../dates';

export interface StatsMark {
  date: IsoDate;
  session: Session;
  code: string;
  minutesLate: number | null;
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

export function sorted(marks: readonly StatsMark[]): readonly StatsMark[] {
  for (let i = 1; i < marks.length; i++) {
    if (sessionOrder(marks[i - 1], marks[i]) > 0) {
      return [...marks].sort(sessionOrder);
    }
  }
  return marks;
}

/** A school session's place in the period: 2 × (school day index) + 0 for AM, 1 for PM. */
export function sessionIndex(dayIdx: number, session: Session): number {
  return 2 * dayIdx + (session === 'PM' ? 1 : 0);
}
