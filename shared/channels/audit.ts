// The audit channel: the audit log, read by the head and the admin (written by every area through ctx.audit).
import { z } from 'zod';
import { ch } from '../contract-core';
import { AuditRowSchema, isoDay } from './auth';

export const auditChannels = {
  'audit.list': ch(
    z.object({
      from: isoDay.optional(),
      to: isoDay.optional(),
      actor: z.string().trim().max(120).optional(),
      action: z.string().trim().max(80).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    z.object({ rows: z.array(AuditRowSchema), total: z.number().int(), actions: z.array(z.string()) }),
    ['head', 'admin'],
  ),
} as const;
