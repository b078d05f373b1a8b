// The school calendar: terms and closures, bank holidays (shipped, with the school's changes) and the year at a glance.
import { useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Title2,
} from '@fluentui/react-components';
import { BANK_HOLIDAYS_EW } from '../../../shared/bank-holidays';
import { academicYearOf, formatUkDate, weekday } from '../../../shared/dates';
import { useRpc, useRpcMutation } from '../hooks';
import { ErrorBar } from '../components/ErrorBar';
import { FilePicker } from '../components/FilePicker';
import { DateInput } from '../components/DateInput';
import { call } from '../rpc';
import { useQueryClient } from '@tanstack/react-query';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const KIND_LABEL: Record<string, string> = {
  school: 'school day',
  weekend: 'weekend',
  bank_holiday: 'bank holiday',
  closure: 'closure',
  holiday: 'holiday',
};

export function CalendarScreen({ today }: { today: string }) {
  const qc = useQueryClient();
  const [year, setYear] = useState(academicYearOf(today));
  const q = useRpc('calendar.get', { from: `${year}-09-01`, to: `${year + 1}-08-31` });
  const add = useRpcMutation('calendar.addRange', ['calendar.get']);
  const remove = useRpcMutation('calendar.removeRange', ['calendar.get']);
  const bh = useRpcMutation('calendar.setBankHoliday', ['calendar.get']);
  const [nr, setNr] = useState({
    dateFrom: '',
    dateTo: '',
    kind: 'closure' as 'term' | 'closure',
    label: '',
  });
  const [bhDate, setBhDate] = useState('');
  const [bhLabel, setBhLabel] = useState('');
  const [importMsg, setImportMsg] = useState<string | null>(null);
  const [importErr, setImportErr] = useState<unknown>(null);
  const months = q.data ? groupMonths(q.data.days) : [];
  const bankHolidays = q.data?.days.filter((d) => d.kind === 'bank_holiday') ?? [];
  const removed =
    q.data?.overrides.filter(
      (o) => o.action === 'remove' && o.date >= `${year}-09-01` && o.date <= `${year + 1}-08-31`,
    ) ?? [];
  return (
    <div className="page">
      <Title2 as="h1">Calendar</Title2>
      <Field label="Academic year" style={{ maxWidth: 240 }}>
        <Select value={String(year)} onChange={(_, d) => setYear(Number(d.value))}>
          {[-1, 0, 1]
            .map((k) => academicYearOf(today) + k)
            .map((y) => (
              <option key={y} value={y}>
                {y}/{String((y + 1) % 100).padStart(2, '0')}
              </option>
            ))}
        </Select>
      </Field>
      <ErrorBar error={q.error ?? add.error ?? remove.error ?? bh.error} />
      <section className="card" aria-labelledby="h-ranges">
        <Text as="h2" id="h-ranges" weight="semibold" size={500}>
          Terms and closures
        </Text>
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
            {q.data?.ranges
              .filter((r) => r.dateTo >= `${year}-09-01` && r.dateFrom <= `${year + 1}-08-31`)
              .map((r) => (
                <tr key={r.id}>
                  <td>{r.kind === 'term' ? 'Term' : 'Closure'}</td>
                  <td>{formatUkDate(r.dateFrom)}</td>
                  <td>{formatUkDate(r.dateTo)}</td>
                  <td>{r.label}</td>
                  <td>
                    <Button
                      appearance="subtle"
                      aria-label={`Remove ${r.kind} ${formatUkDate(r.dateFrom)} to ${formatUkDate(r.dateTo)}`}
                      onClick={() => remove.mutate({ id: r.id! })}
                    >
                      Remove
                    </Button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
        <div className="row" style={{ marginTop: 8 }}>
          <Field label="Kind">
            <Select
              value={nr.kind}
              onChange={(_, d) => setNr({ ...nr, kind: d.value as 'term' | 'closure' })}
            >
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
      </section>
      <section className="card" aria-labelledby="h-bh">
        <Text as="h2" id="h-bh" weight="semibold" size={500}>
          Bank holidays
        </Text>
        <Text block>
          England and Wales bank holidays 2020–2028 are built in. Add a new one (a coronation, a jubilee), or
          remove one your school opens on.
        </Text>
        <table
          className="plain"
          aria-label="Bank holidays this year"
          style={{ margin: '8px 0', maxWidth: 640 }}
        >
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
            {bankHolidays.map((d) => (
              <tr key={d.date}>
                <td>{formatUkDate(d.date)}</td>
                <td>{d.label}</td>
                <td>
                  <Button
                    appearance="subtle"
                    aria-label={`Remove the bank holiday of ${formatUkDate(d.date)}`}
                    onClick={() => bh.mutate({ date: d.date, action: 'remove', label: null })}
                  >
                    Remove
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {removed.length > 0 && (
          <Text block>
            Removed by the school: {removed.map((o) => formatUkDate(o.date)).join(', ')}.{' '}
            <Button
              appearance="subtle"
              size="small"
              onClick={() =>
                removed.forEach((o) =>
                  bh.mutate({
                    date: o.date,
                    action: 'add',
                    label: BANK_HOLIDAYS_EW.find((b) => b.date === o.date)?.name ?? 'Bank holiday',
                  }),
                )
              }
            >
              Restore
            </Button>
          </Text>
        )}
        <div className="row">
          <Field label="Date">
            <DateInput value={bhDate} onChange={(_, d) => setBhDate(d.value)} />
          </Field>
          <Field label="Name">
            <Input value={bhLabel} onChange={(_, d) => setBhLabel(d.value)} />
          </Field>
          <Button
            disabled={!bhDate}
            onClick={() =>
              bh.mutate({ date: bhDate, action: 'add', label: bhLabel.trim() || 'Bank holiday' })
            }
          >
            Add bank holiday
          </Button>
        </div>
      </section>
      <section className="card" aria-labelledby="h-imp">
        <Text as="h2" id="h-imp" weight="semibold" size={500}>
          Import a calendar file
        </Text>
        <Text block>CSV with columns date_from, date_to, kind (term or closure), label.</Text>
        <FilePicker
          label="Choose a calendar CSV file"
          onFile={async (f) => {
            setImportErr(null);
            setImportMsg(null);
            try {
              const r = await call('calendar.import', { csv: await f.text() });
              setImportMsg(`${r.added} added, ${r.unchanged} already there.`);
              await qc.invalidateQueries({ queryKey: ['calendar.get'] });
            } catch (err) {
              setImportErr(err);
            }
          }}
        />
        {importMsg && (
          <MessageBar intent="success">
            <MessageBarBody>{importMsg}</MessageBarBody>
          </MessageBar>
        )}
        <ErrorBar error={importErr} title="Nothing was imported" />
      </section>
      <section className="card" aria-labelledby="h-year">
        <Text as="h2" id="h-year" weight="semibold" size={500}>
          The year at a glance
        </Text>
        <p className="legend">
          <span className="day-school">school day</span>
          <span className="day-weekend">weekend</span>
          <span className="day-bank_holiday">bank holiday</span>
          <span className="day-closure">closure</span>
          <span className="day-holiday">holiday</span>
        </p>
        <Text>
          {q.data
            ? `${q.data.days.filter((d) => d.kind === 'school').length} school days ` +
              `(${2 * q.data.days.filter((d) => d.kind === 'school').length} sessions).`
            : ''}
        </Text>
        <div>
          {months.map((m) => (
            <div className="month" key={m.key}>
              <table aria-label={m.title}>
                <caption>{m.title}</caption>
                <thead>
                  <tr>
                    {['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'].map((d) => (
                      <th key={d} scope="col">
                        {d}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {m.weeks.map((w, i) => (
                    <tr key={i}>
                      {w.map((d, k) => (
                        <td
                          key={k}
                          className={d ? `day-${d.kind}${d.date === today ? ' today' : ''}` : undefined}
                          aria-current={d?.date === today ? 'date' : undefined}
                          title={d ? `${formatUkDate(d.date)}: ${d.label ?? KIND_LABEL[d.kind]}` : undefined}
                        >
                          {d ? Number(d.date.slice(8)) : ''}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}

type Day = { date: string; kind: string; label: string | null };
function groupMonths(days: Day[]) {
  const out: { key: string; title: string; weeks: (Day | null)[][] }[] = [];
  for (const d of days) {
    const key = d.date.slice(0, 7);
    let m = out[out.length - 1];
    if (!m || m.key !== key) {
      m = { key, title: `${MONTHS[Number(key.slice(5)) - 1]} ${key.slice(0, 4)}`, weeks: [[]] };
      out.push(m);
      const lead = (weekday(d.date) + 6) % 7;
      for (let i = 0; i < lead; i++) {
        m.weeks[0].push(null);
      }
    }
    let w = m.weeks[m.weeks.length - 1];
    if (w.length === 7) {
      w = [];
      m.weeks.push(w);
    }
    w.push(d);
  }
  for (const m of out) {
    const w = m.weeks[m.weeks.length - 1];
    while (w.length < 7) {
      w.push(null);
    }
  }
  return out;
}
