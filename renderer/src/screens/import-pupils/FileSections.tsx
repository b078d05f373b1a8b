// What the import screen shows of the file: its problems by line (nothing is imported until they are fixed), the
// matching of its columns to the fields, and its first rows.
import { Field, MessageBar, MessageBarBody, MessageBarTitle, Select, Text } from '@fluentui/react-components';
import type { Output } from '../../../../shared/contract';
import { ALL_FIELDS, REQUIRED, fieldLabel } from './mapping';

type Preview = Output<'pupils.importPreview'>;
const SHOWN = 1000;

export function Problems({ problems }: { problems: Preview['errors'] }) {
  const many = problems.length > 1;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>
          {problems.length} problem{many ? 's' : ''}: nothing will be imported until{' '}
          {many ? 'they are' : 'it is'} fixed
        </MessageBarTitle>
        <ul aria-label="Problems in the file">
          {problems.slice(0, SHOWN).map((p, i) => (
            <li key={i}>
              {p.line !== undefined ? `line ${p.line}: ` : ''}
              {p.message}
            </li>
          ))}
        </ul>
        {problems.length > SHOWN && <Text>… and {problems.length - SHOWN} more: fix these first.</Text>}
      </MessageBarBody>
    </MessageBar>
  );
}

export function ColumnMatching({
  preview,
  fileName,
  choose,
}: {
  preview: Preview;
  fileName: string;
  choose: (field: string, header: string) => void;
}) {
  return (
    <section className="card" aria-labelledby="h-map">
      <Text as="h2" id="h-map" weight="semibold" size={500}>
        Match the columns of {fileName}
      </Text>
      <Text block className="muted" style={{ marginBottom: 8 }}>
        Columns named like the fields, or as SIMS, Arbor and Bromcom export them, are matched by themselves.
        Otherwise choose the file's column for each field, the contacts included; the file is checked again at
        once, and the mapping is remembered for the next file with these columns.
      </Text>
      <div className="grid2">
        {ALL_FIELDS.map((f) => (
          <Field key={f} label={`${fieldLabel(f)} (${f})${REQUIRED.has(f) ? ', required' : ''}`}>
            <Select value={preview.matched[f] ?? ''} onChange={(_, d) => choose(f, d.value)}>
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
  );
}

export function FirstRows({ preview }: { preview: Preview }) {
  return (
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
  );
}
