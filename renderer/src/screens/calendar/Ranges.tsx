// The terms and closures of the academic year shown: each can be removed, and a new one added.
import { useState } from 'react';
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';

type Range = Output<'calendar.get'>['ranges'][number];

function RangeTable({ ranges, remove }: { ranges: Range[]; remove: (id: number) => void }) {
  return (
    <table className="plain" aria-label="Terms and closures">
      <thead>
        <tr>
          <th>Kind</th>
          <th>From</th>
          <th>To</th>
          <th>Label</th>
          <th>
            <span className="muted">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {ranges.map((r) => (
          <tr key={r.id}>
            <td>{r.kind === 'term' ? 'Term' : 'Closure'}</td>
            <td>{formatUkDate(r.dateFrom)}</td>
            <td>{formatUkDate(r.dateTo)}</td>
            <td>{r.label}</td>
            <td>
              <Button
                appearance="subtle"
                aria-label={`Remove ${r.kind} ${formatUkDate(r.dateFrom)} to ${formatUkDate(r.dateTo)}`}
                onClick={() => remove(r.id!)}
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

export function Ranges({ ranges }: { ranges: Range[] }) {
  const add = useRpcMutation('calendar.addRange', ['calendar.get']);
  const remove = useRpcMutation('calendar.removeRange', ['calendar.get']);
  const [nr, setNr] = useState({
    dateFrom: '',
    dateTo: '',
    kind: 'closure' as 'term' | 'closure',
    label: '',
  });
  return (
    <section className="card" aria-labelledby="h-ranges">
      <Text as="h2" id="h-ranges" weight="semibold" size={500}>
        Terms and closures
      </Text>
      <RangeTable ranges={ranges} remove={(id) => remove.mutate({ id })} />
      <div className="row" style={{ marginTop: 8 }}>
        <Field label="Kind">
          <Select value={nr.kind} onChange={(_, d) => setNr({ ...nr, kind: d.value as 'term' | 'closure' })}>
            <option value="term">Term</option>
            <option value="closure">Closure</option>
          </Select>
        </Field>
        <Field label="From">
          <DateInput value={nr.dateFrom} onChange={(_, d) => setNr({ ...nr, dateFrom: d.value })} />
        </Field>
        <Field label="To">
          <DateInput value={nr.dateTo} onChange={(_, d) => setNr({ ...nr, dateTo: d.value })} />
        </Field>
        <Field label="Label">
          <Input value={nr.label} onChange={(_, d) => setNr({ ...nr, label: d.value })} />
        </Field>
        <Button
          onClick={() => add.mutate({ ...nr, label: nr.label || null })}
          disabled={!nr.dateFrom || !nr.dateTo}
        >
          Add
        </Button>
      </div>
      <ErrorBar error={add.error ?? remove.error} />
    </section>
  );
}
