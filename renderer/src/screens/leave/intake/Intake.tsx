// A new leave request: one form for a family of siblings, the parent who asked, the dates and the reason. The
// form's fields and checks are in schema.ts, its sections beside it, and saving in useSubmitIntake.ts.
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Field, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { pupilName } from '../../../../../shared/names';
import { call } from '../../../rpc';
import { ErrorBar } from '../../../components/ErrorBar';
import { IntakeSchema, emptyIntake, type Chosen, type IntakeValues } from './schema';
import { useSubmitIntake, type Saved } from './useSubmitIntake';
import { PupilsOnRequest } from './PupilsOnRequest';
import { WhoAsked } from './WhoAsked';
import { WhatAsked } from './WhatAsked';

function SavedBar({ done }: { done: Saved }) {
  return (
    <MessageBar intent="success">
      <MessageBarBody>
        Request saved for {done.names.join(' and ')}: it is waiting for the headteacher's decision.{' '}
        {done.ids.map((id, k) => (
          <a key={id} href={`#/leave/${id}`} style={{ marginLeft: 6 }}>
            Open {done.names[k]}'s request
          </a>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The pupils chosen, kept with their contacts; the keyboard stays on the pupil just added (its search button is
 * gone: docs/ux.md, "Focus and the keyboard"). */
function useChosenPupils() {
  const [pupils, setPupils] = useState<Chosen[]>([]);
  const [justAdded, setJustAdded] = useState<number | null>(null);
  useEffect(() => {
    if (justAdded !== null) {
      document.getElementById(`leave-pupil-${justAdded}`)?.focus();
    }
  }, [justAdded, pupils]);
  const add = async (id: number) => {
    const p = await call('pupils.get', { id });
    setPupils((xs) => [...xs, { id, name: `${pupilName(p.pupil)}`, contacts: p.contacts }]);
    setJustAdded(id);
  };
  const remove = (id: number) => setPupils(pupils.filter((x) => x.id !== id));
  const clear = () => {
    setPupils([]);
    setJustAdded(null);
  };
  return { pupils, add, remove, clear };
}

export function Intake({ today }: { today: string }) {
  const chosen = useChosenPupils();
  const { pupils } = chosen;
  const [files, setFiles] = useState<File[]>([]);
  const [done, setDone] = useState<Saved | null>(null);
  // The evidence box empties with the form.
  const evidence = useRef<HTMLInputElement>(null);
  const {
    control,
    handleSubmit,
    watch,
    formState: { errors },
    reset,
  } = useForm<IntakeValues>({ resolver: zodResolver(IntakeSchema), defaultValues: emptyIntake(today) });
  const kind = watch('kind');
  const requester = watch('requester');
  const asked = pupils[0]?.contacts.find((c) => String(c.id) === requester);
  const { error, saving, submit } = useSubmitIntake((saved) => {
    setDone(saved);
    chosen.clear();
    setFiles([]);
    if (evidence.current) {
      evidence.current.value = '';
    }
    reset();
  });
  const onSubmit = handleSubmit((v) => submit(v, pupils, asked, files));
  const err = (k: keyof IntakeValues) => errors[k]?.message;
  return (
    <form
      className="card page"
      aria-label="New leave request"
      onSubmit={(e) => {
        void onSubmit(e);
      }}
    >
      {done && <SavedBar done={done} />}
      <PupilsOnRequest pupils={pupils} add={(id) => void chosen.add(id)} remove={chosen.remove} />
      <WhoAsked control={control} err={err} pupils={pupils} requester={requester} asked={asked} />
      <WhatAsked control={control} err={err} kind={kind} />
      <Field label="Evidence (PDF, photo, Word or email; up to 10 MB each)">
        <input
          ref={evidence}
          type="file"
          multiple
          accept=".pdf,.jpg,.jpeg,.png,.heic,.doc,.docx,.eml,.txt"
          aria-label="Evidence files"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </Field>
      {files.length > 0 && <Text>{files.map((f) => f.name).join(', ')}</Text>}
      <ErrorBar error={error} title="The request was not saved" />
      <div className="row">
        <Button appearance="primary" type="submit" disabled={saving || pupils.length === 0}>
          {saving ? 'Saving…' : `Save request${pupils.length > 1 ? ` for ${pupils.length} pupils` : ''}`}
        </Button>
      </div>
    </form>
  );
}
