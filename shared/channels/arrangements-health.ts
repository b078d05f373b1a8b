// Channels of the arrangements area for health and SEND (docs/rules/arrangements.md, "Health and SEND"), merged
// into arrangementsChannels. Health details (plans, adjustments, the sickness return) are read by the lead and the
// head only: the core leaves them out for anyone else. The professionals around a pupil and the same-day notices
// are for the office too, who make the calls.
import { z } from 'zod';
import { ch, type Role } from '../contract-core';
import { isoDate } from '../pupil';

const READERS: Role[] = ['office', 'lead', 'head'];
const DECIDERS: Role[] = ['lead', 'head'];
/** The roles that may read a pupil's health details; the core filters for everyone else. */
export const HEALTH_READERS: readonly Role[] = DECIDERS;

export const PROFESSIONAL_KINDS = ['social_worker', 'youth_offending', 'virtual_school'] as const;
export type ProfessionalKind = (typeof PROFESSIONAL_KINDS)[number];
export const PROFESSIONAL_LABELS: Record<ProfessionalKind, string> = {
  social_worker: 'Social worker',
  youth_offending: 'Youth offending worker',
  virtual_school: 'Virtual school',
};
/** The sickness return is due at 15 school days of illness (30 sessions) in a school year. */
export const SICKNESS_RETURN_SESSIONS = 30;
export const HEALTH_DUE_KINDS = [
  'sickness_return',
  'ihcp_review',
  'ehcp_review',
  'adjustment_review',
] as const;
export const HEALTH_DUE_LABELS: Record<(typeof HEALTH_DUE_KINDS)[number], string> = {
  sickness_return: 'Sickness return to the LA',
  ihcp_review: 'Individual healthcare plan review',
  ehcp_review: 'EHC plan annual review',
  adjustment_review: 'Adjustment review',
};

const text = (max: number) => z.string().trim().max(max);
const opt = (max: number) => text(max).nullable().optional();
const Kind = z.enum(PROFESSIONAL_KINDS);
const Told = z.object({ how: z.string(), by: z.string(), at: z.string() });

const Health = z.object({
  plan: z
    .object({
      ihcp: z.boolean(),
      ihcpReviewOn: z.string().nullable(),
      ehcpReviewOn: z.string().nullable(),
      notes: z.string().nullable(),
      by: z.string(),
      at: z.string(),
    })
    .nullable(),
  adjustments: z.array(
    z.object({
      id: z.number().int(),
      what: z.string(),
      fromDate: z.string(),
      reviewOn: z.string(),
      by: z.string(),
    }),
  ),
  sickness: z.object({
    illnessSessions: z.number().int(),
    reachedOn: z.string().nullable(),
    returns: z.array(z.object({ sentOn: z.string(), how: z.string(), by: z.string() })),
  }),
});

export const healthChannels = {
  /** One pupil: health details (null unless the caller is the lead or the head), professionals, notices. */
  'arrangements.health': ch(
    z.object({ pupilId: z.number().int() }),
    z.object({
      health: Health.nullable(),
      professionals: z.array(
        z.object({
          kind: Kind,
          name: z.string(),
          organisation: z.string().nullable(),
          phone: z.string().nullable(),
          email: z.string().nullable(),
        }),
      ),
      notices: z.array(
        z.object({
          kind: Kind,
          date: z.string(),
          how: z.string(),
          note: z.string().nullable(),
          by: z.string(),
        }),
      ),
    }),
    READERS,
  ),
  'arrangements.healthPlanSave': ch(
    z.object({
      pupilId: z.number().int(),
      ihcp: z.boolean(),
      ihcpReviewOn: isoDate.nullable().optional(),
      ehcpReviewOn: isoDate.nullable().optional(),
      notes: opt(2000),
    }),
    z.object({ id: z.number().int() }),
    DECIDERS,
    { write: true },
  ),
  'arrangements.adjustmentAdd': ch(
    z.object({
      pupilId: z.number().int(),
      what: text(1000).min(1, 'say what was agreed'),
      fromDate: isoDate,
      reviewOn: isoDate,
    }),
    z.object({ id: z.number().int() }),
    DECIDERS,
    { write: true },
  ),
  'arrangements.sicknessReturnSent': ch(
    z.object({ pupilId: z.number().int(), sentOn: isoDate, how: text(200).min(1, 'say how it was sent') }),
    z.object({ id: z.number().int() }),
    DECIDERS,
    { write: true },
  ),
  /** Records (or, with name null, ends) the pupil's social worker, youth offending worker or virtual school. */
  'arrangements.professionalSave': ch(
    z.object({
      pupilId: z.number().int(),
      kind: Kind,
      name: text(200).min(1, 'name the person or the service').nullable(),
      organisation: opt(200),
      phone: opt(40),
      email: opt(200),
    }),
    z.object({ id: z.number().int() }),
    READERS,
    { write: true },
  ),
  'arrangements.professionalNotice': ch(
    z.object({
      pupilId: z.number().int(),
      kind: Kind,
      date: isoDate,
      how: text(200).min(1, 'say how they were told'),
      note: opt(1000),
    }),
    z.object({ id: z.number().int() }),
    READERS,
    { write: true },
  ),
  /** Today's (or a day's) unexplained absences of pupils with a professional to tell the same day. */
  'arrangements.prompts': ch(
    z.object({ date: isoDate.optional() }),
    z.object({
      date: z.string(),
      pupils: z.array(
        z.object({
          pupilId: z.number().int(),
          pupilName: z.string(),
          sessions: z.array(z.string()),
          tell: z.array(
            z.object({
              kind: Kind,
              name: z.string(),
              phone: z.string().nullable(),
              email: z.string().nullable(),
              told: Told.nullable(),
            }),
          ),
        }),
      ),
    }),
    READERS,
  ),
  /** Health dates due within 14 days or overdue, and sickness returns due (lead and head). */
  'arrangements.healthDue': ch(
    z.object({}),
    z.object({
      items: z.array(
        z.object({
          pupilId: z.number().int(),
          pupilName: z.string(),
          what: z.enum(HEALTH_DUE_KINDS),
          due: z.string(),
          overdue: z.boolean(),
          message: z.string(),
        }),
      ),
    }),
    DECIDERS,
  ),
} as const;
