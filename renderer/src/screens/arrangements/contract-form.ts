// The form for a new attendance contract (docs/rules/arrangements.md, "Attendance contracts"): its fields and
// checks, its opening values, and the contract's input made from it.
import { z } from 'zod';
import type { Input } from '../../../../shared/contract';
import { parseInputDate } from '../../../../shared/dates';

export const ContractSchema = z.object({
  pupilId: z.string().min(1, 'choose the pupil'),
  agreedOn: z.string().min(1, 'enter a date as dd/mm/yyyy'),
  parties: z.string().trim().min(1, 'name the parties'),
  parentCommitments: z.string().trim().min(1, 'record what the parents commit to'),
  pupilCommitments: z.string().trim(),
  schoolCommitments: z.string().trim().min(1, 'record what the school commits to'),
  agencyCommitments: z.string().trim(),
  supportOffered: z.string().trim().min(1, 'record the support offered'),
  reviewDates: z
    .string()
    .trim()
    .refine((v) => v.split(/[\s,;]+/).filter(Boolean).length > 0, 'set at least one review date')
    .refine(
      (v) =>
        v
          .split(/[\s,;]+/)
          .filter(Boolean)
          .every((d) => parseInputDate(d)),
      'dates as dd/mm/yyyy',
    ),
});
export type ContractValues = z.infer<typeof ContractSchema>;

/** The longer texts: field, label, and whether it is required. */
export const CONTRACT_TEXTS: [keyof ContractValues, string, boolean][] = [
  ['parties', 'Parties (names and roles)', true],
  ['parentCommitments', 'The parents will', true],
  ['pupilCommitments', 'The pupil will', false],
  ['schoolCommitments', 'The school will', true],
  ['agencyCommitments', 'Other agencies will', false],
  ['supportOffered', 'Support offered, and by whom', true],
];

export function contractDefaults(today: string): ContractValues {
  return {
    pupilId: '',
    agreedOn: today,
    parties: '',
    parentCommitments: '',
    pupilCommitments: '',
    schoolCommitments: '',
    agencyCommitments: '',
    supportOffered: '',
    reviewDates: '',
  };
}

export function contractInput(v: ContractValues): Input<'arrangements.contractCreate'> {
  return {
    ...v,
    pupilId: Number(v.pupilId),
    pupilCommitments: v.pupilCommitments || null,
    agencyCommitments: v.agencyCommitments || null,
    reviewDates: v.reviewDates
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((d) => parseInputDate(d)!),
  };
}
