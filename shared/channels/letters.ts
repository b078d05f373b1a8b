// Channels of the letters area, merged into the contract in shared/contract.ts. Rendering a letter is
// asynchronous (the docx library), so previews and batches start a job and the screen polls letters.job.
import { z } from 'zod';
import { ch, STAFF, SETTINGS, type Role } from '../contract-core';
import { YEAR_GROUPS, isoDate, optText } from '../pupil';
import { LADDER } from '../ladder';

/** Letters go out from the attendance lead and the head; the office sees the log and records how a letter was sent. */
const LETTER_WRITERS: Role[] = ['lead', 'head'];
const FlagSchema = z.object({
  code: z.enum(['G1', 'G2', 'G3', 'G4', 'G6', 'IMPROVE']),
  message: z.string(),
  suggest: z.string().optional(),
});
const LeftOutSchema = z.object({
  pupilId: z.number().int(),
  name: z.string(),
  reason: z.string(),
  flags: z.array(FlagSchema).optional(),
});
const StageSchema = z.enum(LADDER);
const LadderSchema = z.object({
  stage: StageSchema,
  label: z.string(),
  nextStep: z.string(),
  nextTemplate: z.string().nullable(),
  lastLetterAt: z.string().nullable(),
  meetingsHeld: z.number().int(),
});
const ExtraSchema = z.record(z.string().max(60), z.string().max(4000));
const Base64 = z
  .string()
  .max(40_000_000)
  .regex(/^[A-Za-z0-9+/=\s]*$/, 'must be base64');

const RequestSchema = z.object({
  template: z.string().min(1).max(80),
  pupilIds: z.array(z.number().int()).min(1, 'choose at least one pupil').max(2000),
  from: isoDate.optional(),
  to: isoDate.optional(),
  asOf: isoDate.optional(),
  letterDate: isoDate.optional(),
  extra: ExtraSchema.optional(),
  overrideReason: z.string().trim().max(1000).optional(),
  overrideReasons: z.record(z.string(), z.string().trim().max(1000)).optional(),
});

const TemplateRow = z.object({
  name: z.string(),
  title: z.string(),
  stage: z.string(),
  source: z.enum(['shipped', 'school']),
  version: z.string(),
  sha256: z.string(),
  legal: z.boolean(),
  legalWeight: z.boolean(),
  siblings: z.boolean(),
  addressing: z.enum(['household', 'each_parent']),
  rules: z.array(z.string()),
  summary: z.string(),
  variant: z.boolean(),
  /** Where a one-pupil agreement letter is made (never in a batch); null for every other letter. */
  madeFrom: z.string().nullable(),
  placeholders: z.array(z.string()),
  extra: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      kind: z.enum(['date', 'time', 'text', 'multiline']),
      computed: z.boolean(),
    }),
  ),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string().nullable(),
});

const CheckSchema = z.object({
  placeholders: z.array(z.string()),
  unknown: z.array(z.string()),
  split: z.array(z.string()),
  notAlone: z.array(z.string()),
  warnings: z.array(z.string()),
});

const SettingsSchema = z.object({
  phone: optText,
  email: optText,
  absenceLine: optText,
  reportBy: optText,
  headName: optText,
  signatoryName: optText,
  signatoryPosition: optText,
  championPhone: optText,
  championEmail: optText,
  policyUrl: optText,
  laCodeUrl: optText,
  laCodeReference: optText,
  leaveFormUrl: optText,
  sameStageSchoolDays: z.number().int().min(0).max(200),
  improvementPoints: z.number().int().min(1).max(50),
});

const LogEntry = z.object({
  id: z.number().int(),
  pupilId: z.number().int(),
  siblingIds: z.array(z.number().int()),
  template: z.string(),
  title: z.string(),
  templateVersion: z.string(),
  stage: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  asOf: z.string(),
  letterDate: z.string(),
  reference: z.string(),
  attendancePct: z.number().nullable(),
  addressees: z.array(z.object({ names: z.array(z.string()), address: z.string().nullable() })),
  flags: z.array(FlagSchema),
  overrideReason: z.string().nullable(),
  fileName: z.string(),
  fileSha256: z.string(),
  generatedBy: z.string(),
  generatedAt: z.string(),
  batchId: z.string().nullable(),
  sends: z.array(
    z.object({
      method: z.enum(['post', 'hand', 'email']),
      sentOn: z.string(),
      recordedBy: z.string(),
      note: z.string().nullable(),
    }),
  ),
});

const MeetingSchema = z.object({
  id: z.number().int().optional(),
  pupilId: z.number().int(),
  kind: z.enum(['attendance', 'reintegration', 'contract']),
  date: isoDate,
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM')
    .nullable(),
  place: optText,
  attendees: optText,
  held: z.boolean(),
  notes: optText,
});

const JobSchema = z.object({
  status: z.enum(['running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  error: z.string().nullable(),
  result: z
    .object({
      letters: z.array(
        z.object({
          pupilId: z.number().int(),
          name: z.string(),
          fileName: z.string(),
          logId: z.number().int().nullable(),
          reference: z.string(),
          addressees: z.array(z.string()),
          paragraphs: z.array(z.string()).optional(),
        }),
      ),
      /** Planned letters of a batch that could no longer be made when it was picked up again after a restart. */
      problems: z
        .array(z.object({ pupilId: z.number().int(), name: z.string(), reason: z.string() }))
        .optional(),
      folder: z.string().nullable(),
      combinedFile: z.string().nullable(),
      batchId: z.string().nullable(),
    })
    .nullable(),
});

export const lettersChannels = {
  'letters.templates': ch(
    z.object({}),
    z.object({
      templates: z.array(TemplateRow),
      fields: z.array(z.object({ key: z.string(), label: z.string() })),
    }),
    STAFF,
  ),
  'letters.templateCheck': ch(z.object({ name: z.string().max(80), base64: Base64 }), CheckSchema, STAFF),
  'letters.templateUpload': ch(
    z.object({
      name: z
        .string()
        .trim()
        .regex(/^[a-z0-9][a-z0-9-]{1,60}$/, 'use lower-case letters, digits and hyphens'),
      title: z.string().trim().min(1).max(120).optional(),
      base64: Base64,
    }),
    CheckSchema.extend({ version: z.number().int() }),
    ['lead', 'head', 'admin'],
    { write: true },
  ),
  'letters.templateRevert': ch(
    z.object({ name: z.string().max(80) }),
    z.object({ version: z.number().int() }),
    ['lead', 'head', 'admin'],
    { write: true },
  ),
  'letters.templateDownload': ch(
    z.object({ name: z.string().max(80) }),
    z.object({ fileName: z.string(), base64: z.string() }),
    STAFF,
  ),
  'letters.settings': ch(
    z.object({}),
    SettingsSchema.extend({ hasLogo: z.boolean(), logoType: z.string().nullable() }),
    STAFF,
  ),
  'letters.saveSettings': ch(
    SettingsSchema.extend({ logoBase64: Base64.nullable().optional() }),
    z.object({ ok: z.literal(true) }),
    SETTINGS,
    { write: true },
  ),
  'letters.candidates': ch(
    z.object({
      template: z.string().min(1).max(80),
      yearGroup: z.enum(YEAR_GROUPS).optional(),
      regGroup: z.string().max(40).optional(),
      band: z
        .enum(['any', 'at_risk', 'persistent', 'severe', 'persistent_or_severe', 'at_risk_or_worse'])
        .optional(),
      pupilIds: z.array(z.number().int()).max(2000).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
    }),
    z.object({
      from: z.string(),
      to: z.string(),
      asOf: z.string(),
      pupils: z.array(
        z.object({
          pupilId: z.number().int(),
          upn: z.string(),
          name: z.string(),
          yearGroup: z.string(),
          regGroup: z.string(),
          attendancePct: z.number().nullable(),
          band: z.string().nullable(),
          compulsoryAge: z.boolean(),
          ladder: LadderSchema,
          flags: z.array(FlagSchema),
          letters: z.number().int(),
          addressees: z.array(z.string()),
        }),
      ),
      leftOut: z.array(LeftOutSchema),
    }),
    LETTER_WRITERS,
  ),
  'letters.preview': ch(
    RequestSchema.extend({ count: z.number().int().min(1).max(10).optional() }),
    z.object({ jobId: z.string(), letters: z.number().int(), leftOut: z.array(LeftOutSchema) }),
    LETTER_WRITERS,
  ),
  'letters.generate': ch(
    RequestSchema.extend({ folder: z.string().trim().min(1).max(1000) }),
    z.object({
      jobId: z.string(),
      batchId: z.string(),
      letters: z.number().int(),
      leftOut: z.array(LeftOutSchema),
      folder: z.string(),
    }),
    LETTER_WRITERS,
    { write: true },
  ),
  'letters.renderOne': ch(
    RequestSchema,
    z.object({ jobId: z.string(), letters: z.number().int(), leftOut: z.array(LeftOutSchema) }),
    LETTER_WRITERS,
    { write: true },
  ),
  'letters.job': ch(z.object({ jobId: z.string().max(100) }), JobSchema, STAFF),
  'letters.defaultFolder': ch(z.object({}), z.object({ folder: z.string() }), STAFF),
  'letters.log': ch(
    z.object({ pupilId: z.number().int() }),
    z.object({
      entries: z.array(LogEntry),
      ladder: LadderSchema,
      meetings: z.array(MeetingSchema.extend({ id: z.number().int() })),
      restrictions: z.array(
        z.object({
          id: z.number().int(),
          contactName: z.string(),
          reason: z.string(),
          recordedBy: z.string(),
          recordedAt: z.string(),
        }),
      ),
    }),
    STAFF,
  ),
  'letters.file': ch(
    z.object({ logId: z.number().int() }),
    z.object({ fileName: z.string(), base64: z.string(), sha256: z.string() }),
    STAFF,
  ),
  'letters.markSent': ch(
    z.object({
      logId: z.number().int(),
      method: z.enum(['post', 'hand', 'email']),
      sentOn: isoDate,
      note: optText.optional(),
    }),
    z.object({ id: z.number().int() }),
    STAFF,
    { write: true },
  ),
  'letters.ladder': ch(
    z.object({ pupilIds: z.array(z.number().int()).max(5000) }),
    z.object({ stages: z.array(LadderSchema.extend({ pupilId: z.number().int() })) }),
    STAFF,
  ),
  'letters.saveMeeting': ch(MeetingSchema, z.object({ id: z.number().int() }), LETTER_WRITERS, {
    write: true,
  }),
  'letters.restrictContact': ch(
    z.object({
      pupilId: z.number().int(),
      contactName: z.string().trim().min(1).max(200),
      reason: z.string().trim().min(3, 'say why (court order, safeguarding advice…)').max(500),
    }),
    z.object({ id: z.number().int() }),
    ['lead', 'head'],
    { write: true },
  ),
  'letters.liftRestriction': ch(
    z.object({ id: z.number().int() }),
    z.object({ ok: z.literal(true) }),
    ['lead', 'head'],
    { write: true },
  ),
} as const;
