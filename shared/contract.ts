// The contract: every call the UI (or any door) can make, with its zod input and output schemas and the roles
// allowed to make it. dispatch() in main/core is the only implementation; the renderer's client is typed from it.
import { z } from 'zod';
import {
  ContactSchema,
  DELETION_GROUNDS,
  PupilSchema,
  SEN_STATUSES,
  YEAR_GROUPS,
  isoDate,
  optText,
} from './pupil';

import { STAFF, ALL, SETTINGS, ch } from './contract-core';
import { figuresChannels } from './channels/figures';
import { authChannels } from './channels/auth';
import { leaveChannels } from './channels/leave';
import { lettersChannels } from './channels/letters';
import { backupsChannels } from './channels/backups';
import { caseworkChannels } from './channels/casework';
import { governorsChannels } from './channels/governors';
import { arrangementsChannels } from './channels/arrangements';
import { policyChannels } from './channels/policy';
export * from './contract-core';

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

export const CalendarRangeSchema = z
  .object({
    id: z.number().int().optional(),
    dateFrom: isoDate,
    dateTo: isoDate,
    kind: z.enum(['term', 'closure']),
    label: optText,
  })
  .refine((r) => r.dateFrom <= r.dateTo, { message: 'the range ends before it starts', path: ['dateTo'] });

const BankHolidayOverrideSchema = z.object({
  date: isoDate,
  action: z.enum(['add', 'remove']),
  label: optText,
});

const DayInfo = z.object({
  date: isoDate,
  kind: z.enum(['school', 'weekend', 'bank_holiday', 'closure', 'holiday']),
  label: z.string().nullable(),
});

const PupilListRow = z.object({
  id: z.number().int(),
  upn: z.string(),
  surname: z.string(),
  forename: z.string(),
  preferredForename: z.string().nullable(),
  yearGroup: z.string(),
  regGroup: z.string(),
  dob: z.string(),
  sex: z.string(),
  sen: z.string(),
  fsm: z.boolean(),
  cla: z.boolean(),
  socialWorker: z.boolean(),
  eal: z.boolean(),
  youngCarer: z.boolean(),
  boarder: z.boolean(),
  admissionDate: z.string(),
  leavingDate: z.string().nullable(),
  onRoll: z.boolean(),
  /** "part-time timetable" / "flexi agreement" while one is in force (docs/rules/arrangements.md). */
  arrangement: z.string().nullable().optional(),
});

const IssueSchema = z.object({
  line: z.number().int().optional(),
  path: z.string().optional(),
  message: z.string(),
});

export const IMPORT_FIELDS = [
  'upn',
  'surname',
  'forename',
  'preferred_forename',
  'dob',
  'sex',
  'year_group',
  'reg_group',
  'admission_date',
  'leaving_date',
  'fsm',
  'sen',
  'cla',
  'social_worker',
  'eal',
  'boarder',
] as const;

/** The contact columns a pupil file may carry (contact1_name …), mappable on the import screen like the others. */
export const CONTACT_IMPORT_FIELDS = [1, 2].flatMap((k) =>
  ['name', 'relationship', 'phone', 'email', 'address', 'lives_with', 'parental_responsibility'].map(
    (f) => `contact${k}_${f}`,
  ),
);

const ImportInput = z.object({
  csv: z.string().max(50_000_000),
  /** Optional mapping of the file's own header names to import fields (SIMS/Arbor exports name them differently). */
  mapping: z.record(z.string(), z.string()).optional(),
  /** Import fields set to "(not in this file)" although a column of that name exists: that column is not read. */
  ignore: z.array(z.string().max(60)).max(200).optional(),
});
const ImportSummary = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  warnings: z.array(IssueSchema),
});

const ReturnSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['new_pupil', 'deletion', 'attendance', 'sickness']),
  due: z.string().nullable(),
  sentAt: z.string().nullable(),
  method: z.string().nullable(),
  sentBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
});

export const contract = {
  'app.status': ch(
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
  'calendar.get': ch(
    z.object({ from: isoDate, to: isoDate }),
    z.object({
      ranges: z.array(CalendarRangeSchema),
      overrides: z.array(BankHolidayOverrideSchema),
      days: z.array(DayInfo),
    }),
    ALL,
  ),
  'calendar.addRange': ch(CalendarRangeSchema, z.object({ id: z.number().int() }), SETTINGS, { write: true }),
  'calendar.removeRange': ch(
    z.object({ id: z.number().int() }),
    z.object({ ok: z.literal(true) }),
    SETTINGS,
    { write: true },
  ),
  'calendar.setBankHoliday': ch(BankHolidayOverrideSchema, z.object({ ok: z.literal(true) }), SETTINGS, {
    write: true,
  }),
  'calendar.import': ch(
    z.object({ csv: z.string().max(5_000_000) }),
    z.object({ added: z.number().int(), unchanged: z.number().int() }),
    SETTINGS,
    { write: true },
  ),
  'pupils.list': ch(
    z.object({
      search: z.string().max(100).optional(),
      yearGroup: z.enum(YEAR_GROUPS).optional(),
      regGroup: z.string().max(40).optional(),
      flag: z.enum(['fsm', 'cla', 'socialWorker', 'eal', 'youngCarer', 'boarder', 'senK', 'senE']).optional(),
      includeLeavers: z.boolean().optional(),
      onDate: isoDate.optional(),
    }),
    z.object({ pupils: z.array(PupilListRow), regGroups: z.array(z.string()) }),
    STAFF,
  ),
  'pupils.get': ch(
    z.object({ id: z.number().int() }),
    z.object({
      pupil: PupilSchema,
      contacts: z.array(ContactSchema.extend({ id: z.number().int() })),
      returns: z.array(ReturnSchema),
      newPupilReturnDue: z.string().nullable(),
    }),
    STAFF,
  ),
  'pupils.update': ch(
    z.object({
      id: z.number().int(),
      changes: PupilSchema.omit({ id: true, upn: true, leavingDate: true, deletionGround: true }).partial(),
    }),
    z.object({ changed: z.array(z.string()) }),
    STAFF,
    { write: true },
  ),
  'pupils.saveContacts': ch(
    z.object({ pupilId: z.number().int(), contacts: z.array(ContactSchema).max(20) }),
    z.object({ ok: z.literal(true) }),
    STAFF,
    { write: true },
  ),
  'pupils.recordLeaving': ch(
    z.object({
      id: z.number().int(),
      leavingDate: isoDate,
      ground: z.enum(DELETION_GROUNDS.map((g) => g.code) as [string, ...string[]]),
      confirmedBy: z.string().trim().min(1).max(200),
    }),
    z.object({ ok: z.literal(true) }),
    ['lead', 'head'],
    { write: true },
  ),
  'pupils.recordReturn': ch(
    z.object({
      pupilId: z.number().int(),
      kind: z.enum(['new_pupil', 'deletion', 'attendance', 'sickness']),
      sentAt: isoDate,
      method: z.string().trim().min(1).max(100),
      acknowledgedAt: isoDate.nullable().optional(),
    }),
    z.object({ id: z.number().int() }),
    STAFF,
    { write: true },
  ),
  'pupils.importPreview': ch(
    ImportInput,
    z.object({
      headers: z.array(z.string()),
      /** import field -> the file's header it was matched to (or null when missing). */
      matched: z.record(z.string(), z.string().nullable()),
      preview: z.array(z.record(z.string(), z.string())),
      errors: z.array(IssueSchema),
      summary: ImportSummary.nullable(),
    }),
    ['office', 'lead', 'head'],
  ),
  'pupils.import': ch(ImportInput, ImportSummary, ['office', 'lead', 'head'], { write: true }),
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
  'grid.get': ch(
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
  'pupils.attendance': ch(
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
  'pupils.figures': ch(
    z.object({ pupilId: z.number().int(), from: isoDate, to: isoDate, asOf: isoDate.optional() }),
    z.object({
      from: z.string(),
      to: z.string(),
      asOf: z.string(),
      figures: z.object({
        upn: z.string(),
        possible: z.number().int(),
        present: z.number().int(),
        attended: z.number().int(),
        authorised: z.number().int(),
        unauthorised: z.number().int(),
        attendancePct: z.number().nullable(),
        absencePct: z.number().nullable(),
        band: z.enum(['severe', 'persistent', 'at_risk', 'expected']).nullable(),
        lateBeforeClose: z.number().int(),
        lateAfterClose: z.number().int(),
        minutesLate: z.number().int(),
        illnessSessions: z.number().int(),
        penaltySessionsMaxWindow: z.number().int(),
        penaltyThresholdFirstMet: z.string().nullable(),
        longestUnauthorisedRunSessions: z.number().int(),
        overdueN: z.number().int(),
      }),
    }),
    STAFF,
  ),
  'admin.backup': ch(
    z.object({ to: z.string().min(1).max(1000).optional() }),
    z.object({ path: z.string(), bytes: z.number() }),
    ['admin', 'head'],
    { write: false },
  ),
  'admin.verify': ch(
    z.object({}),
    z.object({ integrity: z.array(z.string()), foreignKeys: z.number().int(), ok: z.boolean() }),
    ['admin', 'head'],
  ),
  ...figuresChannels,
  ...authChannels,
  ...leaveChannels,
  ...lettersChannels,
  ...backupsChannels,
  ...caseworkChannels,
  ...governorsChannels,
  ...arrangementsChannels,
  ...policyChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = z.infer<Contract[C]['output']>;
export const CHANNELS = Object.keys(contract) as Channel[];
export const SEN_VALUES = SEN_STATUSES;
