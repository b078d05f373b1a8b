// The app's "today" (ATTENDANCE_TODAY, read by ctx.today()) pinned for the tests of one file: set before the
// first and put back as it was after the last, so one file's date never leaks into another's.
import { afterAll, beforeAll } from 'vitest';

export function pinToday(day: string): void {
  let previous: string | undefined;
  beforeAll(() => {
    previous = process.env.ATTENDANCE_TODAY;
    process.env.ATTENDANCE_TODAY = day;
  });
  afterAll(() => {
    if (previous === undefined) {
      delete process.env.ATTENDANCE_TODAY;
    } else {
      process.env.ATTENDANCE_TODAY = previous;
    }
  });
}
