// The lead's two forms on a self-audit item (docs/rules/self-audit.md): confirm or change the status with a note,
// and add an action with an owner and a due date. Each saves one new row; unsaved text is guarded on navigation.
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button, Field, Input, Text, Textarea } from '@fluentui/react-components';
import { AUDIT_STATUSES, AUDIT_STATUS_LABELS, type AuditStatus } from '../../../../shared/channels/selfaudit';
import { formatUkDate } from '../../../../shared/dates';
import { call } from '../../rpc';
import { useSave } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { useUnsavedGuard } from '../arrangements/useUnsavedGuard';
import { FormSelect } from '../../components/FormSelect';

const ReviewSchema = z.object({
  status: z.enum(AUDIT_STATUSES),
  note: z.string().trim().min(1, 'say why, in a note').max(2000),
});

export function ReviewForm(p: { auditId: number; itemId: string; status: AuditStatus | null }) {
  const s = useSave();
  const f = useForm<z.infer<typeof ReviewSchema>>({
    resolver: zodResolver(ReviewSchema),
    defaultValues: { status: p.status ?? 'met', note: '' },
  });
  const release = useUnsavedGuard(f.formState.isDirty);
  const e = f.formState.errors;
  const submit = f.handleSubmit((v) =>
    s.run(async () => {
      await call('selfaudit.review', { auditId: p.auditId, itemId: p.itemId, ...v });
      release();
      f.reset({ status: v.status, note: '' });
      return `Status recorded: ${AUDIT_STATUS_LABELS[v.status]}.`;
    }),
  );
  return (
    <form noValidate aria-label="Confirm or change the status" onSubmit={(ev) => void submit(ev)}>
      <Text as="h3" weight="semibold">
        Confirm or change the status
      </Text>
      <div className="row">
        <FormSelect
          control={f.control}
          name="status"
          label="Status"
          options={AUDIT_STATUSES}
          labels={AUDIT_STATUS_LABELS}
        />
      </div>
      <Field label="Note (why this status)" validationMessage={e.note?.message}>
        <Controller
          control={f.control}
          name="note"
          render={({ field }) => <Textarea {...field} resize="vertical" />}
        />
      </Field>
      {s.error !== null && <ErrorBar error={s.error} />}
      {s.done && <Text role="status">{s.done}</Text>}
      <div>
        <Button appearance="primary" type="submit">
          Save the status
        </Button>
      </div>
    </form>
  );
}

const ActionSchema = z.object({
  what: z.string().trim().min(1, 'say what is to be done').max(2000),
  owner: z.string().trim().min(1, 'name who will do it').max(200),
  dueOn: z.string().min(1, 'enter a date as dd/mm/yyyy'),
});

export function ActionForm(p: { auditId: number; itemId: string; today: string }) {
  const s = useSave();
  const blank = { what: '', owner: '', dueOn: '' };
  const f = useForm<z.infer<typeof ActionSchema>>({
    resolver: zodResolver(ActionSchema),
    defaultValues: blank,
  });
  const release = useUnsavedGuard(f.formState.isDirty);
  const e = f.formState.errors;
  const submit = f.handleSubmit((v) =>
    s.run(async () => {
      await call('selfaudit.addAction', { auditId: p.auditId, itemId: p.itemId, ...v });
      release();
      f.reset(blank);
      return `Action added, due ${formatUkDate(v.dueOn)}: it is on the casework due list.`;
    }),
  );
  return (
    <form noValidate aria-label="Add an action" onSubmit={(ev) => void submit(ev)}>
      <Text as="h3" weight="semibold">
        Add an action
      </Text>
      <Field label="What is to be done" validationMessage={e.what?.message}>
        <Controller control={f.control} name="what" render={({ field }) => <Input {...field} />} />
      </Field>
      <div className="row">
        <Field label="Owner" validationMessage={e.owner?.message}>
          <Controller control={f.control} name="owner" render={({ field }) => <Input {...field} />} />
        </Field>
        <Field label="Due (dd/mm/yyyy)" validationMessage={e.dueOn?.message}>
          <Controller
            control={f.control}
            name="dueOn"
            render={({ field }) => (
              <DateInput
                value={field.value}
                onChange={(_, d) => field.onChange(d.value)}
                onBlur={field.onBlur}
              />
            )}
          />
        </Field>
      </div>
      {s.error !== null && <ErrorBar error={s.error} />}
      {s.done && <Text role="status">{s.done}</Text>}
      <div>
        <Button type="submit">Add the action</Button>
      </div>
    </form>
  );
}
