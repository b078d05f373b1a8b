// One statutory list: its heading, what the law asks of the school, its table (columns given by the list) with an
// export, and recording a return sent to the local authority from a row.
import { type ReactNode } from 'react';
import { Button, Text } from '@fluentui/react-components';
import { formatUkDate } from '../../../../shared/dates';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';

export interface Row {
  pupilId: number;
  name: string;
  yearGroup: string;
  regGroup: string;
}
interface Column<R> {
  head: string;
  num?: boolean;
  cell: (r: R) => ReactNode;
}
interface Run extends Row {
  runSessions: number;
  runFrom: string;
  runTo: string;
  ongoing: boolean;
}

/** The columns of a run of absence, after the pupil's: its length, first and last day, and whether it goes on. */
export function RUN_COLUMNS<R extends Run>(lengthHead: string): Column<R>[] {
  return [
    { head: lengthHead, num: true, cell: (r) => r.runSessions },
    { head: 'From', cell: (r) => formatUkDate(r.runFrom) },
    { head: 'To', cell: (r) => formatUkDate(r.runTo) },
    { head: 'Still absent', cell: (r) => (r.ongoing ? 'yes' : 'no') },
  ];
}

/** One statutory list: its heading with the count and a CSV export, what it is for, and a table of the pupils
 * (name, year and group, then the list's own columns), or a line saying none is on it. */
export function StatutoryList<R extends Row>(p: {
  id: string;
  title: string;
  label: string;
  onExport: () => void;
  intro: ReactNode;
  empty: string;
  rows: R[];
  columns: Column<R>[];
  rowKey?: (r: R) => string;
}) {
  return (
    <section className="card" aria-labelledby={p.id}>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Text as="h2" id={p.id} weight="semibold" size={500}>
          {p.title} ({p.rows.length})
        </Text>
        <Button onClick={p.onExport} aria-label={`Export CSV: ${p.title}`}>
          Export CSV
        </Button>
      </div>
      <Text block className="muted">
        {p.intro}
      </Text>
      <ListTable label={p.label} empty={p.empty} rows={p.rows} columns={p.columns} rowKey={p.rowKey} />
    </section>
  );
}

/** The list's table: the pupil (linking to their page), year and group, then the list's own columns. */
function ListTable<R extends Row>(p: {
  label: string;
  empty: string;
  rows: R[];
  columns: Column<R>[];
  rowKey: ((r: R) => string) | undefined;
}) {
  return (
    <table className="plain" aria-label={p.label}>
      <thead>
        <tr>
          <th>Pupil</th>
          <th>Year</th>
          <th>Group</th>
          {p.columns.map((c) => (
            <th key={c.head} className={c.num ? 'num' : undefined}>
              {c.head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {p.rows.length === 0 && (
          <tr>
            <td colSpan={p.columns.length + 3} className="muted">
              {p.empty}
            </td>
          </tr>
        )}
        {p.rows.map((r) => (
          <tr key={p.rowKey ? p.rowKey(r) : r.pupilId}>
            <td>
              <a href={`#/pupils/${r.pupilId}`}>{r.name}</a>
            </td>
            <td>{r.yearGroup}</td>
            <td>{r.regGroup}</td>
            {p.columns.map((c) => (
              <td key={c.head} className={c.num ? 'num' : undefined}>
                {c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Logs the return to the local authority as sent today (docs/rules/register-law.md §8 keeps a log of every
 * return). */
export function RecordReturn({
  pupilId,
  name,
  kind,
  today,
}: {
  pupilId: number;
  name: string;
  kind: 'attendance' | 'sickness';
  today: string;
}) {
  const m = useRpcMutation('pupils.recordReturn', ['figures.statutoryLists']);
  return (
    <>
      <span className="muted">not yet </span>
      <Button
        size="small"
        disabled={m.isPending}
        aria-label={`Record the ${kind} return for ${name} as sent today`}
        onClick={() => m.mutate({ pupilId, kind, sentAt: today, method: 'LA portal' })}
      >
        Sent today
      </Button>
      {m.error ? <ErrorBar error={m.error} /> : null}
    </>
  );
}
