// One page of the audit log: how many entries match, the entries themselves (a flagged one says so first), and
// the buttons to the newer and older pages.
import { Button, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatWhen } from '../../auth/when';
import { PAGE } from './audit-query';

type Entry = Output<'audit.list'>['rows'][number];

interface Props {
  rows: Entry[];
  total: number;
  offset: number;
  setOffset: (offset: number) => void;
}

export function AuditEntries({ rows, total, offset, setOffset }: Props) {
  return (
    <>
      <Text aria-live="polite">
        {total === 0
          ? 'Nothing matches.'
          : `Entries ${offset + 1}–${Math.min(offset + PAGE, total)} of ${total}`}
      </Text>
      <div className="table-scroll">
        <table className="plain" aria-label="Audit entries">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Action</th>
              <th>Record</th>
              <th>Detail</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <AuditRow key={r.id} r={r} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="row">
        <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          Newer
        </Button>
        <Button disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
          Older
        </Button>
      </div>
    </>
  );
}

function AuditRow({ r }: { r: Entry }) {
  return (
    <tr>
      <td>{formatWhen(r.at, true)}</td>
      <td>{r.actor}</td>
      <td>{r.action}</td>
      <td>
        {r.entity}
        {r.entityId ? ` ${r.entityId}` : ''}
      </td>
      <td className="audit-detail">
        {r.flag && (
          <strong className="audit-flag">
            Flagged: {r.flag}
            <br />
          </strong>
        )}
        {r.detail}
      </td>
    </tr>
  );
}
