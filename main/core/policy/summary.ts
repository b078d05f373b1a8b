// The one-page summary of the policy for parents (docs/rules/policy.md): the shipped `policy-summary` letter,
// merged from the facts the approved version was approved with (not today's settings) and sent through the
// letters engine's batch path, one letter per household with siblings combined, to every family on roll or only
// to families of pupils admitted since a date.
import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Input, Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { pupils } from '../db/schema';
import { letterFiles, letterLog } from '../db/schema-letters';
import { generate } from '../letters/letters.service';
import { loadTemplate } from '../letters/template-source';
import { combineLetters } from '../letters/docx-xml';
import { policyInForce, publishedUrl } from './status';

export const SUMMARY_TEMPLATE = 'policy-summary';

/** The summary's merge fields taken from the approved version: every one of its placeholders the policy holds. */
function summaryExtra(ctx: Ctx): { version: number; extra: Record<string, string> } {
  const v = policyInForce(ctx.store.orm);
  if (!v?.facts) {
    throw new AppError(
      'refused',
      'The policy has no approved version yet: the headteacher approves it first.',
    );
  }
  const facts = JSON.parse(v.facts) as Record<string, string>;
  const url = publishedUrl(ctx.store.orm, v.id);
  const wanted = new Set(loadTemplate(ctx.store.db, SUMMARY_TEMPLATE).placeholders);
  const extra = Object.fromEntries(Object.entries(facts).filter(([k]) => wanted.has(k)));
  if (wanted.has('policy.url')) {
    extra['policy.url'] = url ?? facts['policy.url'];
  }
  return { version: v.version, extra };
}

/** Pupils on roll today, or only those admitted on or after `since`, in name order. */
function recipients(ctx: Ctx, since: string | undefined): number[] {
  const today = ctx.today();
  const onRoll = and(
    lte(pupils.admissionDate, today),
    or(isNull(pupils.leavingDate), gte(pupils.leavingDate, today)),
  );
  return ctx.store.orm
    .select({ id: pupils.id })
    .from(pupils)
    .where(since ? and(onRoll, gte(pupils.admissionDate, since)) : onRoll)
    .orderBy(asc(pupils.surname), asc(pupils.forename))
    .all()
    .map((p) => p.id);
}

export function summaryBatch(ctx: Ctx, i: Input<'policy.summaryBatch'>): Output<'policy.summaryBatch'> {
  if (i.audience === 'new' && !i.since) {
    throw new AppError('invalid', 'Say since when: families of pupils admitted on or after which date?', [
      { path: 'since', message: 'required for new families' },
    ]);
  }
  const { version, extra } = summaryExtra(ctx);
  const ids = recipients(ctx, i.audience === 'new' ? i.since : undefined);
  if (!ids.length) {
    throw new AppError(
      'invalid',
      i.audience === 'new'
        ? 'No pupil on roll was admitted on or after that date: there is no new family to write to.'
        : 'There is no pupil on roll to write to.',
    );
  }
  const r = generate(ctx, { template: SUMMARY_TEMPLATE, pupilIds: ids, extra, folder: i.folder });
  ctx.audit('policy.summaryBatch', 'letter_batch', r.batchId, {
    version,
    audience: i.audience,
    since: i.since,
  });
  return { ...r, pupils: ids.length, version };
}

/** Every letter of a summary batch in one document, to print (the letters as logged, in order). */
export function summaryFile(ctx: Ctx, i: Input<'policy.summaryFile'>): Output<'policy.summaryFile'> {
  const files = ctx.store.orm
    .select({ bytes: letterFiles.bytes })
    .from(letterLog)
    .innerJoin(letterFiles, eq(letterFiles.logId, letterLog.id))
    .where(and(eq(letterLog.batchId, i.batchId), eq(letterLog.template, SUMMARY_TEMPLATE)))
    .orderBy(asc(letterLog.id))
    .all();
  if (!files.length) {
    throw new AppError('not_found', 'That batch has no summary letters (yet): wait for it to finish.');
  }
  return {
    fileName: 'Attendance policy summary - all letters.docx',
    letters: files.length,
    base64: Buffer.from(combineLetters(files.map((f) => new Uint8Array(f.bytes)))).toString('base64'),
  };
}
