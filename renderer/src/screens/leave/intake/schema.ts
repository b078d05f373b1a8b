// The new leave request's form: its fields and checks (the server checks them again), its empty values, and the
// pupils chosen for it.
import { z } from 'zod';
import { LEAVE_KIND_VALUES, LEAVE_RECEIVED_VALUES } from '../../../../../shared/channels/leave';
import type { Output } from '../../../../../shared/contract';
import { parseInputDate } from '../../../../../shared/dates';

const isoOrEmpty = z.string().refine((v) => v !== '', 'enter a date as dd/mm/yyyy');

export const IntakeSchema = z
  .object({
    requester: z.string().min(1, 'choose who asked'),
    otherName: z.string().trim().max(200),
    howReceived: z.enum(LEAVE_RECEIVED_VALUES),
    dateReceived: isoOrEmpty,
    fromDate: isoOrEmpty,
    fromSession: z.enum(['AM', 'PM']),
    toDate: isoOrEmpty,
    toSession: z.enum(['AM', 'PM']),
    kind: z.enum(LEAVE_KIND_VALUES),
    reason: z.string().trim().min(1, "record the parent's reason").max(4000),
    notes: z.string().trim().max(4000),
    observance: z.string().trim().max(200),
    religiousBody: z.string().trim().max(200),
    observanceDays: z.string().trim().max(400),
  })
  .refine((v) => v.requester !== 'other' || v.otherName.length > 0, {
    path: ['otherName'],
    message: 'type the name of the person who asked',
  })
  .refine((v) => !v.fromDate || !v.toDate || v.fromDate + v.fromSession <= v.toDate + v.toSession, {
    path: ['toDate'],
    message: 'the leave ends before it starts',
  })
  .refine((v) => v.kind !== 'religious_observance' || v.observance.length > 0, {
    path: ['observance'],
    message: 'name the observance',
  })
  .refine((v) => v.kind !== 'religious_observance' || v.religiousBody.length > 0, {
    path: ['religiousBody'],
    message: 'name the religious body',
  });

export type IntakeValues = z.infer<typeof IntakeSchema>;

/** The form as it opens: received by letter today, from a morning to an afternoon, exceptional circumstances. */
export function emptyIntake(today: string): IntakeValues {
  return {
    requester: '',
    otherName: '',
    howReceived: 'letter',
    dateReceived: today,
    fromDate: '',
    fromSession: 'AM',
    toDate: '',
    toSession: 'PM',
    kind: 'exceptional',
    reason: '',
    notes: '',
    observance: '',
    religiousBody: '',
    observanceDays: '',
  };
}

/** A pupil on the request, with their own contacts (contacts are held per pupil). */
export interface Chosen {
  id: number;
  name: string;
  contacts: Output<'pupils.get'>['contacts'];
}

export type Contact = Chosen['contacts'][number];

/** A sibling's own record of the person who asked, matched by name, or null. */
export function contactFor(p: Chosen, asked: Contact | undefined): Contact | null {
  if (!asked) {
    return null;
  }
  const name = asked.name.trim().toLowerCase();
  return p.contacts.find((c) => c.name.trim().toLowerCase() === name) ?? null;
}

/** The observance days typed (dd/mm/yyyy, commas or spaces between) as ISO dates; one that is not a date throws. */
export function observanceDates(typed: string): string[] {
  const days = typed
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((d) => parseInputDate(d));
  const dates = days.filter((d): d is string => d !== null);
  if (dates.length !== days.length) {
    throw new Error('Observance days must be dates as dd/mm/yyyy, separated by commas.');
  }
  return dates;
}
