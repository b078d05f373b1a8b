// What the office does for one pupil on the calling list: log an attempt to reach a contact, and replace the N with
// the right code once the reason is known (an amendment, with its reason).
import { useState } from 'react';
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import type { Row } from './PupilCard';

type Method = 'call' | 'text' | 'email' | 'home_visit' | 'other';

export function LogAttempt({ p, date }: { p: Row; date: string }) {
  const log = useRpcMutation('followup.logAttempt', ['followup.list']);
  const [method, setMethod] = useState<Method>('call');
  const [outcome, setOutcome] = useState('');
  const [contactName, setContactName] = useState(p.contacts[0]?.name ?? '');
  const save = async () => {
    await log.mutateAsync({ pupilId: p.pupilId, date, method, outcome, contactName: contactName || null });
    setOutcome('');
  };
  return (
    <>
      <div className="row">
        <Field label="Attempt">
          <Select value={method} onChange={(_, d) => setMethod(d.value as Method)}>
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
        <Button disabled={!outcome.trim()} onClick={save}>
          Log attempt
        </Button>
      </div>
      <ErrorBar error={log.error} />
    </>
  );
}

/** The codes an N is most often replaced with, once the reason is known. */
const REPLACEMENTS = ['I', 'M', 'C', 'R', 'E', 'G', 'O', 'U', 'L'];

export function ResolveN({ p, date }: { p: Row; date: string }) {
  const resolve = useRpcMutation('followup.resolve', ['followup.list', 'followup.overdueN']);
  const [code, setCode] = useState('I');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const save = async () => {
    for (const s of p.sessions) {
      await resolve.mutateAsync({ pupilId: p.pupilId, date, session: s, code, note: note || null, reason });
    }
  };
  return (
    <>
      <div className="row">
        <Field label="Replace N with">
          <Select value={code} onChange={(_, d) => setCode(d.value)}>
            {REPLACEMENTS.map((c) => (
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
        <Button appearance="primary" disabled={!reason.trim()} onClick={save}>
          Resolve
        </Button>
      </div>
      <ErrorBar error={resolve.error} />
    </>
  );
}
