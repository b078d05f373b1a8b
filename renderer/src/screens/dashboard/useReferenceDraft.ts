// The comparison row being added or changed on the dashboard, its save (or hiding) through
// `figures.national.save`, and the "done" message after it.
import { useState } from 'react';
import { useRpcMutation } from '../../hooks';
import type { Ref } from './common';
import { draftOf, saveInput, type Draft } from './reference-draft';

export function useReferenceDraft() {
  const save = useRpcMutation('figures.national.save', ['figures.dashboard', 'figures.national.list']);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [done, setDone] = useState<string | null>(null);
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
  return { save, draft, setDraft, done, setDone, edit, submit };
}
