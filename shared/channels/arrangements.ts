// Channels of the arrangements area (docs/rules/arrangements.md): part-time (reduced) timetables (C2) and
// flexi-schooling agreements (C), the agreed arrangements that change which sessions a pupil is expected at.
// Each keeps an append-only history: pattern changes from a date, reviews (which alone extend it) and an outcome.
// The kinds, reasons, outcomes, CME steps and the weekly pattern they use are in shared/arrangements.ts.
import { z } from 'zod';
import {
  ARRANGEMENT_KINDS,
  ARRANGEMENT_OUTCOMES,
  ARRANGEMENT_STATUSES,
  CME_STEPS,
  CME_TRIGGERS,
  CONTRACT_EVENTS,
  CONTRACT_OUTCOMES,
  Pattern,
  TIMETABLE_REASONS,
} from '../arrangements';
import { ch, type Role } from '../contract-core';
import { isoDate } from '../pupil';
import { healthChannels } from './arrangements-health';

/** Who records and reads arrangements: the attendance lead and the head agree them; the office reads them. */
const READERS: Role[] = ['office', 'lead', 'head'];
const DECIDERS: Role[] = ['lead', 'head'];

const Sess = z.enum(['AM', 'PM']);
const text = (max: number) => z.string().trim().max(max);
const opt = (max: number) => text(max).nullable().optional();

const PatternRow = z.object({ fromDate: z.string(), away: z.array(z.string()), by: z.string() });
const ReviewRow = z.object({
  id: z.number().int(),
  reviewedOn: z.string(),
  notes: z.string(),
  newEndDate: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  meetingId: z.number().int().nullable(),
  by: z.string(),
});

export const ArrangementRow = z.object({
  /** Stored arrangements have their own id; a part-time leave decision shown as a timetable has id null. */
  id: z.number().int().nullable(),
  leaveRequestId: z.number().int().nullable(),
  kind: z.enum(ARRANGEMENT_KINDS),
  pupilId: z.number().int(),
  upn: z.string(),
  pupilName: z.string(),
  yearGroup: z.string(),
  regGroup: z.string(),
  reasonCategory: z.enum(TIMETABLE_REASONS).nullable(),
  reason: z.string(),
  startDate: z.string(),
  /** The end date in force: the agreed end, moved only by a review that extends it, or the outcome's date. */
  endDate: z.string().nullable(),
  agreedEndDate: z.string().nullable(),
  parentName: z.string().nullable(),
  parentAgreedOn: z.string().nullable(),
  socialWorkerToldOn: z.string().nullable(),
  socialWorkerToldHow: z.string().nullable(),
  laToldOn: z.string().nullable(),
  laToldHow: z.string().nullable(),
  approvedBy: z.string(),
  curriculumNotes: z.string().nullable(),
  /** The casework reintegration plan the timetable belongs to. */
  planId: z.number().int().nullable(),
  reviewEveryWeeks: z.number().int(),
  nextReviewOn: z.string().nullable(),
  pattern: z.array(z.string()),
  patterns: z.array(PatternRow),
  reviews: z.array(ReviewRow),
  outcome: z
    .object({ outcome: z.enum(ARRANGEMENT_OUTCOMES), endedOn: z.string(), notes: z.string(), by: z.string() })
    .nullable(),
  status: z.enum(ARRANGEMENT_STATUSES),
  warnings: z.array(z.string()),
});
export type ArrangementRowT = z.infer<typeof ArrangementRow>;

const CmeCase = z.object({
  id: z.number().int(),
  pupilId: z.number().int(),
  pupilName: z.string(),
  openedOn: z.string(),
  trigger: z.enum(CME_TRIGGERS),
  detail: z.string(),
  openedBy: z.string(),
  open: z.boolean(),
  steps: z.array(
    z.object({
      step: z.enum(CME_STEPS),
      doneOn: z.string(),
      outcome: z.string(),
      reference: z.string().nullable(),
      by: z.string(),
    }),
  ),
  /** The joint enquiries not yet on record (labels). */
  missing: z.array(z.string()),
});

const ContractRow = z.object({
  id: z.number().int(),
  pupilId: z.number().int(),
  pupilName: z.string(),
  agreedOn: z.string(),
  parties: z.string(),
  parentCommitments: z.string(),
  pupilCommitments: z.string().nullable(),
  schoolCommitments: z.string(),
  agencyCommitments: z.string().nullable(),
  supportOffered: z.string(),
  reviewDates: z.array(z.string()),
  planId: z.number().int().nullable(),
  createdBy: z.string(),
  events: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(CONTRACT_EVENTS),
      on: z.string(),
      notes: z.string().nullable(),
      fileName: z.string().nullable(),
      letterLogId: z.number().int().nullable(),
      by: z.string(),
    }),
  ),
  outcome: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
});

const CreateInput = z.object({
  pupilId: z.number().int(),
  kind: z.enum(ARRANGEMENT_KINDS),
  reasonCategory: z.enum(TIMETABLE_REASONS).nullable().optional(),
  reason: text(2000).min(1, 'record why the arrangement is agreed'),
  startDate: isoDate,
  /** Required for a part-time timetable (a time limit), optional for flexi-schooling. */
  endDate: isoDate.nullable().optional(),
  away: Pattern.min(1, 'choose at least one session the pupil is not expected in school'),
  parentContactId: z.number().int().nullable().optional(),
  parentName: opt(200),
  parentAgreedOn: isoDate.nullable().optional(),
  socialWorkerToldOn: isoDate.nullable().optional(),
  socialWorkerToldHow: opt(200),
  laToldOn: isoDate.nullable().optional(),
  laToldHow: opt(200),
  curriculumNotes: opt(4000),
  reviewEveryWeeks: z.number().int().min(1).max(12).optional(),
  firstReviewOn: isoDate.nullable().optional(),
  planId: z.number().int().nullable().optional(),
});

export const arrangementsChannels = {
  ...healthChannels,
  'arrangements.list': ch(
    z.object({
      kind: z.enum(ARRANGEMENT_KINDS).optional(),
      pupilId: z.number().int().optional(),
      current: z.boolean().optional(),
    }),
    z.object({ arrangements: z.array(ArrangementRow), today: z.string() }),
    READERS,
  ),
  'arrangements.get': ch(
    z.object({ id: z.number().int() }),
    z.object({ arrangement: ArrangementRow }),
    READERS,
  ),
  'arrangements.create': ch(
    CreateInput,
    z.object({ id: z.number().int(), plannedMarks: z.number().int() }),
    DECIDERS,
    { write: true },
  ),
  /** A new pattern from a date; sessions before it keep the old one. */
  'arrangements.changePattern': ch(
    z.object({ id: z.number().int(), fromDate: isoDate, away: Pattern.min(1) }),
    z.object({ plannedMarks: z.number().int() }),
    DECIDERS,
    { write: true },
  ),
  'arrangements.review': ch(
    z.object({
      id: z.number().int(),
      reviewedOn: isoDate,
      notes: text(4000).min(1, 'record what the review found'),
      newEndDate: isoDate.nullable().optional(),
      nextReviewOn: isoDate.nullable().optional(),
      /** The casework meeting the review was held at. */
      meetingId: z.number().int().nullable().optional(),
    }),
    z.object({ reviewId: z.number().int(), plannedMarks: z.number().int() }),
    DECIDERS,
    { write: true },
  ),
  'arrangements.recordOutcome': ch(
    z.object({
      id: z.number().int(),
      outcome: z.enum(ARRANGEMENT_OUTCOMES),
      endedOn: isoDate,
      notes: text(4000).min(1, 'record why it ended'),
    }),
    z.object({ plannedMarks: z.number().int() }),
    DECIDERS,
    { write: true },
  ),
  'arrangements.recordTold': ch(
    z.object({
      id: z.number().int(),
      who: z.enum(['la', 'social_worker']),
      on: isoDate,
      how: text(200).min(1, 'say how they were told'),
    }),
    z.object({ ok: z.literal(true) }),
    DECIDERS,
    { write: true },
  ),
  'arrangements.due': ch(
    z.object({ today: isoDate.optional() }),
    z.object({
      items: z.array(
        z.object({
          arrangementId: z.number().int(),
          kind: z.enum(ARRANGEMENT_KINDS),
          pupilId: z.number().int(),
          pupilName: z.string(),
          what: z.enum(['review', 'expiry', 'outcome']),
          due: z.string(),
          overdue: z.boolean(),
          message: z.string(),
        }),
      ),
    }),
    READERS,
  ),
  'arrangements.sessions': ch(
    z.object({ id: z.number().int(), from: isoDate.optional(), to: isoDate.optional() }),
    z.object({ sessions: z.array(z.object({ date: z.string(), session: Sess, code: z.string() })) }),
    READERS,
  ),
  /** The LA meeting pack (names: lead and head only, never governors): a Word file made as a job, and a CSV. */
  'arrangements.laPack': ch(
    z.object({ asOf: isoDate.optional() }),
    z.object({ jobId: z.string(), fileName: z.string(), csv: z.string(), pupils: z.number().int() }),
    DECIDERS,
    { write: true },
  ),
  'arrangements.laPackFile': ch(
    z.object({ jobId: z.string().max(100) }),
    z.object({ fileName: z.string(), base64: z.string() }),
    DECIDERS,
  ),
  'arrangements.laMeetingSave': ch(
    z.object({
      heldOn: isoDate,
      officer: text(200).min(1, 'name the LA officer'),
      notes: opt(4000),
      pupils: z
        .array(z.object({ pupilId: z.number().int(), band: opt(20), note: opt(1000) }))
        .min(1, 'add the pupils discussed')
        .max(500),
      actions: z
        .array(
          z.object({
            pupilId: z.number().int(),
            what: text(1000).min(1, 'say what was agreed'),
            ownerKind: z.enum(['pupil', 'parent', 'school', 'agency']),
            ownerName: opt(200),
            dueOn: isoDate,
          }),
        )
        .max(500),
    }),
    z.object({ id: z.number().int(), actions: z.number().int() }),
    DECIDERS,
    { write: true },
  ),
  'arrangements.laMeetings': ch(
    z.object({}),
    z.object({
      meetings: z.array(
        z.object({
          id: z.number().int(),
          heldOn: z.string(),
          officer: z.string(),
          notes: z.string().nullable(),
          pupils: z.array(
            z.object({ pupilId: z.number().int(), name: z.string(), band: z.string().nullable() }),
          ),
          actions: z.array(
            z.object({
              caseworkActionId: z.number().int(),
              pupilName: z.string(),
              what: z.string(),
              dueOn: z.string(),
              status: z.string(),
            }),
          ),
        }),
      ),
    }),
    DECIDERS,
  ),
  'arrangements.cmeList': ch(
    z.object({ pupilId: z.number().int().optional() }),
    z.object({ cases: z.array(CmeCase) }),
    READERS,
  ),
  'arrangements.cmeOpen': ch(
    z.object({
      pupilId: z.number().int(),
      trigger: z.enum(CME_TRIGGERS),
      detail: text(2000).min(1, 'say why'),
    }),
    z.object({ id: z.number().int() }),
    READERS,
    { write: true },
  ),
  /** The pupils a CME case should open for now (10 school days of unauthorised absence, or not back 10 school
   * days after leave), with no open case and none opened since: the due list of the CME page. */
  'arrangements.cmeProposals': ch(
    z.object({}),
    z.object({
      proposals: z.array(
        z.object({
          pupilId: z.number().int(),
          pupilName: z.string(),
          trigger: z.enum(CME_TRIGGERS),
          since: z.string(),
          detail: z.string(),
        }),
      ),
    }),
    READERS,
  ),
  /** Opens a case for every pupil proposed by arrangements.cmeProposals. */
  'arrangements.cmeScan': ch(z.object({}), z.object({ opened: z.array(z.string()) }), READERS, {
    write: true,
  }),
  'arrangements.cmeStep': ch(
    z.object({
      caseId: z.number().int(),
      step: z.enum(CME_STEPS),
      doneOn: isoDate,
      outcome: text(2000).min(1, 'record what happened'),
      reference: opt(200),
    }),
    z.object({ id: z.number().int() }),
    READERS,
    { write: true },
  ),
  /** What the deletion screen shows for a ground: whether enquiries are needed, the case, and what is missing. */
  'arrangements.cmeForDeletion': ch(
    z.object({ pupilId: z.number().int(), ground: z.string().max(40) }),
    z.object({ needed: z.boolean(), case: CmeCase.nullable(), missing: z.array(z.string()) }),
    READERS,
  ),
  'arrangements.contracts': ch(
    z.object({ pupilId: z.number().int().optional() }),
    z.object({ contracts: z.array(ContractRow) }),
    READERS,
  ),
  'arrangements.contractCreate': ch(
    z.object({
      pupilId: z.number().int(),
      agreedOn: isoDate,
      parties: text(1000).min(1, 'name the parties'),
      parentCommitments: text(4000).min(1, 'record what the parents commit to'),
      pupilCommitments: opt(4000),
      schoolCommitments: text(4000).min(1, 'record what the school commits to'),
      agencyCommitments: opt(4000),
      supportOffered: text(4000).min(1, 'record the support offered, and by whom'),
      reviewDates: z.array(isoDate).min(1, 'set at least one review date').max(12),
      planId: z.number().int().nullable().optional(),
    }),
    z.object({ id: z.number().int() }),
    DECIDERS,
    { write: true },
  ),
  'arrangements.contractEvent': ch(
    z.object({
      contractId: z.number().int(),
      kind: z.enum(['review', 'outcome']),
      on: isoDate,
      notes: text(4000).min(1, 'record what happened'),
      outcome: z.enum(CONTRACT_OUTCOMES).optional(),
    }),
    z.object({ id: z.number().int() }),
    DECIDERS,
    { write: true },
  ),
  /** The signed copy, scanned or photographed: at most 10 MB. */
  'arrangements.contractSignedCopy': ch(
    z.object({
      contractId: z.number().int(),
      fileName: text(200).min(1),
      mimeType: text(200).min(1),
      base64: z.string().max(Math.ceil((10 * 1024 * 1024) / 3) * 4 + 4, 'the file is larger than 10 MB'),
    }),
    z.object({ id: z.number().int(), sha256: z.string() }),
    READERS,
    { write: true },
  ),
  'arrangements.contractFile': ch(
    z.object({ eventId: z.number().int() }),
    z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
    READERS,
  ),
  /** The contract as a Word document from the attendance-contract template (letters engine, logged). */
  'arrangements.contractLetter': ch(
    z.object({ contractId: z.number().int() }),
    z.object({ jobId: z.string(), letters: z.number().int() }),
    DECIDERS,
    { write: true },
  ),
  /** The agreement letter of one part-time timetable or flexi agreement, filled from its record (logged). */
  'arrangements.agreementLetter': ch(
    z.object({ id: z.number().int() }),
    z.object({ jobId: z.string(), letters: z.number().int() }),
    DECIDERS,
    { write: true },
  ),
  'arrangements.settings': ch(z.object({}), z.object({ reviewEveryWeeks: z.number().int() }), READERS),
  'arrangements.setSettings': ch(
    z.object({ reviewEveryWeeks: z.number().int().min(1).max(12, 'a review at least every 12 weeks') }),
    z.object({ ok: z.literal(true) }),
    ['head'],
    { write: true },
  ),
} as const;
