// The form for a new part-time timetable or flexi-schooling agreement: its fields and the checks it can make
// before the core's (docs/rules/arrangements.md), its opening values, and the contract's input made from it.
import { z } from 'zod';
import { TIMETABLE_REASONS, type ArrangementKind } from '../../../../shared/arrangements';
import type { Input } from '../../../../shared/contract';

export const ArrangementFormSchema = z
  .object({
    kind: z.enum(['part_time', 'flexi']),
    reasonCategory: z.enum(TIMETABLE_REASONS),
    reason: z.string().trim().min(1, 'record why it is agreed').max(2000),
    startDate: z.string().min(1, 'enter a date as dd/mm/yyyy'),
    endDate: z.string(),
    away: z.array(z.string()).min(1, 'tick at least one session the pupil is not expected in school'),
    parentContactId: z.string(),
    parentName: z.string().trim().max(200),
    parentAgreedOn: z.string(),
    laToldOn: z.string(),
    laToldHow: z.string().trim().max(200),
    socialWorkerToldOn: z.string(),
    socialWorkerToldHow: z.string().trim().max(200),
    curriculumNotes: z.string().trim().max(4000),
  })
  .refine((v) => v.kind !== 'part_time' || v.endDate !== '', {
    path: ['endDate'],
    message: 'a part-time timetable must have an end date',
  })
  .refine((v) => v.kind !== 'part_time' || v.parentContactId !== '', {
    path: ['parentContactId'],
    message: 'choose the parent who agreed',
  });

export type ArrangementValues = z.infer<typeof ArrangementFormSchema>;

/** The form as it opens: starting and agreed today, a phased return, nothing ticked. */
export function emptyArrangement(kind: ArrangementKind, today: string): ArrangementValues {
  return {
    kind,
    reasonCategory: 'phased_return',
    reason: '',
    startDate: today,
    endDate: '',
    away: [],
    parentContactId: '',
    parentName: '',
    parentAgreedOn: today,
    laToldOn: '',
    laToldHow: '',
    socialWorkerToldOn: '',
    socialWorkerToldHow: '',
    curriculumNotes: '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The arrangement to create for the pupil: empty fields as null, the reason's category only for a timetable. */
export function createInput(
  v: ArrangementValues,
  pupilId: number,
  kind: ArrangementKind,
): Input<'arrangements.create'> {
  return {
    pupilId,
    kind,
    reasonCategory: kind === 'part_time' ? v.reasonCategory : null,
    reason: v.reason,
    startDate: v.startDate,
    endDate: orNull(v.endDate),
    away: v.away,
    parentContactId: v.parentContactId ? Number(v.parentContactId) : null,
    parentName: orNull(v.parentName),
    parentAgreedOn: orNull(v.parentAgreedOn),
    laToldOn: orNull(v.laToldOn),
    laToldHow: orNull(v.laToldHow),
    socialWorkerToldOn: orNull(v.socialWorkerToldOn),
    socialWorkerToldHow: orNull(v.socialWorkerToldHow),
    curriculumNotes: orNull(v.curriculumNotes),
  };
}

/** The fields the form could not accept, named, for the message above the buttons. */
export function checkMessage(bad: Partial<Record<string, { message?: string } | undefined>>): string {
  return `Check: ${Object.entries(bad)
    .map(([k, e]) => `${k}: ${e?.message ?? 'invalid'}`)
    .join('; ')}`;
}
