// The marks channels: marks in and out of the MIS, their history, and bulk changes (services in main/core/registers).
import { z } from 'zod';
import { isoDate } from '../pupil';
import { STAFF, ch } from '../contract-core';
import { IssueSchema } from './pupils';
import { BulkSchema, SessionSchema } from './registers';

export const marksChannels = {
  'marks.import': ch(
    z.object({
      csv: z.string().max(200_000_000),
      reason: z.string().trim().max(500).optional(),
      by: z.string().trim().max(200).optional(),
      position: z.string().trim().max(200).optional(),
    }),
    z.object({
      rows: z.number().int(),
      inserted: z.number().int(),
      amended: z.number().int(),
      notesChanged: z.number().int(),
      skipped: z.number().int(),
      closureRowsSkipped: z.number().int(),
      warnings: z.array(IssueSchema),
    }),
    ['office', 'lead', 'head'],
    { write: true },
  ),
  'marks.export': ch(
    z.object({ from: isoDate, to: isoDate }),
    z.object({ csv: z.string(), rows: z.number().int() }),
    STAFF,
  ),
  'marks.history': ch(
    z.object({ upn: z.string().min(1).max(20) }),
    z.object({
      upn: z.string(),
      amendments: z.array(
        z.object({
          date: z.string(),
          session: z.enum(['AM', 'PM']),
          oldCode: z.string(),
          newCode: z.string(),
          oldMinutesLate: z.number().nullable(),
          newMinutesLate: z.number().nullable(),
          reason: z.string(),
          changedAt: z.string(),
          changedBy: z.string(),
          position: z.string(),
        }),
      ),
    }),
    STAFF,
  ),
  'marks.bulkPreview': ch(
    BulkSchema,
    z.object({
      changes: z.array(
        z.object({
          pupilId: z.number().int(),
          name: z.string(),
          date: z.string(),
          session: SessionSchema,
          from: z.string().nullable(),
          to: z.string(),
        }),
      ),
      total: z.number().int(),
      amendments: z.number().int(),
    }),
    STAFF,
  ),
  'marks.bulkApply': ch(
    BulkSchema.extend({
      reason: z.string().trim().min(1, 'a reason is required').max(500),
      expectTotal: z.number().int(),
    }),
    z.object({ batchId: z.string(), inserted: z.number().int(), amended: z.number().int() }),
    STAFF,
    { write: true },
  ),
  'marks.unexported': ch(
    z.object({}),
    z.object({
      total: z.number().int(),
      marks: z.array(
        z.object({
          upn: z.string(),
          name: z.string(),
          date: z.string(),
          session: SessionSchema,
          code: z.string(),
          amended: z.boolean(),
        }),
      ),
    }),
    STAFF,
  ),
  'marks.exportForMis': ch(
    z.object({}),
    z.object({ csv: z.string(), rows: z.number().int() }),
    ['office', 'lead', 'head'],
    { write: true },
  ),
} as const;
