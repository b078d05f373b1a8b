// Channels of the figures area, merged into the contract in shared/contract.ts: the attendance lead's dashboard
// (aggregates only, so governors may read it), the reference figures, the band list with movement, the
// penalty-notice tracker and register of notices, the statutory follow-up lists and their CSV exports.
import { z } from 'zod';
import { ch, STAFF, ALL } from '../contract-core';
import { YEAR_GROUPS, isoDate } from '../pupil';
import { BREAKDOWN_DIMENSIONS, COHORT_FLAGS } from '../breakdowns';

const BandSchema = z.enum(['severe', 'persistent', 'at_risk', 'expected']);
export const SessionSchema = z.enum(['AM', 'PM']);
/** A percentage, or null where there is nothing to divide by. */
export const pct = z.number().nullable();
export const int = z.number().int();

/** The per-pupil figures of docs/rules/statistics.md §3–7, exactly the `report pupils` row. */
export const PupilStatsSchema = z.object({
  upn: z.string(),
  possible: int,
  present: int,
  attended: int,
  authorised: int,
  unauthorised: int,
  attendancePct: pct,
  absencePct: pct,
  band: BandSchema.nullable(),
  lateBeforeClose: int,
  lateAfterClose: int,
  minutesLate: int,
  illnessSessions: int,
  penaltySessionsMaxWindow: int,
  penaltyThresholdFirstMet: z.string().nullable(),
  longestUnauthorisedRunSessions: int,
  overdueN: int,
});

/** The school block of `report pupils` (docs/rules/statistics.md §5), exactly its fields. */
export const SchoolBlockSchema = z.object({
  pupils: int,
  possible: int,
  attended: int,
  authorised: int,
  unauthorised: int,
  absencePct: pct,
  persistentPct: pct,
  severePct: pct,
  persistentCount: int,
  severeCount: int,
});
/** The school block with the attendance and split rates, as the dashboard shows them. */
export const SchoolRatesSchema = SchoolBlockSchema.extend({
  attendancePct: pct,
  authorisedPct: pct,
  unauthorisedPct: pct,
});

export const ReferenceFigureSchema = z.object({
  /** 'shipped:<id>' for the national table shipped with the app, 'school:<n>' for a row the school added or edited. */
  key: z.string(),
  shippedId: z.string().nullable(),
  schoolId: int.nullable(),
  origin: z.enum(['shipped', 'edited', 'school']),
  period: z.string(),
  area: z.string(),
  dataKind: z.enum(['census', 'daily', 'local']),
  overall: pct,
  authorised: pct,
  unauthorised: pct,
  persistent: pct,
  severe: pct,
  primary: pct,
  secondary: pct,
  special: pct,
  source: z.string(),
  hidden: z.boolean(),
});

const fig = z.number().min(0).max(100).nullable();
export const ReferenceFigureInput = z.object({
  /** Edit a row the school saved before. */
  schoolId: int.optional(),
  /** Edit (or hide) a row of the shipped national table; the shipped file itself is never changed. */
  shippedId: z.string().max(60).optional(),
  period: z.string().trim().min(1, 'say which period and data the figures are for').max(200),
  area: z.string().trim().min(1, 'say which area (England, the local authority …)').max(100),
  dataKind: z.enum(['census', 'daily', 'local']),
  overall: fig,
  authorised: fig,
  unauthorised: fig,
  persistent: fig,
  severe: fig,
  primary: fig,
  secondary: fig,
  special: fig,
  source: z.string().trim().min(1, 'name the source (publication, release or LA report)').max(300),
  hidden: z.boolean().optional(),
});

/** A cohort cell: figures about at least 5 pupils, or suppressed ("fewer than 5", docs/rules/letters.md §2).
 */
export const CohortCellSchema = z.object({
  suppressed: z.boolean(),
  pupils: int.nullable(),
  absencePct: pct,
  persistentPct: pct,
});

/** The dimensions of a breakdown, in order (one definition: shared/breakdowns.ts). */
export const COHORT_DIMENSIONS = BREAKDOWN_DIMENSIONS;

export const DashboardSchema = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  today: z.string(),
  todayStrip: z.object({
    date: z.string(),
    isSchoolDay: z.boolean(),
    /** Registers due today so far (each registration group, AM and PM) and how many were taken. */
    registersDue: int,
    registersTaken: int,
    registersNotTaken: int,
    /** Sessions of pupils on roll marked today, out of those expected (day pupils on roll × 2: boarders have no register). */
    sessionsMarked: int,
    sessionsExpected: int,
    unexplainedPupils: int,
    unexplainedSessions: int,
  }),
  ytd: z.object({ label: z.string(), all: SchoolRatesSchema, dfeCohort: SchoolRatesSchema }),
  reference: z.array(ReferenceFigureSchema),
  weekly: z.array(
    z.object({
      weekStart: z.string(),
      possible: int,
      attended: int,
      absence: int,
      attendancePct: pct,
      absencePct: pct,
      /** Persistent-absence rate over [from, the end of this week] (the year-to-date figure as it stood then). */
      persistentPct: pct,
      persistentCount: int,
      pupils: int,
    }),
  ),
  reasons: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      category: z.enum(['authorised', 'unauthorised']),
      sessions: int,
    }),
  ),
  reasonTotals: z.object({ authorised: int, unauthorised: int }),
  lateness: z.object({ lateBeforeClose: int, lateAfterClose: int, minutesLate: int }),
  cohorts: z.array(
    z.object({
      dimension: z.enum(COHORT_DIMENSIONS),
      label: z.string(),
      rows: z.array(
        z.object({
          /** The group's key (docs/rules/statistics.md §9): the year group, the registration group, the sex
           * letter or `yes`. */
          key: z.string(),
          label: z.string(),
          group: CohortCellSchema,
          rest: CohortCellSchema,
          absenceGap: pct,
          persistentGap: pct,
        }),
      ),
    }),
  ),
});

const Filters = {
  yearGroup: z.enum(YEAR_GROUPS).optional(),
  regGroup: z.string().max(40).optional(),
  sex: z.enum(['M', 'F']).optional(),
  flag: z.enum(COHORT_FLAGS).optional(),
  band: z.enum(['severe', 'persistent', 'at_risk', 'expected', 'pa']).optional(),
};
export const BandsInput = z.object({
  from: isoDate,
  to: isoDate,
  asOf: isoDate.optional(),
  since: isoDate.optional(),
  ...Filters,
});
export const MOVEMENTS = [
  'entered_severe',
  'entered_persistent',
  'left_severe',
  'left_persistent',
  'new',
] as const;
const BandRow = z.object({
  pupilId: int,
  upn: z.string(),
  name: z.string(),
  yearGroup: z.string(),
  regGroup: z.string(),
  figures: PupilStatsSchema,
  band: BandSchema.nullable(),
  bandAtSince: BandSchema.nullable(),
  movement: z.enum(MOVEMENTS).nullable(),
  /** The pupil's stage on the letter ladder, supplied by the letters area when it exists (null until then). */
  /** The letter ladder (issue 7): stage from letters sent and meetings held, and the next step the band calls for. */
  ladderStage: z.object({ stage: z.string(), label: z.string(), nextStep: z.string().nullable() }).nullable(),
});

export const PupilRef = {
  pupilId: int,
  upn: z.string(),
  name: z.string(),
  yearGroup: z.string(),
  regGroup: z.string(),
};
export const TrackerInput = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const StatutoryInput = z.object({ asOf: isoDate.optional() });
export const NoticeKind = z.enum(['notice_to_improve', 'penalty_notice']);
export const NoticeStatus = z.enum(['issued', 'paid', 'unpaid', 'withdrawn', 'prosecuted']);

export const EXPORT_LISTS = ['bands', 'penalty', 'continuous', 'deletion', 'sickness', 'overdueN'] as const;

export const figuresChannels = {
  'figures.dashboard': ch(
    z.object({ from: isoDate.optional(), to: isoDate.optional(), asOf: isoDate.optional() }),
    DashboardSchema,
    [...STAFF, 'governor'],
  ),
  'figures.national.list': ch(
    z.object({ includeHidden: z.boolean().optional() }),
    z.object({ rows: z.array(ReferenceFigureSchema), note: z.string() }),
    ALL,
  ),
  'figures.national.save': ch(ReferenceFigureInput, z.object({ schoolId: int }), ['lead', 'head', 'admin'], {
    write: true,
  }),
  'figures.bands': ch(
    BandsInput,
    z.object({
      from: z.string(),
      to: z.string(),
      asOf: z.string(),
      since: z.string().nullable(),
      counts: z.object({ severe: int, persistent: int, at_risk: int, expected: int, none: int }),
      movement: z.object({
        enteredPersistent: int,
        leftPersistent: int,
        enteredSevere: int,
        leftSevere: int,
      }),
      rows: z.array(BandRow),
      regGroups: z.array(z.string()),
    }),
    STAFF,
  ),
  'figures.statutoryLists': ch(
    StatutoryInput,
    z.object({
      asOf: z.string(),
      yearFrom: z.string(),
      continuous: z.array(
        z.object({
          ...PupilRef,
          runSessions: int,
          runFrom: z.string(),
          runTo: z.string(),
          ongoing: z.boolean(),
          attendanceReturnSent: z.string().nullable(),
        }),
      ),
      deletionReview: z.array(
        z.object({
          ...PupilRef,
          runSessions: int,
          runFrom: z.string(),
          runTo: z.string(),
          ongoing: z.boolean(),
          socialWorker: z.boolean(),
        }),
      ),
      sickness: z.array(
        z.object({ ...PupilRef, illnessSessions: int, sicknessReturnSent: z.string().nullable() }),
      ),
      overdueN: z.array(
        z.object({ ...PupilRef, date: z.string(), session: SessionSchema, schoolDaysSince: int }),
      ),
    }),
    STAFF,
  ),
  'figures.exportCsv': ch(
    z.discriminatedUnion('list', [
      BandsInput.extend({ list: z.literal('bands') }),
      TrackerInput.extend({ list: z.literal('penalty') }),
      StatutoryInput.extend({ list: z.enum(['continuous', 'deletion', 'sickness', 'overdueN']) }),
    ]),
    z.object({ csv: z.string(), filename: z.string(), rows: int }),
    STAFF,
  ),
} as const;
