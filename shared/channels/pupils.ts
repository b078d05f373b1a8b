// The pupils area's channels: the admission register's pupils, their contacts, leaving and return, and import.
import { z } from 'zod';
import { ContactSchema, DELETION_GROUNDS, PupilSchema, YEAR_GROUPS, isoDate } from '../pupil';
import { STAFF, ch } from '../contract-core';

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

export const IssueSchema = z.object({
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

/** The columns a pupils file must have, for the admission register entry of each pupil (docs/rules/register-law.md §1). */
export const REQUIRED_IMPORT_FIELDS = [
  'upn',
  'surname',
  'forename',
  'dob',
  'sex',
  'year_group',
  'reg_group',
  'admission_date',
] as const satisfies readonly (typeof IMPORT_FIELDS)[number][];

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

export const pupilsChannels = {
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
} as const;
