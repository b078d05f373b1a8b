// The pupil list: search by name or UPN, filter by year, group and cohort flags; each row opens the pupil.
// The filters and the table are in pupils/.
import { useState } from 'react';
import { Title2, Text } from '@fluentui/react-components';
import { useRpc } from '../hooks';
import { ErrorBar } from '../components/ErrorBar';
import { pluralS } from '../../../shared/names';
import { PupilFilters } from './pupils/PupilFilters';
import { PupilTable } from './pupils/PupilTable';
import { listInput } from './pupils/list-input';

export function Pupils({ today }: { today: string }) {
  const [search, setSearch] = useState('');
  const [yearGroup, setYear] = useState('');
  const [regGroup, setGroup] = useState('');
  const [flag, setFlag] = useState('');
  const [leavers, setLeavers] = useState(false);
  const values = { search, yearGroup, regGroup, flag, leavers };
  const q = useRpc('pupils.list', listInput(values, today), { placeholderData: (prev) => prev });
  const all = q.data?.pupils ?? [];
  const total = all.length;
  const shown = all.slice(0, 500);
  return (
    <div className="page">
      <Title2 as="h1">Pupils</Title2>
      <PupilFilters
        values={values}
        set={{ setSearch, setYear, setGroup, setFlag, setLeavers }}
        regGroups={q.data?.regGroups}
      />
      <ErrorBar error={q.error} />
      <Text aria-live="polite">
        {q.data ? `${q.data.pupils.length} pupil${pluralS(q.data.pupils.length)}` : 'Loading…'}
      </Text>
      <PupilTable pupils={shown} />
      {total > shown.length && (
        <Text>
          Showing the first {shown.length} of {total}: search or filter to find the others.
        </Text>
      )}
    </div>
  );
}
