// The fields of the details dialog, each showing the core's message about it when the save is refused.
import { Field, Input, Select } from '@fluentui/react-components';
import { SEXES, YEAR_GROUPS } from '../../../../shared/pupil';
import { DateInput } from '../../components/DateInput';
import type { Details } from './details';

/** `issue(path)` is the core's message for that field, if any. */
export function DetailsFields({
  v,
  set,
  issue,
}: {
  v: Details;
  set: (patch: Partial<Details>) => void;
  issue: (path: string) => string | undefined;
}) {
  return (
    <>
      <Field label="Surname" required validationMessage={issue('surname')}>
        <Input value={v.surname} onChange={(_, d) => set({ surname: d.value })} />
      </Field>
      <Field label="Forename" required validationMessage={issue('forename')}>
        <Input value={v.forename} onChange={(_, d) => set({ forename: d.value })} />
      </Field>
      <Field label="Preferred forename" validationMessage={issue('preferredForename')}>
        <Input
          value={v.preferredForename ?? ''}
          onChange={(_, d) => set({ preferredForename: d.value || null })}
        />
      </Field>
      <Field label="Date of birth" required validationMessage={issue('dob')}>
        <DateInput value={v.dob} onChange={(_, d) => set({ dob: d.value })} />
      </Field>
      <Field label="Sex">
        <Select value={v.sex} onChange={(_, d) => set({ sex: d.value as Details['sex'] })}>
          {SEXES.map((x) => (
            <option key={x} value={x}>
              {x === 'M' ? 'Male' : 'Female'}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Year group">
        <Select value={v.yearGroup} onChange={(_, d) => set({ yearGroup: d.value as Details['yearGroup'] })}>
          {YEAR_GROUPS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Registration group" required validationMessage={issue('regGroup')}>
        <Input value={v.regGroup} onChange={(_, d) => set({ regGroup: d.value })} />
      </Field>
      <Field label="Starting day (admission date)" required validationMessage={issue('admissionDate')}>
        <DateInput value={v.admissionDate} onChange={(_, d) => set({ admissionDate: d.value })} />
      </Field>
    </>
  );
}
