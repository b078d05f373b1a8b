// The letters screen's last step: the preview of the first letters and the batch, each a job polled for its
// progress, with who was left out; both start again when the choices (`choiceKey`) change.
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/contract';
import { call } from '../../rpc';
import { pollJob, type JobState } from '../../letters/util';
import type { LetterRequest } from './useLetterSelection';

/** The preview and the batch for `request`, saved into `folder`; `onGenerated` runs once a batch has ended. */
export function useLetterBatch(
  request: LetterRequest,
  folder: string,
  choiceKey: string,
  onGenerated: () => void,
) {
  const [preview, setPreview] = useState<JobState | null>(null);
  const [previewMeta, setPreviewMeta] = useState<Output<'letters.preview'> | null>(null);
  const [job, setJob] = useState<JobState | null>(null);
  const [batchLeftOut, setBatchLeftOut] = useState<Output<'letters.generate'>['leftOut']>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setPreview(null);
    setPreviewMeta(null);
    setJob(null);
    setBatchLeftOut([]);
  }, [choiceKey]);
  const doPreview = async () => {
    setError(null);
    setBusy(true);
    setPreview(null);
    try {
      const r = await call('letters.preview', { ...request, count: 3 });
      setPreviewMeta(r);
      setBatchLeftOut(r.leftOut);
      await pollJob(r.jobId, setPreview);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const doGenerate = async () => {
    setError(null);
    setBusy(true);
    setJob(null);
    try {
      const r = await call('letters.generate', { ...request, folder });
      setBatchLeftOut(r.leftOut);
      const end = await pollJob(r.jobId, setJob);
      if (end.status === 'failed') {
        setError(new Error(end.error ?? 'The batch failed.'));
      }
      onGenerated();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { preview, previewMeta, job, batchLeftOut, busy, error, doPreview, doGenerate };
}
