// The school area's channels (shared/contract.ts gathers every area): the app's status, the school's details.
import { z } from 'zod';
import { isoDate, optText } from '../pupil';
import { ALL, SETTINGS, ch } from '../contract-core';
import { CalendarRangeSchema } from './calendar';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');

export const SchoolSchema = z.object({
  name: z.string().trim().min(1, 'the school name is required').max(200),
  urn: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'URN must be 6 digits')
    .nullable(),
  laCode: z
    .string()
    .trim()
    .regex(/^\d{3}$/, 'LA number must be 3 digits')
    .nullable(),
  estab: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'establishment number must be 4 digits')
    .nullable(),
  address: optText,
  amOpens: hhmm,
  pmOpens: hhmm,
  /** How long the register stays open after it opens: at most 30 minutes (docs/rules/register-law.md §2). */
  registerOpenMinutes: z.number().int().min(1).max(30, 'a register may stay open at most 30 minutes'),
  championName: optText,
  championPosition: optText,
  /** Named in the attendance policy (docs/rules/policy.md); optional so older callers keep working. */
  officerName: optText.optional(),
  officerPhone: optText.optional(),
  officerEmail: optText.optional(),
  parentUpdates: optText.optional(),
  atRiskLowerPct: z.number().min(0).max(10),
});

export type School = z.infer<typeof SchoolSchema>;

/** A new school's settings until someone changes them: registers open at 08:40 and 13:15 and stay open 30 minutes,
 * and a pupil counts as at risk from 5% absence (docs/rules/support.md). */
export const NEW_SCHOOL: School = {
  name: '',
  urn: null,
  laCode: null,
  estab: null,
  address: null,
  amOpens: '08:40',
  pmOpens: '13:15',
  registerOpenMinutes: 30,
  championName: null,
  championPosition: null,
  atRiskLowerPct: 5,
};

export const schoolChannels = {
  'school.appStatus': ch(
    z.object({}),
    z.object({
      hasSchool: z.boolean(),
      demo: z.boolean(),
      version: z.string(),
      today: isoDate,
      dbPath: z.string().nullable(),
    }),
    ALL,
    { public: true },
  ),
  'school.get': ch(z.object({}), SchoolSchema.nullable(), ALL),
  'school.setup': ch(
    z.object({
      school: SchoolSchema,
      academicYear: z.number().int().min(2000).max(2100),
      ranges: z.array(CalendarRangeSchema).max(200),
    }),
    z.object({ ok: z.literal(true) }),
    SETTINGS,
    { write: true },
  ),
  'school.update': ch(SchoolSchema, z.object({ ok: z.literal(true) }), SETTINGS, { write: true }),
} as const;
