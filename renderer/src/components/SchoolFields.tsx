// The school's details and register times, used by first-run setup and by settings (react-hook-form + the
// contract's zod schema, so the screen checks exactly what the core checks).
import { Field, Input, SpinButton, Textarea } from '@fluentui/react-components';
import {
  Controller,
  type Control,
  type FieldErrors,
  type UseFormRegister,
  type UseFormSetError,
} from 'react-hook-form';
import { RpcFailure } from '../rpc';
import type { School } from '../../../shared/contract';
import { NEW_SCHOOL } from '../../../shared/channels/school';

export const EMPTY_SCHOOL: School = {
  ...NEW_SCHOOL,
  officerName: null,
  officerPhone: null,
  officerEmail: null,
  parentUpdates: null,
};

/** Puts the core's issues (path "school.urn" or "urn") next to their fields, as well as in the message bar. */
export function showFieldIssues(e: unknown, prefix: string, setError: UseFormSetError<School>): void {
  if (!(e instanceof RpcFailure)) {
    return;
  }
  for (const i of e.error.issues ?? []) {
    const key = i.path?.startsWith(prefix) ? i.path.slice(prefix.length) : prefix ? null : i.path;
    if (key && key in EMPTY_SCHOOL) {
      setError(key as keyof School, { type: 'server', message: i.message });
    }
  }
}

type TextKey =
  | 'name'
  | 'urn'
  | 'laCode'
  | 'estab'
  | 'address'
  | 'amOpens'
  | 'pmOpens'
  | 'championName'
  | 'championPosition'
  | 'officerName'
  | 'officerPhone'
  | 'officerEmail'
  | 'parentUpdates';
const NULLABLE = new Set<TextKey>([
  'urn',
  'laCode',
  'estab',
  'address',
  'championName',
  'championPosition',
  'officerName',
  'officerPhone',
  'officerEmail',
  'parentUpdates',
]);

/**
 * Fluent's Input keeps its own value state, so react-hook-form's register() (which writes the DOM value) leaves it
 * blank: a controlled field shows the saved values. Empty optional text becomes null, as the contract expects.
 */
function TextField({
  control,
  name,
  label,
  error,
  required,
  numeric,
}: {
  control: Control<School>;
  name: TextKey;
  label: string;
  error?: string;
  required?: boolean;
  numeric?: boolean;
}) {
  return (
    <Field label={label} required={required} validationMessage={error}>
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <Input
            name={field.name}
            ref={field.ref}
            value={(field.value as string | null) ?? ''}
            inputMode={numeric ? 'numeric' : undefined}
            onBlur={field.onBlur}
            onChange={(_, d) => field.onChange(NULLABLE.has(name) && d.value === '' ? null : d.value)}
          />
        )}
      />
    </Field>
  );
}

/** The school's address for letters, a few lines; empty becomes null. */
function AddressField({ control, error }: { control: Control<School>; error?: string }) {
  return (
    <Field label="Address (for letters)" validationMessage={error}>
      <Controller
        control={control}
        name="address"
        render={({ field }) => (
          <Textarea
            name={field.name}
            ref={field.ref}
            value={field.value ?? ''}
            rows={2}
            resize="vertical"
            onBlur={field.onBlur}
            onChange={(_, d) => field.onChange(d.value === '' ? null : d.value)}
          />
        )}
      />
    </Field>
  );
}

/** A number chosen with a spin button: how long the register stays open, or where "at risk" starts. */
function NumberField({
  control,
  name,
  label,
  error,
  hint,
  min,
  max,
  step,
}: {
  control: Control<School>;
  name: 'registerOpenMinutes' | 'atRiskLowerPct';
  label: string;
  error?: string;
  hint?: string;
  min: number;
  max: number;
  step?: number;
}) {
  return (
    <Field label={label} validationMessage={error} hint={hint}>
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <SpinButton
            value={field.value}
            min={min}
            max={max}
            step={step}
            onChange={(_, d) => field.onChange(d.value ?? Number(d.displayValue))}
          />
        )}
      />
    </Field>
  );
}

export function SchoolFields({
  control,
  errors,
}: {
  register?: UseFormRegister<School>;
  control: Control<School>;
  errors: FieldErrors<School>;
}) {
  const msg = (k: keyof School) => errors[k]?.message as string | undefined;
  const text = (name: TextKey, label: string, extra: { required?: boolean; numeric?: boolean } = {}) => (
    <TextField control={control} name={name} label={label} error={msg(name)} {...extra} />
  );
  return (
    <div className="grid2">
      {text('name', 'School name', { required: true })}
      {text('urn', 'URN (6 digits)', { numeric: true })}
      {text('laCode', 'LA number (3 digits)', { numeric: true })}
      {text('estab', 'Establishment number (4 digits)', { numeric: true })}
      <AddressField control={control} error={msg('address')} />
      {text('amOpens', 'Morning register opens (HH:MM)')}
      {text('pmOpens', 'Afternoon register opens (HH:MM)')}
      <NumberField
        control={control}
        name="registerOpenMinutes"
        label="Register stays open for (minutes, at most 30)"
        error={msg('registerOpenMinutes')}
        min={1}
        max={60}
      />
      {text('championName', 'Senior attendance champion')}
      {text('championPosition', "Champion's position")}
      {text('officerName', 'Attendance officer (named in the policy)')}
      {text('officerPhone', "Attendance officer's phone")}
      {text('officerEmail', "Attendance officer's email")}
      {text('parentUpdates', 'Parents are sent attendance updates (e.g. every term)')}
      <NumberField
        control={control}
        name="atRiskLowerPct"
        label="'At risk' starts at absence of (%)"
        error={msg('atRiskLowerPct')}
        hint="DfE sets no number; 5% is the app's default."
        min={0}
        max={10}
        step={0.5}
      />
    </div>
  );
}
