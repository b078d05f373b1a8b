// The pupil list: search by name or UPN, filter by year, group and cohort flags; each row opens the pupil.
import { useState } from 'react';
import {
  Badge,
  Checkbox,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  Text,
} from '@fluentui/react-components';
import { formatUkDate } from '../../../shared/dates';
import { YEAR_GROUPS } from '../../../shared/pupil';
import type { Input as RpcInput } from '../../../shared/contract';
import { go, useRpc } from '../hooks';
import { ErrorBar } from '../components/ErrorBar';
import { knownAs, pluralS } from '../../../shared/names';

const FLAGS: [string, string][] = [
  ['fsm', 'FSM'],
  ['senK', 'SEN support'],
  ['senE', 'EHC plan'],
  ['cla', 'Looked after'],
  ['socialWorker', 'Social worker'],
  ['eal', 'EAL'],
  ['youngCarer', 'Young carer'],
  ['boarder', 'Boarder'],
];

export function Pupils({ today }: { today: string }) {
  const [search, setSearch] = useState('');
  const [yearGroup, setYear] = useState('');
  const [regGroup, setGroup] = useState('');
  const [flag, setFlag] = useState('');
  const [leavers, setLeavers] = useState(false);
  const input: RpcInput<'pupils.list'> = {
    search: search || undefined,
    yearGroup: (yearGroup || undefined) as never,
    regGroup: regGroup || undefined,
    flag: (flag || undefined) as never,
    includeLeavers: leavers,
    onDate: today,
  };
  const q = useRpc('pupils.list', input, { placeholderData: (prev) => prev });
  const all = q.data?.pupils ?? [];
  const total = all.length;
  const shown = all.slice(0, 500);
  return (
    <div className="page">
      <Title2 as="h1">Pupils</Title2>
      <div className="row" role="search">
        <Field label="Search name or UPN">
          <Input value={search} onChange={(_, d) => setSearch(d.value)} autoFocus />
        </Field>
        <Field label="Year">
          <Select value={yearGroup} onChange={(_, d) => setYear(d.value)}>
            <option value="">All years</option>
            {YEAR_GROUPS.map((y) => (
              <option key={y} value={y}>
                {y === 'R' ? 'Reception' : /^N/.test(y) ? `Nursery ${y}` : `Year ${y}`}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Registration group">
          <Select value={regGroup} onChange={(_, d) => setGroup(d.value)}>
            <option value="">All groups</option>
            {q.data?.regGroups.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </Select>
        </Field>
        <Field label="Flag">
          <Select value={flag} onChange={(_, d) => setFlag(d.value)}>
            <option value="">Any</option>
            {FLAGS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox label="Include leavers" checked={leavers} onChange={(_, d) => setLeavers(!!d.checked)} />
      </div>
      <ErrorBar error={q.error} />
      <Text aria-live="polite">
        {q.data ? `${q.data.pupils.length} pupil${pluralS(q.data.pupils.length)}` : 'Loading…'}
      </Text>
      <Table aria-label="Pupils" size="small" className="fluent-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>UPN</TableHeaderCell>
            <TableHeaderCell style={{ width: 70 }}>Year</TableHeaderCell>
            <TableHeaderCell style={{ width: 120 }}>Group</TableHeaderCell>
            <TableHeaderCell>Flags</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((p) => (
            <TableRow key={p.id} className="clickable" onClick={() => go(`pupils/${p.id}`)}>
              <TableCell>
                <TableCellLayout>
                  <a href={`#/pupils/${p.id}`}>
                    {p.surname}, {knownAs(p)}
                  </a>
                  {!p.onRoll && <Text className="muted"> (left {formatUkDate(p.leavingDate)})</Text>}
                </TableCellLayout>
              </TableCell>
              <TableCell>{p.upn}</TableCell>
              <TableCell>{p.yearGroup}</TableCell>
              <TableCell>{p.regGroup}</TableCell>
              <TableCell>
                <span className="badges">
                  {p.fsm && (
                    <Badge appearance="tint" title="Free school meals">
                      FSM
                    </Badge>
                  )}
                  {p.sen === 'K' && (
                    <Badge appearance="tint" color="informative" title="SEN support">
                      SEN K
                    </Badge>
                  )}
                  {p.sen === 'E' && (
                    <Badge appearance="tint" color="informative" title="Education, health and care plan">
                      EHCP
                    </Badge>
                  )}
                  {p.cla && (
                    <Badge appearance="tint" color="important" title="Looked after">
                      CLA
                    </Badge>
                  )}
                  {p.arrangement && (
                    <Badge appearance="tint" color="warning" title="An agreed arrangement is in force">
                      {p.arrangement}
                    </Badge>
                  )}
                  {p.socialWorker && (
                    <Badge appearance="tint" color="danger" title="Has a social worker">
                      SW
                    </Badge>
                  )}
                  {p.eal && (
                    <Badge appearance="tint" color="success" title="English as an additional language">
                      EAL
                    </Badge>
                  )}
                  {p.youngCarer && <Badge appearance="tint">Young carer</Badge>}
                  {p.boarder && <Badge appearance="tint">Boarder</Badge>}
                </span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {total > shown.length && (
        <Text>
          Showing the first {shown.length} of {total}: search or filter to find the others.
        </Text>
      )}
    </div>
  );
}
