// The registers area's channels: taking and amending registers, marks import and export, the office grid, the
// follow-up of unexplained absence, and a pupil's marks.
import { z } from 'zod';
import { YEAR_GROUPS, isoDate, optText } from '../pupil';
import { STAFF, ch } from '../contract-core';
import { IssueSchema } from './pupils';

const SessionSchema = z.enum(['AM', 'PM']);

const ScopeSchema = z.object({
  regGroup: z.string().max(40).optional(),
  yearGroup: z.enum(YEAR_GROUPS).optional(),
  pupilIds: z.array(z.number().int()).max(5000).optional(),
});

const BulkSchema = z.object({
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
  'followup.list': ch(
    z.object({ date: isoDate }),
    z.object({
      date: z.string(),
      pupils: z.array(
        z.object({
          pupilId: z.number().int(),
          upn: z.string(),
          name: z.string(),
          regGroup: z.string(),
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
      marks: z.array(
        z.object({
          pupilId: z.number().int(),
          upn: z.string(),
          name: z.string(),
          regGroup: z.string(),
          date: z.string(),
          session: SessionSchema,
          schoolDaysSince: z.number().int(),
        }),
      ),
    }),
    STAFF,
  ),
  'followup.detailMissing': ch(
    z.object({ from: isoDate, to: isoDate }),
    z.object({
      marks: z.array(
        z.object({
          pupilId: z.number().int(),
          upn: z.string(),
          name: z.string(),
          regGroup: z.string(),
          date: z.string(),
          session: SessionSchema,
          code: z.string(),
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
