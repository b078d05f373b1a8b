// Letters take a moment each (docx merges asynchronously), so previews and batches run as jobs in the main
// process; the screen polls letters.job for a real progress bar. Jobs are kept for an hour.
import crypto from 'node:crypto';

export interface JobLetter {
  pupilId: number;
  name: string;
  fileName: string;
  logId: number | null;
  reference: string;
  addressees: string[];
  paragraphs?: string[];
}
export interface JobResult {
  letters: JobLetter[];
  folder: string | null;
  combinedFile: string | null;
  batchId: string | null;
}
export interface Job {
  id: string;
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  error: string | null;
  result: JobResult | null;
  startedAt: number;
}

const jobs = new Map<string, Job>();

export function startJob(total: number, run: (job: Job) => Promise<JobResult>): Job {
  const now = Date.now();
  for (const [id, j] of jobs) {
    if (now - j.startedAt > 3_600_000) {
      jobs.delete(id);
    }
  }
  const job: Job = {
    id: crypto.randomUUID(),
    status: 'running',
    done: 0,
    total,
    error: null,
    result: null,
    startedAt: now,
  };
  jobs.set(job.id, job);
  // after the caller's transaction has committed
  setImmediate(() => {
    run(job).then(
      (r) => {
        job.result = r;
        job.status = 'done';
      },
      (e: unknown) => {
        job.error = e instanceof Error ? e.message : String(e);
        job.status = 'failed';
      },
    );
  });
  return job;
}

export function getJob(id: string): Job | undefined {
  return jobs.get(id);
}

/** Resolves when the job has finished (tests and the CLI). */
export async function waitForJob(id: string, timeoutMs = 120_000): Promise<Job> {
  const t0 = Date.now();
  for (;;) {
    const j = jobs.get(id);
    if (!j) {
      throw new Error(`no job ${id}`);
    }
    if (j.status !== 'running') {
      return j;
    }
    if (Date.now() - t0 > timeoutMs) {
      throw new Error('the job took too long');
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}
