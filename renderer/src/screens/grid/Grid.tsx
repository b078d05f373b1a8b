// The office grid: pupils × school sessions for a week to a half-term, for a group, a year or the whole school.
// Keyboard: arrows move, Shift+arrows select a block, a code (or /) starts a bulk change of the block, which is
// previewed before it is confirmed. Amended marks are underlined; the page prints as the week's register. The
// selection, the bulk change and the table are beside this file.
import { useState } from 'react';
import { Button, Field, MessageBar, MessageBarBody, Select, Text, Title2 } from '@fluentui/react-components';
import { YEAR_GROUPS } from '../../../../shared/pupil';
import { addDays, formatUkDate, mondayOf } from '../../../../shared/dates';
import { useRpc } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { bulkOf, useGridSelection, type Bulk, type GridData } from './selection';
import { BulkChange } from './BulkChange';
import { MarksTable } from './MarksTable';

export function Grid({ today }: { today: string }) {
  const [from, setFrom] = useState(mondayOf(today));
  const [to, setTo] = useState(addDays(mondayOf(today), 4));
  const [group, setGroup] = useState('');
  const [year, setYear] = useState('');
  const groups = useRpc('pupils.list', { onDate: today });
  const scope = { regGroup: group || undefined, yearGroup: (year || undefined) as never };
  const q = useRpc('registers.grid', { from, to, scope });
  return (
    <div className="page">
      <Title2 as="h1">
        Office grid{group ? `: ${group}` : year ? `: Year ${year}` : ''}, {formatUkDate(from)} to{' '}
        {formatUkDate(to)}
      </Title2>
      <div className="row no-print">
        <Field label="From">
          <DateInput value={from} onChange={(_, d) => d.value && setFrom(d.value)} />
        </Field>
        <Field label="To">
          <DateInput value={to} onChange={(_, d) => d.value && setTo(d.value)} />
        </Field>
        <Field label="Registration group">
          <Select
            value={group}
            onChange={(_, d) => {
              setGroup(d.value);
              setYear('');
            }}
          >
            <option value="">All</option>
            {groups.data?.regGroups.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </Select>
        </Field>
        <Field label="Year">
          <Select
            value={year}
            onChange={(_, d) => {
              setYear(d.value);
              setGroup('');
            }}
          >
            <option value="">All</option>
            {YEAR_GROUPS.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => window.print()}>Print</Button>
      </div>
      <ErrorBar error={q.error} />
      {q.data && <GridTable key={`${from}|${to}|${group}|${year}`} data={q.data} />}
    </div>
  );
}

function GridTable({ data }: { data: GridData }) {
  const [bulk, setBulk] = useState<Bulk | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const grid = useGridSelection(data, bulk !== null, (code, sel) => {
    setBulk(bulkOf(data, sel, code));
    setDone(null);
  });
  const { sel } = grid;
  if (!data.rows.length || !data.sessions.length) {
    return <Text>No pupils or no school sessions in this period.</Text>;
  }
  return (
    <>
      <Text className="no-print">
        Arrows move, Shift+arrows select a block, then type a code (/ for present) to change it.{' '}
        {sel.r1 - sel.r0 + 1} × {sel.c1 - sel.c0 + 1} selected.
      </Text>
      {bulk && <BulkChange bulk={bulk} setBulk={setBulk} onApplied={setDone} />}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <MarksTable data={data} cur={grid.cur} inSel={grid.inSel} moveTo={grid.moveTo} onKey={grid.onKey} />
      <Text className="muted">
        Underlined marks have been amended; each pupil's history is on their page.
      </Text>
    </>
  );
}
