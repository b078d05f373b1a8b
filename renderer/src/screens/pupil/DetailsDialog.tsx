// Correcting a pupil's admission-register details; the core records each change with who made it. The fields are
// in DetailsFields.tsx.
import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import type { Pupil } from '../../../../shared/pupil';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { RpcFailure } from '../../rpc';

import { useReturnFocus } from './useReturnFocus';
import { changedDetails, detailsOf, type Details } from './details';
import { DetailsFields } from './DetailsFields';

/** The dialog's buttons: Cancel closes it, Save details saves the changes. */
function SaveOrCancel({ disabled, onSave }: { disabled: boolean; onSave: () => void }) {
  return (
    <DialogActions>
      <DialogTrigger disableButtonEnhancement>
        <Button>Cancel</Button>
      </DialogTrigger>
      <Button appearance="primary" disabled={disabled} onClick={onSave}>
        Save details
      </Button>
    </DialogActions>
  );
}

/** Corrects the admission-register details; the core records each change with who made it. */
export function DetailsDialog({ pupil }: { pupil: Pupil }) {
  const m = useRpcMutation('pupils.update', ['pupils.get', 'pupils.list']);
  const initial = detailsOf(pupil);
  const [v, setV] = useState<Details>(initial);
  const [open, setOpen] = useState(false);
  const opener = useReturnFocus(open);
  const set = (patch: Partial<Details>) => setV({ ...v, ...patch });
  const issue = (path: string) =>
    m.error instanceof RpcFailure
      ? m.error.error.issues?.find((i) => i.path?.endsWith(path))?.message
      : undefined;
  const save = async () => {
    const changes = changedDetails(v, initial);
    if (Object.keys(changes).length > 0) {
      await m.mutateAsync({ id: pupil.id, changes });
    }
    setOpen(false);
  };
  return (
    <>
      <Button
        ref={opener}
        onClick={() => {
          setV(initial);
          m.reset();
          setOpen(true);
        }}
      >
        Edit details…
      </Button>
      {open && (
        <Dialog open onOpenChange={(_, d) => setOpen(d.open)}>
          <DialogSurface aria-label="Edit details">
            <DialogBody>
              <DialogTitle>
                Edit {pupil.forename} {pupil.surname}'s details
              </DialogTitle>
              <DialogContent className="grid2">
                <DetailsFields v={v} set={set} issue={issue} />
              </DialogContent>
              <ErrorBar error={m.error} title="The details were not saved" />
              <SaveOrCancel
                disabled={m.isPending || !v.dob || !v.admissionDate}
                onSave={() => void save().catch(() => undefined)}
              />
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </>
  );
}
