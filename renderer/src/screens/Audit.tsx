// The audit log (headteacher and administrator): every sign-in, failed sign-in, account change and decision,
// newest first, filtered by day, person and action, in pages of 50. Nothing here can change it.
import { useState } from 'react';
import { Button, Field, Input, Select, Text, Title2 } from '@fluentui/react-components';
import { useRpc } from '../hooks';
import { ErrorBar } from '../components/ErrorBar';
import { DateInput } from '../components/DateInput';
import { formatWhen } from '../auth/when';

const PAGE = 50;

export function Audit() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [offset, setOffset] = useState(0);
  const q = useRpc(
    'audit.list',
    {
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(actor.trim() ? { actor: actor.trim() } : {}),
      ...(action ? { action } : {}),
      offset,
      limit: PAGE,
    },
    { placeholderData: (prev) => prev },
  );
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setOffset(0);
    };
  const total = q.data?.total ?? 0;
  return (
    <div className="page">
      <Title2 as="h1">Audit log</Title2>
      <Text>
        Every sign-in, failed sign-in, change of account or role, every decision, and everything that leaves
        the building (exports, documents, backups and restores), as it happened. The log cannot be changed or
        deleted.
      </Text>
      <div className="card row" role="search" aria-label="Filter the audit log">
        <Field label="From">
          <DateInput value={from} onChange={(_, d) => reset(setFrom)(d.value)} />
        </Field>
        <Field label="To">
          <DateInput value={to} onChange={(_, d) => reset(setTo)(d.value)} />
        </Field>
        <Field label="Who">
          <Input value={actor} onChange={(_, d) => reset(setActor)(d.value)} placeholder="name or username" />
        </Field>
        <Field label="Action">
          <Select value={action} onChange={(_, d) => reset(setAction)(d.value)}>
            <option value="">All actions</option>
            {q.data?.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <ErrorBar error={q.error} />
      {q.data && (
        <>
          <Text aria-live="polite">
            {total === 0
              ? 'Nothing matches.'
              : `Entries ${offset + 1}–${Math.min(offset + PAGE, total)} of ${total}`}
          </Text>
          <div className="table-scroll">
            <table className="plain" aria-label="Audit entries">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Who</th>
                  <th>Action</th>
                  <th>Record</th>
                  <th>Detail</th>
                </tr>
              </thead>
              <tbody>
                {q.data.rows.map((r) => (
                  <tr key={r.id}>
                    <td>{formatWhen(r.at, true)}</td>
                    <td>{r.actor}</td>
                    <td>{r.action}</td>
                    <td>
                      {r.entity}
                      {r.entityId ? ` ${r.entityId}` : ''}
                    </td>
                    <td className="audit-detail">
                      {r.flag && (
                        <strong className="audit-flag">
                          Flagged: {r.flag}
                          <br />
                        </strong>
                      )}
                      {r.detail}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="row">
            <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Newer
            </Button>
            <Button disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
              Older
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
