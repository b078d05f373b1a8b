// State and the save for the new arrangement form: the pupil chosen, the form itself (guarded while unsaved), and
// the save that opens the new record, or says what is missing.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import type { ArrangementKind } from '../../../../shared/arrangements';
import { go } from '../../hooks';
import { call } from '../../rpc';
import { useUnsavedGuard } from './useUnsavedGuard';
import {
  ArrangementFormSchema,
  checkMessage,
  createInput,
  emptyArrangement,
  type ArrangementValues,
} from './new-arrangement-form';
import type { Pupil } from './NewArrangementParts';

export function useNewArrangement(kind: ArrangementKind, today: string) {
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
  return { control, err, isSubmitting, pupil, setPupil, error, setError, submit };
}
