// Health details on the pupil page, for the lead and the head (docs/rules/arrangements.md, "Health and SEND"): the
// individual healthcare plan and its review date, the EHC plan's annual review, adjustments agreed, and the
// sickness return to the LA at 15 school days (30 sessions) of illness in the year, with its log.
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { SICKNESS_RETURN_SESSIONS } from '../../../../shared/channels/arrangements-health';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { plural } from '../../../../shared/names';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { FormDate } from '../../components/FormDate';

type Health = NonNullable<Output<'arrangements.health'>['health']>;
const INVALIDATE = ['arrangements.health', 'arrangements.healthDue'] as const;

function PlanForm({ pupilId, plan, ehcp }: { pupilId: number; plan: Health['plan']; ehcp: boolean }) {
  const save = useRpcMutation('arrangements.healthPlanSave', [...INVALIDATE]);
  const [ihcp, setIhcp] = useState(plan?.ihcp ?? false);
  const [ihcpReviewOn, setIhcpReview] = useState(plan?.ihcpReviewOn ?? '');
  const [ehcpReviewOn, setEhcpReview] = useState(plan?.ehcpReviewOn ?? '');
  const [notes, setNotes] = useState(plan?.notes ?? '');
  return (
    <div className="row" role="group" aria-label="Health plans">
      <Checkbox label="Individual healthcare plan" checked={ihcp} onChange={(_, d) => setIhcp(!!d.checked)} />
      {ihcp && (
        <Field label="Plan review on">
          <DateInput value={ihcpReviewOn} onChange={(_, d) => setIhcpReview(d.value)} />
        </Field>
      )}
      {ehcp && (
        <Field label="EHC plan annual review on">
          <DateInput value={ehcpReviewOn} onChange={(_, d) => setEhcpReview(d.value)} />
        </Field>
      )}
      <Field label="Health notes">
        <Input value={notes} onChange={(_, d) => setNotes(d.value)} />
      </Field>
      <Button
        disabled={save.isPending}
        onClick={() =>
          save.mutate({
            pupilId,
            ihcp,
            ihcpReviewOn: ihcpReviewOn || null,
            ehcpReviewOn: ehcp ? ehcpReviewOn || null : null,
            notes,
          })
        }
      >
        Save the plans
      </Button>
      {plan && (
        <Text className="muted">
          Last saved by {plan.by}, {formatUkDate(plan.at.slice(0, 10))}
        </Text>
      )}
      <ErrorBar error={save.error} />
    </div>
  );
}

const AdjSchema = z
  .object({
    what: z.string().trim().min(1, 'say what was agreed'),
    fromDate: z.string().min(1, 'enter a date as dd/mm/yyyy'),
    reviewOn: z.string().min(1, 'enter a date as dd/mm/yyyy'),
  })
  .refine((v) => v.reviewOn > v.fromDate, { path: ['reviewOn'], message: 'after the start' });
type Adj = z.infer<typeof AdjSchema>;

function AdjustmentForm({ pupilId, today }: { pupilId: number; today: string }) {
  const add = useRpcMutation('arrangements.adjustmentAdd', [...INVALIDATE]);
  const f = useForm<Adj>({
    resolver: zodResolver(AdjSchema),
    defaultValues: { what: '', fromDate: today, reviewOn: '' },
  });
  const e = f.formState.errors;
  const submit = f.handleSubmit((v) => add.mutate({ pupilId, ...v }, { onSuccess: () => f.reset() }));
  return (
    <form noValidate className="row" aria-label="Agree an adjustment" onSubmit={(ev) => void submit(ev)}>
      <Field label="Adjustment agreed" required validationMessage={e.what?.message}>
        <Controller
          control={f.control}
          name="what"
          render={({ field }) => <Input value={field.value} onChange={(_, d) => field.onChange(d.value)} />}
        />
      </Field>
      {(['fromDate', 'reviewOn'] as const).map((name) => (
        <FormDate
          control={f.control}
          name={name}
          key={name}
          label={name === 'fromDate' ? 'From' : 'Review on'}
          required
          validationMessage={e[name]?.message}
        />
      ))}
      <Button type="submit" disabled={add.isPending}>
        Add the adjustment
      </Button>
      <ErrorBar error={add.error} />
    </form>
  );
}

function Sickness({ pupilId, s, today }: { pupilId: number; s: Health['sickness']; today: string }) {
  const sent = useRpcMutation('arrangements.sicknessReturnSent', [...INVALIDATE]);
  const [how, setHow] = useState('');
  return (
    <>
      <Text>
        Illness this school year: {plural(s.illnessSessions, 'session')} (the sickness return to the LA is due
        at {SICKNESS_RETURN_SESSIONS}).
      </Text>
      {s.returns.map((r) => (
        <Text key={r.sentOn} block>
          Sickness return sent {formatUkDate(r.sentOn)} ({r.how}) by {r.by}.
        </Text>
      ))}
      {s.reachedOn && s.returns.length === 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            15 school days of illness reached on {formatUkDate(s.reachedOn)}: send the sickness return to the
            LA.{' '}
            <Input
              aria-label="How the return was sent"
              placeholder="How (LA portal…)"
              value={how}
              onChange={(_, d) => setHow(d.value)}
            />{' '}
            <Button
              disabled={!how.trim() || sent.isPending}
              onClick={() => sent.mutate({ pupilId, sentOn: today, how })}
            >
              Record as sent today
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={sent.error} />
    </>
  );
}

export function HealthDetails(p: { pupilId: number; health: Health; today: string; ehcp: boolean }) {
  const { plan, adjustments, sickness } = p.health;
  return (
    <>
      <Text as="h3" weight="semibold">
        Health and SEND (lead and head only)
      </Text>
      <PlanForm key={plan?.at ?? 'none'} pupilId={p.pupilId} plan={plan} ehcp={p.ehcp} />
      <ul aria-label="Adjustments agreed">
        {adjustments.map((a) => (
          <li key={a.id}>
            {a.what}: from {formatUkDate(a.fromDate)}, review {formatUkDate(a.reviewOn)} ({a.by})
          </li>
        ))}
        {adjustments.length === 0 && <li>No adjustment agreed.</li>}
      </ul>
      <AdjustmentForm pupilId={p.pupilId} today={p.today} />
      <Sickness pupilId={p.pupilId} s={sickness} today={p.today} />
    </>
  );
}
