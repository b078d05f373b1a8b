// The school calendar: terms and closures, bank holidays (shipped, with the school's changes) and the year at a
// glance, for one academic year at a time. Each section is beside this file.
import { useState } from 'react';
import { Field, Select, Title2 } from '@fluentui/react-components';
import { academicYearOf } from '../../../../shared/dates';
import { useRpc } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { Ranges } from './Ranges';
import { BankHolidays } from './BankHolidays';
import { CalendarImport } from './CalendarImport';
import { YearAtAGlance } from './YearAtAGlance';

function YearPicker({ year, setYear, today }: { year: number; setYear: (y: number) => void; today: string }) {
  return (
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
  );
}

export function CalendarScreen({ today }: { today: string }) {
  const [year, setYear] = useState(academicYearOf(today));
  const from = `${year}-09-01`;
  const to = `${year + 1}-08-31`;
  const q = useRpc('calendar.get', { from, to });
  const ranges = q.data?.ranges.filter((r) => r.dateTo >= from && r.dateFrom <= to) ?? [];
  const bankHolidays = q.data?.days.filter((d) => d.kind === 'bank_holiday') ?? [];
  const removed =
    q.data?.overrides.filter((o) => o.action === 'remove' && o.date >= from && o.date <= to) ?? [];
  return (
    <div className="page">
      <Title2 as="h1">Calendar</Title2>
      <YearPicker year={year} setYear={setYear} today={today} />
      <ErrorBar error={q.error} />
      <Ranges ranges={ranges} />
      <BankHolidays days={bankHolidays} removed={removed} />
      <CalendarImport />
      <YearAtAGlance days={q.data?.days} today={today} />
    </div>
  );
}
