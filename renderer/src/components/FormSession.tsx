// A form's session field: a labelled Morning (AM) / Afternoon (PM) choice bound to one react-hook-form value,
// which holds 'AM' or 'PM'. Like FormDate, the label and any hint pass through to Fluent's Field.
import type { FieldProps } from '@fluentui/react-components';
import type { Control, FieldValues, Path } from 'react-hook-form';
import { FormSelect } from './FormSelect';

const SESSIONS = ['AM', 'PM'] as const;
const SESSION_LABELS = { AM: 'Morning (AM)', PM: 'Afternoon (PM)' };

type Props<T extends FieldValues> = Omit<FieldProps, 'children'> & { control: Control<T>; name: Path<T> };

export function FormSession<T extends FieldValues>(props: Props<T>) {
  return <FormSelect {...props} options={SESSIONS} labels={SESSION_LABELS} />;
}
