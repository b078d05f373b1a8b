// Evidence a family sends with a request (docs/rules/leave.md §1): kept as the file, with its SHA-256, append-only.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Input, Output } from '../../../shared/contract';
import { EVIDENCE_MAX_BYTES } from '../../../shared/channels/leave';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { loadRequest } from './records';
import { leaveEvidence } from '../db/schema-leave';

const EVIDENCE_TYPES: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/heic': ['heic'],
  'text/plain': ['txt'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/msword': ['doc'],
  'message/rfc822': ['eml'],
};

export function addEvidence(ctx: Ctx, i: Input<'leave.addEvidence'>): Output<'leave.addEvidence'> {
  const db = ctx.store.db;
  loadRequest(ctx.store.orm, i.requestId);
  const ext = i.fileName.toLowerCase().split('.').pop() ?? '';
  const mime = Object.entries(EVIDENCE_TYPES).find(([, exts]) => exts.includes(ext))?.[0];
  if (!mime) {
    throw new AppError(
      'invalid',
      `${i.fileName}: evidence must be a PDF, a photo (JPEG, PNG, HEIC), a Word document, an email or a text file.`,
    );
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(i.base64)) {
    throw new AppError('invalid', `${i.fileName}: the file did not arrive intact (not base64).`);
  }
  const bytes = Buffer.from(i.base64, 'base64');
  if (bytes.length === 0) {
    throw new AppError('invalid', `${i.fileName} is empty.`);
  }
  if (bytes.length > EVIDENCE_MAX_BYTES) {
    throw new AppError('invalid', `${i.fileName} is larger than 10 MB.`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const id = Number(
    db
      .prepare(
        `INSERT INTO leave_evidence (request_id, file_name, mime_type, size, bytes, sha256, added_by, added_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(i.requestId, i.fileName, mime, bytes.length, bytes, sha256, ctx.session.userName, ctx.now())
      .lastInsertRowid,
  );
  ctx.audit('leave.evidence', 'leave_request', i.requestId, {
    evidenceId: id,
    fileName: i.fileName,
    size: bytes.length,
    sha256,
  });
  return { id, sha256, size: bytes.length };
}

export function getEvidence(ctx: Ctx, { id }: Input<'leave.evidence'>): Output<'leave.evidence'> {
  const e = ctx.store.orm
    .select({
      fileName: leaveEvidence.fileName,
      mimeType: leaveEvidence.mimeType,
      bytes: leaveEvidence.bytes,
      sha256: leaveEvidence.sha256,
    })
    .from(leaveEvidence)
    .where(eq(leaveEvidence.id, id))
    .get();
  if (!e) {
    throw new AppError('not_found', `There is no evidence file ${id}.`);
  }
  return { fileName: e.fileName, mimeType: e.mimeType, base64: e.bytes.toString('base64'), sha256: e.sha256 };
}
