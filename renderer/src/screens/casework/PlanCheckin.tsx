// A plan's check-ins (docs/rules/casework.md): the key adult's short catch-up with the pupil, read against the
// success measures of that week (computed in the core from the register), and the check-ins so far.
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { MEASURE_LABELS } from '../../../../shared/casework';
import { addDays, formatUkDate } from '../../../../shared/dates';
import { formatPct1 } from '../../../../shared/statistics/rates';
import { ErrorBar } from '../../components/ErrorBar';
import { useRpcMutation } from '../../hooks';
import { useUnsavedGuard } from './forms';
import { FormDate } from '../../components/FormDate';
import { FormText } from '../../components/FormText';

type Plan = Output<'casework.plan.get'>;
const Values = z.object({
  checkedOn: z.string().min(1, 'enter a date (dd/mm/yyyy)'),
  note: z.string().trim().max(1000),
});
type V = z.infer<typeof Values>;

/** The plan's week holding a date (Monday to Sunday), if the plan runs then. */
function weekOf(p: Plan, on: string): Plan['weeks'][number] | undefined {
  return p.weeks.find((w) => w.monday <= on && on <= addDays(w.monday, 6));
}

function WeekMeasures({ p, on }: { p: Plan; on: string }) {
  const w = weekOf(p, on);
  if (!w) {
    return <p>The plan has no week of school on that date.</p>;
  }
  return (
    <table className="plain" aria-label={`The week of ${formatUkDate(w.monday)} against the measures`}>
      <thead>
        <tr>
          <th>Measure</th>
          <th>Target</th>
          <th>So far</th>
          <th>Met?</th>
        </tr>
      </thead>
      <tbody>
        {p.plan.content.measures.map((m) => {
          const got = w.measures.find((x) => x.kind === m.kind);
          const v = got?.value ?? null;
          return (
            <tr key={m.kind}>
              <th scope="row">{MEASURE_LABELS[m.kind]}</th>
              <td>{m.target}</td>
              <td>{v === null ? '—' : m.kind === 'attendance_pct' ? formatPct1(v) : v}</td>
              <td>{got?.met === null || got === undefined ? 'not yet' : got.met ? 'met' : 'not met'}</td>
            </tr>
          );
        })}
        <tr>
          <th scope="row">Sessions attended this week</th>
          <td />
          <td>
            {w.attended} of {w.possible}
          </td>
          <td />
        </tr>
      </tbody>
    </table>
  );
}

function CheckinList({ checkins }: { checkins: Plan['checkins'] }) {
  return checkins.length === 0 ? (
    <p>No check-in recorded yet.</p>
  ) : (
    <ul aria-label="Check-ins so far">
      {checkins.map((c) => (
        <li key={c.id}>
          {formatUkDate(c.checkedOn)} ({c.by}){c.note ? `: ${c.note}` : ''}
        </li>
      ))}
    </ul>
  );
}

export function Checkins({ p, today, writer }: { p: Plan; today: string; writer: boolean }) {
  const save = useRpcMutation('casework.plan.checkin', ['casework.plan.get', 'casework.due']);
  const f = useForm<V>({ resolver: zodResolver(Values), defaultValues: { checkedOn: today, note: '' } });
  useUnsavedGuard(f.formState.isDirty && !save.isSuccess);
  const on = f.watch('checkedOn');
  const err = f.formState.errors;
  return (
    <section className="card" aria-labelledby="chk-h">
      <h2 id="chk-h">Check-ins</h2>
      <p>
        {p.plan.content.keyAdult} checks in every{' '}
        {p.plan.content.checkInEveryDays === 1 ? 'day' : `${p.plan.content.checkInEveryDays} days`}
        {p.plan.content.checkInHow ? `: ${p.plan.content.checkInHow}` : ''}.
      </p>
      {writer && (
        <form
          className="form-grid"
          aria-label="Record a check-in"
          noValidate
          onSubmit={f.handleSubmit((v) =>
            save.mutate(
              { planId: p.plan.id, checkedOn: v.checkedOn, note: v.note || null },
              { onSuccess: () => f.reset({ checkedOn: v.checkedOn, note: '' }) },
            ),
          )}
        >
          <FormDate
            control={f.control}
            name="checkedOn"
            label="Check-in date"
            required
            validationMessage={err.checkedOn?.message}
          />
          {on && <WeekMeasures p={p} on={on} />}
          <FormText
            control={f.control}
            name="note"
            label="How the week is going"
            validationMessage={err.note?.message}
            multiline
          />
          <Button type="submit" disabled={save.isPending}>
            Save check-in
          </Button>
          <ErrorBar error={save.error} />
        </form>
      )}
      <CheckinList checkins={p.checkins} />
    </section>
  );
}
