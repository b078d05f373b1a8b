// A form's choice from a fixed list: a labelled Select bound to one react-hook-form value, one option a value,
// shown by its label. Like FormDate, the field's label, hint and validation message pass through to Fluent's Field.
import { Field, Select, type FieldProps } from '@fluentui/react-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

type Props<T extends FieldValues, V extends string> = Omit<FieldProps, 'children'> & {
  control: Control<T>;
  name: Path<T>;
  /** the values, in the order shown */
  options: readonly V[];
  labels: Record<V, string>;
};

export function FormSelect<T extends FieldValues, V extends string>({
  control,
  name,
  options,
  labels,
  ...field
}: Props<T, V>) {
  const { field: value } = useController({ control, name });
  return (
    <Field {...field}>
      <Select {...value} onChange={(_, d) => value.onChange(d.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {labels[o]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
