// The facts of casework (docs/rules/casework.md) in one place: the enums with their labels, the built-in barrier
// categories, the roles, and the shape of a reintegration plan's content. The schema, the channels, the core and
// the screens all import them from here.
import { z } from 'zod';
import type { Role } from './contract-core';
import { isoDate } from './pupil';

/** Write casework: the attendance lead and the head. The office reads the timeline (restricted detail removed). */
export const CASEWORK_WRITERS: Role[] = ['lead', 'head'];
export const CASEWORK_READERS: Role[] = ['office', 'lead', 'head'];
/** Who reads a restricted (health, safeguarding) barrier's detail. */
export const RESTRICTED_READERS: Role[] = ['lead', 'head'];

export const BARRIER_SIDES = ['in_school', 'outside_school', 'both'] as const;
export type BarrierSide = (typeof BARRIER_SIDES)[number];
export const BARRIER_SIDE_LABELS: Record<BarrierSide, string> = {
  in_school: 'Inside school',
  outside_school: 'Outside school',
  both: 'Both',
};
export const BARRIER_RAISERS = ['pupil', 'parent', 'staff', 'agency'] as const;
export type BarrierRaiser = (typeof BARRIER_RAISERS)[number];
export const BARRIER_RAISER_LABELS: Record<BarrierRaiser, string> = {
  pupil: 'Pupil',
  parent: 'Parent or carer',
  staff: 'Member of staff',
  agency: 'Another agency',
};
export const BARRIER_STATUSES = ['open', 'being_addressed', 'resolved'] as const;
export type BarrierStatus = (typeof BARRIER_STATUSES)[number];
export const BARRIER_STATUS_LABELS: Record<BarrierStatus, string> = {
  open: 'Open',
  being_addressed: 'Being addressed',
  resolved: 'Resolved',
};

export interface BarrierCategory {
  code: string;
  label: string;
  usually: BarrierSide;
  /** Health and safeguarding: the detail is read only by RESTRICTED_READERS. */
  restricted: boolean;
  builtIn: boolean;
}
const cat = (code: string, label: string, usually: BarrierSide, restricted = false): BarrierCategory => ({
  code,
  label,
  usually,
  restricted,
  builtIn: true,
});
/** The project's list of barriers (docs/rules/casework.md); the school adds its own. */
export const BUILT_IN_CATEGORIES: readonly BarrierCategory[] = [
  cat('bullying', 'Bullying (in person or online)', 'in_school'),
  cat('relationships', 'Friendships, relationships with staff, belonging', 'in_school'),
  cat('learning', 'Learning, falling behind, exam pressure', 'in_school'),
  cat('school_environment', 'School environment (noise, crowding, rules, transition)', 'in_school'),
  cat('physical_health', 'Physical health', 'outside_school', true),
  cat('mental_wellbeing', 'Mental wellbeing, anxiety, school avoidance', 'both', true),
  cat('send', 'Special educational needs not met or being assessed', 'both'),
  cat('family', 'Family circumstances', 'outside_school'),
  cat('young_carer', 'Young carer', 'outside_school'),
  cat('housing_money', 'Housing or money', 'outside_school'),
  cat('transport', 'Transport', 'outside_school'),
  cat('routine', 'Sleep, mornings, punctuality', 'outside_school'),
  cat('safeguarding', 'Safeguarding (details stay in the safeguarding system)', 'outside_school', true),
  cat('other', 'Other', 'both'),
];

export const MEETING_KINDS = ['informal', 'attendance', 'formal', 'reintegration', 'review'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  informal: 'Informal conversation',
  attendance: 'Attendance meeting',
  formal: 'Formal meeting',
  reintegration: 'Reintegration meeting',
  review: 'Review meeting',
};
export const ACTION_OWNERS = ['pupil', 'parent', 'school', 'agency'] as const;
export type ActionOwner = (typeof ACTION_OWNERS)[number];
export const ACTION_OWNER_LABELS: Record<ActionOwner, string> = {
  pupil: 'Pupil',
  parent: 'Parent or carer',
  school: 'School staff',
  agency: 'Another agency',
};
export const ACTION_STATUSES = ['open', 'done', 'not_done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  done: 'Done',
  not_done: 'Not done',
  cancelled: 'Cancelled',
};
export const REFERRAL_KINDS = ['referral', 'signposting', 'early_help'] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];
export const REFERRAL_KIND_LABELS: Record<ReferralKind, string> = {
  referral: 'Referral',
  signposting: 'Signposting',
  early_help: 'Early help assessment',
};
export const PLAN_STATUSES = ['open', 'closed'] as const;
export const PLAN_OUTCOMES = ['met', 'partly_met', 'not_met', 'escalated'] as const;
export type PlanOutcome = (typeof PLAN_OUTCOMES)[number];
export const PLAN_OUTCOME_LABELS: Record<PlanOutcome, string> = {
  met: 'Met',
  partly_met: 'Partly met',
  not_met: 'Not met',
  escalated: 'Escalated',
};
export const PLAN_TRIGGERS = [
  'persistent',
  'severe',
  'long_absence',
  'exclusion',
  'illness',
  'move',
  'other',
] as const;
export type PlanTrigger = (typeof PLAN_TRIGGERS)[number];
export const PLAN_TRIGGER_LABELS: Record<PlanTrigger, string> = {
  persistent: 'Persistent absence',
  severe: 'Severe absence',
  long_absence: 'A long absence',
  exclusion: 'Return from suspension or exclusion',
  illness: 'Return after illness',
  move: 'A move of school or home',
  other: 'Other',
};
export const MEASURE_KINDS = ['sessions_per_week', 'attendance_pct', 'late_per_week'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const MEASURE_LABELS: Record<MeasureKind, string> = {
  sessions_per_week: 'Sessions attended each week (at least)',
  attendance_pct: 'Attendance % over the plan (at least)',
  late_per_week: 'Late marks each week (at most)',
};
/** The first review of a plan falls within this many days of its start (project default). */
export const FIRST_REVIEW_DAYS = 14;

const Sess = z.enum(['AM', 'PM']);
const longText = (max = 4000) => z.string().trim().max(max);
const req = (what: string, max = 500) => z.string().trim().min(1, `${what} is required`).max(max);

/** One step of a plan's phased timetable: the sessions attended each week between two dates. */
export const PlanStepSchema = z
  .object({
    label: req('a name for the step', 200),
    from: isoDate,
    to: isoDate,
    /** Sessions the pupil attends in a week (1 = Monday … 5 = Friday); all ten is full time. */
    attends: z
      .array(z.object({ weekday: z.number().int().min(1).max(5), session: Sess }))
      .min(1, 'a step attends at least one session')
      .max(10),
  })
  .refine((s) => s.from <= s.to, { message: 'the step ends before it starts', path: ['to'] });
export type PlanStep = z.infer<typeof PlanStepSchema>;

export const PlanMeasureSchema = z.object({
  kind: z.enum(MEASURE_KINDS),
  target: z.number().min(0).max(100),
});

/** A plan's content: every change is kept as a new version of this. */
export const PlanContentSchema = z.object({
  trigger: z.enum(PLAN_TRIGGERS),
  why: longText(),
  barrierIds: z.array(z.number().int()).max(50),
  pupilView: longText(),
  keyAdult: req('the key adult', 200),
  checkInEveryDays: z.number().int().min(1).max(28),
  checkInHow: longText(500),
  steps: z.array(PlanStepSchema).max(12),
  measures: z.array(PlanMeasureSchema).max(6),
  firstReview: isoDate,
  agreement: z.object({
    parentName: longText(200),
    pupilName: longText(200),
    agreedOn: isoDate.nullable(),
    signatory: longText(200),
    signatoryPosition: longText(200),
  }),
});
export type PlanContent = z.infer<typeof PlanContentSchema>;

/** A step is part time when it attends fewer than the ten sessions of a week (C2 on the others). */
export function isPartTime(s: Pick<PlanStep, 'attends'>): boolean {
  return new Set(s.attends.map((a) => `${a.weekday}${a.session}`)).size < 10;
}

/** Where the pupil's casework timeline reads from. Another area adds its source here and in the core's reader list. */
export const TIMELINE_SOURCES = [
  'barrier',
  'meeting',
  'action',
  'referral',
  'joint',
  'plan',
  'plan_review',
  'plan_export',
  'letter',
  'contact',
  'leave',
  'notice',
] as const;
export type TimelineSource = (typeof TIMELINE_SOURCES)[number];
export const TIMELINE_SOURCE_LABELS: Record<TimelineSource, string> = {
  barrier: 'Barrier',
  meeting: 'Meeting',
  action: 'Action',
  referral: 'Referral',
  joint: 'LA joint approach',
  plan: 'Reintegration plan',
  plan_review: 'Plan review',
  plan_export: 'Plan exported',
  letter: 'Letter',
  contact: 'Call or contact',
  leave: 'Leave decision',
  notice: 'Notice',
};
