// The barrier and meeting forms' schemas and opening values, and a meeting's values turned into the contract's
// input (docs/rules/casework.md). The core checks again.
import { z } from 'zod';
import { ACTION_OWNERS, BARRIER_RAISERS, BARRIER_SIDES, MEETING_KINDS } from '../../../../shared/casework';
import type { Input } from '../../../../shared/contract';

const date = z.string().min(1, 'enter a date (dd/mm/yyyy)');
export const BarrierValues = z.object({
  category: z.string().min(1, 'choose a category'),
  side: z.enum(BARRIER_SIDES),
  description: z.string().trim().min(1, 'describe the barrier').max(500),
  raisedBy: z.enum(BARRIER_RAISERS),
  foundOn: date,
});
export type BarrierV = z.infer<typeof BarrierValues>;

export function barrierDefaults(today: string): BarrierV {
  return { category: '', side: 'outside_school', description: '', raisedBy: 'parent', foundOn: today };
}

export const MeetingValues = z.object({
  kind: z.enum(MEETING_KINDS),
  date,
  attendees: z.string().trim().min(1, 'say who attended'),
  pupilView: z.string().max(4000),
  parentView: z.string().max(4000),
  notes: z.string().max(4000),
  nextReview: z.string(),
  barrierIds: z.array(z.number()),
  actions: z.array(
    z.object({
      what: z.string().trim().min(1, 'say what is to be done'),
      ownerKind: z.enum(ACTION_OWNERS),
      ownerName: z.string(),
      dueOn: date,
    }),
  ),
});
export type MeetingV = z.infer<typeof MeetingValues>;

export function meetingDefaults(today: string): MeetingV {
  return {
    kind: 'attendance',
    date: today,
    attendees: '',
    pupilView: '',
    parentView: '',
    notes: '',
    nextReview: '',
    barrierIds: [],
    actions: [],
  };
}

/** A meeting's values as the core takes them: an empty next review or owner's name is none. */
export function meetingInput(pupilId: number, v: MeetingV): Input<'casework.addMeeting'> {
  return {
    pupilId,
    ...v,
    nextReview: v.nextReview || null,
    actions: v.actions.map((a) => ({ ...a, ownerName: a.ownerName || null })),
  };
}
