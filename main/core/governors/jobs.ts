// Producing a governor report runs as a job (charts, then the document), polled by governors.job for the screen's
// progress bar. Jobs are kept in memory for an hour (docs/rules/governor-report.md).
import crypto from 'node:crypto';
import type { Input, Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { governorFigures } from './report-data';
import { keepFinal, renderReport, saveMessages } from './produce';

type JobView = Output<'governors.job'>;
interface Job extends JobView {
  startedAt: number;
}
const jobs = new Map<string, Job>();
const STEPS = [
  'Working out the figures',
  'Drawing the charts',
  'Writing the document',
  'Keeping the final report',
];

export function produceReport(ctx: Ctx, i: Input<'governors.produce'>): Output<'governors.produce'> {
  const figures = governorFigures(ctx, i);
  saveMessages(ctx, { from: figures.from, to: figures.to, keyMessages: i.keyMessages });
  const now = Date.now();
  forgetJobsOlderThanAnHour(now);
  const id = crypto.randomUUID();
  const job: Job = {
    status: 'running',
    done: 1,
    total: i.final ? 4 : 3,
    step: STEPS[1],
    error: null,
    reportId: null,
    fileName: null,
    base64: null,
    startedAt: now,
  };
  jobs.set(id, job);
  // After the caller's transaction has committed.
  setImmediate(() => {
    runReport(ctx, i, figures, job).catch((e: unknown) => {
      job.error = e instanceof Error ? e.message : String(e);
      job.status = 'failed';
    });
  });
  return { jobId: id };
}

function forgetJobsOlderThanAnHour(now: number): void {
  for (const [id, j] of jobs) {
    if (now - j.startedAt > 3_600_000) {
      jobs.delete(id);
    }
  }
}

/** Draws the charts and writes the document, reporting each step on the job; a final report is kept (and
 * audited), a draft is handed back to the caller. */
async function runReport(
  ctx: Ctx,
  i: Input<'governors.produce'>,
  figures: ReturnType<typeof governorFigures>,
  job: Job,
): Promise<void> {
  const store = ctx.store;
  const by = {
    name: ctx.session.displayName ?? ctx.session.userName,
    position: ctx.session.position,
    at: ctx.now(),
  };
  const opts = {
    keyMessages: i.keyMessages,
    final: i.final,
    producedBy: by.name,
    position: by.position,
    producedOn: ctx.today(),
  };
  const r = await renderReport(figures, opts, (s) => {
    job.step = s;
    job.done = Math.max(job.done, STEPS.indexOf(s));
  });
  job.fileName = r.fileName;
  if (i.final) {
    job.step = STEPS[3];
    job.reportId = store.db.transaction(() => keepFinal(store, figures, i.keyMessages, r, by)).immediate();
    ctx.audit('governors.final', 'governor_reports', job.reportId, { from: figures.from, to: figures.to });
  } else {
    job.base64 = r.bytes.toString('base64');
  }
  job.done = job.total;
  job.status = 'done';
}

export function reportJob(_ctx: Ctx, i: Input<'governors.job'>): Output<'governors.job'> {
  return jobView(i.jobId);
}

function jobView(jobId: string): JobView {
  const j = jobs.get(jobId);
  if (!j) {
    throw new AppError('not_found', 'That report is no longer being produced: produce it again.');
  }
  const { startedAt: _s, ...view } = j;
  return view;
}

/** Resolves when the job has finished (tests). */
export async function waitForReport(id: string, timeoutMs = 120_000): Promise<JobView> {
  const t0 = Date.now();
  for (;;) {
    const j = jobs.get(id);
    if (!j || j.status !== 'running') {
      return jobView(id);
    }
    if (Date.now() - t0 > timeoutMs) {
      throw new Error('the report took too long');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
