// The same-morning calling list of unexplained absence (N): ring the contacts, log each attempt, resolve the N
// with the right code, and record that a social worker was told. The list comes ordered by risk, with the reasons
// said (docs/rules/register-law.md §9), and each attempt names the contact it was made to. Each
// pupil's card and the overdue list are beside this file.
import { useState } from 'react';
import { Field, Text, Title2 } from '@fluentui/react-components';
import { formatLongDate, formatUkDate } from '../../../../shared/dates';
import { useRpc } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { ProfessionalPrompts } from '../arrangements/ProfessionalPrompts';
import { PupilCard } from './PupilCard';
import { OverdueN } from './OverdueN';

export function FollowUp({ today }: { today: string }) {
  const [date, setDate] = useState(today);
  const q = useRpc('followup.list', { date });
  const overdue = useRpc('followup.overdueN', { asOf: today });
  return (
    <div className="page">
      <Title2 as="h1">Unexplained absence: {formatLongDate(date, true)}</Title2>
      <Field label="Date" style={{ maxWidth: 240 }}>
        <DateInput value={date} onChange={(_, d) => d.value && setDate(d.value)} />
      </Field>
      <ErrorBar error={q.error} />
      <ProfessionalPrompts date={date} />
      {q.data && q.data.pupils.length === 0 && (
        <Text>No unexplained absence (N) on {formatUkDate(date)}.</Text>
      )}
      {q.data?.pupils.map((p) => (
        <PupilCard key={p.pupilId} p={p} date={date} />
      ))}
      {overdue.data && overdue.data.marks.length > 0 && <OverdueN marks={overdue.data.marks} />}
    </div>
  );
}
