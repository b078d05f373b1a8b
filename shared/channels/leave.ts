// Channels of the leave area (leave of absence, reg 11; docs/rules/leave.md §1), merged into the contract.
// The office takes requests in; the head (or a person the head authorises) decides; decisions are append-only.
import { z } from 'zod';
import { ch, type Role } from '../contract-core';
import { isoDate } from '../pupil';

/** Intake and reading: office, attendance lead, head. Governors and administrators never see pupil requests. */
const LEAVE_STAFF: Role[] = ['office', 'lead', 'head'];

export const LEAVE_KIND_VALUES = [
  'exceptional',
  'religious_observance',
  'performance_abroad',
  'interview',
  'study_leave',
  'medical',
  'part_time',
] as const;
export type LeaveKind = (typeof LEAVE_KIND_VALUES)[number];
/** Kinds a new request may take: a part-time timetable is now its own record (docs/rules/arrangements.md);
 * part_time stays in LEAVE_KIND_VALUES so decisions already stored keep being read and revised. */
export const LEAVE_KINDS_OFFERED = LEAVE_KIND_VALUES.filter((k) => k !== 'part_time');
export const LEAVE_KIND_LABELS: Record<LeaveKind, string> = {
  exceptional: 'Exceptional circumstances',
  religious_observance: 'Religious observance',
  performance_abroad: 'Licensed performance or permitted employment abroad',
  interview: 'Interview (job or place at another institution)',
  study_leave: 'Study leave for a public examination',
  medical: 'Medical or dental appointment',
  part_time: 'Part-time timetable',
};
/** The code each kind of leave is granted with (codes.csv). Religious observance days are R; extra days are C. */
export const LEAVE_KIND_CODES: Record<LeaveKind, string> = {
  exceptional: 'C',
  religious_observance: 'R',
  performance_abroad: 'C1',
  interview: 'J1',
  study_leave: 'S',
  medical: 'M',
  part_time: 'C2',
};
export const LEAVE_RECEIVED_VALUES = ['letter', 'email', 'form', 'in_person', 'phone'] as const;
export const LEAVE_RECEIVED_LABELS: Record<(typeof LEAVE_RECEIVED_VALUES)[number], string> = {
  letter: 'Letter',
  email: 'Email',
  form: 'School request form',
  in_person: 'In person',
  phone: 'Phone call',
};
export const LEAVE_OUTCOME_VALUES = ['granted', 'part', 'refused'] as const;
export const LEAVE_STATUS_VALUES = ['pending', 'granted', 'part', 'refused'] as const;
/** Evidence files: at most 10 MB each. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

const Sess = z.enum(['AM', 'PM']);
const text = (max: number) => z.string().trim().max(max);
const reasonText = z.string().trim().min(1, 'a reason is required').max(2000);

const RequestRow = z.object({
  id: z.number().int(),
  familyId: z.number().int(),
  pupilId: z.number().int(),
  upn: z.string(),
  pupilName: z.string(),
  regGroup: z.string(),
  yearGroup: z.string(),
  requesterName: z.string(),
  fromDate: z.string(),
  fromSession: Sess,
  toDate: z.string(),
  toSession: Sess,
  kind: z.enum(LEAVE_KIND_VALUES),
  dateReceived: z.string(),
  sessions: z.number().int(),
  days: z.number().int(),
  status: z.enum(LEAVE_STATUS_VALUES),
  warnings: z.number().int(),
  /** The decision in force: who and when, days granted, and how many letters were produced for the request. */
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  daysGranted: z.number().int().nullable(),
  lettersProduced: z.number().int(),
  /** Pending only: decide by this date (5 school days after receipt, and before the leave starts). */
  decideBy: z.string().nullable(),
});

const Warning = z.object({
  kind: z.enum([
    'not_lives_with',
    'not_in_advance',
    'not_compulsory_age',
    'penalty',
    'overlap',
    'marks_exist',
    'observance',
    'part_time',
    'no_school_sessions',
    'decision_due',
  ]),
  message: z.string(),
});

const Decision = z.object({
  id: z.number().int(),
  outcome: z.enum(LEAVE_OUTCOME_VALUES),
  daysGranted: z.number().int(),
  sessionsGranted: z.number().int(),
  code: z.string().nullable(),
  sessions: z.array(z.object({ date: z.string(), session: Sess, code: z.string() })),
  reason: z.string(),
  deciderName: z.string(),
  deciderPosition: z.string(),
  decidedAt: z.string(),
  supersedes: z.number().int().nullable(),
  current: z.boolean(),
  letters: z.array(
    z.object({
      id: z.number().int(),
      fileName: z.string(),
      generatedBy: z.string(),
      generatedAt: z.string(),
    }),
  ),
});

const Proposal = z.object({
  requestId: z.number().int(),
  pupilId: z.number().int(),
  upn: z.string(),
  pupilName: z.string(),
  regGroup: z.string(),
  date: z.string(),
  session: Sess,
  code: z.string(),
  why: z.string(),
});

const DecideInput = z.object({
  requestId: z.number().int(),
  outcome: z.enum(LEAVE_OUTCOME_VALUES),
  /** For a part grant: how many school days (the first ones asked for) are granted. */
  days: z.number().int().min(1).max(400).optional(),
  reason: reasonText,
});

export const leaveChannels = {
  'leave.create': ch(
    z.object({
      pupils: z
        .array(z.object({ pupilId: z.number().int(), requesterContactId: z.number().int().nullable() }))
        .min(1, 'choose at least one pupil')
        .max(10),
      /** Who asked, when no contact of the pupil matches (recorded and warned about). */
      requesterName: text(200).min(1, 'say who asked'),
      howReceived: z.enum(LEAVE_RECEIVED_VALUES),
      dateReceived: isoDate,
      fromDate: isoDate,
      fromSession: Sess,
      toDate: isoDate,
      toSession: Sess,
      kind: z.enum(LEAVE_KIND_VALUES),
      reason: z.string().trim().min(1, "record the parent's reason").max(4000),
      notes: text(4000).nullable().optional(),
      observance: text(200).nullable().optional(),
      religiousBody: text(200).nullable().optional(),
      observanceDays: z.array(isoDate).max(30).optional(),
    }),
    z.object({ familyId: z.number().int(), requestIds: z.array(z.number().int()) }),
    LEAVE_STAFF,
    { write: true },
  ),
  'leave.list': ch(
    z.object({ status: z.enum(LEAVE_STATUS_VALUES).optional(), pupilId: z.number().int().optional() }),
    z.object({ requests: z.array(RequestRow) }),
    LEAVE_STAFF,
  ),
  'leave.queue': ch(z.object({}), z.object({ requests: z.array(RequestRow) }), LEAVE_STAFF, {
    rule: 'leaveDecider',
  }),
  'leave.get': ch(
    z.object({ id: z.number().int() }),
    z.object({
      request: RequestRow.extend({
        requesterContactId: z.number().int().nullable(),
        requesterRelationship: z.string().nullable(),
        requesterLivesWith: z.boolean(),
        howReceived: z.enum(LEAVE_RECEIVED_VALUES),
        reason: z.string(),
        notes: z.string().nullable(),
        observance: z.string().nullable(),
        religiousBody: z.string().nullable(),
        observanceDays: z.array(z.string()),
        createdBy: z.string(),
        createdAt: z.string(),
      }),
      siblings: z.array(
        z.object({ id: z.number().int(), pupilName: z.string(), status: z.enum(LEAVE_STATUS_VALUES) }),
      ),
      compulsoryAge: z.boolean(),
      requested: z.array(
        z.object({ date: z.string(), session: Sess, code: z.string(), mark: z.string().nullable() }),
      ),
      warnings: z.array(Warning),
      figures: z.object({
        from: z.string(),
        to: z.string(),
        possible: z.number().int(),
        attendancePct: z.number().nullable(),
        absencePct: z.number().nullable(),
        unauthorised: z.number().int(),
        band: z.enum(['severe', 'persistent', 'at_risk', 'expected']).nullable(),
        penaltySessionsMaxWindow: z.number().int(),
      }),
      forecast: z.object({
        threshold: z.number().int(),
        now: z.number().int(),
        ifTaken: z.number().int(),
        reachesThreshold: z.boolean(),
        thresholdFirstMet: z.string().nullable(),
        /** ifTaken when the first k school days are granted and the rest taken anyway (index k = 0 … days). */
        byDaysGranted: z.array(z.number().int()),
      }),
      canGrant: z.boolean(),
      cannotGrantBecause: z.array(z.string()),
      decisions: z.array(Decision),
      evidence: z.array(
        z.object({
          id: z.number().int(),
          fileName: z.string(),
          mimeType: z.string(),
          size: z.number().int(),
          sha256: z.string(),
          addedBy: z.string(),
          addedAt: z.string(),
        }),
      ),
      proposals: z.array(Proposal),
      mayDecide: z.boolean(),
    }),
    LEAVE_STAFF,
  ),
  'leave.addEvidence': ch(
    z.object({
      requestId: z.number().int(),
      fileName: text(200).min(1),
      mimeType: text(200).min(1),
      base64: z.string().max(Math.ceil(EVIDENCE_MAX_BYTES / 3) * 4 + 4, 'the file is larger than 10 MB'),
    }),
    z.object({ id: z.number().int(), sha256: z.string(), size: z.number().int() }),
    LEAVE_STAFF,
    { write: true },
  ),
  'leave.evidence': ch(
    z.object({ id: z.number().int() }),
    z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), sha256: z.string() }),
    LEAVE_STAFF,
  ),
  'leave.decide': ch(
    DecideInput,
    z.object({ decisionId: z.number().int(), plannedMarks: z.number().int() }),
    LEAVE_STAFF,
    { write: true, rule: 'leaveDecider' },
  ),
  'leave.revise': ch(
    DecideInput.extend({ supersedes: z.number().int() }),
    z.object({ decisionId: z.number().int(), plannedMarks: z.number().int() }),
    LEAVE_STAFF,
    { write: true, rule: 'leaveDecider' },
  ),
  'leave.gProposals': ch(
    z.object({ requestId: z.number().int().optional() }),
    z.object({ proposals: z.array(Proposal) }),
    LEAVE_STAFF,
  ),
  'leave.confirmG': ch(
    z.object({
      items: z
        .array(z.object({ requestId: z.number().int(), date: isoDate, session: Sess }))
        .min(1)
        .max(500),
      reason: z.string().trim().max(500).optional(),
    }),
    z.object({ amended: z.number().int() }),
    LEAVE_STAFF,
    { write: true },
  ),
  /** Starts the letter through the letters engine; follow it with letters.job, then fetch it with letters.file. */
  'leave.decisionLetter': ch(
    z.object({ decisionId: z.number().int() }),
    z.object({ jobId: z.string(), letters: z.number().int() }),
    LEAVE_STAFF,
    { write: true },
  ),
} as const;
