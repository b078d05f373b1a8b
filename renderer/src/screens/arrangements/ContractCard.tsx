// One attendance contract: what was agreed, its record (with the signed copy to open), the Word copy and the
// signed copy, and, while it is open, the form that records a review or the outcome.
import { useState } from 'react';
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import {
  CONTRACT_EVENT_LABELS,
  CONTRACT_OUTCOMES,
  CONTRACT_OUTCOME_LABELS,
} from '../../../../shared/arrangements';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { FilePicker } from '../../components/FilePicker';
import { useContractActions, type RunSave } from './useContractActions';

export type Contract = Output<'arrangements.contracts'>['contracts'][number];

function ContractRecord({ c, onOpen }: { c: Contract; onOpen: (eventId: number) => void }) {
  return (
    <ul aria-label={`Record of the contract for ${c.pupilName}`}>
      {c.events.map((ev) => (
        <li key={ev.id}>
          {formatUkDate(ev.on)}: {CONTRACT_EVENT_LABELS[ev.kind]}
          {ev.notes ? `: ${ev.notes}` : ''}
          {ev.kind === 'letter' && ev.fileName ? ` (${ev.fileName})` : ''}
          {ev.fileName && ev.kind === 'signed_copy' && (
            <Button size="small" appearance="transparent" onClick={() => onOpen(ev.id)}>
              Open {ev.fileName}
            </Button>
          )}{' '}
          ({ev.by})
        </li>
      ))}
    </ul>
  );
}

/** A review or the outcome, with its date and notes. */
function ContractEventForm({ c, today, run }: { c: Contract; today: string; run: RunSave }) {
  const [kind, setKind] = useState<'review' | 'outcome'>('review');
  const [outcome, setOutcome] = useState<(typeof CONTRACT_OUTCOMES)[number]>('kept');
  const [on, setOn] = useState(today);
  const [notes, setNotes] = useState('');
  const save = () =>
    run(async () => {
      await call('arrangements.contractEvent', {
        contractId: c.id,
        kind,
        on,
        notes,
        outcome: kind === 'outcome' ? outcome : undefined,
      });
      setNotes('');
      return 'Recorded.';
    });
  return (
    <div className="row" role="group" aria-label={`Review or outcome for ${c.pupilName}`}>
      <Field label="Record">
        <Select value={kind} onChange={(_, d) => setKind(d.value as 'review' | 'outcome')}>
          <option value="review">A review</option>
          <option value="outcome">The outcome</option>
        </Select>
      </Field>
      {kind === 'outcome' && (
        <Field label="Outcome">
          <Select value={outcome} onChange={(_, d) => setOutcome(d.value as typeof outcome)}>
            {CONTRACT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {CONTRACT_OUTCOME_LABELS[o]}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label="On">
        <DateInput value={on} onChange={(_, d) => d.value && setOn(d.value)} />
      </Field>
      <Field label="Notes">
        <Input value={notes} onChange={(_, d) => setNotes(d.value)} />
      </Field>
      <Button onClick={() => void save()}>Save</Button>
    </div>
  );
}

export function ContractCard({ c, today, mayWrite }: { c: Contract; today: string; mayWrite: boolean }) {
  const { error, status, run, word, open, keepSignedCopy } = useContractActions(c.id);
  return (
    <section className="card" aria-labelledby={`h-contract-${c.id}`}>
      <Text as="h2" id={`h-contract-${c.id}`} weight="semibold" size={500}>
        {c.pupilName}: agreed {formatUkDate(c.agreedOn)}
      </Text>
      <Text>
        {c.parties}. Reviews: {c.reviewDates.map(formatUkDate).join(', ')}.{' '}
        {c.outcome
          ? `Outcome: ${c.outcome}`
          : `Next review ${c.nextReviewOn ? formatUkDate(c.nextReviewOn) : '–'}.`}
      </Text>
      <ContractRecord c={c} onOpen={(eventId) => void open(eventId)} />
      <div className="row">
        {mayWrite && <Button onClick={() => void word()}>Make the Word copy</Button>}
        <FilePicker
          label={`Signed copy for ${c.pupilName}`}
          accept=".pdf,.jpg,.jpeg,.png,.docx"
          onFile={(file) => void keepSignedCopy(file)}
        />
      </div>
      {mayWrite && !c.outcome && <ContractEventForm c={c} today={today} run={run} />}
      {status && <Text role="status">{status}</Text>}
      <ErrorBar error={error} />
    </section>
  );
}
