// The pupil page's cohort flags (free school meals, looked after, …) and SEN status, each saved as it changes.
import { Checkbox, Field, Select, Text } from '@fluentui/react-components';
import type { Input } from '../../../../shared/contract';
import { FLAG_LABELS, SEN_LABELS } from '../../../../shared/pupil';
import { ErrorBar } from '../../components/ErrorBar';
import type { PupilRecord } from './PupilDetails';

type Flag = 'fsm' | 'cla' | 'socialWorker' | 'eal' | 'youngCarer' | 'boarder';

/** `onChange` saves one change to the pupil; `error` is that save's. */
export function CohortFlags({
  p,
  onChange,
  error,
}: {
  p: PupilRecord;
  onChange: (changes: Input<'pupils.update'>['changes']) => void;
  error: unknown;
}) {
  return (
    <section className="card" aria-labelledby="h-flags">
      <Text as="h2" id="h-flags" weight="semibold" size={500}>
        Cohort flags
      </Text>
      <div className="row">
        {(Object.keys(FLAG_LABELS) as Flag[]).map((f) => (
          <Checkbox
            key={f}
            label={FLAG_LABELS[f]}
            checked={p[f]}
            onChange={(_, d) => onChange({ [f]: !!d.checked })}
          />
        ))}
        <Field label="SEN">
          <Select value={p.sen} onChange={(_, d) => onChange({ sen: d.value as 'N' | 'K' | 'E' })}>
            {(['N', 'K', 'E'] as const).map((s) => (
              <option key={s} value={s}>
                {SEN_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <ErrorBar error={error} />
    </section>
  );
}
