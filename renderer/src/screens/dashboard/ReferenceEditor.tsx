// The comparison figures: the national table shipped with the app and the school's own rows, which the lead,
// head or admin add, correct or hide.
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import type { Ref } from './common';
import { blank, draftOf, saveInput, type Draft } from './reference-draft';
import { ReferenceTable } from './ReferenceTable';
import { ReferenceForm } from './ReferenceForm';

/** The comparison figures: the national table shipped with the app and the school's own rows; lead, head or admin edit. */
export function ReferenceEditor({ rows }: { rows: Ref[] }) {
  const save = useRpcMutation('figures.national.save', ['figures.dashboard', 'figures.national.list']);
  const mayEdit = mayCall(useMe(), 'figures.national.save');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The figures themselves are in the year-to-date table; this editor opens on request (docs/ux.md, layout).
  const [open, setOpen] = useState(false);
  const edit = (r: Ref) => setDraft(draftOf(r));
  const submit = (hidden = false) => {
    if (!draft) {
      return;
    }
    save.mutate(saveInput(draft, hidden), {
      onSuccess: () => {
        setDone(hidden ? 'Row hidden.' : 'Figures saved.');
        setDraft(null);
      },
    });
  };
  if (!mayEdit) {
    return null;
  }
  if (!open) {
    return (
      <div className="row">
        <Button onClick={() => setOpen(true)}>Change the comparison figures</Button>
      </div>
    );
  }
  return (
    <section className="card" aria-labelledby="h-ref">
      <Text as="h2" id="h-ref" weight="semibold" size={500}>
        Comparison figures
      </Text>
      <Text block className="muted">
        National figures ship with the app from the DfE's published statistics; add your local authority's
        figures or a newer release, or correct a row. Percentages as published.
      </Text>
      <ReferenceTable rows={rows} edit={edit} mayEdit={mayEdit} />
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={save.error} />
      {!draft ? (
        <div className="row" style={{ marginTop: 8 }}>
          <Button
            onClick={() => {
              setDone(null);
              setDraft(blank());
            }}
          >
            Add figures
          </Button>
        </div>
      ) : (
        <ReferenceForm draft={draft} setDraft={setDraft} submit={submit} saving={save.isPending} />
      )}
    </section>
  );
}
