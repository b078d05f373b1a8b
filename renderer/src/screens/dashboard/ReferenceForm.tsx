// Adding or changing one comparison row: area, period, kind of data, each percentage as published and the
// source; a row already there can be hidden instead.
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { FIELDS, type Draft } from './reference-draft';

interface Props {
  draft: Draft;
  setDraft: (d: Draft | null) => void;
  submit: (hidden: boolean) => void;
  saving: boolean;
}

export function ReferenceForm({ draft, setDraft, submit, saving }: Props) {
  return (
    <div className="card" style={{ marginTop: 8 }}>
      <div className="row">
        <Field label="Area" required>
          <Input value={draft.area} onChange={(_, v) => setDraft({ ...draft, area: v.value })} />
        </Field>
        <Field label="Period and data" required>
          <Input
            value={draft.period}
            onChange={(_, v) => setDraft({ ...draft, period: v.value })}
            style={{ minWidth: 280 }}
          />
        </Field>
        <Field label="Kind">
          <Select
            value={draft.dataKind}
            onChange={(_, v) => setDraft({ ...draft, dataKind: v.value as Draft['dataKind'] })}
          >
            <option value="census">Census</option>
            <option value="daily">Daily data</option>
            <option value="local">Local</option>
          </Select>
        </Field>
      </div>
      <div className="row">
        {FIELDS.map(([k, l]) => (
          <Field key={k} label={`${l} %`}>
            <Input
              value={draft.values[k]}
              inputMode="decimal"
              style={{ width: '6em' }}
              onChange={(_, v) => setDraft({ ...draft, values: { ...draft.values, [k]: v.value } })}
            />
          </Field>
        ))}
      </div>
      <div className="row">
        <Field label="Source" required>
          <Input
            value={draft.source}
            onChange={(_, v) => setDraft({ ...draft, source: v.value })}
            style={{ minWidth: 360 }}
          />
        </Field>
        <Button appearance="primary" disabled={saving} onClick={() => submit(false)}>
          Save figures
        </Button>
        {(draft.schoolId !== undefined || draft.shippedId) && (
          <Button onClick={() => submit(true)}>Hide this row</Button>
        )}
        <Button appearance="subtle" onClick={() => setDraft(null)}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
