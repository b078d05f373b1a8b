// A batch of letters written to a folder (letters.generate), kept through a restart of the job runner. The batch's
// row (letter_batches) holds its plan (batch-plan.ts): every planned letter with its reference, addressees and
// file name, the period, the letter date and the template. The letters already made are the log's rows with the
// batch's id. When the runner starts (the desktop app or browser mode opening the store, or letters.job asked about
// a batch it does not hold), an unfinished batch is picked up again (batch-replan.ts): the letters already logged
// are not made again, the rest are, and a planned letter that can no longer be made is a problem naming its pupil.
// The batch is finished when its outcome is written (params.outcome, with the combined document's name in
// combined_file).
import fs from 'node:fs';
import path from 'node:path';
import type { Unzipped } from 'fflate';
import type { Ctx } from '../context';
import { makeCtx } from '../context';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db, Store } from '../db/connection';
import { letterBatches } from '../db/schema-letters';
import { combineParts, unzipDocx } from './docx-xml';
import type { Plan } from './letter-plan';
import { renderPlan, type Rendered } from './render';
import { sha256 } from './template-source';
import type { BatchParams, BatchRow, PlannedLetter } from './batch-plan';
import { replan } from './batch-replan';
import { batchTemplate } from './batch-template';
import {
  getJob,
  JobStopped,
  startJob,
  type Job,
  type JobLetter,
  type JobProblem,
  type JobResult,
} from './jobs';
import { batchLetters, batchRow, letterBytesQuery, unfinishedBatchIds } from './batch-rows';

type LoggedLetter = ReturnType<typeof batchLetters>[number];

function loggedLetters(db: Db, batchId: string): Map<string, LoggedLetter> {
  return new Map(batchLetters(db, batchId).map((r) => [r.reference, r]));
}

/** The folder a batch writes to: letters.generate always sets one (the column is nullable only in the schema). */
function folderOf(row: BatchRow): string {
  if (row.folder === null) {
    throw new Error(`The letter batch ${row.id} has no folder.`);
  }
  return row.folder;
}

const isFinished = (row: BatchRow, params: BatchParams) => row.combinedFile !== null || !!params.outcome;

export function uniquePath(folder: string, fileName: string): string {
  let p = path.join(folder, fileName);
  for (let k = 2; fs.existsSync(p); k++) {
    p = path.join(folder, fileName.replace(/\.docx$/, ` (${k}).docx`));
  }
  return p;
}

/** The file of a letter made before in the folder (by its hash), written again from the log when it is missing. */
function fileOnDisk(folder: string, fileName: string, sha: string, bytes: Uint8Array): string {
  for (let k = 1; ; k++) {
    const p = path.join(folder, k === 1 ? fileName : fileName.replace(/\.docx$/, ` (${k}).docx`));
    if (!fs.existsSync(p)) {
      break;
    }
    if (sha256(new Uint8Array(fs.readFileSync(p))) === sha) {
      return path.basename(p);
    }
  }
  const p = uniquePath(folder, fileName);
  fs.writeFileSync(p, bytes);
  return path.basename(p);
}

const jobLetter = (r: Rendered, fileName: string): JobLetter => ({
  pupilId: r.pupilId,
  name: r.name,
  fileName,
  logId: r.logId,
  reference: r.reference,
  addressees: r.addressees.map((a) => a.names.join(' and ')),
});

async function runBatch(
  ctx: Ctx,
  job: Job,
  row: BatchRow,
  params: BatchParams,
  first?: Plan,
): Promise<JobResult> {
  const db = ctx.store.db;
  const folder = folderOf(row);
  const planned = params.plan!.letters;
  const before = loggedLetters(db, row.id);
  const todo = planned.filter((l) => !before.has(l.reference));
  let plan: Plan | null = first ?? null;
  let problems: JobProblem[] = [];
  if (!plan && todo.length) {
    ({ plan, problems } = replan(ctx, row, params, todo));
  }
  const made = plan?.plans.length
    ? await makeLetters(ctx, job, row, plan, folder)
    : new Map<string, MadeLetter>();
  if (job.stopped) {
    throw new JobStopped();
  }
  const { letters, parts } = lettersInOrder(db, row, folder, planned, made);
  const title =
    plan?.template.spec.title ?? batchTemplate(db, row.template, params.plan!.templateSha256).spec.title;
  const combined = parts.length
    ? path.basename(uniquePath(folder, `All letters - ${title} - ${ctx.today()}.docx`))
    : null;
  if (combined) {
    fs.writeFileSync(path.join(folder, combined), combineParts(parts));
  }
  recordOutcome(ctx, row, params, combined, problems);
  job.done = job.total;
  return { letters, problems, folder, combinedFile: combined, batchId: row.id };
}

/** A letter made in this run: what the job reports and the parts of its document, for the combined file. */
interface MadeLetter {
  letter: JobLetter;
  files: Unzipped;
}

/** Makes the plan's letters into the batch's folder, counting each on the job; keyed by reference. */
async function makeLetters(
  ctx: Ctx,
  job: Job,
  row: BatchRow,
  plan: Plan,
  folder: string,
): Promise<Map<string, MadeLetter>> {
  const made = new Map<string, MadeLetter>();
  await renderPlan(ctx, plan, {
    log: true,
    batchId: row.id,
    stopped: () => job.stopped,
    onEach: (r) => {
      job.done++;
      if (r.duplicate) {
        return; // made meanwhile by another runner: taken from the log afterwards
      }
      const file = uniquePath(folder, r.fileName);
      fs.writeFileSync(file, r.bytes);
      made.set(r.reference, {
        letter: jobLetter(r, path.basename(file)),
        files: r.files ?? unzipDocx(r.bytes),
      });
    },
  });
  return made;
}

/** Every letter of the batch in its planned order: made now, or made before (its file put back if missing). */
function lettersInOrder(
  db: Db,
  row: BatchRow,
  folder: string,
  planned: PlannedLetter[],
  made: Map<string, MadeLetter>,
): { letters: JobLetter[]; parts: Unzipped[] } {
  const logged = loggedLetters(db, row.id);
  const fileOf = letterBytesQuery(db);
  const letters: JobLetter[] = [];
  const parts: Unzipped[] = [];
  for (const l of planned) {
    const m = made.get(l.reference);
    const g = logged.get(l.reference);
    if (m) {
      letters.push(m.letter);
      parts.push(m.files);
    } else if (g) {
      const bytes = new Uint8Array(fileOf.get({ logId: g.id })!.bytes);
      const addressees = (JSON.parse(g.addressees) as { names: string[] }[]).map((a) =>
        a.names.join(' and '),
      );
      letters.push({
        pupilId: g.pupilId,
        name: l.name,
        fileName: fileOnDisk(folder, g.fileName, g.sha, bytes),
        logId: g.id,
        reference: g.reference,
        addressees,
      });
      parts.push(unzipDocx(bytes, 'A letter'));
    }
  }
  return { letters, parts };
}

/** Stores the batch's combined file and outcome, and audits the letters that could not be made. */
function recordOutcome(
  ctx: Ctx,
  row: BatchRow,
  params: BatchParams,
  combined: string | null,
  problems: JobProblem[],
): void {
  const db = ctx.store.db;
  const outcome = { finishedAt: ctx.now(), problems };
  db.transaction(() => {
    drizzle(db)
      .update(letterBatches)
      .set({ combinedFile: combined, params: JSON.stringify({ ...params, outcome }) })
      .where(eq(letterBatches.id, row.id))
      .run();
    if (problems.length) {
      ctx.audit('letters.batchProblems', 'letter_batch', row.id, {
        problems: problems.map((p) => ({ pupilId: p.pupilId, reason: p.reason })),
      });
    }
  }).immediate();
}

/** Starts (or picks up again) the batch's job, under the batch's id. `first` is the plan that just made the batch. */
export function startBatchJob(ctx: Ctx, batchId: string, first?: Plan): Job {
  const row = batchRow(ctx.store.db, batchId)!;
  const params = JSON.parse(row.params) as BatchParams;
  const planned = params.plan!.letters;
  const logged = loggedLetters(ctx.store.db, batchId);
  const done = planned.filter((l) => logged.has(l.reference)).length;
  return startJob(planned.length + 1, (job) => runBatch(ctx, job, row, params, first), { id: batchId, done });
}

/** The context a batch picked up again runs in: the person who asked for it. */
function batchCtx(store: Store, params: BatchParams): Ctx {
  const by = params.plan!.by;
  return makeCtx(store, {
    userName: by.userName,
    position: by.position,
    roles: [],
    displayName: by.displayName,
  });
}

/** A finished batch, as letters.job reports it: from its row and the log. */
function finishedJob(db: Db, row: BatchRow, params: BatchParams): Job {
  const logged = [...loggedLetters(db, row.id).values()];
  const planned = new Map((params.plan?.letters ?? []).map((l) => [l.reference, l]));
  const total = (params.plan?.letters.length ?? logged.length) + 1;
  return {
    id: row.id,
    status: 'done',
    done: total,
    total,
    error: null,
    startedAt: Date.now(),
    stopped: false,
    result: {
      letters: logged.map((g) => ({
        pupilId: g.pupilId,
        name: planned.get(g.reference)?.name ?? '',
        fileName: g.fileName,
        logId: g.id,
        reference: g.reference,
        addressees: (JSON.parse(g.addressees) as { names: string[] }[]).map((a) => a.names.join(' and ')),
      })),
      problems: params.outcome?.problems ?? [],
      folder: row.folder,
      combinedFile: row.combinedFile,
      batchId: row.id,
    },
  };
}

/**
 * letters.job for an id the runner does not hold: a batch's state from the database. An unfinished batch is picked
 * up again (its job then reports its progress); a finished one is reported as done, and never made again.
 */
export function batchJob(store: Store, id: string): Job | undefined {
  const held = getJob(id);
  if (held) {
    return held;
  }
  const row = batchRow(store.db, id);
  if (!row) {
    return undefined;
  }
  const params = JSON.parse(row.params) as BatchParams;
  if (isFinished(row, params)) {
    return finishedJob(store.db, row, params);
  }
  const why = !params.plan
    ? 'This batch stopped before it finished, and it was made by an older version of the app, which did not keep' +
      " its plan: it cannot be picked up again. The letters it made are in each pupil's letter log; make the" +
      ' others again.'
    : !store.health.ok
      ? 'This batch stopped before it finished, and the database is damaged, so no more letters can be made.'
      : null;
  if (why) {
    const made = finishedJob(store.db, row, params);
    return { ...made, status: 'failed', done: made.result!.letters.length, error: why, result: null };
  }
  return startBatchJob(batchCtx(store, params), id);
}

/** When the runner starts: every unfinished batch is picked up again. Returns their ids. */
export function resumeBatches(store: Store): string[] {
  if (!store.health.ok) {
    return [];
  }
  const ids: string[] = [];
  for (const id of unfinishedBatchIds(store.db)) {
    if (!getJob(id)) {
      batchJob(store, id);
      ids.push(id);
    }
  }
  return ids;
}
