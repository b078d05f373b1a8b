// A pupil's figures for the school year to date, computed by the core exactly as docs/rules/statistics.md
// (the same numbers as `report pupils`); shown to one decimal place, bands never re-derived from the rounded
// figure.
import { Badge, Text } from '@fluentui/react-components';
import { academicYearOf } from '../../../shared/dates';
import { BAND_LABELS } from '../../../shared/bands';
import { formatPct1 } from '../../../shared/statistics/rates';
import { useRpc } from '../hooks';
import { ErrorBar } from './ErrorBar';

export function PupilFigures({ pupilId, today }: { pupilId: number; today: string }) {
  const from = `${academicYearOf(today)}-09-01`;
  const q = useRpc('reports.pupilFigures', { pupilId, from, to: today });
  if (!q.data) {
    return <ErrorBar error={q.error} />;
  }
  const f = q.data.figures;
  const cells: [string, string | number][] = [
    ['Attendance', formatPct1(f.attendancePct)],
    ['Absence', formatPct1(f.absencePct)],
    ['Possible sessions', f.possible],
    ['Authorised absence', f.authorised],
    ['Unauthorised absence', f.unauthorised],
    ['Illness (I)', f.illnessSessions],
    ['Late before close (L)', f.lateBeforeClose],
    ['Late after close (U)', f.lateAfterClose],
    ['Minutes late', f.minutesLate],
    ['Unauthorised in worst 10 school weeks', `${f.penaltySessionsMaxWindow} (threshold 10)`],
    ['Longest unauthorised run', `${f.longestUnauthorisedRunSessions} sessions`],
    ['N overdue', f.overdueN],
  ];
  return (
    <section className="card" aria-labelledby="h-figures">
      <Text as="h2" id="h-figures" weight="semibold" size={500}>
        This school year so far
      </Text>{' '}
      {f.band && (
        <Badge appearance="filled" color={BAND_LABELS[f.band].color}>
          {BAND_LABELS[f.band].label}
        </Badge>
      )}
      <dl className="grid2">
        {cells.map(([k, v]) => (
          <div key={k}>
            <dt className="muted">{k}</dt>
            <dd style={{ margin: 0, fontWeight: 600 }}>{v}</dd>
          </div>
        ))}
      </dl>
      {f.penaltyThresholdFirstMet && (
        <Text>
          The penalty-notice threshold was first met on{' '}
          {f.penaltyThresholdFirstMet.split('-').reverse().join('/')}.
        </Text>
      )}
    </section>
  );
}
