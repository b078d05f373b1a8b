// Casework forms (docs/rules/casework.md): a barrier, and a meeting with the actions agreed at it. react-hook-form
// with zod; the core checks again and answers with the pupil's name, never an id. Unsaved work asks before leaving.
// The schemas and opening values are in formValues.ts, the meeting's sections in MeetingParts.tsx.
import { useEffect } from 'react';
import { Controller, useFieldArray, useForm, type Control } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Field, Select } from '@fluentui/react-components';
import {
  BARRIER_RAISERS,
  BARRIER_RAISER_LABELS,
  BARRIER_SIDES,
  BARRIER_SIDE_LABELS,
  MEETING_KINDS,
  MEETING_KIND_LABELS,
} from '../../../../shared/casework';
import type { Output } from '../../../../shared/contract';
import { ErrorBar } from '../../components/ErrorBar';
import { useRpc, useRpcMutation } from '../../hooks';
import { FormDate } from '../../components/FormDate';
import { FormSelect } from '../../components/FormSelect';
import { FormText } from '../../components/FormText';
import {
  BarrierValues,
  MeetingValues,
  barrierDefaults,
  meetingDefaults,
  meetingInput,
  type BarrierV,
  type MeetingV,
} from './formValues';
import { ActionsAgreed, BarrierChecks, MeetingAccount } from './MeetingParts';
import { SaveCancel } from './SaveCancel';

/** Asks before the page is left (closed, reloaded, or another screen opened) while a form holds unsaved work. */
export function useUnsavedGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) {
      return;
    }
    const before = (e: BeforeUnloadEvent) => e.preventDefault();
    const hash = (e: HashChangeEvent) => {
      if (!window.confirm('Leave without saving? What you typed will be lost.')) {
        window.history.replaceState(null, '', new URL(e.oldURL).hash);
      }
    };
    window.addEventListener('beforeunload', before);
    window.addEventListener('hashchange', hash);
    return () => {
      window.removeEventListener('beforeunload', before);
      window.removeEventListener('hashchange', hash);
    };
  }, [dirty]);
}

type Categories = Output<'casework.categories'>['categories'];

/** The barrier's category; choosing one sets the side it usually is. */
function CategoryField({
  control,
  error,
  categories,
  onSide,
}: {
  control: Control<BarrierV>;
  error: string | undefined;
  categories: Categories | undefined;
  onSide: (side: BarrierV['side']) => void;
}) {
  return (
    <Controller
      control={control}
      name="category"
      render={({ field }) => (
        <Field label="Category" required validationMessage={error}>
          <Select
            {...field}
            onChange={(_, d) => {
              field.onChange(d.value);
              const c = categories?.find((x) => x.code === d.value);
              if (c) {
                onSide(c.usually);
              }
            }}
          >
            <option value="">Choose…</option>
            {categories?.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
                {c.restricted ? ' (restricted)' : ''}
              </option>
            ))}
          </Select>
        </Field>
      )}
    />
  );
}

type FormProps = { pupilId: number; today: string; onDone: () => void };

export function BarrierForm({ pupilId, today, onDone }: FormProps) {
  const cats = useRpc('casework.categories', {});
  const save = useRpcMutation('casework.addBarrier', ['casework.pupil']);
  const f = useForm<BarrierV>({
    resolver: zodResolver(BarrierValues),
    defaultValues: barrierDefaults(today),
  });
  useUnsavedGuard(f.formState.isDirty && !save.isSuccess);
  const err = f.formState.errors;
  return (
    <form
      className="card form-grid"
      aria-label="Add a barrier"
      onSubmit={f.handleSubmit((v) => save.mutate({ pupilId, ...v }, { onSuccess: onDone }))}
    >
      <CategoryField
        control={f.control}
        error={err.category?.message}
        categories={cats.data?.categories}
        onSide={(side) => f.setValue('side', side)}
      />
      <FormSelect
        control={f.control}
        name="side"
        label="Inside or outside school"
        options={BARRIER_SIDES}
        labels={BARRIER_SIDE_LABELS}
      />
      <FormText
        control={f.control}
        name="description"
        label="Description"
        required
        validationMessage={err.description?.message}
        multiline
      />
      <FormSelect
        control={f.control}
        name="raisedBy"
        label="Raised by"
        options={BARRIER_RAISERS}
        labels={BARRIER_RAISER_LABELS}
      />
      <FormDate
        control={f.control}
        name="foundOn"
        label="Date found"
        required
        validationMessage={err.foundOn?.message}
      />
      <SaveCancel label="Save barrier" pending={save.isPending} onCancel={onDone} />
      <ErrorBar error={save.error} />
    </form>
  );
}

export function MeetingForm({
  pupilId,
  today,
  barriers,
  onDone,
}: FormProps & { barriers: { id: number; label: string }[] }) {
  const save = useRpcMutation('casework.addMeeting', ['casework.pupil', 'letters.log']);
  const f = useForm<MeetingV>({
    resolver: zodResolver(MeetingValues),
    defaultValues: meetingDefaults(today),
  });
  const actions = useFieldArray({ control: f.control, name: 'actions' });
  useUnsavedGuard(f.formState.isDirty && !save.isSuccess);
  const err = f.formState.errors;
  const submit = (v: MeetingV) => save.mutate(meetingInput(pupilId, v), { onSuccess: onDone });
  return (
    <form className="card form-grid" aria-label="Record a meeting" onSubmit={f.handleSubmit(submit)}>
      <FormSelect
        control={f.control}
        name="kind"
        label="Kind of meeting"
        options={MEETING_KINDS}
        labels={MEETING_KIND_LABELS}
      />
      <FormDate
        control={f.control}
        name="date"
        label="Date held"
        required
        validationMessage={err.date?.message}
      />
      <MeetingAccount control={f.control} errors={err} />
      {barriers.length > 0 && <BarrierChecks control={f.control} barriers={barriers} />}
      <ActionsAgreed control={f.control} actions={actions} errors={err.actions} />
      <FormDate control={f.control} name="nextReview" label="Next review (optional)" />
      <SaveCancel label="Save meeting" pending={save.isPending} onCancel={onDone} />
      <ErrorBar error={save.error} />
    </form>
  );
}
