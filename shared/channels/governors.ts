// Channels of the governors area, merged into the contract in shared/contract.ts: the termly governor report
// (docs/rules/governor-report.md) previewed, drafted and produced by the attendance lead or the head, the
// final reports governors open from their home page, the board's attendance targets and the DfE comparison
// import. Everything here is aggregates only: no pupil's name, UPN or date of birth.
import { int, pct, ReferenceFigureSchema, SchoolBlockSchema } from './figures';
import { z } from 'zod';
import { ch, type Role } from '../contract-core';
import { isoDate } from '../pupil';
import { BREAKDOWN_DIMENSIONS } from '../breakdowns';

/** Who writes the report and records targets: the attendance lead and the head. */
export const REPORT_WRITERS: Role[] = ['lead', 'head'];
/** Who may open the final reports and see the targets. */
export const REPORT_READERS: Role[] = ['lead', 'head', 'governor'];

export { SchoolBlockSchema };
const Blocks = { all: SchoolBlockSchema, dfeCohort: SchoolBlockSchema };
const Span = z.object({ from: z.string(), to: z.string(), ...Blocks });

const Cell = z.object({
  suppressed: z.boolean(),
  pupils: int.nullable(),
  absencePct: pct,
  persistentPct: pct,
});
export const BreakdownSchema = z.object({
  dimension: z.enum(BREAKDOWN_DIMENSIONS),
  label: z.string(),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      group: Cell,
      rest: Cell,
      absenceGap: pct,
      persistentGap: pct,
    }),
  ),
});

export const ActionsSchema = z.object({
  meetingsHeld: z.object({ attendance: int, reintegration: int, contract: int }),
  noticesToImprove: z.object({ issued: int }),
  penaltyNotices: z.object({ issued: int, paid: int, withdrawn: int, prosecuted: int }),
  deletionsByGround: z.array(z.object({ ground: z.string(), label: z.string(), pupils: int })),
  returnsSent: z.object({ attendance: int, sickness: int, deletion: int, newPupil: int }),
  leave: z.object({ decided: int, granted: int, partGranted: int, refused: int }),
  /** From the casework area: support plans, meetings, referrals and actions of the period. */
  casework: z
    .object({
      plansOpened: int,
      plansClosed: int,
      planOutcomes: z.array(z.object({ outcome: z.string(), plans: int })),
      meetings: int,
      referrals: int,
      actionsDone: int,
      /** Actions due in the period that were not done by their date. */
      actionsOverdue: int,
    })
    .nullable(),
  /** From the arrangements area: timetables, flexi-schooling, contracts, CME enquiries and LA meetings. */
  arrangements: z
    .object({
      timetablesAgreed: int,
      timetablesInForce: int,
      timetablesEnded: int,
      /** Reviews of timetables and flexi-schooling past their date at the end of the period. */
      overdueReviews: int,
      flexiAgreed: int,
      flexiInForce: int,
      reviewsHeld: int,
      contractsAgreed: int,
      contractsEnded: int,
      cmeCasesOpened: int,
      cmeReferrals: int,
      laMeetings: int,
      laMeetingActions: int,
    })
    .nullable(),
});

export const COMPLIANCE_STATUSES = ['ok', 'attention', 'not_recorded'] as const;
export const ComplianceSchema = z.object({
  check: z.string(),
  label: z.string(),
  value: z.string(),
  status: z.enum(COMPLIANCE_STATUSES),
});

export const TargetSchema = z.object({
  id: int,
  academicYear: int,
  attendancePct: z.number(),
  persistentPct: z.number(),
  approvedOn: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

/** Every figure the document shows (the `report governors --json` shape is a subset of it). */
export const GovernorFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  schoolName: z.string(),
  headline: z.object(Blocks),
  yearToDate: Span,
  lastYear: Span.nullable(),
  lastYearToDate: Span.nullable(),
  reasons: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      category: z.enum(['authorised', 'unauthorised']),
      sessions: int,
    }),
  ),
  reasonGroups: z.array(z.object({ group: z.string(), sessions: int })),
  lateness: z.object({ lateBeforeClose: int, lateAfterClose: int, minutesLate: int }),
  breakdowns: z.array(BreakdownSchema),
  movement: z.object({ enteredPersistent: int, leftPersistent: int, enteredSevere: int, leftSevere: int }),
  actions: ActionsSchema,
  compliance: z.array(ComplianceSchema),
  weekly: z.array(
    z.object({
      weekStart: z.string(),
      attendancePct: pct,
      persistentPct: pct,
      lastYearAttendancePct: pct,
    }),
  ),
  reference: z.array(
    ReferenceFigureSchema.pick({
      period: true,
      area: true,
      dataKind: true,
      overall: true,
      authorised: true,
      unauthorised: true,
      persistent: true,
      severe: true,
      source: true,
    }).extend({
      /** The same kind of period as the report's (a term beside a term, a year beside a year). */
      matchesPeriod: z.boolean(),
    }),
  ),
  target: TargetSchema.nullable(),
  suggestedMessages: z.array(z.string()),
  questions: z.array(z.string()),
});

/** The board's target as recorded (the screen's form validates with the same schema). */
export const TargetInputSchema = z.object({
  academicYear: int.min(2000).max(2100),
  attendancePct: z
    .number({ message: 'an attendance target is a percentage from 50 to 100' })
    .min(50, 'an attendance target is a percentage from 50 to 100')
    .max(100, 'an attendance target is a percentage from 50 to 100'),
  persistentPct: z
    .number({ message: 'a persistent-absence target is a percentage from 0 to 100' })
    .min(0, 'a persistent-absence target is a percentage from 0 to 100')
    .max(100, 'a persistent-absence target is a percentage from 0 to 100'),
  approvedOn: isoDate,
});

const Period = z.object({ from: isoDate, to: isoDate, asOf: isoDate.optional() });
const Message = z.string().trim().min(1, 'a key message cannot be empty').max(600);
const Messages = z.array(Message).min(1, 'write at least one key message').max(5, 'at most 5 key messages');

const ReportRow = z.object({
  id: int,
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  title: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  producedBy: z.string(),
  producedAt: z.string(),
});

export const governorsChannels = {
  'governors.preview': ch(
    Period,
    z.object({
      figures: GovernorFiguresSchema,
      /** The lead's saved key messages for the period, or the suggested ones when none are saved. */
      keyMessages: z.array(z.string()),
      saved: z.boolean(),
    }),
    REPORT_WRITERS,
  ),
  'governors.saveMessages': ch(
    z.object({ from: isoDate, to: isoDate, keyMessages: Messages }),
    z.object({ ok: z.literal(true) }),
    REPORT_WRITERS,
    { write: true },
  ),
  'governors.produce': ch(
    Period.extend({ keyMessages: Messages, final: z.boolean() }),
    z.object({ jobId: z.string() }),
    REPORT_WRITERS,
    { write: true },
  ),
  'governors.job': ch(
    z.object({ jobId: z.string().max(100) }),
    z.object({
      status: z.enum(['running', 'done', 'failed']),
      done: int,
      total: int,
      step: z.string(),
      error: z.string().nullable(),
      /** The final report kept (null for a draft). */
      reportId: int.nullable(),
      fileName: z.string().nullable(),
      /** A draft's document (finals are opened with governors.file). */
      base64: z.string().nullable(),
    }),
    REPORT_WRITERS,
  ),
  'governors.reports': ch(z.object({}), z.object({ reports: z.array(ReportRow) }), REPORT_READERS),
  'governors.file': ch(
    z.object({ id: int }),
    z.object({ fileName: z.string(), base64: z.string(), sha256: z.string() }),
    REPORT_READERS,
  ),
  'governors.targets': ch(z.object({}), z.object({ targets: z.array(TargetSchema) }), REPORT_READERS),
  'governors.saveTarget': ch(TargetInputSchema, z.object({ id: int }), REPORT_WRITERS, { write: true }),
  'governors.previewDfe': ch(
    z.object({ csv: z.string().max(50_000_000) }),
    z.object({
      /** The school's local authority code the LA rows are matched on (null: only England is read). */
      laCode: z.string().nullable(),
      rows: z.array(
        z.object({
          period: z.string(),
          area: z.string(),
          overall: pct,
          authorised: pct,
          unauthorised: pct,
          persistent: pct,
          severe: pct,
          primary: pct,
          secondary: pct,
          special: pct,
          /** No row is kept for this period and area yet (otherwise the import replaces it). */
          isNew: z.boolean(),
        }),
      ),
    }),
    [...REPORT_WRITERS, 'admin'],
  ),
  'governors.importDfe': ch(
    z.object({ csv: z.string().max(50_000_000), fileName: z.string().max(300).optional() }),
    z.object({ added: int, updated: int, rows: int, areas: z.array(z.string()) }),
    [...REPORT_WRITERS, 'admin'],
    { write: true },
  ),
} as const;
