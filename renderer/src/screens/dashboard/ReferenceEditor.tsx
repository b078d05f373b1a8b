// The comparison figures: the national table shipped with the app and the school's own rows, which the lead,
// head or admin add, correct or hide. The draft and its save are in useReferenceDraft.ts.
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { ErrorBar } from '../../components/ErrorBar';
import { useMe } from '../../auth/AuthGate';
import { mayCall } from '../../auth/access';
import type { Ref } from './common';
import { blank } from './reference-draft';
import { ReferenceTable } from './ReferenceTable';
import { ReferenceForm } from './ReferenceForm';
import { useReferenceDraft } from './useReferenceDraft';

/** The comparison figures: the national table shipped with the app and the school's own rows; lead, head or admin edit. */
export function ReferenceEditor({ rows }: { rows: Ref[] }) {
  const { save, draft, setDraft, done, setDone, edit, submit } = useReferenceDraft();
  const mayEdit = mayCall(useMe(), 'figures.national.save');
  // The figures themselves are in the year-to-date table; this editor opens on request (docs/ux.md, layout).
  const [open, setOpen] = useState(false);
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
