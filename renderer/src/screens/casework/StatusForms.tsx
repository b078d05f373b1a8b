// Moving a barrier on (being addressed, resolved with the date) and closing an action (done, not done, or cancelled
// with a reason) from the pupil's casework (docs/rules/casework.md). Nothing is deleted: the core keeps who and
// when, and refuses a resolution before the barrier was found or a cancellation without a reason.
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Field, Input } from '@fluentui/react-components';
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  BARRIER_STATUSES,
  BARRIER_STATUS_LABELS,
} from '../../../../shared/casework';
import type { Input as CallInput } from '../../../../shared/contract';
import { ErrorBar } from '../../components/ErrorBar';
import { useRpcMutation } from '../../hooks';
import { useUnsavedGuard } from './forms';
import { FormDate } from '../../components/FormDate';
import { FormSelect } from '../../components/FormSelect';
import { SaveCancel } from './SaveCancel';

const BarrierValues = z
  .object({ status: z.enum(BARRIER_STATUSES), closedOn: z.string() })
  .refine((v) => v.status !== 'resolved' || v.closedOn !== '', {
    message: 'enter the date it was resolved (dd/mm/yyyy)',
    path: ['closedOn'],
  });
type BarrierV = z.infer<typeof BarrierValues>;

export function BarrierStatusForm({
  barrier,
  today,
  onDone,
}: {
  barrier: { id: number; label: string; status: BarrierV['status'] };
  today: string;
  onDone: () => void;
}) {
  const m = useRpcMutation('casework.updateBarrier', ['casework.pupil', 'casework.due']);
  const f = useForm<BarrierV>({
    resolver: zodResolver(BarrierValues),
    defaultValues: { status: barrier.status === 'open' ? 'being_addressed' : 'resolved', closedOn: today },
  });
  useUnsavedGuard(f.formState.isDirty && !m.isSuccess);
  const status = f.watch('status');
  const err = f.formState.errors;
  return (
    <form
      className="card form-grid"
      aria-label={`Update the barrier: ${barrier.label}`}
      noValidate
      onSubmit={f.handleSubmit((v) =>
        m.mutate(
          { id: barrier.id, status: v.status, closedOn: v.status === 'resolved' ? v.closedOn : null },
          { onSuccess: onDone },
        ),
      )}
    >
      <FormSelect
        control={f.control}
        name="status"
        label="Status"
        options={BARRIER_STATUSES}
        labels={BARRIER_STATUS_LABELS}
      />
      {status === 'resolved' && (
        <FormDate
          control={f.control}
          name="closedOn"
          label="Resolved on"
          required
          validationMessage={err.closedOn?.message}
        />
      )}
      <SaveCancel label="Save status" pending={m.isPending} onCancel={onDone} />
      <ErrorBar error={m.error} />
    </form>
  );
}

const CLOSING = ACTION_STATUSES.filter((s) => s !== 'open');
const ActionValues = z
  .object({ status: z.enum(ACTION_STATUSES), on: z.string(), note: z.string().trim().max(500) })
  .refine((v) => v.status !== 'cancelled' || v.note !== '', {
    message: 'say why the action is cancelled',
    path: ['note'],
  })
  .refine((v) => v.status === 'cancelled' || v.on !== '', {
    message: 'enter a date (dd/mm/yyyy)',
    path: ['on'],
  });
type ActionV = z.infer<typeof ActionValues>;

/** The closing values as the core takes them: a cancellation has no date, an empty note is none. */
function closingInput(id: number, v: ActionV): CallInput<'casework.setAction'> {
  return { id, status: v.status, on: v.status === 'cancelled' ? null : v.on, note: v.note || null };
}

type ActionProps = { action: { id: number; what: string }; today: string; onDone: () => void };

export function ActionStatusForm({ action, today, onDone }: ActionProps) {
  const m = useRpcMutation('casework.setAction', ['casework.pupil', 'casework.due']);
  const f = useForm<ActionV>({
    resolver: zodResolver(ActionValues),
    defaultValues: { status: 'not_done', on: today, note: '' },
  });
  useUnsavedGuard(f.formState.isDirty && !m.isSuccess);
  const status = f.watch('status');
  const err = f.formState.errors;
  return (
    <form
      className="card form-grid"
      aria-label={`Close the action: ${action.what}`}
      noValidate
      onSubmit={f.handleSubmit((v) => m.mutate(closingInput(action.id, v), { onSuccess: onDone }))}
    >
      <FormSelect
        control={f.control}
        name="status"
        label="What happened"
        options={CLOSING}
        labels={ACTION_STATUS_LABELS}
      />
      {status !== 'cancelled' && (
        <FormDate control={f.control} name="on" label="On" required validationMessage={err.on?.message} />
      )}
      <Controller
        control={f.control}
        name="note"
        render={({ field }) => (
          <Field
            label={status === 'cancelled' ? 'Why it is cancelled' : 'Note (optional)'}
            required={status === 'cancelled'}
            validationMessage={err.note?.message}
          >
            <Input value={field.value} onChange={(_, d) => field.onChange(d.value)} />
          </Field>
        )}
      />
      <SaveCancel label="Save" pending={m.isPending} onCancel={onDone} />
      <ErrorBar error={m.error} />
    </form>
  );
}
