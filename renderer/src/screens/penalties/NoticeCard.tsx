// One notice on the pupil's register of notices: what it was, the marks it relies on (and whether any has since
// been amended away from unauthorised absence), its history, and recording payment, withdrawal or prosecution.
import { useState } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { formatUkDate } from '../../../../shared/dates';
import type { Output } from '../../../../shared/contract';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { KIND, STATUS } from './labels';

type N = Output<'penalty.notices'>;

export function NoticeCard({ n, today }: { n: N['notices'][number]; today: string }) {
  const update = useRpcMutation('penalty.update', ['penalty.notices', 'penalty.tracker']);
  const [status, setStatus] = useState<'paid' | 'unpaid' | 'withdrawn' | 'prosecuted'>(
    n.kind === 'penalty_notice' ? 'paid' : 'withdrawn',
  );
  const [onDate, setOnDate] = useState(today);
  const [reason, setReason] = useState('');
  const changed = n.marks.filter((m) => !m.stillUnauthorised).length;
  return (
    <div
      className="card"
      style={{ marginTop: 8 }}
      aria-label={`${KIND[n.kind]} of ${formatUkDate(n.issuedOn)}`}
      role="group"
    >
      <Text block weight="semibold">
        {KIND[n.kind]} of {formatUkDate(n.issuedOn)} to {n.parentName}
        {n.amount ? `, £${n.amount}` : ''}: {STATUS[n.status]}
      </Text>
      <Text block className="muted">
        Relies on {n.marks.length} marks, {formatUkDate(n.marks[0]?.date)} to{' '}
        {formatUkDate(n.marks[n.marks.length - 1]?.date)}. Recorded by {n.recordedBy}.
        {n.note ? ` ${n.note}` : ''}
      </Text>
      {changed > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {changed} of the marks it relies on have since been amended to a code that is not unauthorised
            absence.
          </MessageBarBody>
        </MessageBar>
      )}
      <ul aria-label="History">
        {n.events.map((e, i) => (
          <li key={i}>
            {formatUkDate(e.onDate)}: {STATUS[e.status]}
            {e.reason ? ` – ${e.reason}` : ''} <span className="muted">({e.by})</span>
          </li>
        ))}
      </ul>
      {n.status !== 'withdrawn' && (
        <div className="row">
          <Field label="Change">
            <Select value={status} onChange={(_, v) => setStatus(v.value as typeof status)}>
              {n.kind === 'penalty_notice' && (
                <>
                  <option value="paid">Paid</option>
                  <option value="unpaid">Unpaid</option>
                  <option value="prosecuted">Prosecuted</option>
                </>
              )}
              <option value="withdrawn">Withdrawn</option>
            </Select>
          </Field>
          <Field label="On">
            <DateInput value={onDate} onChange={(_, v) => setOnDate(v.value)} />
          </Field>
          <Field label="Reason or reference">
            <Input value={reason} onChange={(_, v) => setReason(v.value)} />
          </Field>
          <Button
            disabled={!reason.trim() || update.isPending}
            onClick={() =>
              update.mutate({ noticeId: n.id, status, onDate, reason }, { onSuccess: () => setReason('') })
            }
          >
            Record change
          </Button>
        </div>
      )}
      <ErrorBar error={update.error} />
    </div>
  );
}
