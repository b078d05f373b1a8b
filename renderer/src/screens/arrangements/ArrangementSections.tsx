// The sections of the arrangements list: what is due this week (here and elsewhere), and the arrangements in
// force (or every one) as a table with each one's status.
import { Badge, MessageBar, MessageBarBody, Switch, Text } from '@fluentui/react-components';
import { ARRANGEMENT_KIND_LABELS, patternText } from '../../../../shared/arrangements';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { ErrorBar } from '../../components/ErrorBar';
import { StatusBadge } from './StatusBadge';
import { DueElsewhere } from './DueElsewhere';

type DueItem = Output<'arrangements.due'>['items'][number];
type Row = Output<'arrangements.list'>['arrangements'][number];

export function DueSection({ items, error }: { items: DueItem[] | undefined; error: unknown }) {
  return (
    <section className="card" aria-labelledby="h-due">
      <Text as="h2" id="h-due" weight="semibold" size={500}>
        Due this week ({items?.length ?? '…'})
      </Text>
      <ErrorBar error={error} />
      {items?.length === 0 && <Text>Nothing is due.</Text>}
      <ul className="plain-list">
        {items?.map((d, k) => (
          <li key={k}>
            {d.overdue && (
              <Badge appearance="filled" color="danger">
                overdue
              </Badge>
            )}{' '}
            <a href={`#/arrangements/${d.arrangementId}`}>{d.message}</a>
          </li>
        ))}
      </ul>
      <DueElsewhere />
    </section>
  );
}

function ArrangementRowCells({ a }: { a: Row }) {
  return (
    <>
      <td>
        {a.id !== null ? (
          <a href={`#/arrangements/${a.id}`}>{a.pupilName}</a>
        ) : (
          <a href={`#/leave/${a.leaveRequestId}`}>{a.pupilName}</a>
        )}
      </td>
      <td>{a.regGroup}</td>
      <td>
        {ARRANGEMENT_KIND_LABELS[a.kind]}
        {a.id === null ? ' (granted as leave)' : ''}
      </td>
      <td>{patternText(a.pattern)}</td>
      <td>{formatUkDate(a.startDate)}</td>
      <td>{a.endDate ? formatUkDate(a.endDate) : 'open-ended'}</td>
      <td>{a.nextReviewOn ? formatUkDate(a.nextReviewOn) : '–'}</td>
      <td>
        <StatusBadge status={a.status} />
        {a.warnings.length > 0 && <span className="visually-hidden"> {a.warnings.join(' ')}</span>}
      </td>
    </>
  );
}

function ArrangementsTable({ rows }: { rows: Row[] }) {
  return (
    <table className="plain" aria-label="Arrangements">
      <thead>
        <tr>
          <th>Pupil</th>
          <th>Group</th>
          <th>Kind</th>
          <th>Not in school</th>
          <th>From</th>
          <th>To</th>
          <th>Next review</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a, k) => (
          <tr key={a.id ?? `leave-${a.leaveRequestId ?? k}`}>
            <ArrangementRowCells a={a} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface InForceProps {
  all: boolean;
  setAll: (all: boolean) => void;
  rows: Row[] | undefined;
  error: unknown;
}

export function InForceSection({ all, setAll, rows, error }: InForceProps) {
  return (
    <section className="card" aria-labelledby="h-list">
      <Text as="h2" id="h-list" weight="semibold" size={500}>
        {all ? 'Every arrangement' : 'In force now'}
      </Text>
      <Switch checked={all} onChange={(_, d) => setAll(d.checked)} label="Show ended and future ones too" />
      <ErrorBar error={error} />
      {rows?.length === 0 && (
        <MessageBar>
          <MessageBarBody>No part-time timetable or flexi-schooling agreement is in force.</MessageBarBody>
        </MessageBar>
      )}
      {!!rows?.length && <ArrangementsTable rows={rows} />}
    </section>
  );
}
