// Lists that keep the register right: marks whose code needs a detail that is missing, and marks taken or
// amended here that the MIS does not have yet (with the export file for it).
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Text, Title2 } from '@fluentui/react-components';
import { academicYearOf, formatUkDate } from '../../../shared/dates';
import { useRpc } from '../hooks';
import { call } from '../rpc';
import { ErrorBar } from '../components/ErrorBar';
import { useQueryClient } from '@tanstack/react-query';

export function Lists({ today }: { today: string }) {
  const qc = useQueryClient();
  const missing = useRpc('followup.detailMissing', { from: `${academicYearOf(today)}-09-01`, to: today });
  const unexported = useRpc('marks.unexported', {});
  const [msg, setMsg] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const exportNow = async () => {
    try {
      const r = await call('marks.exportForMis', {});
      const url = URL.createObjectURL(new Blob([r.csv], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `marks-for-mis-${today}.csv`;
      a.click();
      URL.revokeObjectURL(url);
      setMsg(`${r.rows} marks exported. Import the file into your MIS today.`);
      await qc.invalidateQueries({ queryKey: ['marks.unexported'] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="page">
      <Title2 as="h1">Register checks</Title2>
      <section className="card" aria-labelledby="h-unexp">
        <Text as="h2" id="h-unexp" weight="semibold" size={500}>
          Not yet in the MIS ({unexported.data?.total ?? '…'})
        </Text>
        <Text>
          Marks taken or amended here must reach the MIS the same day, so the two registers never differ.
        </Text>
        <div className="row">
          <Button appearance="primary" disabled={!unexported.data?.total} onClick={() => void exportNow()}>
            Export for the MIS
          </Button>
        </div>
        {msg && (
          <MessageBar intent="success">
            <MessageBarBody>{msg}</MessageBarBody>
          </MessageBar>
        )}
        <ErrorBar error={error ?? unexported.error} />
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
            {unexported.data?.marks.slice(0, 100).map((m, i) => (
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
      <section className="card" aria-labelledby="h-miss">
        <Text as="h2" id="h-miss" weight="semibold" size={500}>
          Detail missing ({missing.data?.marks.length ?? '…'})
        </Text>
        <Text>
          These codes need a detail (the provider, the circumstance, the observance); add it from the pupil's
          page or the register.
        </Text>
        <ErrorBar error={missing.error} />
        <table className="plain" aria-label="Marks with detail missing">
          <thead>
            <tr>
              <th>Pupil</th>
              <th>Group</th>
              <th>Session</th>
              <th>Code</th>
            </tr>
          </thead>
          <tbody>
            {missing.data?.marks.slice(0, 100).map((m, i) => (
              <tr key={i}>
                <td>
                  <a href={`#/pupils/${m.pupilId}`}>{m.name}</a>
                </td>
                <td>{m.regGroup}</td>
                <td>
                  {formatUkDate(m.date)} {m.session}
                </td>
                <td>{m.code}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
