// The school's details and register times, used by first-run setup and by settings (react-hook-form + the
// contract's zod schema, so the screen checks exactly what the core checks).
import { Field, Input, SpinButton } from '@fluentui/react-components';
import { Controller, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import type { School } from '../../../shared/contract';

export const EMPTY_SCHOOL: School = {
  name: '', urn: null, laCode: null, estab: null, address: null, amOpens: '08:40', pmOpens: '13:15', registerOpenMinutes: 30,
  championName: null, championPosition: null, atRiskLowerPct: 5,
};

/** Empty optional text becomes null, as the contract expects. */
const nullable = { setValueAs: (v: unknown) => (v === '' || v === undefined ? null : v) };

export function SchoolFields({ register, control, errors }: { register: UseFormRegister<School>; control: Control<School>; errors: FieldErrors<School> }) {
  const msg = (k: keyof School) => errors[k]?.message as string | undefined;
  return (
    <div className="grid2">
      <Field label="School name" required validationMessage={msg('name')}><Input {...register('name')} /></Field>
      <Field label="URN (6 digits)" validationMessage={msg('urn')}><Input {...register('urn', nullable)} inputMode="numeric" /></Field>
      <Field label="LA number (3 digits)" validationMessage={msg('laCode')}><Input {...register('laCode', nullable)} inputMode="numeric" /></Field>
      <Field label="Establishment number (4 digits)" validationMessage={msg('estab')}><Input {...register('estab', nullable)} inputMode="numeric" /></Field>
      <Field label="Address" validationMessage={msg('address')}><Input {...register('address', nullable)} /></Field>
      <Field label="Morning register opens (HH:MM)" validationMessage={msg('amOpens')}><Input {...register('amOpens')} /></Field>
      <Field label="Afternoon register opens (HH:MM)" validationMessage={msg('pmOpens')}><Input {...register('pmOpens')} /></Field>
      <Field label="Register stays open for (minutes, at most 30)" validationMessage={msg('registerOpenMinutes')}>
        <Controller control={control} name="registerOpenMinutes" render={({ field }) => (
          <SpinButton value={field.value} min={1} max={60} onChange={(_, d) => field.onChange(d.value ?? Number(d.displayValue))} />
        )} />
      </Field>
      <Field label="Senior attendance champion" validationMessage={msg('championName')}><Input {...register('championName', nullable)} /></Field>
      <Field label="Champion's position" validationMessage={msg('championPosition')}><Input {...register('championPosition', nullable)} /></Field>
      <Field label="'At risk' starts at absence of (%)" validationMessage={msg('atRiskLowerPct')} hint="DfE sets no number; 5% is the app's default.">
        <Controller control={control} name="atRiskLowerPct" render={({ field }) => (
          <SpinButton value={field.value} min={0} max={10} step={0.5} onChange={(_, d) => field.onChange(d.value ?? Number(d.displayValue))} />
        )} />
      </Field>
    </div>
  );
}
