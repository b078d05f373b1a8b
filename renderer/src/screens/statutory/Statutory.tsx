// Statutory follow-up (docs/rules/register-law.md §8–9): pupils for the attendance return and
// children-missing-education checks (10 school days of continuous unauthorised absence), deletion ground
// 9(1)(i) to review with the LA (20 school days of G/N/O only: never an automatic deletion), sickness returns
// (30 illness sessions this school year) and N marks not replaced within 5 school days. Each
// list is in lists.tsx.
import { useState } from 'react';
import { Field, ProgressBar, Text, Title2 } from '@fluentui/react-components';
import { formatUkDate } from '../../../../shared/dates';
import { useRpc } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { downloadText } from '../../download';

import { ContinuousList, DeletionList, OverdueNList, SicknessList, type ListName } from './lists';

export function Statutory({ today }: { today: string }) {
  const [asOf, setAsOf] = useState(today);
  const q = useRpc('figures.statutoryLists', { asOf }, { enabled: !!asOf });
  const [err, setErr] = useState<unknown>(null);
  const exportCsv = async (list: ListName) => {
    try {
      const r = await call('figures.exportCsv', { list, asOf });
      downloadText(r.filename, r.csv);
    } catch (e) {
      setErr(e);
    }
  };
  const d = q.data;
  return (
    <div className="page">
      <Title2 as="h1">Statutory follow-up</Title2>
      <div className="row">
        <Field label="As of">
          <DateInput value={asOf} onChange={(_, v) => v.value && setAsOf(v.value)} />
        </Field>
        {d && <Text className="muted">School year from {formatUkDate(d.yearFrom)}</Text>}
      </div>
      {q.isFetching && <ProgressBar aria-label="Checking the registers" />}
      <ErrorBar error={q.error ?? err} />
      {d && (
        <>
          <ContinuousList d={d} exportCsv={exportCsv} today={today} />
          <DeletionList d={d} exportCsv={exportCsv} today={today} />
          <SicknessList d={d} exportCsv={exportCsv} today={today} />
          <OverdueNList d={d} exportCsv={exportCsv} today={today} />
        </>
      )}
    </div>
  );
}
