// Correcting a pupil's admission-register details; the core records each change with who made it.
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
} from '@fluentui/react-components';
import { SEXES, YEAR_GROUPS, type Pupil } from '../../../../shared/pupil';
import { useRpcMutation } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { RpcFailure } from '../../rpc';
import { DateInput } from '../../components/DateInput';

import { useReturnFocus } from './useReturnFocus';

type Details = Pick<
  Pupil,
  'surname' | 'forename' | 'preferredForename' | 'dob' | 'sex' | 'yearGroup' | 'regGroup' | 'admissionDate'
>;

/** Corrects the admission-register details; the core records each change with who made it. */
export function DetailsDialog({ pupil }: { pupil: Pupil }) {
  const m = useRpcMutation('pupils.update', ['pupils.get', 'pupils.list']);
  const initial: Details = {
    surname: pupil.surname,
    forename: pupil.forename,
    preferredForename: pupil.preferredForename,
    dob: pupil.dob,
    sex: pupil.sex,
    yearGroup: pupil.yearGroup,
    regGroup: pupil.regGroup,
    admissionDate: pupil.admissionDate,
  };
  const [v, setV] = useState<Details>(initial);
  const [open, setOpen] = useState(false);
  const opener = useReturnFocus(open);
  const set = (patch: Partial<Details>) => setV({ ...v, ...patch });
  const issue = (path: string) =>
    m.error instanceof RpcFailure
      ? m.error.error.issues?.find((i) => i.path?.endsWith(path))?.message
      : undefined;
  const save = async () => {
    const changes = Object.fromEntries(
      Object.entries(v).filter(([k, x]) => x !== initial[k as keyof Details]),
    );
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
                <Field label="Surname" required validationMessage={issue('surname')}>
                  <Input value={v.surname} onChange={(_, d) => set({ surname: d.value })} />
                </Field>
                <Field label="Forename" required validationMessage={issue('forename')}>
                  <Input value={v.forename} onChange={(_, d) => set({ forename: d.value })} />
                </Field>
                <Field label="Preferred forename" validationMessage={issue('preferredForename')}>
                  <Input
                    value={v.preferredForename ?? ''}
                    onChange={(_, d) => set({ preferredForename: d.value || null })}
                  />
                </Field>
                <Field label="Date of birth" required validationMessage={issue('dob')}>
                  <DateInput value={v.dob} onChange={(_, d) => set({ dob: d.value })} />
                </Field>
                <Field label="Sex">
                  <Select value={v.sex} onChange={(_, d) => set({ sex: d.value as Details['sex'] })}>
                    {SEXES.map((x) => (
                      <option key={x} value={x}>
                        {x === 'M' ? 'Male' : 'Female'}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Year group">
                  <Select
                    value={v.yearGroup}
                    onChange={(_, d) => set({ yearGroup: d.value as Details['yearGroup'] })}
                  >
                    {YEAR_GROUPS.map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Registration group" required validationMessage={issue('regGroup')}>
                  <Input value={v.regGroup} onChange={(_, d) => set({ regGroup: d.value })} />
                </Field>
                <Field
                  label="Starting day (admission date)"
                  required
                  validationMessage={issue('admissionDate')}
                >
                  <DateInput value={v.admissionDate} onChange={(_, d) => set({ admissionDate: d.value })} />
                </Field>
              </DialogContent>
              <ErrorBar error={m.error} title="The details were not saved" />
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button>Cancel</Button>
                </DialogTrigger>
                <Button
                  appearance="primary"
                  disabled={m.isPending || !v.dob || !v.admissionDate}
                  onClick={() => void save().catch(() => undefined)}
                >
                  Save details
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </>
  );
}
