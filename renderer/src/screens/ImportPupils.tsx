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
import { CONTACT_IMPORT_FIELDS, IMPORT_FIELDS, type Output } from '../../../shared/contract';
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

const CONTACT_PARTS: Record<string, string> = {
  name: 'name',
  relationship: 'relationship',
  phone: 'phone',
  email: 'email',
  address: 'address',
  lives_with: 'lives with the pupil',
  parental_responsibility: 'parental responsibility',
};
/** The office's words for a field, the contact columns included ("Contact 1: phone"). */
function fieldLabel(f: string): string {
  const c = /^contact(\d+)_(.+)$/.exec(f);
  return c
    ? `Contact ${c[1]}: ${CONTACT_PARTS[c[2]] ?? c[2]}`
    : FIELD_LABELS[f as (typeof IMPORT_FIELDS)[number]];
}
const ALL_FIELDS: string[] = [...IMPORT_FIELDS, ...CONTACT_IMPORT_FIELDS];

/** The last mapping used for a file with exactly these headers, kept on this computer (docs/mis-headers.md). */
const mappingKey = (headers: readonly string[]) => `pupil-import-mapping:${JSON.stringify(headers)}`;
function rememberedMapping(headers: readonly string[]): Record<string, string> | null {
  try {
    const raw = localStorage.getItem(mappingKey(headers));
    return raw ? (JSON.parse(raw) as Record<string, string>) : null;
  } catch {
    return null;
  }
}

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
    return p;
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
      const first = await runPreview(text, {});
      const remembered = rememberedMapping(first.headers);
      if (remembered) {
        setMapping(remembered);
        await runPreview(text, remembered);
      }
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
      if (preview && Object.keys(mapping).length > 0) {
        localStorage.setItem(mappingKey(preview.headers), JSON.stringify(mapping));
      }
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
            Columns named like the fields, or as SIMS, Arbor and Bromcom export them, are matched by
            themselves. Otherwise choose the file's column for each field, the contacts included; the file is
            checked again at once, and the mapping is remembered for the next file with these columns.
          </Text>
          <div className="grid2">
            {ALL_FIELDS.map((f) => (
              <Field key={f} label={`${fieldLabel(f)} (${f})${REQUIRED.has(f) ? ', required' : ''}`}>
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
