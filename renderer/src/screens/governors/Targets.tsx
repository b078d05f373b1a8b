// The governing board's attendance target for a school year (docs/rules/governor-report.md): the lead or the
// head records what the board approved (attendance % and persistent-absence %); every version is kept and the
// newest counts. Progress against it is shown here, on the dashboard and in the report (shared/targets.ts).
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { TargetInputSchema } from '../../../../shared/channels/governors';
import { academicYearOf, formatUkDate } from '../../../../shared/dates';
import { formatPct1 } from '../../../../shared/statistics/rates';
import { useRpc, useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { useUnsavedGuard } from '../arrangements/useUnsavedGuard';
import { TargetProgressTable } from './TargetProgress';
import { FormDate } from '../../components/FormDate';

type TargetForm = z.infer<typeof TargetInputSchema>;
export const yearLabel = (y: number) => `${y}/${String(y + 1).slice(2)}`;

function TargetEditor({ today }: { today: string }) {
  const year = academicYearOf(today);
  const save = useRpcMutation('governors.saveTarget', ['governors.targets', 'governors.preview']);
  const f = useForm<TargetForm>({
    resolver: zodResolver(TargetInputSchema),
    defaultValues: { academicYear: year, approvedOn: today },
  });
  const release = useUnsavedGuard(f.formState.isDirty);
  const e = f.formState.errors;
  const submit = f.handleSubmit((v) =>
    save.mutate(v, {
      onSuccess: () => {
        release();
        f.reset(v); // the form shows what was recorded, no longer unsaved
      },
    }),
  );
  return (
    <form noValidate aria-label="Record the board's target" onSubmit={(ev) => void submit(ev)}>
      <div className="row">
        <Field label="School year">
          <Select {...f.register('academicYear', { valueAsNumber: true })}>
            {[year, year + 1].map((y) => (
              <option key={y} value={y}>
                {yearLabel(y)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Attendance target (%)" validationMessage={e.attendancePct?.message} required>
          <Input type="number" step="0.1" {...f.register('attendancePct', { valueAsNumber: true })} />
        </Field>
        <Field label="Persistent absence target (%)" validationMessage={e.persistentPct?.message} required>
          <Input type="number" step="0.1" {...f.register('persistentPct', { valueAsNumber: true })} />
        </Field>
        <FormDate
          control={f.control}
          name="approvedOn"
          label="Approved by the board on"
          validationMessage={e.approvedOn?.message}
          required
        />
      </div>
      <ErrorBar error={save.error} title="Not saved" />
      {save.isSuccess && !f.formState.isDirty && <Text role="status">The target is recorded.</Text>}
      <Button appearance="primary" type="submit" disabled={save.isPending}>
        Record the target
      </Button>
    </form>
  );
}

export function BoardTarget({ today, canEdit }: { today: string; canEdit: boolean }) {
  const q = useRpc('governors.targets', {});
  const year = academicYearOf(today);
  const current = q.data?.targets.find((t) => t.academicYear === year) ?? null;
  const older = q.data?.targets.filter((t) => t !== current) ?? [];
  return (
    <section className="card" aria-labelledby="h-target">
      <Text as="h2" id="h-target" weight="semibold" size={500}>
        The board&apos;s target for {yearLabel(year)}
      </Text>
      <ErrorBar error={q.error} />
      {q.data && !current && <Text block>The board has not recorded a target for this school year.</Text>}
      {current && <TargetProgressTable target={current} upTo={today} />}
      {canEdit && <TargetEditor today={today} />}
      {older.length > 0 && (
        <details>
          <summary>Earlier targets and versions ({older.length})</summary>
          <table className="plain" aria-label="Earlier targets">
            <thead>
              <tr>
                <th>School year</th>
                <th className="num">Attendance</th>
                <th className="num">Persistent absence</th>
                <th>Approved</th>
                <th>Recorded by</th>
              </tr>
            </thead>
            <tbody>
              {older.map((t) => (
                <tr key={t.id}>
                  <td>{yearLabel(t.academicYear)}</td>
                  <td className="num">{formatPct1(t.attendancePct)}</td>
                  <td className="num">{formatPct1(t.persistentPct)}</td>
                  <td>{formatUkDate(t.approvedOn)}</td>
                  <td>{t.recordedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
