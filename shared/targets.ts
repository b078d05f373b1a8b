// Progress against the governing board's attendance target for a school year (docs/rules/governor-report.md):
// one rule for the dashboard and the governor report, so the two always say the same.

export const TARGET_PROGRESS = ['on_track', 'behind', 'no_figure'] as const;
export type TargetProgress = (typeof TARGET_PROGRESS)[number];
export const TARGET_PROGRESS_LABELS: Record<TargetProgress, string> = {
  on_track: 'On track',
  behind: 'Behind the target',
  no_figure: 'No figure yet',
};

export interface TargetLine {
  target: number;
  actual: number | null;
  /** Percentage points the actual figure is better (+) or worse (-) than the target; null without a figure. */
  margin: number | null;
  progress: TargetProgress;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Attendance is on track at or above its target, persistent absence at or below its target. `actual` figures are
 * the school year to date for all pupils on roll (null when no pupil had a possible session).
 */
export function targetProgress(
  t: { attendancePct: number; persistentPct: number },
  actual: { attendancePct: number | null; persistentPct: number | null },
): { attendance: TargetLine; persistent: TargetLine } {
  const line = (target: number, a: number | null, higherIsBetter: boolean): TargetLine => {
    if (a === null) {
      return { target, actual: null, margin: null, progress: 'no_figure' };
    }
    const margin = round1(higherIsBetter ? a - target : target - a);
    return { target, actual: a, margin: margin + 0, progress: margin >= 0 ? 'on_track' : 'behind' };
  };
  return {
    attendance: line(t.attendancePct, actual.attendancePct, true),
    persistent: line(t.persistentPct, actual.persistentPct, false),
  };
}

/** "On track (+0.4 points)", "Behind the target (−0.9 points)", "No figure yet": the same words everywhere. */
export function progressText(l: TargetLine): string {
  const label = TARGET_PROGRESS_LABELS[l.progress];
  return l.margin === null
    ? label
    : `${label} (${l.margin >= 0 ? '+' : '−'}${Math.abs(l.margin).toFixed(1)} points)`;
}
