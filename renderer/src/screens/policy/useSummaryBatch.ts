// State and calls for the parent summary batch: which families, the letters job with its progress, and the
// download of the whole batch to print.
import { useState } from 'react';
import { call } from '../../rpc';
import { useRpc } from '../../hooks';
import { downloadBase64 } from '../../download';
import { waitForLettersJob } from './jobs';

export type Audience = 'all' | 'new';
export interface BatchDone {
  batchId: string;
  letters: number;
  folder: string;
}

export function useSummaryBatch(today: string) {
  const folderQ = useRpc('letters.defaultFolder', {});
  const [audience, setAudience] = useState<Audience>('new');
  const [since, setSince] = useState(`${today.slice(0, 4)}-09-01`);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<BatchDone | null>(null);
  const run = async () => {
    setError(null);
    setDone(null);
    setProgress(0);
    try {
      const r = await call('policy.summaryBatch', {
        audience,
        since: audience === 'new' ? since : undefined,
        folder: folderQ.data!.folder,
      });
      await waitForLettersJob(r.jobId, (d, t) => setProgress(t ? d / t : 0));
      setDone({ batchId: r.batchId, letters: r.letters, folder: r.folder });
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };
  const print = async () => {
    try {
      const f = await call('policy.summaryFile', { batchId: done!.batchId });
      downloadBase64(f.base64, f.fileName);
    } catch (e) {
      setError(e);
    }
  };
  return { folderQ, audience, setAudience, since, setSince, progress, error, done, run, print };
}
