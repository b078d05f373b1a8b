// The admission register's pupil record: field types, allowed values and deletion grounds
// (docs/rules/register-law.md §5, §7).
import { z } from 'zod';
import { isIsoDate } from './dates';

export const YEAR_GROUPS = [
  'N1',
  'N2',
  'R',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
  '13',
  '14',
] as const;
export type YearGroup = (typeof YEAR_GROUPS)[number];
export const SEXES = ['M', 'F'] as const;
export const SEN_STATUSES = ['N', 'K', 'E'] as const;
export const SEN_LABELS: Record<(typeof SEN_STATUSES)[number], string> = {
  N: 'None',
  K: 'SEN support',
  E: 'EHC plan',
};

export const COHORT_FLAGS = ['fsm', 'cla', 'socialWorker', 'eal', 'youngCarer', 'boarder'] as const;
export type CohortFlag = (typeof COHORT_FLAGS)[number];
export const FLAG_LABELS: Record<CohortFlag, string> = {
  fsm: 'Free school meals',
  cla: 'Looked after',
  socialWorker: 'Social worker',
  eal: 'EAL',
  youngCarer: 'Young carer',
  boarder: 'Boarder',
};

/** Deletion grounds (docs/rules/register-law.md §7), stored as `2024-9(1)(i)`; older deletions keep their
 * 2006 ground. */
export const DELETION_GROUNDS = [
  { code: '2024-9(1)(a)', label: 'Registered at another school' },
  { code: '2024-9(1)(b)', label: 'Finished nursery education, not expected to continue here' },
  { code: '2024-9(1)(c)', label: 'Dual registered: not expected back, other schools consent' },
  { code: '2024-9(1)(d)', label: 'School attendance order amended to another school' },
  { code: '2024-9(1)(e)', label: 'School attendance order revoked: education otherwise than at school' },
  { code: '2024-9(1)(f)', label: 'Parent notified in writing of home education' },
  { code: '2024-9(1)(g)', label: 'Moved beyond reasonable distance and stopped attending' },
  { code: '2024-9(1)(h)', label: 'Not returned 10 school days after leave, not found after enquiries' },
  {
    code: '2024-9(1)(i)',
    label: 'Continuously absent 20 school days (G/N/O), not found after joint enquiries',
  },
  { code: '2024-9(1)(j)', label: 'Medically unfit to attend before leaving compulsory school age' },
  { code: '2024-9(1)(k)', label: 'In custody four months or more, no return expected' },
  { code: '2024-9(1)(l)', label: 'Died' },
  { code: '2024-9(1)(m)', label: 'Ceased to be of compulsory school age and not continuing' },
  { code: '2024-9(1)(n)', label: 'Permanently excluded' },
  { code: '2024-9(3)', label: 'Not of compulsory school age: ground of regulation 9(3)' },
] as const;

export const isoDate = z.string().refine(isIsoDate, 'must be a date in the form YYYY-MM-DD');
export const optText = z.string().trim().max(500).nullable();

/**
 * Characters a name may never hold: control characters (U+0000-U+001F, U+007F-U+009F, so line breaks too),
 * the line and paragraph separators and the bidirectional overrides (U+202A-U+202E, U+2066-U+2069) that make
 * a name read differently on screen, in a letter or in a CSV (docs/records-integrity.md).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** Why a name cannot be kept as typed, or null when it can. */
export function unsafeNameReason(field: string, value: string): string | null {
  const m = UNSAFE_IN_NAME.exec(value);
  if (!m) {
    return null;
  }
  const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `${field} holds a line break or an invisible control character (U+${code}): retype it`;
}

const personName = (field: string, max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(
      (v) => !unsafeNameReason(field, v),
      `${field} holds a line break or an invisible control character`,
    );

export const ContactSchema = z.object({
  id: z.number().int().optional(),
  name: personName('name', 200),
  relationship: optText,
  phone: optText,
  email: optText,
  address: optText,
  livesWith: z.boolean(),
  parentalResponsibility: z.boolean(),
  emergency: z.boolean().default(false),
});
export type Contact = z.infer<typeof ContactSchema>;

export const PupilFieldsSchema = z.object({
  upn: z.string(),
  surname: personName('surname', 100),
  forename: personName('forename', 100),
  preferredForename: personName('preferred forename', 100).nullable(),
  dob: isoDate,
  sex: z.enum(SEXES),
  yearGroup: z.enum(YEAR_GROUPS),
  regGroup: z.string().trim().min(1).max(40),
  admissionDate: isoDate,
  leavingDate: isoDate.nullable(),
  fsm: z.boolean(),
  sen: z.enum(SEN_STATUSES),
  cla: z.boolean(),
  socialWorker: z.boolean(),
  eal: z.boolean(),
  boarder: z.boolean(),
});
export type PupilFields = z.infer<typeof PupilFieldsSchema>;

export const PupilSchema = PupilFieldsSchema.extend({
  id: z.number().int(),
  youngCarer: z.boolean(),
  address: optText,
  previousSchool: optText,
  deletionGround: z.string().nullable(),
});
export type Pupil = z.infer<typeof PupilSchema>;

/** Each pupil-import column in the office's words (lower case, for the middle of a sentence); the screen and the
 * import's messages both use it, so no message shows a column name such as year_group. */
export const IMPORT_FIELD_WORDS: Record<string, string> = {
  upn: 'UPN',
  surname: 'legal surname',
  forename: 'legal forename',
  preferred_forename: 'preferred forename',
  dob: 'date of birth',
  sex: 'sex',
  year_group: 'year group',
  reg_group: 'registration group',
  admission_date: 'date of admission',
  leaving_date: 'date of leaving',
  fsm: 'free school meals',
  sen: 'SEN status',
  cla: 'looked after',
  social_worker: 'has a social worker',
  eal: 'English as an additional language',
  boarder: 'boarder',
};
const CONTACT_WORDS: Record<string, string> = {
  name: 'name',
  relationship: 'relationship',
  phone: 'phone',
  email: 'email',
  address: 'address',
  lives_with: 'lives with the pupil',
  parental_responsibility: 'parental responsibility',
};

/** "year group", "contact 1's phone"; the column name itself when it is not a known field. */
export function importFieldWords(column: string): string {
  const c = /^contact(\d+)_(.+)$/.exec(column);
  if (c) {
    return `contact ${c[1]}'s ${CONTACT_WORDS[c[2]] ?? c[2]}`;
  }
  return IMPORT_FIELD_WORDS[column] ?? column;
}
