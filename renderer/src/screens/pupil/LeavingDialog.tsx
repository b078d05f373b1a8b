// Recording that a pupil leaves: the leaving date and the deletion ground of the admission register.
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
  Field,
  Input,
  Select,
  Text,
} from '@fluentui/react-components';
import { DELETION_GROUNDS } from '../../../../shared/pupil';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { DateInput } from '../../components/DateInput';
import { useCmeForDeletion } from '../arrangements/CmeForDeletion';

import { useReturnFocus } from './useReturnFocus';

/** What leaving the register means, said before the fields. */
function LeavingRules() {
  return (
    <Text>
      The app never removes a pupil by itself. A name is deleted only on a ground of regulation 9, confirmed
      by a named person; marks and history stay for the retention period. Tell the pupil's social worker first
      if they have one.
    </Text>
  );
}

/** The deletion ground of regulation 9, by its code. */
function GroundField({ ground, setGround }: { ground: string; setGround: (code: string) => void }) {
  return (
    <Field label="Deletion ground">
      <Select value={ground} onChange={(_, d) => setGround(d.value)}>
        {DELETION_GROUNDS.map((g) => (
          <option key={g.code} value={g.code}>
            {g.code}: {g.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function LeavingDialog({ id, today }: { id: number; today: string }) {
  const m = useRpcMutation('pupils.recordLeaving', ['pupils.get', 'pupils.list']);
  const [date, setDate] = useState(today);
  const [ground, setGround] = useState<string>(DELETION_GROUNDS[0].code);
  const [by, setBy] = useState('');
  const [open, setOpen] = useState(false);
  const opener = useReturnFocus(open);
  const cme = useCmeForDeletion(id, ground);
  return (
    <>
      <Button ref={opener} onClick={() => setOpen(true)}>
        Record leaving…
      </Button>
      {open && (
        <Dialog open onOpenChange={(_, d) => setOpen(d.open)}>
          <DialogSurface aria-label="Record leaving">
            <DialogBody>
              <DialogTitle>Record leaving the admission register</DialogTitle>
              <DialogContent className="page">
                <LeavingRules />
                <Field label="Last day on roll">
                  <DateInput value={date} onChange={(_, d) => setDate(d.value)} />
                </Field>
                <GroundField ground={ground} setGround={setGround} />
                {cme.node}
                <Field label="Confirmed by (name)" required>
                  <Input value={by} onChange={(_, d) => setBy(d.value)} />
                </Field>
                <ErrorBar error={m.error} />
              </DialogContent>
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button>Cancel</Button>
                </DialogTrigger>
                <Button
                  appearance="primary"
                  disabled={!by.trim() || !date || m.isPending || cme.blocked}
                  onClick={async () => {
                    await m.mutateAsync({ id, leavingDate: date, ground, confirmedBy: by });
                    setOpen(false);
                  }}
                >
                  Record leaving
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </>
  );
}
