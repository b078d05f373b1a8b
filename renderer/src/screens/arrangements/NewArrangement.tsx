// Agreeing a part-time timetable or a flexi-schooling agreement (docs/rules/arrangements.md). The core enforces
// the rules (end date, reason, parent the pupil lives with, review within the school's interval); the form says
// them up front and shows the core's refusal when one is broken. The form's fields are in new-arrangement-form.ts.
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Field, Title2 } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import {
  ARRANGEMENT_KIND_LABELS,
  TIMETABLE_REASONS,
  TIMETABLE_REASON_LABELS,
  type ArrangementKind,
} from '../../../../shared/channels/arrangements';
import { go } from '../../hooks';
import { call } from '../../rpc';
import { ErrorBar } from '../../components/ErrorBar';
import { FormDate } from '../../components/FormDate';
import { FormSelect } from '../../components/FormSelect';
import { FormText } from '../../components/FormText';
import { PatternGrid } from './PatternGrid';
import { useUnsavedGuard } from './useUnsavedGuard';
import {
  ArrangementFormSchema,
  checkMessage,
  createInput,
  emptyArrangement,
  type ArrangementValues,
} from './new-arrangement-form';
import { ParentWhoAgreed, PupilChoice, Rules, WhoWasTold, type Pupil } from './NewArrangementParts';

export function NewArrangement({ kind, today }: { kind: ArrangementKind; today: string }) {
  const qc = useQueryClient();
  const [pupil, setPupil] = useState<Pupil | null>(null);
  const [error, setError] = useState<unknown>(null);
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isDirty, isSubmitting },
  } = useForm<ArrangementValues>({
    resolver: zodResolver(ArrangementFormSchema),
    defaultValues: emptyArrangement(kind, today),
  });
  const release = useUnsavedGuard(isDirty || pupil !== null);
  const err = (k: keyof ArrangementValues) => errors[k]?.message;
  const save = async (v: ArrangementValues) => {
    if (!pupil) {
      setError(new Error('Choose the pupil first.'));
      return;
    }
    setError(null);
    try {
      const r = await call('arrangements.create', createInput(v, pupil.pupil.id!, kind));
      await qc.invalidateQueries();
      release();
      reset(v);
      go(`arrangements/${r.id}`);
    } catch (e) {
      setError(e);
    }
  };
  // say what is missing, also for fields further up the page
  const submit = handleSubmit(save, (bad) => setError(new Error(checkMessage(bad))));
  const date = (name: keyof ArrangementValues, label: string, required = false) => (
    <FormDate control={control} name={name} label={label} required={required} validationMessage={err(name)} />
  );
  const partTime = kind === 'part_time';
  return (
    <div className="page">
      <Title2 as="h1">Agree a {ARRANGEMENT_KIND_LABELS[kind].toLowerCase()}</Title2>
      <Rules kind={kind} />
      <form
        className="card"
        aria-label="The arrangement"
        noValidate
        onSubmit={(e) => {
          void submit(e);
        }}
      >
        <PupilChoice pupil={pupil} setPupil={setPupil} setError={setError} />
        {partTime && (
          <FormSelect
            control={control}
            name="reasonCategory"
            label="Why"
            required
            validationMessage={err('reasonCategory')}
            options={TIMETABLE_REASONS}
            labels={TIMETABLE_REASON_LABELS}
          />
        )}
        <FormText
          control={control}
          name="reason"
          label={partTime ? 'The circumstances' : 'What was agreed and why'}
          required
          validationMessage={err('reason')}
          multiline="vertical"
        />
        <div className="row">
          {date('startDate', 'Starts on', true)}
          {date('endDate', partTime ? 'Ends on (time limit)' : 'Ends on (if agreed)', partTime)}
        </div>
        <Field
          label="Sessions the pupil is not expected in school"
          required
          validationMessage={err('away')}
          hint={partTime ? 'Tick the sessions missed.' : 'Tick the sessions educated at home.'}
        >
          <Controller
            control={control}
            name="away"
            render={({ field }) => (
              <PatternGrid value={field.value} onChange={field.onChange} label="Weekly pattern" />
            )}
          />
        </Field>
        <div className="row">
          <ParentWhoAgreed kind={kind} control={control} pupil={pupil} err={err} />
          {date('parentAgreedOn', 'Agreed on')}
        </div>
        <WhoWasTold control={control} err={err} />
        {kind === 'flexi' && (
          <FormText
            control={control}
            name="curriculumNotes"
            label="Curriculum notes"
            validationMessage={err('curriculumNotes')}
            multiline="vertical"
          />
        )}
        <ErrorBar error={error} title="Not saved" />
        <div className="row">
          <Button appearance="primary" type="submit" disabled={isSubmitting}>
            Agree the {partTime ? 'timetable' : 'agreement'}
          </Button>
          <Button onClick={() => go('arrangements')}>Cancel</Button>
        </div>
      </form>
    </div>
  );
}
