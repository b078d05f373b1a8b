// Recording a referral (or signposting, or an early help assessment), its outcome once known, and the joint
// approach agreed with the LA for a severely absent pupil (docs/rules/casework.md). The core checks dates and names
// the pupil in messages.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { REFERRAL_KINDS, REFERRAL_KIND_LABELS, type ReferralKind } from '../../../../shared/casework';
import { DateInput } from '../../components/DateInput';
import { ErrorBar } from '../../components/ErrorBar';
import { useRpcMutation } from '../../hooks';
import { useUnsavedGuard } from './forms';
import { FormDate } from '../../components/FormDate';
import { FormText } from '../../components/FormText';

type Props = { pupilId: number; today: string; onDone: () => void };

export function ReferralForm({ pupilId, today, onDone }: Props) {
  const m = useRpcMutation('casework.addReferral', ['casework.pupil']);
  const [kind, setKind] = useState<ReferralKind>('referral');
  const [service, setService] = useState('');
  const [on, setOn] = useState(today);
  const [lead, setLead] = useState('');
  useUnsavedGuard(service !== '' && !m.isSuccess);
  return (
    <form
      className="card form-grid"
      aria-label="Record a referral"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate(
          { pupilId, kind, service, madeOn: on, leadPractitioner: lead || null },
          { onSuccess: onDone },
        );
      }}
    >
      <Field label="Kind">
        <Select value={kind} onChange={(_, d) => setKind(d.value as ReferralKind)}>
          {REFERRAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {REFERRAL_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Service" required>
        <Input value={service} onChange={(_, d) => setService(d.value)} />
      </Field>
      <Field label="Date">
        <DateInput value={on} onChange={(_, d) => setOn(d.value)} />
      </Field>
      <Field label="Lead practitioner (early help)">
        <Input value={lead} onChange={(_, d) => setLead(d.value)} />
      </Field>
      <div className="row">
        <Button appearance="primary" type="submit" disabled={m.isPending}>
          Save referral
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
      <ErrorBar error={m.error} />
    </form>
  );
}

export function JointForm({ pupilId, today, onDone }: Props) {
  const m = useRpcMutation('casework.addJoint', ['casework.pupil', 'casework.severeWithoutJoint']);
  const [on, setOn] = useState(today);
  const [officer, setOfficer] = useState('');
  const [plan, setPlan] = useState('');
  const [review, setReview] = useState('');
  useUnsavedGuard((officer !== '' || plan !== '') && !m.isSuccess);
  return (
    <form
      className="card form-grid"
      aria-label="Record the joint approach with the LA"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate(
          { pupilId, agreedOn: on, laOfficer: officer, agreedPlan: plan, nextReview: review || null },
          { onSuccess: onDone },
        );
      }}
    >
      <Field label="Agreed on">
        <DateInput value={on} onChange={(_, d) => setOn(d.value)} />
      </Field>
      <Field label="LA officer" required>
        <Input value={officer} onChange={(_, d) => setOfficer(d.value)} />
      </Field>
      <Field label="The agreed plan" required>
        <Textarea value={plan} onChange={(_, d) => setPlan(d.value)} />
      </Field>
      <Field label="Next review">
        <DateInput value={review} onChange={(_, d) => setReview(d.value)} />
      </Field>
      <div className="row">
        <Button appearance="primary" type="submit" disabled={m.isPending}>
          Save joint approach
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
      <ErrorBar error={m.error} />
    </form>
  );
}

const OutcomeValues = z.object({
  outcome: z.string().trim().min(1, 'say what came of it').max(500),
  outcomeOn: z.string().min(1, 'enter a date (dd/mm/yyyy)'),
});
type OutcomeV = z.infer<typeof OutcomeValues>;

/** The outcome of a referral (accepted, declined, support started…), recorded once it is known. */
export function ReferralOutcomeForm({
  referral,
  today,
  onDone,
}: {
  referral: { id: number; service: string };
  today: string;
  onDone: () => void;
}) {
  const m = useRpcMutation('casework.referralOutcome', ['casework.pupil']);
  const f = useForm<OutcomeV>({
    resolver: zodResolver(OutcomeValues),
    defaultValues: { outcome: '', outcomeOn: today },
  });
  useUnsavedGuard(f.formState.isDirty && !m.isSuccess);
  const err = f.formState.errors;
  return (
    <form
      className="card form-grid"
      aria-label={`Outcome of the referral to ${referral.service}`}
      noValidate
      onSubmit={f.handleSubmit((v) => m.mutate({ id: referral.id, ...v }, { onSuccess: onDone }))}
    >
      <FormText
        control={f.control}
        name="outcome"
        label="What came of it"
        required
        validationMessage={err.outcome?.message}
        multiline
      />
      <FormDate
        control={f.control}
        name="outcomeOn"
        label="Outcome known on"
        required
        validationMessage={err.outcomeOn?.message}
      />
      <div className="row">
        <Button appearance="primary" type="submit" disabled={m.isPending}>
          Save outcome
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
      <ErrorBar error={m.error} />
    </form>
  );
}
