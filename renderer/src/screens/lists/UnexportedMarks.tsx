// Marks taken or amended here that the MIS does not have yet: how many, the export for the MIS with what it
// did, and the first hundred marks.
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatUkDate } from '../../../../shared/dates';
import { ErrorBar } from '../../components/ErrorBar';

interface Props {
  data: Output<'marks.unexported'> | undefined;
  /** The export's "done" message, if it ran. */
  msg: string | null;
  /** The export's failure, else the list's. */
  error: unknown;
  exportNow: () => Promise<void>;
}

export function UnexportedMarks({ data, msg, error, exportNow }: Props) {
  return (
    <section className="card" aria-labelledby="h-unexp">
      <Text as="h2" id="h-unexp" weight="semibold" size={500}>
        Not yet in the MIS ({data?.total ?? '…'})
      </Text>
      <Text>
        Marks taken or amended here must reach the MIS the same day, so the two registers never differ.
      </Text>
      <div className="row">
        <Button appearance="primary" disabled={!data?.total} onClick={() => void exportNow()}>
          Export for the MIS
        </Button>
      </div>
      {msg && (
        <MessageBar intent="success">
          <MessageBarBody>{msg}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={error} />
      <table className="plain" aria-label="Marks not yet exported">
        <thead>
          <tr>
            <th>Pupil</th>
            <th>Session</th>
            <th>Code</th>
            <th>Amended</th>
          </tr>
        </thead>
        <tbody>
          {data?.marks.slice(0, 100).map((m, i) => (
            <tr key={i}>
              <td>{m.name}</td>
              <td>
                {formatUkDate(m.date)} {m.session}
              </td>
              <td>{m.code}</td>
              <td>{m.amended ? 'yes' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
