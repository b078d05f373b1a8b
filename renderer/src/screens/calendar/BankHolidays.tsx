// The bank holidays of the year shown: England and Wales's are built in (shared/bank-holidays.ts); the school adds
// one (a coronation, a jubilee), removes one it opens on, or restores those it removed.
import { useState } from 'react';
import { Button, Field, Input, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { BANK_HOLIDAYS_EW } from '../../../../shared/bank-holidays';
import { formatUkDate } from '../../../../shared/dates';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';

type Calendar = Output<'calendar.get'>;
type BankHolidayChange = { date: string; action: 'add' | 'remove'; label: string | null };

function HolidayTable({ days, change }: { days: Calendar['days']; change: (c: BankHolidayChange) => void }) {
  return (
    <table className="plain" aria-label="Bank holidays this year" style={{ margin: '8px 0', maxWidth: 640 }}>
      <thead>
        <tr>
          <th>Date</th>
          <th>Name</th>
          <th>
            <span className="muted">Change</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {days.map((d) => (
          <tr key={d.date}>
            <td>{formatUkDate(d.date)}</td>
            <td>{d.label}</td>
            <td>
              <Button
                appearance="subtle"
                aria-label={`Remove the bank holiday of ${formatUkDate(d.date)}`}
                onClick={() => change({ date: d.date, action: 'remove', label: null })}
              >
                Remove
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Removed({
  removed,
  change,
}: {
  removed: Calendar['overrides'];
  change: (c: BankHolidayChange) => void;
}) {
  const restore = () =>
    removed.forEach((o) =>
      change({
        date: o.date,
        action: 'add',
        label: BANK_HOLIDAYS_EW.find((b) => b.date === o.date)?.name ?? 'Bank holiday',
      }),
    );
  return (
    <Text block>
      Removed by the school: {removed.map((o) => formatUkDate(o.date)).join(', ')}.{' '}
      <Button appearance="subtle" size="small" onClick={restore}>
        Restore
      </Button>
    </Text>
  );
}

/** `removed`: the shipped bank holidays of the year that the school removed. */
export function BankHolidays({ days, removed }: { days: Calendar['days']; removed: Calendar['overrides'] }) {
  const bh = useRpcMutation('calendar.setBankHoliday', ['calendar.get']);
  const [bhDate, setBhDate] = useState('');
  const [bhLabel, setBhLabel] = useState('');
  return (
    <section className="card" aria-labelledby="h-bh">
      <Text as="h2" id="h-bh" weight="semibold" size={500}>
        Bank holidays
      </Text>
      <Text block>
        England and Wales bank holidays 2020–2028 are built in. Add a new one (a coronation, a jubilee), or
        remove one your school opens on.
      </Text>
      <HolidayTable days={days} change={(c) => bh.mutate(c)} />
      {removed.length > 0 && <Removed removed={removed} change={(c) => bh.mutate(c)} />}
      <div className="row">
        <Field label="Date">
          <DateInput value={bhDate} onChange={(_, d) => setBhDate(d.value)} />
        </Field>
        <Field label="Name">
          <Input value={bhLabel} onChange={(_, d) => setBhLabel(d.value)} />
        </Field>
        <Button
          disabled={!bhDate}
          onClick={() => bh.mutate({ date: bhDate, action: 'add', label: bhLabel.trim() || 'Bank holiday' })}
        >
          Add bank holiday
        </Button>
      </div>
      <ErrorBar error={bh.error} />
    </section>
  );
}
