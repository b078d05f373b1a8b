// The followup channels: the first-day calling list and its follow-up (services in main/core/registers).
import { z } from 'zod';
import { isoDate, optText } from '../pupil';
import { STAFF, ch } from '../contract-core';
import { SessionSchema } from './registers';

/** A pupil as the follow-up lists name them. */
const PupilRow = z.object({
  pupilId: z.number().int(),
  upn: z.string(),
  name: z.string(),
  regGroup: z.string(),
});
/** One of a pupil's marks on a follow-up list (overdue N, a detail missing). */
const PupilMark = PupilRow.extend({ date: z.string(), session: SessionSchema });
export type FollowupMark = z.infer<typeof PupilMark>;

export const followupChannels = {
  'followup.list': ch(
    z.object({ date: isoDate }),
    z.object({
      date: z.string(),
      pupils: z.array(
        PupilRow.extend({
          socialWorker: z.boolean(),
          lookedAfter: z.boolean(),
          /** Why the pupil is high on the list, in words; the list is ordered by this risk. */
          riskReasons: z.array(z.string()),
          sessions: z.array(SessionSchema),
          contacts: z.array(
            z.object({
              name: z.string(),
              relationship: z.string().nullable(),
              phone: z.string().nullable(),
              email: z.string().nullable(),
              livesWith: z.boolean(),
              parentalResponsibility: z.boolean(),
            }),
          ),
          attempts: z.array(
            z.object({
              method: z.string(),
              outcome: z.string(),
              contactName: z.string().nullable(),
              note: z.string().nullable(),
              by: z.string(),
              at: z.string(),
            }),
          ),
          socialWorkerInformed: z.object({ how: z.string(), by: z.string(), at: z.string() }).nullable(),
        }),
      ),
    }),
    STAFF,
  ),
  'followup.logAttempt': ch(
    z.object({
      pupilId: z.number().int(),
      date: isoDate,
      method: z.enum(['call', 'text', 'email', 'home_visit', 'other']),
      outcome: z.string().trim().min(1, 'say what happened').max(500),
      contactName: optText.optional(),
      note: optText.optional(),
    }),
    z.object({ id: z.number().int() }),
    STAFF,
    { write: true },
  ),
  'followup.informSocialWorker': ch(
    z.object({
      pupilId: z.number().int(),
      date: isoDate,
      how: z.string().trim().min(1).max(200),
      note: optText.optional(),
    }),
    z.object({ id: z.number().int() }),
    STAFF,
    { write: true },
  ),
  'followup.resolve': ch(
    z.object({
      pupilId: z.number().int(),
      date: isoDate,
      session: SessionSchema,
      code: z.string().min(1).max(2),
      minutesLate: z.number().int().min(0).max(300).nullable().optional(),
      note: optText.optional(),
      reason: z.string().trim().min(1, 'a reason is required').max(500),
    }),
    z.object({ ok: z.literal(true) }),
    STAFF,
    { write: true },
  ),
  'followup.overdueN': ch(
    z.object({ asOf: isoDate }),
    z.object({
      asOf: z.string(),
      marks: z.array(PupilMark.extend({ schoolDaysSince: z.number().int() })),
    }),
    STAFF,
  ),
  'followup.detailMissing': ch(
    z.object({ from: isoDate, to: isoDate }),
    z.object({
      marks: z.array(PupilMark.extend({ code: z.string() })),
    }),
    STAFF,
  ),
} as const;
