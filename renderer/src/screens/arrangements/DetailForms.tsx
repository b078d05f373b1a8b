// The forms that add to an arrangement (docs/rules/arrangements.md): a review (the only way to extend it), a new
// pattern from a date, a notice to the LA or social worker, and the outcome. Each saves one new row in the core.
import type { ReactNode } from 'react';
import { Controller, useForm, type Control, type FieldValues, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button, Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { ARRANGEMENT_OUTCOMES, ARRANGEMENT_OUTCOME_LABELS } from '../../../../shared/arrangements';
import { formatUkDate } from '../../../../shared/dates';
import { plural } from '../../../../shared/names';
import { call } from '../../rpc';
import { useSave } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { FormDate } from '../../components/FormDate';
import { PatternGrid } from './PatternGrid';
import { useUnsavedGuard } from './useUnsavedGuard';
import { FormSelect } from '../../components/FormSelect';

const dateReq = z.string().min(1, 'enter a date as dd/mm/yyyy');
const orNull = (s: string) => (s.trim() === '' ? null : s);

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <Text as="h2" id={id} weight="semibold" size={500}>
        {title}
      </Text>
      {children}
    </section>
  );
}

function TextField<T extends FieldValues>(p: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  error?: string;
}) {
  return (
    <Field label={p.label} validationMessage={p.error} required>
      <Controller
        control={p.control}
        name={p.name}
        render={({ field }) => (
          <Textarea
            value={field.value as string}
            onChange={(_, d) => field.onChange(d.value)}
            resize="vertical"
          />
        )}
      />
    </Field>
  );
}

function Outcome({ error, done }: { error: unknown; done: string | null }) {
  return (
    <>
      <ErrorBar error={error} title="Not saved" />
      {done && <Text role="status">{done}</Text>}
    </>
  );
}

const ReviewSchema = z.object({
  reviewedOn: dateReq,
  notes: z.string().trim().min(1, 'record what the review found').max(4000),
  newEndDate: z.string(),
});
export function ReviewForm({ id, today }: { id: number; today: string }) {
  const s = useSave();
  const f = useForm<z.infer<typeof ReviewSchema>>({
    resolver: zodResolver(ReviewSchema),
    defaultValues: { reviewedOn: today, notes: '', newEndDate: '' },
  });
  useUnsavedGuard(f.formState.isDirty);
  const e = f.formState.errors;
  const submit = f.handleSubmit((v) =>
    s.run(async () => {
      const r = await call('arrangements.review', {
        id,
        reviewedOn: v.reviewedOn,
        notes: v.notes,
        newEndDate: orNull(v.newEndDate),
      });
      f.reset({ reviewedOn: today, notes: '', newEndDate: '' });
      return `Review recorded; ${plural(r.plannedMarks, 'session')} planned.`;
    }),
  );
  return (
    <Card id="h-review" title="Record a review">
      <form noValidate aria-label="Review" onSubmit={(ev) => void submit(ev)}>
        <div className="row">
          <FormDate
            control={f.control}
            name="reviewedOn"
            label="Reviewed on"
            validationMessage={e.reviewedOn?.message}
          />
          <FormDate
            control={f.control}
            name="newEndDate"
            label="Extend to (leave empty to keep the end date)"
            validationMessage={e.newEndDate?.message}
          />
        </div>
        <TextField control={f.control} name="notes" label="What the review found" error={e.notes?.message} />
        <Outcome error={s.error} done={s.done} />
        <Button appearance="primary" type="submit">
          Save the review
        </Button>
      </form>
    </Card>
  );
}

export function ChangePatternForm({ id, current }: { id: number; current: string[] }) {
  const s = useSave();
  const f = useForm({
    resolver: zodResolver(
      z.object({ fromDate: dateReq, away: z.array(z.string()).min(1, 'tick a session') }),
    ),
    defaultValues: { fromDate: '', away: current },
  });
  useUnsavedGuard(f.formState.isDirty);
  const submit = f.handleSubmit((v) =>
    s.run(async () => {
      const r = await call('arrangements.changePattern', { id, fromDate: v.fromDate, away: v.away });
      f.reset({ fromDate: '', away: v.away });
      return `New pattern from ${formatUkDate(v.fromDate)}; ${plural(r.plannedMarks, 'session')} planned.`;
    }),
  );
  return (
    <Card id="h-pattern" title="Change the pattern from a date">
      <form noValidate aria-label="New pattern" onSubmit={(ev) => void submit(ev)}>
        <FormDate
          control={f.control}
          name="fromDate"
          label="From"
          validationMessage={f.formState.errors.fromDate?.message}
        />
        <Controller
          control={f.control}
          name="away"
          render={({ field }) => (
            <PatternGrid value={field.value} onChange={field.onChange} label="New pattern" />
          )}
        />
        <Outcome error={s.error} done={s.done} />
        <Button type="submit">Save the new pattern</Button>
      </form>
    </Card>
  );
}

export function ToldForm({ id, today }: { id: number; today: string }) {
  const s = useSave();
  const f = useForm({
    resolver: zodResolver(
      z.object({
        who: z.enum(['la', 'social_worker']),
        on: dateReq,
        how: z.string().trim().min(1, 'say how'),
      }),
    ),
    defaultValues: { who: 'la' as 'la' | 'social_worker', on: today, how: '' },
  });
  const submit = f.handleSubmit((v) =>
    s.run(async () => {
      await call('arrangements.recordTold', { id, ...v });
      f.reset({ who: v.who, on: today, how: '' });
      return 'Recorded.';
    }),
  );
  return (
    <Card id="h-told" title="Record who was told">
      <form noValidate aria-label="Who was told" className="row" onSubmit={(ev) => void submit(ev)}>
        <Field label="Who">
          <Controller
            control={f.control}
            name="who"
            render={({ field }) => (
              <Select value={field.value} onChange={(_, d) => field.onChange(d.value)}>
                <option value="la">The local authority</option>
                <option value="social_worker">The social worker or virtual school</option>
              </Select>
            )}
          />
        </Field>
        <FormDate
          control={f.control}
          name="on"
          label="On"
          validationMessage={f.formState.errors.on?.message}
        />
        <Field label="How" validationMessage={f.formState.errors.how?.message}>
          <Controller
            control={f.control}
            name="how"
            render={({ field }) => <Input value={field.value} onChange={(_, d) => field.onChange(d.value)} />}
          />
        </Field>
        <Button type="submit">Record</Button>
        <Outcome error={s.error} done={s.done} />
      </form>
    </Card>
  );
}

export function OutcomeForm({ id, today, endDate }: { id: number; today: string; endDate: string | null }) {
  const s = useSave();
  const first = endDate && endDate < today ? endDate : today;
  const f = useForm({
    resolver: zodResolver(
      z.object({
        outcome: z.enum(ARRANGEMENT_OUTCOMES),
        endedOn: dateReq,
        notes: z.string().trim().min(1, 'record why it ended'),
      }),
    ),
    defaultValues: {
      outcome: 'full_time' as (typeof ARRANGEMENT_OUTCOMES)[number],
      endedOn: first,
      notes: '',
    },
  });
  useUnsavedGuard(f.formState.isDirty);
  const submit = f.handleSubmit((v) =>
    s.run(async () => {
      await call('arrangements.recordOutcome', { id, ...v });
      return 'Outcome recorded: the pre-filling stops after that date.';
    }),
  );
  return (
    <Card id="h-outcome" title="End it: record the outcome">
      <form noValidate aria-label="Outcome" onSubmit={(ev) => void submit(ev)}>
        <div className="row">
          <FormSelect
            control={f.control}
            name="outcome"
            label="Outcome"
            options={ARRANGEMENT_OUTCOMES}
            labels={ARRANGEMENT_OUTCOME_LABELS}
          />
          <FormDate
            control={f.control}
            name="endedOn"
            label="Last day"
            validationMessage={f.formState.errors.endedOn?.message}
          />
        </div>
        <TextField control={f.control} name="notes" label="Notes" error={f.formState.errors.notes?.message} />
        <Outcome error={s.error} done={s.done} />
        <Button type="submit">Record the outcome</Button>
      </form>
    </Card>
  );
}
