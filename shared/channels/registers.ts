// The registers area's channels: taking and amending registers, marks import and export, the office grid, the
// follow-up of unexplained absence, and a pupil's marks.
import { z } from 'zod';
import { YEAR_GROUPS, isoDate, optText } from '../pupil';
import { STAFF, ch } from '../contract-core';

export const SessionSchema = z.enum(['AM', 'PM']);

const ScopeSchema = z.object({
  regGroup: z.string().max(40).optional(),
  yearGroup: z.enum(YEAR_GROUPS).optional(),
  pupilIds: z.array(z.number().int()).max(5000).optional(),
});

export const BulkSchema = z.object({
  from: isoDate,
  to: isoDate,
  session: z.enum(['AM', 'PM', 'both']),
  scope: ScopeSchema,
  code: z.string().min(1).max(2),
  note: optText.optional(),
});

const MarkCell = z.object({
  code: z.string(),
  amended: z.boolean(),
  note: z.string().nullable(),
  minutesLate: z.number().nullable(),
});

export const registersChannels = {
  'registers.get': ch(
    z.object({ date: isoDate, session: SessionSchema, regGroup: z.string().min(1).max(40) }),
    z.object({
      date: z.string(),
      session: SessionSchema,
      regGroup: z.string(),
      isSchoolDay: z.boolean(),
      dayKind: z.string(),
      opensAt: z.string(),
      closesAt: z.string(),
      taken: z.object({ by: z.string(), at: z.string() }).nullable(),
      codes: z.array(
        z.object({ code: z.string(), label: z.string(), category: z.string(), needsReason: z.boolean() }),
      ),
      pupils: z.array(
        z.object({
          pupilId: z.number().int(),
          upn: z.string(),
          name: z.string(),
          socialWorker: z.boolean(),
          /** "part-time timetable" / "flexi agreement" while one is in force. */
          arrangement: z.string().nullable().optional(),
          mark: z
            .object({
              code: z.string(),
              minutesLate: z.number().nullable(),
              note: z.string().nullable(),
              amended: z.boolean(),
            })
            .nullable(),
          planned: z.object({ code: z.string(), note: z.string().nullable() }).nullable(),
          strip: z.array(
            z.object({ date: z.string(), am: z.string().nullable(), pm: z.string().nullable() }),
          ),
        }),
      ),
    }),
    STAFF,
  ),
  'registers.save': ch(
    z.object({
      date: isoDate,
      session: SessionSchema,
      regGroup: z.string().min(1).max(40),
      marks: z
        .array(
          z.object({
            pupilId: z.number().int(),
            code: z.string().min(1).max(2),
            minutesLate: z.number().int().min(0).max(300).nullable().optional(),
            note: z.string().max(500).nullable().optional(),
          }),
        )
        .max(200),
      reason: z.string().trim().max(500).optional(),
    }),
    z.object({
      inserted: z.number().int(),
      amended: z.number().int(),
      unchanged: z.number().int(),
      unmarked: z.number().int(),
    }),
    STAFF,
    { write: true },
  ),
  'registers.notTaken': ch(
    z.object({ date: isoDate }),
    z.object({
      date: z.string(),
      isSchoolDay: z.boolean(),
      missing: z.array(z.object({ session: SessionSchema, regGroup: z.string() })),
    }),
    STAFF,
  ),
  'registers.outstanding': ch(
    z.object({ asOf: isoDate }),
    z.object({
      from: z.string(),
      asOf: z.string(),
      total: z.number().int(),
      days: z.array(
        z.object({
          date: z.string(),
          missing: z.array(z.object({ session: SessionSchema, regGroup: z.string() })),
        }),
      ),
    }),
    STAFF,
  ),
  'registers.grid': ch(
    z.object({ from: isoDate, to: isoDate, scope: ScopeSchema }),
    z.object({
      sessions: z.array(z.object({ date: z.string(), session: SessionSchema })),
      rows: z.array(
        z.object({
          pupilId: z.number().int(),
          upn: z.string(),
          name: z.string(),
          regGroup: z.string(),
          cells: z.array(
            z.object({ code: z.string().nullable(), amended: z.boolean(), onRoll: z.boolean() }),
          ),
        }),
      ),
    }),
    STAFF,
  ),
  'registers.pupilAttendance': ch(
    z.object({ pupilId: z.number().int(), from: isoDate, to: isoDate }),
    z.object({
      days: z.array(
        z.object({ date: z.string(), kind: z.string(), am: MarkCell.nullable(), pm: MarkCell.nullable() }),
      ),
      codeCounts: z.record(z.string(), z.number().int()),
      weekdayPattern: z.array(
        z.object({ weekday: z.number().int(), possible: z.number().int(), absent: z.number().int() }),
      ),
    }),
    STAFF,
  ),
} as const;
