// Casework forms (docs/rules/casework.md): a barrier, and a meeting with the actions agreed at it. react-hook-form
// with zod; the core checks again and answers with the pupil's name, never an id. Unsaved work asks before leaving.
import { useEffect } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button, Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import {
  ACTION_OWNERS,
  ACTION_OWNER_LABELS,
  BARRIER_RAISERS,
  BARRIER_RAISER_LABELS,
  BARRIER_SIDES,
  BARRIER_SIDE_LABELS,
  MEETING_KINDS,
  MEETING_KIND_LABELS,
} from '../../../../shared/casework';
import { ErrorBar } from '../../components/ErrorBar';
import { useRpc, useRpcMutation } from '../../hooks';
import { FormDate } from '../../components/FormDate';
import { FormSelect } from '../../components/FormSelect';
import { FormText } from '../../components/FormText';

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

const date = z.string().min(1, 'enter a date (dd/mm/yyyy)');
const BarrierValues = z.object({
  category: z.string().min(1, 'choose a category'),
  side: z.enum(BARRIER_SIDES),
  description: z.string().trim().min(1, 'describe the barrier').max(500),
  raisedBy: z.enum(BARRIER_RAISERS),
  foundOn: date,
});

export function BarrierForm({
  pupilId,
  today,
  onDone,
}: {
  pupilId: number;
  today: string;
  onDone: () => void;
}) {
  const cats = useRpc('casework.categories', {});
  const save = useRpcMutation('casework.addBarrier', ['casework.pupil']);
  const f = useForm<z.infer<typeof BarrierValues>>({
    resolver: zodResolver(BarrierValues),
    defaultValues: {
      category: '',
      side: 'outside_school',
      description: '',
      raisedBy: 'parent',
      foundOn: today,
    },
  });
  useUnsavedGuard(f.formState.isDirty && !save.isSuccess);
  const err = f.formState.errors;
  return (
    <form
      className="card form-grid"
      aria-label="Add a barrier"
      onSubmit={f.handleSubmit((v) => save.mutate({ pupilId, ...v }, { onSuccess: onDone }))}
    >
      <Controller
        control={f.control}
        name="category"
        render={({ field }) => (
          <Field label="Category" required validationMessage={err.category?.message}>
            <Select
              {...field}
              onChange={(_, d) => {
                field.onChange(d.value);
                const c = cats.data?.categories.find((x) => x.code === d.value);
                if (c) {
                  f.setValue('side', c.usually);
                }
              }}
            >
              <option value="">Choose…</option>
              {cats.data?.categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                  {c.restricted ? ' (restricted)' : ''}
                </option>
              ))}
            </Select>
          </Field>
        )}
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
      <div className="row">
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          Save barrier
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
      <ErrorBar error={save.error} />
    </form>
  );
}

const MeetingValues = z.object({
  kind: z.enum(MEETING_KINDS),
  date,
  attendees: z.string().trim().min(1, 'say who attended'),
  pupilView: z.string().max(4000),
  parentView: z.string().max(4000),
  notes: z.string().max(4000),
  nextReview: z.string(),
  barrierIds: z.array(z.number()),
  actions: z.array(
    z.object({
      what: z.string().trim().min(1, 'say what is to be done'),
      ownerKind: z.enum(ACTION_OWNERS),
      ownerName: z.string(),
      dueOn: date,
    }),
  ),
});
type MeetingV = z.infer<typeof MeetingValues>;

export function MeetingForm({
  pupilId,
  today,
  barriers,
  onDone,
}: {
  pupilId: number;
  today: string;
  barriers: { id: number; label: string }[];
  onDone: () => void;
}) {
  const save = useRpcMutation('casework.addMeeting', ['casework.pupil', 'letters.log']);
  const f = useForm<MeetingV>({
    resolver: zodResolver(MeetingValues),
    defaultValues: {
      kind: 'attendance',
      date: today,
      attendees: '',
      pupilView: '',
      parentView: '',
      notes: '',
      nextReview: '',
      barrierIds: [],
      actions: [],
    },
  });
  const actions = useFieldArray({ control: f.control, name: 'actions' });
  useUnsavedGuard(f.formState.isDirty && !save.isSuccess);
  const err = f.formState.errors;
  const submit = (v: MeetingV) =>
    save.mutate(
      {
        pupilId,
        ...v,
        nextReview: v.nextReview || null,
        actions: v.actions.map((a) => ({ ...a, ownerName: a.ownerName || null })),
      },
      { onSuccess: onDone },
    );
  const text = (
    name: 'attendees' | 'pupilView' | 'parentView' | 'notes',
    label: string,
    required = false,
  ) => (
    <Controller
      control={f.control}
      name={name}
      render={({ field }) => (
        <Field label={label} required={required} validationMessage={err[name]?.message}>
          <Textarea {...field} onChange={(_, d) => field.onChange(d.value)} />
        </Field>
      )}
    />
  );
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
      {text('attendees', 'Who attended', true)}
      {text('pupilView', "The pupil's view")}
      {text('parentView', "The parents' view")}
      {text('notes', 'Notes')}
      {barriers.length > 0 && (
        <fieldset>
          <legend>Barriers found or discussed</legend>
          <Controller
            control={f.control}
            name="barrierIds"
            render={({ field }) => (
              <div>
                {barriers.map((b) => (
                  <Checkbox
                    key={b.id}
                    label={b.label}
                    checked={field.value.includes(b.id)}
                    onChange={(_e, d) =>
                      field.onChange(
                        d.checked ? [...field.value, b.id] : field.value.filter((x) => x !== b.id),
                      )
                    }
                  />
                ))}
              </div>
            )}
          />
        </fieldset>
      )}
      <fieldset>
        <legend>Actions agreed</legend>
        {actions.fields.map((a, k) => (
          <div key={a.id} className="row" role="group" aria-label={`Action ${k + 1}`}>
            <Controller
              control={f.control}
              name={`actions.${k}.what`}
              render={({ field }) => (
                <Field label="What" validationMessage={err.actions?.[k]?.what?.message}>
                  <Input {...field} onChange={(_, d) => field.onChange(d.value)} />
                </Field>
              )}
            />
            <Controller
              control={f.control}
              name={`actions.${k}.ownerKind`}
              render={({ field }) => (
                <Field label="Owner">
                  <Select {...field} onChange={(_, d) => field.onChange(d.value)}>
                    {ACTION_OWNERS.map((o) => (
                      <option key={o} value={o}>
                        {ACTION_OWNER_LABELS[o]}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
            />
            <Controller
              control={f.control}
              name={`actions.${k}.ownerName`}
              render={({ field }) => (
                <Field label="Name (optional)">
                  <Input {...field} onChange={(_, d) => field.onChange(d.value)} />
                </Field>
              )}
            />
            <FormDate
              control={f.control}
              name={`actions.${k}.dueOn`}
              label="By"
              validationMessage={err.actions?.[k]?.dueOn?.message}
            />
            <Button onClick={() => actions.remove(k)}>Remove action {k + 1}</Button>
          </div>
        ))}
        <Button onClick={() => actions.append({ what: '', ownerKind: 'school', ownerName: '', dueOn: '' })}>
          Add an action
        </Button>
      </fieldset>
      <FormDate control={f.control} name="nextReview" label="Next review (optional)" />
      <div className="row">
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          Save meeting
        </Button>
        <Button onClick={onDone}>Cancel</Button>
      </div>
      <ErrorBar error={save.error} />
    </form>
  );
}
