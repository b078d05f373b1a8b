// A form's date field: a labelled dd/MM/yyyy box (DateInput) bound to one react-hook-form value, which holds the
// ISO date. The field's label, hint and validation message pass through to Fluent's Field.
import { Field, type FieldProps } from '@fluentui/react-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { DateInput } from './DateInput';

type Props<T extends FieldValues> = Omit<FieldProps, 'children'> & { control: Control<T>; name: Path<T> };

export function FormDate<T extends FieldValues>({ control, name, ...field }: Props<T>) {
  const { field: value } = useController({ control, name });
  return (
    <Field {...field}>
      <DateInput value={value.value as string} onChange={(_, d) => value.onChange(d.value)} />
    </Field>
  );
}
