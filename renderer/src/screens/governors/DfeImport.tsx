// Comparison figures from the DfE's published absence file (docs/rules/governor-report.md): choose the CSV, see
// the England and local-authority rows it would write (or every refused row with its line number), then import.
// Nothing is written until the import is confirmed, and a refused file changes nothing.
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { formatPct1 } from '../../../../shared/statistics/rates';
import { plural } from '../../../../shared/names';
import { useRpcMutation } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { FilePicker } from '../../components/FilePicker';

type Preview = Output<'governors.previewDfe'>;
const pct = (v: number | null) => (v === null ? '–' : formatPct1(v));

function PreviewTable({ p }: { p: Preview }) {
  return (
    <table className="plain" aria-label="Rows the import will write">
      <thead>
        <tr>
          <th>Period</th>
          <th>Area</th>
          <th className="num">Overall</th>
          <th className="num">Authorised</th>
          <th className="num">Unauthorised</th>
          <th className="num">Persistent</th>
          <th className="num">Severe</th>
          <th>In the app</th>
        </tr>
      </thead>
      <tbody>
        {p.rows.map((r) => (
          <tr key={`${r.period}|${r.area}`}>
            <td>{r.period}</td>
            <td>{r.area}</td>
            <td className="num">{pct(r.overall)}</td>
            <td className="num">{pct(r.authorised)}</td>
            <td className="num">{pct(r.unauthorised)}</td>
            <td className="num">{pct(r.persistent)}</td>
            <td className="num">{pct(r.severe)}</td>
            <td>{r.isNew ? 'New' : 'Replaces the row kept'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Result = Output<'governors.importDfe'>;

/** What the file would write, with the import and a way back. */
function ImportPreview(p: {
  preview: Preview;
  pending: boolean;
  onImport: () => void;
  onCancel: () => void;
}) {
  return (
    <>
      {p.preview.laCode === null && (
        <MessageBar intent="warning">
          <MessageBarBody>
            The school&apos;s local authority code is not set, so only the England rows are read.
          </MessageBarBody>
        </MessageBar>
      )}
      <PreviewTable p={p.preview} />
      <div className="row">
        <Button appearance="primary" disabled={p.pending} onClick={p.onImport}>
          Import {plural(p.preview.rows.length, 'row')}
        </Button>
        <Button onClick={p.onCancel}>Cancel</Button>
      </div>
    </>
  );
}

function Imported({ r }: { r: Result }) {
  return (
    <MessageBar intent="success">
      <MessageBarBody>
        Imported {plural(r.rows, 'row')} for {r.areas.join(' and ')}: {r.added} new, {r.updated} replaced.
      </MessageBarBody>
    </MessageBar>
  );
}

export function DfeImport() {
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = useRpcMutation('governors.importDfe', [
    'figures.dashboard',
    'governors.preview',
    'figures.national.list',
  ]);
  const onFile = async (f: File) => {
    setPreview(null);
    setError(null);
    run.reset();
    const csv = await f.text();
    setFile({ name: f.name, csv });
    try {
      setPreview(await call('governors.previewDfe', { csv }));
    } catch (e) {
      setError(e);
    }
  };
  const doImport = () =>
    file && run.mutate({ csv: file.csv, fileName: file.name }, { onSuccess: () => setPreview(null) });
  return (
    <section className="card" aria-labelledby="h-dfe">
      <Text as="h2" id="h-dfe" weight="semibold" size={500}>
        National and local comparison figures
      </Text>
      <Text block>
        Download the CSV of &ldquo;Pupil absence in schools in England&rdquo; from the DfE&apos;s statistics
        service. The rows for England and for the school&apos;s local authority are read; every row is checked
        first, and a file with a bad row changes nothing.
      </Text>
      <FilePicker
        label="Choose the DfE absence file"
        disabled={run.isPending}
        onFile={(f) => void onFile(f)}
      />
      <ErrorBar error={error} title="The file cannot be imported: nothing has changed" />
      {preview && (
        <ImportPreview
          preview={preview}
          pending={run.isPending}
          onImport={doImport}
          onCancel={() => setPreview(null)}
        />
      )}
      <ErrorBar error={run.error} />
      {run.data && <Imported r={run.data} />}
    </section>
  );
}
