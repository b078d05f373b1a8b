// State and calls for the lead's draft: the form (guarded while unsaved), its save and discard, and the Word
// preview of the draft.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { contract } from '../../../../shared/contract';
import { call } from '../../rpc';
import { useRpcMutation } from '../../hooks';
import { downloadBase64 } from '../../download';
import { useUnsavedGuard } from '../arrangements/useUnsavedGuard';
import { waitForLettersJob } from './jobs';

export const DraftSchema = contract['policy.saveDraft'].input;
export type Draft = z.infer<typeof DraftSchema>;

export function useDraftForm(draft: Draft | null) {
  const save = useRpcMutation('policy.saveDraft', ['policy.get', 'policy.status']);
  const discard = useRpcMutation('policy.discardDraft', ['policy.get', 'policy.status']);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const {
    control,
    handleSubmit,
    reset,
    formState: { errors, isDirty },
  } = useForm<Draft>({
    resolver: zodResolver(DraftSchema),
    defaultValues: draft ?? { changes: '', nextReviewOn: '' },
  });
  const release = useUnsavedGuard(isDirty);
  const preview = async () => {
    setPreviewError(null);
    setBusy(true);
    try {
      const { jobId } = await call('policy.preview', {});
      await waitForLettersJob(jobId);
      const f = await call('policy.previewFile', { jobId });
      downloadBase64(f.base64, f.fileName);
    } catch (e) {
      setPreviewError(e);
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = handleSubmit(async (d) => {
    await save.mutateAsync(d);
    release();
    reset(d);
  });
  const discardDraft = () => {
    if (window.confirm('Discard this draft? The approved versions stay.')) {
      release();
      discard.mutate({});
    }
  };
  return { save, discard, previewError, busy, control, errors, isDirty, preview, onSubmit, discardDraft };
}
