// The key messages the report suggests (the lead edits them before the final document) and the questions for
// governors (section 8), both drawn only from the report's own figures (docs/rules/governor-report.md).
import type { GovernorFigures } from './report-data';
import { formatPct1 } from '../../../shared/statistics/rates';
import { plural } from '../../../shared/names';

type Base = Omit<GovernorFigures, 'suggestedMessages' | 'questions'>;

const pts = (v: number) => `${Math.abs(Math.round(v * 10) / 10).toFixed(1)} percentage points`;
const attendance = (b: { absencePct: number | null }) => (b.absencePct === null ? null : 100 - b.absencePct);

/** The visible cohort (not a year or registration group) with the largest absence gap above the rest. */
function widestGap(f: Base) {
  const rows = f.breakdowns
    .filter((b) => b.dimension !== 'yearGroup' && b.dimension !== 'regGroup')
    .flatMap((b) => b.rows)
    .filter((r) => r.absenceGap !== null && r.absenceGap > 0);
  return rows.sort((a, b) => b.absenceGap! - a.absenceGap!)[0] ?? null;
}

function nationalFor(f: Base) {
  // The newest matching England row (the shipped table and the school's rows run oldest first).
  return (
    f.reference.filter((r) => r.matchesPeriod && r.area === 'England' && r.overall !== null).at(-1) ?? null
  );
}

export function suggestedMessages(f: Base): string[] {
  const out: string[] = [];
  const att = attendance(f.headline.all);
  const lastAtt = f.lastYear ? attendance(f.lastYear.all) : null;
  if (att !== null) {
    const change =
      lastAtt === null
        ? ''
        : att >= lastAtt
          ? `, up ${pts(att - lastAtt)} on the same point last year`
          : `, down ${pts(lastAtt - att)} on the same point last year`;
    out.push(`Attendance for the period was ${formatPct1(att)}${change}.`);
  }
  if (f.headline.all.persistentPct !== null) {
    out.push(
      `${formatPct1(f.headline.all.persistentPct)} of pupils (${f.headline.all.persistentCount}) ` +
        `were persistently absent, ${f.headline.all.severeCount} of them severely.`,
    );
  }
  const nat = nationalFor(f);
  if (nat && f.headline.dfeCohort.absencePct !== null) {
    const d = f.headline.dfeCohort.absencePct - nat.overall!;
    out.push(
      `Absence in the DfE-comparable cohort was ${formatPct1(f.headline.dfeCohort.absencePct)}, ` +
        `${pts(d)} ${d > 0 ? 'above' : 'below'} the national figure (${nat.period}).`,
    );
  }
  const g = widestGap(f);
  if (g) {
    out.push(
      `The widest gap: ${g.label} pupils' absence was ${pts(g.absenceGap!)} above the rest of the school.`,
    );
  }
  if (f.target && att !== null) {
    const ytdAtt = attendance(f.yearToDate.all);
    out.push(
      `Against the board's target of ${formatPct1(f.target.attendancePct)} attendance, the year to date stands at ${formatPct1(ytdAtt)}.`,
    );
  }
  return out.slice(0, 5);
}

export function questionsFor(f: Base): string[] {
  const q: string[] = [];
  const att = attendance(f.headline.all);
  const lastAtt = f.lastYear ? attendance(f.lastYear.all) : null;
  if (att !== null && lastAtt !== null && att < lastAtt) {
    q.push(
      `Attendance is ${pts(lastAtt - att)} lower than at the same point last year. What lies behind the fall?`,
    );
  }
  const g = widestGap(f);
  if (g) {
    q.push(
      `${g.label} pupils miss ${pts(g.absenceGap!)} more of their sessions than the rest. ` +
        'What support is in place for them, and how do we know it is working?',
    );
  }
  const m = f.movement;
  if (m.enteredPersistent > m.leftPersistent) {
    q.push(
      `${plural(m.enteredPersistent, 'pupil')} became persistently absent in the period and ` +
        `${m.leftPersistent} left the band. Which groups are they in, and what is the plan for them?`,
    );
  }
  const top = f.reasons[0];
  if (top?.code === 'I') {
    q.push(
      'Illness is the largest reason for absence. How does the school support pupils with long-term or repeated illness?',
    );
  }
  const unexplained = f.reasons
    .filter((r) => r.code === 'N' || r.code === 'O')
    .reduce((s, r) => s + r.sessions, 0);
  if (unexplained > 0) {
    q.push(
      `${plural(unexplained, 'session')} of absence were unexplained or unauthorised without a ` +
        'reason (N, O). How quickly does the school follow these up?',
    );
  }
  if (
    f.target &&
    f.yearToDate.all.absencePct !== null &&
    100 - f.yearToDate.all.absencePct < f.target.attendancePct
  ) {
    q.push(
      `The year to date is below the board's attendance target of ` +
        `${formatPct1(f.target.attendancePct)}. What will change before the next report?`,
    );
  }
  for (const c of f.compliance.filter((x) => x.status === 'attention')) {
    q.push(`Compliance check "${c.label}": ${c.value}. What is being done about it?`);
  }
  if (f.lateness.lateAfterClose > 0) {
    q.push(
      `${plural(f.lateness.lateAfterClose, 'session')} were marked late after the register closed (U). Is punctuality improving?`,
    );
  }
  q.push('Which of the actions taken this term has made the most difference, and how do we know?');
  return q;
}
