// A form's text field: a labelled line (Input) or, with `multiline`, a longer text (Textarea; "vertical" lets the
// user make it taller) bound to one react-hook-form value. Like FormDate, the field's label, hint and validation
// message pass through to Fluent's Field.
import { Field, Input, Textarea, type FieldProps } from '@fluentui/react-components';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';

type Props<T extends FieldValues> = Omit<FieldProps, 'children'> & {
  control: Control<T>;
  name: Path<T>;
  multiline?: boolean | 'vertical';
};

export function FormText<T extends FieldValues>({ control, name, multiline, ...field }: Props<T>) {
  const { field: value } = useController({ control, name });
  const onChange = (_: unknown, d: { value: string }) => value.onChange(d.value);
  return (
    <Field {...field}>
      {multiline === 'vertical' ? (
        <Textarea {...value} onChange={onChange} resize="vertical" />
      ) : multiline ? (
        <Textarea {...value} onChange={onChange} />
      ) : (
        <Input {...value} onChange={onChange} />
      )}
    </Field>
  );
}
