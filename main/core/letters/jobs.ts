// Letters take a moment each (docx merges asynchronously), so previews and batches run as jobs in the main
// process; the screen polls letters.job for a real progress bar. Jobs are kept in memory for an hour; a batch's
// job has the batch's id and its state is in the database too, so a restart picks it up again (batches.ts).
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
/** A planned letter of a batch that could not be made when the batch was picked up again. */
export interface JobProblem {
  pupilId: number;
  name: string;
  reason: string;
}
export interface JobResult {
  letters: JobLetter[];
  problems?: JobProblem[];
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
  /** Set when the runner is stopped (the app closing): the job makes no more letters. */
  stopped: boolean;
}

const jobs = new Map<string, Job>();

/** Thrown by a job's run when the runner was stopped under it. */
export class JobStopped extends Error {
  constructor() {
    super('The letters were stopped (the app was closing).');
  }
}

export function startJob(
  total: number,
  run: (job: Job) => Promise<JobResult>,
  opts: { id?: string; done?: number } = {},
): Job {
  const now = Date.now();
  for (const [id, j] of jobs) {
    if (now - j.startedAt > 3_600_000) {
      jobs.delete(id);
    }
  }
  const job: Job = {
    id: opts.id ?? crypto.randomUUID(),
    status: 'running',
    done: opts.done ?? 0,
    total,
    error: null,
    result: null,
    startedAt: now,
    stopped: false,
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

/**
 * Stops the runner: every running job makes no more letters, and every job is forgotten (as after a restart).
 * The desktop app and browser mode call it before closing the store; a batch stopped part-way is picked up again
 * at the next start.
 */
export function stopJobs(): void {
  for (const j of jobs.values()) {
    j.stopped = true;
  }
  jobs.clear();
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
