// The pupil list's filters: search by name or UPN, year, registration group, a cohort flag and whether to include
// leavers.
import { Checkbox, Field, Input, Select } from '@fluentui/react-components';
import { YEAR_GROUPS } from '../../../../shared/pupil';

const FLAGS: [string, string][] = [
  ['fsm', 'FSM'],
  ['senK', 'SEN support'],
  ['senE', 'EHC plan'],
  ['cla', 'Looked after'],
  ['socialWorker', 'Social worker'],
  ['eal', 'EAL'],
  ['youngCarer', 'Young carer'],
  ['boarder', 'Boarder'],
];

/** What the filters hold, each as its box shows it ('' for "all"). */
export interface PupilFilterValues {
  search: string;
  yearGroup: string;
  regGroup: string;
  flag: string;
  leavers: boolean;
}

/** How each filter changes. */
export interface PupilFilterSetters {
  setSearch: (v: string) => void;
  setYear: (v: string) => void;
  setGroup: (v: string) => void;
  setFlag: (v: string) => void;
  setLeavers: (v: boolean) => void;
}

/** A year group as the Year box lists it. */
const yearLabel = (y: string) => (y === 'R' ? 'Reception' : /^N/.test(y) ? `Nursery ${y}` : `Year ${y}`);

export function PupilFilters({
  values,
  set,
  regGroups,
}: {
  values: PupilFilterValues;
  set: PupilFilterSetters;
  regGroups: string[] | undefined;
}) {
  return (
    <div className="row" role="search">
      <Field label="Search name or UPN">
        <Input value={values.search} onChange={(_, d) => set.setSearch(d.value)} autoFocus />
      </Field>
      <Field label="Year">
        <Select value={values.yearGroup} onChange={(_, d) => set.setYear(d.value)}>
          <option value="">All years</option>
          {YEAR_GROUPS.map((y) => (
            <option key={y} value={y}>
              {yearLabel(y)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Registration group">
        <Select value={values.regGroup} onChange={(_, d) => set.setGroup(d.value)}>
          <option value="">All groups</option>
          {regGroups?.map((g) => (
            <option key={g}>{g}</option>
          ))}
        </Select>
      </Field>
      <Field label="Flag">
        <Select value={values.flag} onChange={(_, d) => set.setFlag(d.value)}>
          <option value="">Any</option>
          {FLAGS.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        label="Include leavers"
        checked={values.leavers}
        onChange={(_, d) => set.setLeavers(!!d.checked)}
      />
    </div>
  );
}
