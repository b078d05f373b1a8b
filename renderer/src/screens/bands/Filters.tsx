// The band list's period, its "movement since" date and its filters (band, year, registration group, sex, group).
import { Field, Select } from '@fluentui/react-components';
import type { Input } from '../../../../shared/contract';
import { YEAR_GROUPS } from '../../../../shared/pupil';
import { COHORT_FLAGS, DIMENSION_LABELS } from '../../../../shared/breakdowns';
import { DateInput } from '../../components/DateInput';

export type Filters = Omit<Input<'figures.bands'>, 'from' | 'to'>;

export interface Period {
  from: string;
  to: string;
  since: string;
  setFrom: (d: string) => void;
  setTo: (d: string) => void;
  setSince: (d: string) => void;
}

function Choice({
  label,
  value,
  set,
  options,
}: {
  label: string;
  value: string;
  set: (v: string) => void;
  options: [string, string][];
}) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, v) => set(v.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

const BANDS: [string, string][] = [
  ['', 'All bands'],
  ['pa', 'Persistently absent (incl. severe)'],
  ['severe', 'Severely absent'],
  ['persistent', 'Persistently absent (10–50%)'],
  ['at_risk', 'At risk'],
  ['expected', 'Expected'],
];

export function BandFilters({
  p,
  f,
  setF,
  regGroups,
}: {
  p: Period;
  f: Filters;
  setF: (f: Filters) => void;
  regGroups: string[];
}) {
  const set = <K extends keyof Filters>(k: K, v: string) => setF({ ...f, [k]: v === '' ? undefined : v });
  return (
    <>
      <Field label="From">
        <DateInput value={p.from} onChange={(_, v) => v.value && p.setFrom(v.value)} />
      </Field>
      <Field label="To">
        <DateInput value={p.to} onChange={(_, v) => v.value && p.setTo(v.value)} />
      </Field>
      <Field label="Movement since">
        <DateInput value={p.since} onChange={(_, v) => p.setSince(v.value)} />
      </Field>
      <Choice label="Band" value={f.band ?? ''} set={(v) => set('band', v)} options={BANDS} />
      <Choice
        label="Year group"
        value={f.yearGroup ?? ''}
        set={(v) => set('yearGroup', v)}
        options={[['', 'All'], ...YEAR_GROUPS.map((y): [string, string] => [y, y])]}
      />
      <Choice
        label="Registration group"
        value={f.regGroup ?? ''}
        set={(v) => set('regGroup', v)}
        options={[['', 'All'], ...regGroups.map((g): [string, string] => [g, g])]}
      />
      <Choice
        label="Sex"
        value={f.sex ?? ''}
        set={(v) => set('sex', v)}
        options={[
          ['', 'All'],
          ['F', 'Girls'],
          ['M', 'Boys'],
        ]}
      />
      <Choice
        label="Group"
        value={f.flag ?? ''}
        set={(v) => set('flag', v)}
        options={[['', 'All pupils'], ...COHORT_FLAGS.map((k): [string, string] => [k, DIMENSION_LABELS[k]])]}
      />
    </>
  );
}
