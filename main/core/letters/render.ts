// Rendering letters: each planned letter (letter-plan.ts) merged (docx-merge.ts, a batch once in batch-merge.ts),
// and the log row with the figures it was written from and the file's hash (docs/rules/letters.md §1.1, G6).
// Rendering is asynchronous (docx), so batches run as jobs (jobs.ts) and the CLI awaits renderLetter.
import type { Ctx } from '../context';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { letterFiles, letterLog } from '../db/schema-letters';
import { AppError } from '../errors';
import { zipSync, type Unzipped } from 'fflate';
import { prepareBatch } from './batch-merge';
import type { Flag } from './guardrails';
import { readLogo } from './settings';
import { batchLetterId } from './batch-rows';
import { JobStopped } from './jobs';
import type { IsoDate } from '../../../shared/dates';
import { planLetters, type LetterPlan, type Plan } from './letter-plan';
import { checkMerged, mergeDocx } from './docx-merge';
import { sha256 } from './template-source';

export interface Rendered {
  logId: number | null;
  pupilId: number;
  siblingIds: number[];
  name: string;
  fileName: string;
  bytes: Uint8Array;
  /** The letter's parts, when it was made in a batch (to join the batch's letters without unzipping them). */
  files?: Unzipped;
  /** The batch's letter was already in the log (another runner made it meanwhile): this one was not logged. */
  duplicate?: boolean;
  sha256: string;
  reference: string;
  addressees: { names: string[]; address: string | null }[];
}

/** The figures the letter was written from, kept in its log row: what a parent was told, checkable later. */
function loggedFigures(p: LetterPlan) {
  const s = p.data.stats;
  return {
    possible: s.possible,
    attended: s.attended,
    authorised: s.authorised,
    unauthorised: s.unauthorised,
    attendancePct: s.attendancePct,
    absencePct: s.absencePct,
    band: s.band,
    lateBeforeClose: s.lateBeforeClose,
    lateAfterClose: s.lateAfterClose,
    minutesLate: s.minutesLate,
    illnessSessions: s.illnessSessions,
    penaltySessionsMaxWindow: s.penaltySessionsMaxWindow,
    window: p.data.pnWindow,
    codes: p.data.codeCounts,
  };
}

export function logLetter(
  ctx: Ctx,
  plan: Plan,
  p: LetterPlan,
  bytes: Uint8Array,
  batchId: string | null,
): number {
  const db = ctx.store.db;
  const figures = loggedFigures(p);
  const textValues = Object.fromEntries(
    Object.entries(p.values).filter(
      ([k, v]) => plan.template.placeholders.includes(k) && (typeof v === 'string' || Array.isArray(v)),
    ),
  );
  const hash = sha256(bytes);
  const orm = drizzle(db);
  const r = orm
    .insert(letterLog)
    .values({
      batchId,
      pupilId: p.pupilId,
      siblingIds: JSON.stringify(p.siblingIds),
      template: plan.template.name,
      templateVersion: plan.template.version,
      templateSha256: plan.template.sha256,
      stage: plan.template.spec.stage,
      periodFrom: plan.period.from,
      periodTo: plan.period.to,
      asOf: plan.period.asOf,
      letterDate: plan.letterDate,
      reference: p.reference,
      figures: JSON.stringify(figures),
      addressees: JSON.stringify([{ names: p.household.names, address: p.household.address }]),
      fields: JSON.stringify(textValues),
      flags: JSON.stringify(p.flags),
      overrideReason: p.flags.length ? p.overrideReason : null,
      fileName: p.fileName,
      fileSha256: hash,
      generatedBy: ctx.session.userName,
      generatedPosition: ctx.session.position,
      generatedAt: ctx.now(),
    })
    .run();
  const id = Number(r.lastInsertRowid);
  orm
    .insert(letterFiles)
    .values({ logId: id, bytes: Buffer.from(bytes) })
    .run();
  ctx.audit('letter.generated', 'pupil', p.pupilId, {
    logId: id,
    template: plan.template.name,
    reference: p.reference,
    flags: p.flags.map((f) => f.code),
    overrideReason: p.flags.length ? p.overrideReason : null,
  });
  return id;
}

/** Logs a letter, but a batch's letter only once: its reference already in the batch's log is not logged again. */
function logOnce(
  ctx: Ctx,
  plan: Plan,
  p: LetterPlan,
  bytes: Uint8Array,
  batchId: string | null,
): { id: number; duplicate: boolean } {
  if (batchId) {
    const had = batchLetterId(ctx.store.db, batchId, p.reference);
    if (had !== undefined) {
      return { id: had, duplicate: true };
    }
  }
  return { id: logLetter(ctx, plan, p, bytes, batchId), duplicate: false };
}

/** A batch's letter, its parts zipped into the .docx. */
function zipped(files: Unzipped): { bytes: Uint8Array; files: Unzipped } {
  return { bytes: zipSync(files, { level: 6 }), files };
}

/** A letter merged on its own (a plan of one letter), checked. */
async function mergedAlone(
  plan: Plan,
  p: LetterPlan,
  logo: ReturnType<typeof readLogo>,
): Promise<Uint8Array> {
  const bytes = await mergeDocx(plan.template, p.values, logo);
  checkMerged(bytes);
  return bytes;
}

/** Renders (and, unless `log` is false, logs) the planned letters, in order; onEach reports progress. */
export async function renderPlan(
  ctx: Ctx,
  plan: Plan,
  opts: {
    log: boolean;
    batchId?: string | null;
    limit?: number;
    onEach?: (r: Rendered, i: number) => void;
    /** Checked before each letter: true stops the run (the app closing). */
    stopped?: () => boolean;
  } = { log: true },
): Promise<Rendered[]> {
  const logo = readLogo(ctx.store.db);
  const out: Rendered[] = [];
  const list = opts.limit ? plan.plans.slice(0, opts.limit) : plan.plans;
  // A batch is merged once (batch-merge.ts): each letter is then the merged XML with its own values in it.
  const batch =
    list.length > 1
      ? await prepareBatch(
          plan.template,
          list.map((p) => p.values),
          logo,
        )
      : null;
  for (let i = 0; i < list.length; i++) {
    if (i > 0) {
      // between letters the process answers other calls (letters.job's progress among them)
      await new Promise<void>((r) => setImmediate(r));
    }
    if (opts.stopped?.()) {
      throw new JobStopped();
    }
    const p = list[i];
    const { bytes, files } = batch
      ? zipped(batch.letter(p.values, i))
      : { bytes: await mergedAlone(plan, p, logo), files: undefined };
    const logged = opts.log
      ? ctx.store.db.transaction(() => logOnce(ctx, plan, p, bytes, opts.batchId ?? null)).immediate()
      : null;
    const r: Rendered = {
      logId: logged?.id ?? null,
      pupilId: p.pupilId,
      siblingIds: p.siblingIds,
      name: p.name,
      fileName: p.fileName,
      bytes,
      files,
      ...(logged?.duplicate ? { duplicate: true } : {}),
      sha256: sha256(bytes),
      reference: p.reference,
      addressees: [{ names: p.household.names, address: p.household.address }],
    };
    out.push(r);
    opts.onEach?.(r, i);
  }
  return out;
}

/**
 * One pupil's letter(s), merged and logged: the entry point other areas call (the leave decision letters pass
 * leave.* and decider.* in `extra`). A guardrail that flags the letter refuses it unless `overrideReason` is given.
 * More than one household gives more than one letter; `bytes` is then all of them in one document.
 */
export async function renderLetter(
  ctx: Ctx,
  i: {
    template: string;
    pupilId: number;
    from?: IsoDate;
    to?: IsoDate;
    asOf?: IsoDate;
    extra?: Record<string, string>;
    overrideReason?: string;
  },
): Promise<{ fileName: string; bytes: Uint8Array; logId: number; letters: Rendered[]; flags: Flag[] }> {
  const plan = planLetters(ctx, {
    template: i.template,
    pupilIds: [i.pupilId],
    from: i.from,
    to: i.to,
    asOf: i.asOf,
    extra: i.extra,
    overrideReason: i.overrideReason,
  });
  if (!plan.plans.length) {
    const lo = plan.leftOut[0];
    throw new AppError(
      lo?.flags ? 'refused' : 'invalid',
      lo
        ? `No letter for ${lo.name}: ${lo.reason}${lo.flags ? ' Give an override reason to send it anyway.' : ''}`
        : 'No letter was made.',
    );
  }
  const letters = await renderPlan(ctx, plan, { log: true });
  const { combineLetters } = await import('./docx-xml');
  const bytes = letters.length === 1 ? letters[0].bytes : combineLetters(letters.map((l) => l.bytes));
  return {
    fileName: letters[0].fileName,
    bytes,
    logId: letters[0].logId!,
    letters,
    flags: [...new Map(plan.plans.flatMap((p) => p.flags).map((f) => [f.code, f])).values()],
  };
}
