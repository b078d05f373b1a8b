// Import pupils from the MIS: choose a CSV, preview it, match its columns to the fields, then import all or nothing.
import { useRef, useState } from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Text,
  Title2,
} from '@fluentui/react-components';
import { IMPORT_FIELDS, type Output } from '../../../shared/contract';
import { call } from '../rpc';
import { ErrorBar } from '../components/ErrorBar';
import { FilePicker } from '../components/FilePicker';
import { useQueryClient } from '@tanstack/react-query';

const REQUIRED = new Set([
  'upn',
  'surname',
  'forename',
  'dob',
  'sex',
  'year_group',
  'reg_group',
  'admission_date',
]);

/** What each import field holds, in the office's words; the docs/cli.md column name stays beside it for IT
 * staff. */
const FIELD_LABELS: Record<(typeof IMPORT_FIELDS)[number], string> = {
  upn: 'UPN',
  surname: 'Legal surname',
  forename: 'Legal forename',
  preferred_forename: 'Preferred forename',
  dob: 'Date of birth',
  sex: 'Sex',
  year_group: 'Year group',
  reg_group: 'Registration group',
  admission_date: 'Date of admission',
  leaving_date: 'Date of leaving',
  fsm: 'Free school meals',
  sen: 'SEN status',
  cla: 'Looked after',
  social_worker: 'Has a social worker',
  eal: 'English as an additional language',
  boarder: 'Boarder',
};

export function ImportPupils() {
  const qc = useQueryClient();
  const [fileName, setFileName] = useState('');
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<Output<'pupils.importPreview'> | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Output<'pupils.import'> | null>(null);

  const seq = useRef(0);
  /** Checks the file again; an answer that arrives after a newer request (quick changes of mapping) is dropped. */
  const runPreview = async (text: string, map: Record<string, string>) => {
    setError(null);
    const n = ++seq.current;
    const p = await call('pupils.importPreview', { csv: text, ...fileMapping(map) });
    if (n === seq.current) {
      setPreview(p);
    }
  };
  /** field -> file header (screen state; '' = "not in this file") to file header -> field, plus the fields left out (contract). */
  const fileMapping = (m: Record<string, string>) => ({
    mapping: Object.fromEntries(
      Object.entries(m)
        .filter(([, h]) => h)
        .map(([f, h]) => [h, f]),
    ),
    ignore: Object.entries(m)
      .filter(([, h]) => !h)
      .map(([f]) => f),
  });

  const onFile = async (f: File | undefined) => {
    setDone(null);
    setPreview(null);
    setMapping({});
    if (!f) {
      return;
    }
    setFileName(f.name);
    const text = await f.text();
    setCsv(text);
    try {
      await runPreview(text, {});
    } catch (e) {
      setError(e);
    }
  };

  const doImport = async () => {
    if (!csv) {
      return;
    }
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await call('pupils.import', { csv, ...fileMapping(mapping) }));
      await qc.invalidateQueries();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const problems = preview?.errors ?? [];
  return (
    <div className="page">
      <Title2 as="h1">Import pupils</Title2>
      <Text block>
        Export the pupils from your MIS as CSV (UTF-8). Every row is checked first: if any row is wrong,
        nothing is imported and each problem is listed with its line number. Pupils already here (same UPN)
        are updated, and each change is recorded.
      </Text>
      <FilePicker label="Choose a CSV file" disabled={busy} onFile={(f) => void onFile(f)} />
      {problems.length > 0 && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>
              {problems.length} problem{problems.length > 1 ? 's' : ''}: nothing will be imported until{' '}
              {problems.length > 1 ? 'they are' : 'it is'} fixed
            </MessageBarTitle>
            <ul aria-label="Problems in the file">
              {problems.slice(0, 1000).map((p, i) => (
                <li key={i}>
                  {p.line !== undefined ? `line ${p.line}: ` : ''}
                  {p.message}
                </li>
              ))}
            </ul>
            {problems.length > 1000 && <Text>… and {problems.length - 1000} more: fix these first.</Text>}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview?.summary && !done && (
        <Text>
          Ready: {preview.summary.rows} pupils, {preview.summary.created} new, {preview.summary.updated}{' '}
          already here (updated where changed).
        </Text>
      )}
      {busy && <ProgressBar aria-label="Importing pupils" />}
      <ErrorBar error={error} title="Nothing was imported" />
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Imported</MessageBarTitle>
            {done.created} added, {done.updated} updated, {done.unchanged} unchanged.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className="row">
        <Button
          appearance="primary"
          disabled={!csv || busy || problems.length > 0}
          onClick={() => void doImport()}
        >
          Import
        </Button>
      </div>
      {preview && preview.headers.length > 0 && (
        <section className="card" aria-labelledby="h-map">
          <Text as="h2" id="h-map" weight="semibold" size={500}>
            Match the columns of {fileName}
          </Text>
          <Text block className="muted" style={{ marginBottom: 8 }}>
            Columns named like the fields are matched by themselves. For an export with other names (SIMS,
            Arbor), choose the file's column for each field; the file is checked again at once.
          </Text>
          <div className="grid2">
            {IMPORT_FIELDS.map((f) => (
              <Field key={f} label={`${FIELD_LABELS[f]} (${f})${REQUIRED.has(f) ? ', required' : ''}`}>
                <Select
                  value={preview.matched[f] ?? ''}
                  onChange={(_, d) => {
                    const m = { ...mapping, [f]: d.value };
                    setMapping(m);
                    void runPreview(csv!, m).catch(setError);
                  }}
                >
                  <option value="">(not in this file)</option>
                  {preview.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
        </section>
      )}
      {preview && preview.preview.length > 0 && (
        <section className="card" aria-labelledby="h-prev" style={{ overflowX: 'auto' }} tabIndex={0}>
          <Text as="h2" id="h-prev" weight="semibold" size={500}>
            First rows
          </Text>
          <table className="plain" aria-label="Preview of the file">
            <thead>
              <tr>
                {preview.headers.map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.preview.slice(0, 5).map((r, i) => (
                <tr key={i}>
                  {preview.headers.map((h) => (
                    <td key={h}>{r[h]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
