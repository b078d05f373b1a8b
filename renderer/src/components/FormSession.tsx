// A form's session field: a labelled Morning (AM) / Afternoon (PM) choice bound to one react-hook-form value,
// which holds 'AM' or 'PM'. Like FormDate, the label and any hint pass through to Fluent's Field.
import { Field, Select, type FieldProps } from '@fluentui/react-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

type Props<T extends FieldValues> = Omit<FieldProps, 'children'> & { control: Control<T>; name: Path<T> };

export function FormSession<T extends FieldValues>({ control, name, ...field }: Props<T>) {
  const { field: value } = useController({ control, name });
  return (
    <Field {...field}>
      <Select value={value.value as string} onChange={(_, d) => value.onChange(d.value)}>
        <option value="AM">Morning (AM)</option>
        <option value="PM">Afternoon (PM)</option>
      </Select>
    </Field>
  );
}
