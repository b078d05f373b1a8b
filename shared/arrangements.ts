// The facts of arrangements (docs/rules/arrangements.md) in one place: the kinds, reasons, outcomes and statuses with
// their labels, the CME triggers and steps, the contract outcomes and events, and the weekly pattern. The channels,
// the core and the screens all import them from here.
import { z } from 'zod';

export const ARRANGEMENT_KINDS = ['part_time', 'flexi'] as const;
export type ArrangementKind = (typeof ARRANGEMENT_KINDS)[number];
export const ARRANGEMENT_KIND_LABELS: Record<ArrangementKind, string> = {
  part_time: 'Part-time timetable',
  flexi: 'Flexi-schooling agreement',
};
/** The label shown beside a pupil's name in lists while an arrangement is in force. */
export const ARRANGEMENT_LIST_LABELS: Record<ArrangementKind, string> = {
  part_time: 'part-time timetable',
  flexi: 'flexi agreement',
};
/** The code a session the pupil is not expected at is pre-filled with (codes.csv); X outside compulsory age. */
export const ARRANGEMENT_CODES: Record<ArrangementKind, string> = { part_time: 'C2', flexi: 'C' };

/** Why a part-time timetable is agreed. Behaviour and sanctions are listed only to be refused with the reason. */
export const TIMETABLE_REASONS = [
  'medical',
  'phased_return',
  'mental_health',
  'send',
  'other',
  'behaviour',
  'sanction',
] as const;
export type TimetableReason = (typeof TIMETABLE_REASONS)[number];
export const TIMETABLE_REASON_LABELS: Record<TimetableReason, string> = {
  medical: 'Medical condition',
  phased_return: 'Phased return after long absence',
  mental_health: 'Mental health or anxiety',
  send: 'Special educational needs (agreed adjustment)',
  other: 'Other exceptional circumstances',
  behaviour: 'Behaviour (not allowed)',
  sanction: 'Sanction (not allowed)',
};
/** Reasons the law does not allow (docs/rules/leave.md §5: never to manage behaviour). */
export const REFUSED_TIMETABLE_REASONS: readonly TimetableReason[] = ['behaviour', 'sanction'];

export const ARRANGEMENT_OUTCOMES = ['full_time', 'alternative_provision', 'withdrawn', 'ended'] as const;
export type ArrangementOutcome = (typeof ARRANGEMENT_OUTCOMES)[number];
export const ARRANGEMENT_OUTCOME_LABELS: Record<ArrangementOutcome, string> = {
  full_time: 'Back to full time',
  alternative_provision: 'Moved to alternative provision',
  withdrawn: 'Withdrawn by the school or the parent',
  ended: 'Ended as agreed',
};
export const ARRANGEMENT_STATUSES = ['planned', 'active', 'review_overdue', 'expired', 'ended'] as const;
export type ArrangementStatus = (typeof ARRANGEMENT_STATUSES)[number];
export const ARRANGEMENT_STATUS_LABELS: Record<ArrangementStatus, string> = {
  planned: 'Starts later',
  active: 'In force',
  review_overdue: 'Review overdue',
  expired: 'Past its end date (no outcome recorded)',
  ended: 'Ended',
};

export const CME_TRIGGERS = ['unauthorised_10_days', 'not_back_after_leave', 'concern'] as const;
export const CME_TRIGGER_LABELS: Record<(typeof CME_TRIGGERS)[number], string> = {
  unauthorised_10_days: '10 continuous school days of unauthorised absence',
  not_back_after_leave: 'Not back 10 school days after leave ended',
  concern: 'The office raised a concern',
};
/** Who a CME case records as opening it when the app opened it by itself (main/core/arrangements/cme-auto.ts). */
export const CME_AUTO_BY = 'the app (automatic)';
/** An open case that still needs its reasonable enquiries recorded. */
export const cmeNeedsEnquiries = (c: { open: boolean; missing: string[] }): boolean =>
  c.open && c.missing.length > 0;
export const CME_STEPS = [
  'contacts',
  'home_visit',
  'siblings_schools',
  'previous_school',
  'social_worker',
  'la_referral',
  'found',
  'closed',
] as const;
export type CmeStep = (typeof CME_STEPS)[number];
export const CME_STEP_LABELS: Record<CmeStep, string> = {
  contacts: 'Calls and messages to every contact',
  home_visit: 'Home visit',
  siblings_schools: "Siblings' schools asked",
  previous_school: 'Previous school asked',
  social_worker: 'Social worker or other professionals asked',
  la_referral: 'Referred to the LA CME officer (reference and outcome)',
  found: 'Child found: case closed',
  closed: 'Case closed (other reason)',
};
/** Deletion grounds that need the joint enquiries with the LA on record first (docs/rules/register-law.md §7, §9). */
export const CME_GROUNDS: readonly string[] = ['2024-9(1)(g)', '2024-9(1)(h)', '2024-9(1)(i)'];

export const WEEKDAYS = [1, 2, 3, 4, 5] as const;
export const WEEKDAY_LABELS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;
/** "Mon PM, Tue PM": a pattern as one line, on screens, in the LA pack and in the CSV. */
export function patternText(away: readonly string[]): string {
  if (!away.length) {
    return 'none';
  }
  return away.map((k) => `${WEEKDAY_LABELS[Number(k[0])].slice(0, 3)} ${k.slice(1)}`).join(', ');
}
/** A session of the school week, "1AM" (Monday morning) … "5PM" (Friday afternoon). */
export const WeekSession = z.string().regex(/^[1-5](AM|PM)$/, 'a session is a weekday 1-5 and AM or PM');
/** The sessions of the week the pupil is NOT expected in school (missed on a timetable, at home for flexi). */
export const Pattern = z.array(WeekSession).max(10);

export const CONTRACT_OUTCOMES = ['kept', 'partly_kept', 'not_kept', 'ended_early'] as const;
export const CONTRACT_OUTCOME_LABELS: Record<(typeof CONTRACT_OUTCOMES)[number], string> = {
  kept: 'Kept: attendance improved',
  partly_kept: 'Partly kept',
  not_kept: 'Not kept (can be relied on if legal action follows)',
  ended_early: 'Ended early',
};
export const CONTRACT_EVENTS = ['review', 'outcome', 'signed_copy', 'letter'] as const;
export const CONTRACT_EVENT_LABELS: Record<(typeof CONTRACT_EVENTS)[number], string> = {
  review: 'Review',
  outcome: 'Outcome',
  signed_copy: 'Signed copy kept',
  letter: 'Word copy made',
};
