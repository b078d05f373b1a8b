// The sessions the request asks for (with the code each would get, whether it is granted now and the register's
// mark) and the evidence files kept with it.
import { Button, Text } from '@fluentui/react-components';
import { formatUkDate } from '../../../../../shared/dates';
import { call } from '../../../rpc';
import { downloadBase64 } from '../../../download';
import { formatWhen } from '../../../auth/when';
import type { DecisionRow, Detail } from '../common';

export function SessionsAsked({ d, current }: { d: Detail; current: DecisionRow | null }) {
  return (
    <section className="card" aria-labelledby="h-sessions">
      <Text as="h2" id="h-sessions" weight="semibold" size={500}>
        Sessions asked for
      </Text>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Table of sessions asked for">
        <table className="plain" aria-label="Sessions asked for">
          <thead>
            <tr>
              <th>Date</th>
              <th>Session</th>
              <th>Code if granted</th>
              <th>Granted now</th>
              <th>Register mark</th>
            </tr>
          </thead>
          <tbody>
            {d.requested.map((s) => {
              const g = current?.sessions.some((x) => x.date === s.date && x.session === s.session);
              return (
                <tr key={s.date + s.session}>
                  <td>{formatUkDate(s.date)}</td>
                  <td>{s.session}</td>
                  <td>{s.code}</td>
                  <td>{current ? (g ? 'yes' : 'no') : '–'}</td>
                  <td>{s.mark ?? '·'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Evidence({ evidence }: { evidence: Detail['evidence'] }) {
  const open = (id: number) =>
    void call('leave.evidence', { id }).then((x) => downloadBase64(x.base64, x.fileName, x.mimeType));
  return (
    <section className="card" aria-labelledby="h-evidence">
      <Text as="h2" id="h-evidence" weight="semibold" size={500}>
        Evidence
      </Text>
      {evidence.length === 0 ? (
        <Text>No file.</Text>
      ) : (
        <ul>
          {evidence.map((e) => (
            <li key={e.id}>
              <Button size="small" appearance="subtle" onClick={() => open(e.id)}>
                {e.fileName}
              </Button>{' '}
              ({Math.ceil(e.size / 1024)} KB, added by {e.addedBy} on {formatWhen(e.addedAt).slice(0, 10)})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
