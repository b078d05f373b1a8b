// The pupil's amended marks: each saved mark changed, what it was and is now, the reason, who changed it and when.
import { Text } from '@fluentui/react-components';
import { formatUkDate } from '../../../../shared/dates';
import { useRpc } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { formatWhen } from '../../auth/when';

export function History({ upn }: { upn: string }) {
  const q = useRpc('marks.history', { upn });
  return (
    <section className="card" aria-labelledby="h-history" id="history" tabIndex={-1}>
      <Text as="h2" id="h-history" weight="semibold" size={500}>
        Amendment history
      </Text>
      <ErrorBar error={q.error} />
      {q.data && q.data.amendments.length === 0 && <Text>No mark of this pupil has been amended.</Text>}
      {q.data && q.data.amendments.length > 0 && (
        <table className="plain" aria-label="Amendments">
          <thead>
            <tr>
              <th>Session</th>
              <th>Was</th>
              <th>Now</th>
              <th>Reason</th>
              <th>By</th>
              <th>When</th>
            </tr>
          </thead>
          <tbody>
            {q.data.amendments.map((a, i) => (
              <tr key={i}>
                <td>
                  {formatUkDate(a.date)} {a.session}
                </td>
                <td>
                  {a.oldCode}
                  {a.oldMinutesLate ? ` (${a.oldMinutesLate} min)` : ''}
                </td>
                <td>
                  {a.newCode}
                  {a.newMinutesLate ? ` (${a.newMinutesLate} min)` : ''}
                </td>
                <td>{a.reason}</td>
                <td>
                  {a.changedBy}, {a.position}
                </td>
                <td>{formatWhen(a.changedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
