// Exporting a self-audit to Word (docs/rules/self-audit.md): the export is logged (who, when, file name) at once,
// and the document is written as a job (the docx library packs asynchronously), fetched with selfaudit.exportFile.
import type { Input, Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { readSchool } from '../school/school.service';
import { getJob, startJob } from '../letters/jobs';
import { selfauditExports } from '../db/schema-selfaudit';
import { getAudit } from './audits.service';
import { auditDocx } from './export-docx';

const files = new Map<string, { fileName: string; bytes: Uint8Array }>();

export function exportAudit(ctx: Ctx, i: Input<'selfaudit.export'>): Output<'selfaudit.export'> {
  const a = getAudit(ctx, { id: i.id });
  const school = readSchool(ctx.store.db)?.name ?? 'School';
  const by = ctx.session.displayName ?? ctx.session.userName;
  const fileName = `self-audit-${a.termKey}.docx`;
  ctx.store.orm.insert(selfauditExports).values({ auditId: a.id, fileName, by, at: ctx.now() }).run();
  ctx.audit('selfaudit.export', 'selfaudit_audit', a.id, { fileName });
  const today = ctx.today();
  const job = startJob(1, async (j) => {
    if (files.size >= 20) {
      files.delete(files.keys().next().value!);
    }
    files.set(j.id, { fileName, bytes: new Uint8Array(await auditDocx(school, a, by, today)) });
    j.done = 1;
    return { letters: [], folder: null, combinedFile: null, batchId: null };
  });
  return { jobId: job.id, fileName };
}

export function exportFile(_ctx: Ctx, i: Input<'selfaudit.exportFile'>): Output<'selfaudit.exportFile'> {
  const f = files.get(i.jobId);
  if (!f) {
    const running = getJob(i.jobId)?.status === 'running';
    throw new AppError(
      running ? 'conflict' : 'not_found',
      running
        ? 'The document is still being written: try again in a moment.'
        : 'That export is no longer held: export again.',
    );
  }
  return { fileName: f.fileName, base64: Buffer.from(f.bytes).toString('base64') };
}
