// Recording a plan's review (its date, who attended, notes and the next review) and closing the plan with its
// outcome (docs/rules/casework.md); both shown to the lead while the plan is open.
import { useState } from 'react';
import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { PLAN_OUTCOMES, PLAN_OUTCOME_LABELS, type PlanOutcome } from '../../../../shared/casework';
import { addDays } from '../../../../shared/dates';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { useUnsavedGuard } from './forms';

export function ReviewForm({ planId, today }: { planId: number; today: string }) {
  const m = useRpcMutation('casework.plan.review', ['casework.plan.get', 'casework.pupil']);
  const [on, setOn] = useState(today);
  const [who, setWho] = useState('');
  const [notes, setNotes] = useState('');
  const [next, setNext] = useState(addDays(today, 14));
  useUnsavedGuard(notes !== '' && !m.isSuccess);
  return (
    <form
      className="form-grid"
      aria-label="Record a review"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate(
          { planId, reviewedOn: on, attendees: who, notes, nextReview: next || null },
          { onSuccess: () => setNotes('') },
        );
      }}
    >
      <Field label="Review date">
        <DateInput value={on} onChange={(_, d) => setOn(d.value)} />
      </Field>
      <Field label="Who attended" required>
        <Input value={who} onChange={(_, d) => setWho(d.value)} />
      </Field>
      <Field label="Notes of the review" required>
        <Textarea value={notes} onChange={(_, d) => setNotes(d.value)} />
      </Field>
      <Field label="Next review">
        <DateInput value={next} onChange={(_, d) => setNext(d.value)} />
      </Field>
      <Button type="submit" disabled={m.isPending}>
        Save review
      </Button>
      <ErrorBar error={m.error} />
    </form>
  );
}

export function CloseForm({ planId, today }: { planId: number; today: string }) {
  const m = useRpcMutation('casework.plan.close', ['casework.plan.get', 'casework.pupil']);
  const [outcome, setOutcome] = useState<PlanOutcome>('met');
  const [note, setNote] = useState('');
  return (
    <form
      className="row"
      aria-label="Close the plan"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate({ planId, outcome, outcomeOn: today, note });
      }}
    >
      <Field label="Outcome">
        <Select value={outcome} onChange={(_, d) => setOutcome(d.value as PlanOutcome)}>
          {PLAN_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {PLAN_OUTCOME_LABELS[o]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Note on the outcome">
        <Input value={note} onChange={(_, d) => setNote(d.value)} />
      </Field>
      <Button type="submit" disabled={m.isPending || !note.trim()}>
        Close the plan
      </Button>
      <ErrorBar error={m.error} />
    </form>
  );
}
