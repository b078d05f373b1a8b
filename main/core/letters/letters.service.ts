// The letters channels that make letters: previews, single letters and batches written to a folder, run as jobs,
// with their status; and the letterhead settings. Templates are in school-templates.ts, candidates in candidates.ts,
// the log, sends and meetings in letter-log.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Input, Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import { letterBatches } from '../db/schema-letters';
import { AppError } from '../errors';
import { networkShareReason } from '../paths';
import { documentText, unzipDocx } from './docx-xml';
import { planLetters, type Plan, type RenderRequest } from './letter-plan';
import { renderPlan, type Rendered } from './render';
import { startJob, type JobLetter } from './jobs';
import { batchPlan } from './batch-plan';
import { batchJob, startBatchJob } from './batches';
import { readLettersSettings, saveLettersSettings } from './settings';
import { refuseAgreement } from './candidates';

const jobLetter = (
  r: {
    pupilId: number;
    name: string;
    fileName: string;
    logId: number | null;
    reference: string;
    addressees: { names: string[] }[];
  },
  paragraphs?: string[],
): JobLetter => ({
  pupilId: r.pupilId,
  name: r.name,
  fileName: r.fileName,
  logId: r.logId,
  reference: r.reference,
  addressees: r.addressees.map((a) => a.names.join(' and ')),
  ...(paragraphs ? { paragraphs } : {}),
});

function refuseEmpty(plan: Plan): void {
  if (plan.plans.length) {
    return;
  }
  const lo = plan.leftOut;
  throw new AppError(
    lo.some((x) => x.flags) ? 'refused' : 'invalid',
    lo.length
      ? `No letter can be made: ${lo
          .slice(0, 3)
          .map((x) => `${x.name}: ${x.reason}`)
          .join(' ')}${lo.length > 3 ? ` (and ${lo.length - 3} more)` : ''}`
      : 'No letter can be made.',
    lo.map((x) => ({ path: 'pupilIds', message: `${x.name}: ${x.reason}` })),
  );
}

export function preview(ctx: Ctx, i: Input<'letters.preview'>): Output<'letters.preview'> {
  refuseAgreement(ctx.store.db, i.template);
  const plan = planLetters(ctx, i);
  refuseEmpty(plan);
  const count = Math.min(i.count ?? 3, plan.plans.length);
  const job = startJob(count, async (job) => {
    const letters = await renderPlan(ctx, plan, {
      log: false,
      limit: count,
      onEach: () => {
        job.done++;
      },
    });
    return {
      letters: letters.map((r) => jobLetter(r, documentText(unzipDocx(r.bytes)))),
      folder: null,
      combinedFile: null,
      batchId: null,
    };
  });
  return { jobId: job.id, letters: plan.plans.length, leftOut: plan.leftOut };
}

export function renderOne(ctx: Ctx, i: Input<'letters.renderOne'>): Output<'letters.renderOne'> {
  refuseAgreement(ctx.store.db, i.template);
  return startLetters(ctx, i);
}

/**
 * Letters for one pupil (or a few) as a job, logged like every letter. `afterLogged` runs once they are made, in a
 * transaction of its own (another area records its link to the letter there, e.g. a leave decision).
 */
export function startLetters(
  ctx: Ctx,
  req: RenderRequest,
  afterLogged?: (letters: Rendered[]) => void,
): Output<'letters.renderOne'> {
  const plan = planLetters(ctx, req);
  refuseEmpty(plan);
  const job = startJob(plan.plans.length, async (job) => {
    const letters = await renderPlan(ctx, plan, {
      log: true,
      onEach: () => {
        job.done++;
      },
    });
    if (afterLogged) {
      ctx.store.db.transaction(() => afterLogged(letters)).immediate();
    }
    return { letters: letters.map((r) => jobLetter(r)), folder: null, combinedFile: null, batchId: null };
  });
  return { jobId: job.id, letters: plan.plans.length, leftOut: plan.leftOut };
}

export function defaultFolder(ctx: Ctx): Output<'letters.defaultFolder'> {
  return { folder: path.join(os.homedir(), 'Documents', 'Attendance letters', ctx.today()) };
}

/** A folder the main process may write letters into: absolute, local (not a network share), creatable. */
export function checkFolder(folder: string): string {
  if (!path.isAbsolute(folder)) {
    throw new AppError(
      'invalid',
      `Choose a full folder path (for example ${path.join(os.homedir(), 'Documents', 'Attendance letters')}), not "${folder}".`,
      [{ path: 'folder', message: 'must be a full path' }],
    );
  }
  const why = networkShareReason(folder);
  if (why) {
    throw new AppError(
      'refused',
      `Letters hold pupils' personal data: save them on this PC, not on a network share. ${folder} is on a network share.`,
      [{ path: 'folder', message: 'network share' }],
    );
  }
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (e) {
    throw new AppError('invalid', `The folder ${folder} cannot be written to: ${(e as Error).message}`, [
      { path: 'folder', message: 'cannot be written to' },
    ]);
  }
  if (!fs.statSync(folder).isDirectory()) {
    throw new AppError('invalid', `${folder} is a file, not a folder.`, [
      { path: 'folder', message: 'not a folder' },
    ]);
  }
  return path.resolve(folder);
}

export function generate(ctx: Ctx, i: Input<'letters.generate'>): Output<'letters.generate'> {
  refuseAgreement(ctx.store.db, i.template);
  const folder = checkFolder(i.folder);
  const plan = planLetters(ctx, i);
  refuseEmpty(plan);
  const batchId = `${ctx.today()}-${crypto.randomBytes(4).toString('hex')}`;
  const { folder: _f, ...params } = i;
  // the plan is kept with the batch, so that a restart picks it up again (batches.ts)
  ctx.store.orm
    .insert(letterBatches)
    .values({
      id: batchId,
      template: plan.template.name,
      folder,
      total: plan.plans.length,
      params: JSON.stringify({ ...params, leftOut: plan.leftOut, plan: batchPlan(ctx, plan) }),
      createdBy: ctx.session.userName,
      createdAt: ctx.now(),
    })
    .run();
  ctx.audit('letters.batch', 'letter_batch', batchId, {
    template: plan.template.name,
    letters: plan.plans.length,
    leftOut: plan.leftOut.map((x) => ({ pupilId: x.pupilId, reason: x.reason })),
  });
  const job = startBatchJob(ctx, batchId, plan);
  return { jobId: job.id, batchId, letters: plan.plans.length, leftOut: plan.leftOut, folder };
}

export function jobStatus(ctx: Ctx, i: Input<'letters.job'>): Output<'letters.job'> {
  const j = batchJob(ctx.store, i.jobId);
  if (!j) {
    throw new AppError(
      'not_found',
      'That job is not known: a preview or a single letter is kept for an hour, not through a restart.',
    );
  }
  return { status: j.status, done: j.done, total: j.total, error: j.error, result: j.result };
}

export function getSettings(ctx: Ctx): Output<'letters.settings'> {
  return readLettersSettings(ctx.store.db);
}

export function saveSettings(ctx: Ctx, i: Input<'letters.saveSettings'>): Output<'letters.saveSettings'> {
  return saveLettersSettings(ctx, i);
}
