// The barrier categories (docs/rules/casework.md): the project's list and the school's own, which the lead or the
// head adds here. A restricted category's detail is read only by the lead and the head. Categories are kept.
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { Output } from '../../../../shared/contract';
import { Badge, Button, Checkbox, Field, Input } from '@fluentui/react-components';
import { BARRIER_SIDES, BARRIER_SIDE_LABELS } from '../../../../shared/casework';
import { ErrorBar } from '../../components/ErrorBar';
import { useRpc, useRpcMutation } from '../../hooks';
import { useUnsavedGuard } from './forms';
import { FormSelect } from '../../components/FormSelect';

const Values = z.object({
  label: z.string().trim().min(1, 'name the category').max(120),
  usually: z.enum(BARRIER_SIDES),
  restricted: z.boolean(),
});
type V = z.infer<typeof Values>;
type Category = Output<'casework.categories'>['categories'][number];

/** Every category, the restricted and the school's own marked. */
function CategoryList({ categories }: { categories: Category[] }) {
  return (
    <ul aria-label="Barrier categories">
      {categories.map((c) => (
        <li key={c.code}>
          {c.label} {c.restricted && <Badge appearance="outline">restricted</Badge>}{' '}
          {!c.builtIn && <Badge appearance="tint">the school's own</Badge>}
        </li>
      ))}
    </ul>
  );
}

export function Categories() {
  const q = useRpc('casework.categories', {});
  const add = useRpcMutation('casework.addCategory', ['casework.categories']);
  const f = useForm<V>({
    resolver: zodResolver(Values),
    defaultValues: { label: '', usually: 'both', restricted: false },
  });
  useUnsavedGuard(f.formState.isDirty && !add.isSuccess);
  const err = f.formState.errors;
  return (
    <details className="card">
      <summary>Barrier categories ({q.data?.categories.length ?? 0})</summary>
      <CategoryList categories={q.data?.categories ?? []} />
      <form
        className="row"
        aria-label="Add the school's own category"
        noValidate
        onSubmit={f.handleSubmit((v) => add.mutate(v, { onSuccess: () => f.reset() }))}
      >
        <Controller
          control={f.control}
          name="label"
          render={({ field }) => (
            <Field label="New category" required validationMessage={err.label?.message}>
              <Input value={field.value} onChange={(_, d) => field.onChange(d.value)} />
            </Field>
          )}
        />
        <FormSelect
          control={f.control}
          name="usually"
          label="Usually"
          options={BARRIER_SIDES}
          labels={BARRIER_SIDE_LABELS}
        />
        <Controller
          control={f.control}
          name="restricted"
          render={({ field }) => (
            <Checkbox
              label="Restricted (health or safeguarding: the lead and the head read the detail)"
              checked={field.value}
              onChange={(_, d) => field.onChange(d.checked === true)}
            />
          )}
        />
        <Button type="submit" disabled={add.isPending}>
          Add category
        </Button>
      </form>
      <ErrorBar error={q.error ?? add.error} />
    </details>
  );
}
