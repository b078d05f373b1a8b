// The Leave section of the pupil page.
import { Text } from '@fluentui/react-components';
import { LEAVE_KIND_LABELS } from '../../../../shared/channels/leave';
import { formatUkDate } from '../../../../shared/dates';
import { useRpc } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { formatWhen } from '../../auth/when';
import { StatusBadge, range } from './common';

/** The Leave section of the pupil page: every request with its status and a way in. */
export function PupilLeave({ pupilId }: { pupilId: number }) {
  const q = useRpc('leave.list', { pupilId });
  return (
    <section className="card" aria-labelledby="h-leave">
      <Text as="h2" id="h-leave" weight="semibold" size={500}>
        Leave of absence
      </Text>
      <ErrorBar error={q.error} />
      {q.data && q.data.requests.length === 0 && <Text>No leave request.</Text>}
      {q.data && q.data.requests.length > 0 && (
        <table className="plain" aria-label="Leave requests">
          <thead>
            <tr>
              <th>Dates</th>
              <th>Kind</th>
              <th>Received</th>
              <th>Status</th>
              <th>Decided</th>
              <th>Letters</th>
            </tr>
          </thead>
          <tbody>
            {q.data.requests.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`#/leave/${r.id}`}>{range(r)}</a>
                </td>
                <td>{LEAVE_KIND_LABELS[r.kind]}</td>
                <td>{formatUkDate(r.dateReceived)}</td>
                <td>
                  <StatusBadge status={r.status} />
                  {r.status === 'part' ? ` (${r.daysGranted} of ${r.days} days)` : ''}
                </td>
                <td>{r.decidedAt ? `${formatWhen(r.decidedAt).slice(0, 10)} by ${r.decidedBy}` : '–'}</td>
                <td>{r.lettersProduced || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href="#/leave/new">New leave request</a>
      </p>
    </section>
  );
}
