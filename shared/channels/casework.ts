// Channels of the casework area (support first; docs/rules/casework.md), merged into the contract. The lead and
// the head write; the office reads the timeline with restricted detail removed in the core; governors see counts.
import { z } from 'zod';
import { ch, type Role } from '../contract-core';
import { isoDate } from '../pupil';
import {
  ACTION_OWNERS,
  ACTION_STATUSES,
  BARRIER_RAISERS,
  BARRIER_SIDES,
  BARRIER_STATUSES,
  CASEWORK_READERS,
  CASEWORK_WRITERS,
  MEETING_KINDS,
  PLAN_OUTCOMES,
  PlanContentSchema,
  REFERRAL_KINDS,
  TIMELINE_SOURCES,
} from '../casework';
import { planTemplateChannels } from './casework-template';

const W = { write: true };
const id = z.number().int();
const pupilId = z.object({ pupilId: id });
const longText = (max = 4000) => z.string().trim().max(max);
const req = (what: string, max = 500) => z.string().trim().min(1, `${what} is required`).max(max);
const okId = z.object({ id });
const COUNT_READERS: Role[] = ['lead', 'head', 'governor'];

const Category = z.object({
  code: z.string(),
  label: z.string(),
  usually: z.enum(BARRIER_SIDES),
  restricted: z.boolean(),
  builtIn: z.boolean(),
});

/** A barrier as the caller may see it: restricted ones carry no description for the office. */
const Barrier = z.object({
  id,
  category: z.string(),
  categoryLabel: z.string(),
  side: z.enum(BARRIER_SIDES),
  description: z.string().nullable(),
  raisedBy: z.enum(BARRIER_RAISERS),
  raisedByName: z.string().nullable(),
  foundOn: z.string(),
  status: z.enum(BARRIER_STATUSES),
  closedOn: z.string().nullable(),
  restricted: z.boolean(),
  /** True when the caller may not read the detail (it was removed in the core). */
  hidden: z.boolean(),
  actionIds: z.array(id),
});

const Action = z.object({
  id,
  what: z.string(),
  ownerKind: z.enum(ACTION_OWNERS),
  ownerName: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(ACTION_STATUSES),
  doneOn: z.string().nullable(),
  statusNote: z.string().nullable(),
  meetingId: id.nullable(),
  barrierId: id.nullable(),
  planId: id.nullable(),
  overdue: z.boolean(),
});

const Meeting = z.object({
  id,
  kind: z.enum(MEETING_KINDS),
  date: z.string(),
  attendees: z.string(),
  pupilView: z.string().nullable(),
  parentView: z.string().nullable(),
  notes: z.string().nullable(),
  nextReview: z.string().nullable(),
  planId: id.nullable(),
  barrierIds: z.array(id),
  actionIds: z.array(id),
  recordedBy: z.string(),
});

const Referral = z.object({
  id,
  kind: z.enum(REFERRAL_KINDS),
  service: z.string(),
  madeOn: z.string(),
  leadPractitioner: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeOn: z.string().nullable(),
});

const Joint = z.object({
  id,
  agreedOn: z.string(),
  laOfficer: z.string(),
  agreedPlan: z.string(),
  nextReview: z.string().nullable(),
  considered: z.string().nullable(),
  recordedBy: z.string(),
});

const PlanSummary = z.object({
  id,
  startOn: z.string(),
  status: z.enum(['open', 'closed']),
  version: z.number().int(),
  outcome: z.enum(PLAN_OUTCOMES).nullable(),
  outcomeOn: z.string().nullable(),
  keyAdult: z.string(),
  nextReview: z.string().nullable(),
});

const TimelineItem = z.object({
  source: z.enum(TIMELINE_SOURCES),
  /** ISO date (or date-time) the item happened: the list is newest first. */
  at: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  by: z.string().nullable(),
  refId: id.nullable(),
  restricted: z.boolean(),
});

const Figures = z.object({
  from: z.string(),
  to: z.string(),
  possible: z.number().int(),
  attended: z.number().int(),
  present: z.number().int(),
  authorised: z.number().int(),
  unauthorised: z.number().int(),
  attendancePct: z.number().nullable(),
  lateBeforeClose: z.number().int(),
  lateAfterClose: z.number().int(),
});

const Week = z.object({
  monday: z.string(),
  possible: z.number().int(),
  attended: z.number().int(),
  late: z.number().int(),
  attendancePct: z.number().nullable(),
  measures: z.array(
    z.object({ kind: z.string(), value: z.number().nullable(), met: z.boolean().nullable() }),
  ),
});

const Version = z.object({
  version: z.number().int(),
  changeSummary: z.string(),
  changedBy: z.string(),
  changedAt: z.string(),
  content: PlanContentSchema,
});

const DueItem = z.object({
  kind: z.enum(['plan_review', 'checkin', 'action', 'joint_missing', 'joint_review', 'no_support']),
  pupilId: id,
  pupilName: z.string(),
  regGroup: z.string(),
  due: z.string().nullable(),
  overdue: z.boolean(),
  what: z.string(),
  refId: id.nullable(),
});

const ActionInput = z.object({
  what: req('what is to be done'),
  ownerKind: z.enum(ACTION_OWNERS),
  ownerName: longText(200).nullable().optional(),
  dueOn: isoDate,
});

const PatternRow = z.object({ label: z.string(), sessions: z.number().int() });

export const caseworkChannels = {
  'casework.categories': ch(z.object({}), z.object({ categories: z.array(Category) }), CASEWORK_READERS),
  'casework.addCategory': ch(
    z.object({
      label: req('a name for the category', 120),
      usually: z.enum(BARRIER_SIDES),
      restricted: z.boolean(),
    }),
    z.object({ code: z.string() }),
    CASEWORK_WRITERS,
    W,
  ),
  'casework.pupil': ch(
    pupilId,
    z.object({
      pupilName: z.string(),
      barriers: z.array(Barrier),
      meetings: z.array(Meeting),
      actions: z.array(Action),
      referrals: z.array(Referral),
      joint: z.array(Joint),
      plans: z.array(PlanSummary),
      severe: z.boolean(),
      timeline: z.array(TimelineItem),
    }),
    CASEWORK_READERS,
  ),
  'casework.addBarrier': ch(
    z.object({
      pupilId: id,
      category: z.string().min(1).max(60),
      side: z.enum(BARRIER_SIDES),
      description: req('a description'),
      raisedBy: z.enum(BARRIER_RAISERS),
      raisedByName: longText(200).nullable().optional(),
      foundOn: isoDate,
    }),
    okId,
    CASEWORK_WRITERS,
    W,
  ),
  'casework.updateBarrier': ch(
    z.object({
      id,
      status: z.enum(BARRIER_STATUSES),
      closedOn: isoDate.nullable().optional(),
      description: req('a description').optional(),
    }),
    z.object({ ok: z.literal(true) }),
    CASEWORK_WRITERS,
    W,
  ),
  'casework.addMeeting': ch(
    z.object({
      pupilId: id,
      kind: z.enum(MEETING_KINDS),
      date: isoDate,
      attendees: req('who attended'),
      pupilView: longText().nullable().optional(),
      parentView: longText().nullable().optional(),
      notes: longText().nullable().optional(),
      nextReview: isoDate.nullable().optional(),
      planId: id.nullable().optional(),
      barrierIds: z.array(id).max(50).default([]),
      actions: z.array(ActionInput).max(20).default([]),
    }),
    z.object({ id, actionIds: z.array(id) }),
    CASEWORK_WRITERS,
    W,
  ),
  'casework.addAction': ch(
    ActionInput.extend({
      pupilId: id,
      barrierId: id.nullable().optional(),
      planId: id.nullable().optional(),
    }),
    okId,
    CASEWORK_WRITERS,
    W,
  ),
  'casework.setAction': ch(
    z.object({
      id,
      status: z.enum(ACTION_STATUSES),
      on: isoDate.nullable().optional(),
      note: longText(500).nullable().optional(),
    }),
    z.object({ ok: z.literal(true) }),
    CASEWORK_WRITERS,
    W,
  ),
  'casework.addReferral': ch(
    z.object({
      pupilId: id,
      kind: z.enum(REFERRAL_KINDS),
      service: req('the service'),
      madeOn: isoDate,
      leadPractitioner: longText(200).nullable().optional(),
    }),
    okId,
    CASEWORK_WRITERS,
    W,
  ),
  'casework.referralOutcome': ch(
    z.object({ id, outcome: req('the outcome'), outcomeOn: isoDate }),
    z.object({ ok: z.literal(true) }),
    CASEWORK_WRITERS,
    W,
  ),
  'casework.addJoint': ch(
    z.object({
      pupilId: id,
      agreedOn: isoDate,
      laOfficer: req('the LA officer', 200),
      agreedPlan: req('the agreed plan', 4000),
      nextReview: isoDate.nullable().optional(),
      considered: longText().nullable().optional(),
    }),
    okId,
    CASEWORK_WRITERS,
    W,
  ),
  'casework.patterns': ch(
    z.object({ pupilId: id, from: isoDate, to: isoDate }),
    z.object({
      pupilName: z.string(),
      from: z.string(),
      to: z.string(),
      figures: Figures,
      byReason: z.array(PatternRow.extend({ code: z.string() })),
      byWeekday: z.array(
        z.object({
          weekday: z.number().int(),
          label: z.string(),
          amPossible: z.number().int(),
          amAbsent: z.number().int(),
          pmPossible: z.number().int(),
          pmAbsent: z.number().int(),
        }),
      ),
      lateness: z.object({
        beforeClose: z.number().int(),
        afterClose: z.number().int(),
        minutes: z.number().int(),
      }),
      spells: z.array(
        z.object({ from: z.string(), to: z.string(), sessions: z.number().int(), codes: z.string() }),
      ),
      trend: z.array(
        z.object({ month: z.string(), possible: z.number().int(), attendancePct: z.number().nullable() }),
      ),
    }),
    CASEWORK_READERS,
  ),
  'casework.plan.get': ch(
    z.object({ planId: id }),
    z.object({
      plan: PlanSummary.extend({
        pupilId: id,
        pupilName: z.string(),
        outcomeNote: z.string().nullable(),
        content: PlanContentSchema,
        endOn: z.string(),
      }),
      versions: z.array(Version),
      reviews: z.array(
        z.object({
          id,
          reviewedOn: z.string(),
          attendees: z.string(),
          notes: z.string(),
          changes: z.string().nullable(),
          nextReview: z.string().nullable(),
          recordedBy: z.string(),
        }),
      ),
      checkins: z.array(z.object({ id, checkedOn: z.string(), note: z.string().nullable(), by: z.string() })),
      actions: z.array(Action),
      before: Figures,
      during: Figures,
      after: Figures.nullable(),
      weeks: z.array(Week),
      plannedC2: z.number().int(),
      exports: z.array(
        z.object({
          id,
          version: z.number().int(),
          fileName: z.string(),
          at: z.string(),
          by: z.string(),
          template: z.string(),
        }),
      ),
    }),
    CASEWORK_READERS,
  ),
  'casework.plan.create': ch(
    z.object({ pupilId: id, startOn: isoDate, content: PlanContentSchema }),
    z.object({ id, plannedC2: z.number().int() }),
    CASEWORK_WRITERS,
    W,
  ),
  'casework.plan.revise': ch(
    z.object({ planId: id, content: PlanContentSchema, changeSummary: req('what changed') }),
    z.object({ version: z.number().int(), plannedC2: z.number().int() }),
    CASEWORK_WRITERS,
    W,
  ),
  'casework.plan.review': ch(
    z.object({
      planId: id,
      reviewedOn: isoDate,
      attendees: req('who attended'),
      notes: req('notes of the review', 4000),
      changes: longText().nullable().optional(),
      nextReview: isoDate.nullable().optional(),
    }),
    okId,
    CASEWORK_WRITERS,
    W,
  ),
  'casework.plan.checkin': ch(
    z.object({ planId: id, checkedOn: isoDate, note: longText(1000).nullable().optional() }),
    okId,
    CASEWORK_WRITERS,
    W,
  ),
  'casework.plan.close': ch(
    z.object({
      planId: id,
      outcome: z.enum(PLAN_OUTCOMES),
      outcomeOn: isoDate,
      note: req('a note on the outcome', 2000),
    }),
    z.object({ ok: z.literal(true) }),
    CASEWORK_WRITERS,
    W,
  ),
  'casework.plan.export': ch(
    z.object({ planId: id }),
    z.object({ id, fileName: z.string(), base64: z.string() }),
    CASEWORK_WRITERS,
    W,
  ),
  'casework.due': ch(
    z.object({ mine: z.boolean().optional() }),
    z.object({ asOf: z.string(), items: z.array(DueItem), counts: z.record(z.string(), z.number().int()) }),
    CASEWORK_WRITERS,
  ),
  'casework.severeWithoutJoint': ch(
    z.object({ pupilIds: z.array(id).max(5000) }),
    z.object({ pupilIds: z.array(id) }),
    CASEWORK_READERS,
  ),
  'casework.counts': ch(
    z.object({ from: isoDate, to: isoDate }),
    z.object({
      plansOpened: z.number().int(),
      plansClosed: z.record(z.string(), z.number().int()),
      meetings: z.number().int(),
      referrals: z.number().int(),
      actionsDone: z.number().int(),
      actionsOverdue: z.number().int(),
      severeWithoutJoint: z.number().int(),
    }),
    COUNT_READERS,
  ),
  ...planTemplateChannels,
} as const;
