// The same-morning calling list of unexplained absence (N): ring the contacts, log each attempt, resolve the N
// with the right code, and record that a social worker was told. The list comes ordered by risk, with the reasons
// said (docs/rules/register-law.md §9), and each attempt names the contact it was made to.
import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Title2,
} from '@fluentui/react-components';
import { formatLongDate, formatUkDate } from '../../../shared/dates';
import type { Output } from '../../../shared/contract';
import { useRpc, useRpcMutation } from '../hooks';
import { ErrorBar } from '../components/ErrorBar';
import { DateInput } from '../components/DateInput';
import { formatTimeOfDay } from '../auth/when';

type Row = Output<'followup.list'>['pupils'][number];

function PupilCard({ p, date }: { p: Row; date: string }) {
  const log = useRpcMutation('followup.logAttempt', ['followup.list']);
  const resolve = useRpcMutation('followup.resolve', ['followup.list', 'followup.overdueN']);
  const sw = useRpcMutation('followup.informSocialWorker', ['followup.list']);
  const [method, setMethod] = useState<'call' | 'text' | 'email' | 'home_visit' | 'other'>('call');
  const [outcome, setOutcome] = useState('');
  const [contactName, setContactName] = useState(p.contacts[0]?.name ?? '');
  const [code, setCode] = useState('I');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  return (
    <section className="card" aria-label={`${p.name}, ${p.regGroup}`}>
      <Text weight="semibold" size={500}>
        {p.name}
      </Text>{' '}
      <Text className="muted">
        {p.regGroup} · N for {p.sessions.join(' and ')}
      </Text>
      {p.riskReasons.length > 0 && (
        <Text block className="calling-risk">
          High on the list: {p.riskReasons.join('; ')}
        </Text>
      )}
      {p.socialWorker && (
        <MessageBar intent={p.socialWorkerInformed ? 'success' : 'warning'}>
          <MessageBarBody>
            {p.socialWorkerInformed
              ? `Social worker told (${p.socialWorkerInformed.how}) by ${p.socialWorkerInformed.by}.`
              : 'This pupil has a social worker: their unexplained absence must be passed on today.'}
            {!p.socialWorkerInformed && (
              <Button
                size="small"
                style={{ marginLeft: 8 }}
                onClick={() => sw.mutate({ pupilId: p.pupilId, date, how: 'Phoned the social worker' })}
              >
                Record social worker told
              </Button>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <ul aria-label="Contacts">
        {p.contacts.map((c, i) => (
          <li key={i}>
            {c.name}
            {c.relationship ? ` (${c.relationship})` : ''}: {c.phone ?? 'no phone'}
            {c.livesWith ? ' · lives with pupil' : ''}
            {c.parentalResponsibility ? ' · PR' : ''}
          </li>
        ))}
      </ul>
      {p.attempts.length > 0 && (
        <ol aria-label="Attempts">
          {p.attempts.map((a, i) => (
            <li key={i}>
              {formatTimeOfDay(a.at)} {a.method.replace('_', ' ')}
              {a.contactName ? ` to ${a.contactName}` : ''}: {a.outcome} ({a.by})
            </li>
          ))}
        </ol>
      )}
      <div className="row">
        <Field label="Attempt">
          <Select value={method} onChange={(_, d) => setMethod(d.value as typeof method)}>
            <option value="call">Call</option>
            <option value="text">Text</option>
            <option value="email">Email</option>
            <option value="home_visit">Home visit</option>
            <option value="other">Other</option>
          </Select>
        </Field>
        {p.contacts.length > 0 && (
          <Field label="Contact">
            <Select value={contactName} onChange={(_, d) => setContactName(d.value)}>
              {p.contacts.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                  {c.relationship ? ` (${c.relationship})` : ''}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label="Outcome">
          <Input value={outcome} onChange={(_, d) => setOutcome(d.value)} />
        </Field>
        <Button
          disabled={!outcome.trim()}
          onClick={async () => {
            await log.mutateAsync({
              pupilId: p.pupilId,
              date,
              method,
              outcome,
              contactName: contactName || null,
            });
            setOutcome('');
          }}
        >
          Log attempt
        </Button>
      </div>
      <div className="row">
        <Field label="Replace N with">
          <Select value={code} onChange={(_, d) => setCode(d.value)}>
            {['I', 'M', 'C', 'R', 'E', 'G', 'O', 'U', 'L'].map((c) => (
              <option key={c}>{c}</option>
            ))}
          </Select>
        </Field>
        <Field label="Detail (if the code needs one)">
          <Input value={note} onChange={(_, d) => setNote(d.value)} />
        </Field>
        <Field label="Reason for the change" required>
          <Input value={reason} onChange={(_, d) => setReason(d.value)} />
        </Field>
        <Button
          appearance="primary"
          disabled={!reason.trim()}
          onClick={async () => {
            for (const s of p.sessions) {
              await resolve.mutateAsync({
                pupilId: p.pupilId,
                date,
                session: s,
                code,
                note: note || null,
                reason,
              });
            }
          }}
        >
          Resolve
        </Button>
      </div>
      <ErrorBar error={log.error ?? resolve.error ?? sw.error} />
    </section>
  );
}

export function FollowUp({ today }: { today: string }) {
  const [date, setDate] = useState(today);
  const q = useRpc('followup.list', { date });
  const overdue = useRpc('followup.overdueN', { asOf: today });
  return (
    <div className="page">
      <Title2 as="h1">Unexplained absence: {formatLongDate(date, true)}</Title2>
      <Field label="Date" style={{ maxWidth: 240 }}>
        <DateInput value={date} onChange={(_, d) => d.value && setDate(d.value)} />
      </Field>
      <ErrorBar error={q.error} />
      {q.data && q.data.pupils.length === 0 && (
        <Text>No unexplained absence (N) on {formatUkDate(date)}.</Text>
      )}
      {q.data?.pupils.map((p) => (
        <PupilCard key={p.pupilId} p={p} date={date} />
      ))}
      {overdue.data && overdue.data.marks.length > 0 && (
        <section className="card" aria-labelledby="h-over">
          <Text as="h2" id="h-over" weight="semibold" size={500}>
            N overdue: 5 or more school days without a reason
          </Text>
          <table className="plain" aria-label="Overdue N marks">
            <thead>
              <tr>
                <th>Pupil</th>
                <th>Group</th>
                <th>Session</th>
                <th>School days since</th>
              </tr>
            </thead>
            <tbody>
              {overdue.data.marks.slice(0, 200).map((m, i) => (
                <tr key={i}>
                  <td>
                    <a href={`#/pupils/${m.pupilId}`}>{m.name}</a>
                  </td>
                  <td>{m.regGroup}</td>
                  <td>
                    {formatUkDate(m.date)} {m.session}
                  </td>
                  <td>{m.schoolDaysSince}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
