// One notice on the pupil's register of notices: what it was, the marks it relies on (and whether any has since
// been amended away from unauthorised absence), its history, and recording payment, withdrawal or prosecution.
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Text } from '@fluentui/react-components';
import { formatUkDate } from '../../../../shared/dates';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { KIND, STATUS } from './labels';
import { useNoticeChange, type Notice, type NoticeChange, type NoticeStatus } from './useNoticeChange';

/** What the notice was and the marks it relies on, with a warning when any has since been amended. */
function NoticeSummary({ n }: { n: Notice }) {
  const changed = n.marks.filter((m) => !m.stillUnauthorised).length;
  return (
    <>
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
    </>
  );
}

function StatusChange({ n, c }: { n: Notice; c: NoticeChange }) {
  return (
    <div className="row">
      <Field label="Change">
        <Select value={c.status} onChange={(_, v) => c.setStatus(v.value as NoticeStatus)}>
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
        <DateInput value={c.onDate} onChange={(_, v) => c.setOnDate(v.value)} />
      </Field>
      <Field label="Reason or reference">
        <Input value={c.reason} onChange={(_, v) => c.setReason(v.value)} />
      </Field>
      <Button disabled={!c.reason.trim() || c.update.isPending} onClick={() => c.save()}>
        Record change
      </Button>
    </div>
  );
}

export function NoticeCard({ n, today }: { n: Notice; today: string }) {
  const c = useNoticeChange(n, today);
  return (
    <div
      className="card"
      style={{ marginTop: 8 }}
      aria-label={`${KIND[n.kind]} of ${formatUkDate(n.issuedOn)}`}
      role="group"
    >
      <NoticeSummary n={n} />
      <ul aria-label="History">
        {n.events.map((e, i) => (
          <li key={i}>
            {formatUkDate(e.onDate)}: {STATUS[e.status]}
            {e.reason ? ` – ${e.reason}` : ''} <span className="muted">({e.by})</span>
          </li>
        ))}
      </ul>
      {n.status !== 'withdrawn' && <StatusChange n={n} c={c} />}
      <ErrorBar error={c.update.error} />
    </div>
  );
}
