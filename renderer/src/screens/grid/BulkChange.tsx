// A bulk change of the selected block: the code and its detail, the reason for changing saved marks, a preview of
// every change (the first twelve listed), and the confirmation, which applies exactly the previewed total. Its
// state and calls are in useBulkChange.ts.
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { formatUkDate } from '../../../../shared/dates';
import { ErrorBar } from '../../components/ErrorBar';
import type { Bulk } from './selection';
import { useBulkChange, type Preview } from './useBulkChange';

interface Props {
  bulk: Bulk;
  setBulk: (b: Bulk | null) => void;
  onApplied: (message: string) => void;
}

function PreviewList({ bulk, preview }: { bulk: Bulk; preview: Preview }) {
  return (
    <>
      <Text>
        {preview.total} marks will change ({preview.amendments} of them amendments of saved marks),{' '}
        {formatUkDate(bulk.from)} to {formatUkDate(bulk.to)}.
      </Text>
      <ul aria-label="Changes">
        {preview.changes.slice(0, 12).map((c, i) => (
          <li key={i}>
            {c.name}, {formatUkDate(c.date)} {c.session}: {c.from ?? 'no mark'} → {c.to}
          </li>
        ))}
      </ul>
    </>
  );
}

export function BulkChange({ bulk, setBulk, onApplied }: Props) {
  const { preview, reason, setReason, error, edit, discard, showPreview, apply } = useBulkChange(
    bulk,
    setBulk,
    onApplied,
  );
  return (
    <section className="card no-print" aria-label="Change the selected marks">
      <div className="row">
        <Field label="Code">
          <Input value={bulk.code} onChange={(_, d) => edit({ ...bulk, code: d.value.toUpperCase() })} />
        </Field>
        <Field label="Detail (needed for codes such as Y1–Y7, V, C)">
          <Input value={bulk.note ?? ''} onChange={(_, d) => edit({ ...bulk, note: d.value || null })} />
        </Field>
        <Field label="Reason (for changes to saved marks)">
          <Input value={reason} onChange={(_, d) => setReason(d.value)} />
        </Field>
        <Button onClick={() => void showPreview()}>Preview</Button>
        <Button onClick={discard}>Discard</Button>
      </div>
      {preview && (
        <div>
          <PreviewList bulk={bulk} preview={preview} />
          <Button
            appearance="primary"
            disabled={preview.total === 0 || (preview.amendments > 0 && !reason.trim())}
            onClick={() => void apply(preview)}
          >
            Confirm {preview.total} changes
          </Button>
        </div>
      )}
      <ErrorBar error={error} />
    </section>
  );
}
