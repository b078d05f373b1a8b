// The lists of leave requests: the head's queue of decisions waiting and every request of the school.
import { useState } from 'react';
import { Badge, Field, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { LEAVE_KIND_LABELS } from '../../../../shared/channels/leave';
import { formatUkDate } from '../../../../shared/dates';
import { useRpc } from '../../hooks';
import { RpcFailure } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { pluralS } from '../../../../shared/names';
import { type Row, STATUS_LABEL, StatusBadge, range } from './common';

/** The date a decision is due by, marked overdue once it has passed; nothing when there is none. */
function DecideBy({ decideBy, today }: { decideBy: Row['decideBy']; today: string }) {
  if (!decideBy) {
    return null;
  }
  return (
    <>
      {formatUkDate(decideBy)}
      {today && decideBy < today && (
        <>
          {' '}
          <Badge appearance="tint" color="danger">
            overdue
          </Badge>
        </>
      )}
    </>
  );
}

function RequestTable({ rows, label }: { rows: Row[]; label: string }) {
  const today = useRpc('school.appStatus', {}).data?.today ?? '';
  if (rows.length === 0) {
    return <Text>None.</Text>;
  }
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className="plain" aria-label={label}>
        <thead>
          <tr>
            <th>Pupil</th>
            <th>Group</th>
            <th>Dates</th>
            <th>School days</th>
            <th>Kind</th>
            <th>Received</th>
            <th>Asked by</th>
            <th>Status</th>
            <th>Decide by</th>
            <th>Warnings</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`#/leave/${r.id}`}>{r.pupilName}</a>
              </td>
              <td>{r.regGroup}</td>
              <td>{range(r)}</td>
              <td>{r.days}</td>
              <td>{LEAVE_KIND_LABELS[r.kind]}</td>
              <td>{formatUkDate(r.dateReceived)}</td>
              <td>{r.requesterName}</td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>
                <DecideBy decideBy={r.decideBy} today={today} />
              </td>
              <td>{r.warnings || ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Queue() {
  const q = useRpc('leave.queue', {}, { retry: false });
  if (q.error instanceof RpcFailure && q.error.error.kind === 'forbidden') {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          Leave is decided by the headteacher or a person the headteacher has authorised. Requests you enter
          wait here for them.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <section className="card">
      <ErrorBar error={q.error} />
      {q.data && (
        <>
          <Text as="p">
            {q.data.requests.length} request{pluralS(q.data.requests.length)} waiting, earliest leave first.
          </Text>
          <RequestTable rows={q.data.requests} label="Requests waiting for a decision" />
        </>
      )}
    </section>
  );
}

export function AllRequests() {
  const [status, setStatus] = useState('');
  const q = useRpc('leave.list', { status: (status || undefined) as Row['status'] | undefined });
  return (
    <section className="card">
      <Field label="Status">
        <Select value={status} onChange={(_, d) => setStatus(d.value)}>
          <option value="">All</option>
          {Object.entries(STATUS_LABEL).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
      <ErrorBar error={q.error} />
      {q.data && <RequestTable rows={q.data.requests} label="Leave requests" />}
    </section>
  );
}
