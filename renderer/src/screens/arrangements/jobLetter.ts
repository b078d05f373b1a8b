// A one-pupil agreement letter made as a job (letters engine): wait for it, then open the logged Word file.
import { call } from '../../rpc';
import { downloadBase64 } from '../../download';
import { pollJob } from '../../letters/util';

/** Waits for the job, downloads its letter and returns the file name; throws the job's own message on failure. */
export async function openJobLetter(jobId: string): Promise<string> {
  const job = await pollJob(jobId, () => undefined);
  const logId = job.result?.letters[0]?.logId;
  if (job.status !== 'done' || !logId) {
    throw new Error(job.error ?? 'The Word document could not be made.');
  }
  const file = await call('letters.file', { logId });
  downloadBase64(file.base64, file.fileName);
  return file.fileName;
}
