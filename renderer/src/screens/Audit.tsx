// The audit log (headteacher and administrator): every sign-in, failed sign-in, account change and decision,
// newest first, filtered by day, person and action, in pages of 50. Nothing here can change it. The filters and
// the entries are in audit/.
import { useState } from 'react';
import { Text, Title2 } from '@fluentui/react-components';
import { useRpc } from '../hooks';
import { ErrorBar } from '../components/ErrorBar';
import { AuditFilters } from './audit/AuditFilters';
import { AuditEntries } from './audit/AuditEntries';
import { auditInput } from './audit/audit-query';

export function Audit() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [offset, setOffset] = useState(0);
  const values = { from, to, actor, action };
  const q = useRpc('audit.list', auditInput(values, offset), { placeholderData: (prev) => prev });
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
      <AuditFilters
        values={values}
        actions={q.data?.actions}
        onFrom={reset(setFrom)}
        onTo={reset(setTo)}
        onActor={reset(setActor)}
        onAction={reset(setAction)}
      />
      <ErrorBar error={q.error} />
      {q.data && <AuditEntries rows={q.data.rows} total={total} offset={offset} setOffset={setOffset} />}
    </div>
  );
}
