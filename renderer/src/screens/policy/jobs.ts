// Waiting for a letters job (the policy merges and the summary batch run as letters jobs: docs/rules/policy.md).
import { call } from '../../rpc';

export async function waitForLettersJob(jobId: string, onProgress?: (done: number, total: number) => void) {
  for (;;) {
    const j = await call('letters.job', { jobId });
    onProgress?.(j.done, j.total);
    if (j.status === 'failed') {
      throw new Error(j.error ?? 'The job failed.');
    }
    if (j.status === 'done') {
      return j;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}
