// The reports area's channels: one pupil's figures (docs/rules/statistics.md).
import { z } from 'zod';
import { isoDate } from '../pupil';
import { STAFF, ch } from '../contract-core';

export const reportsChannels = {
  'reports.pupilFigures': ch(
    z.object({ pupilId: z.number().int(), from: isoDate, to: isoDate, asOf: isoDate.optional() }),
    z.object({
      from: z.string(),
      to: z.string(),
      asOf: z.string(),
      figures: z.object({
        upn: z.string(),
        possible: z.number().int(),
        present: z.number().int(),
        attended: z.number().int(),
        authorised: z.number().int(),
        unauthorised: z.number().int(),
        attendancePct: z.number().nullable(),
        absencePct: z.number().nullable(),
        band: z.enum(['severe', 'persistent', 'at_risk', 'expected']).nullable(),
        lateBeforeClose: z.number().int(),
        lateAfterClose: z.number().int(),
        minutesLate: z.number().int(),
        illnessSessions: z.number().int(),
        penaltySessionsMaxWindow: z.number().int(),
        penaltyThresholdFirstMet: z.string().nullable(),
        longestUnauthorisedRunSessions: z.number().int(),
        overdueN: z.number().int(),
      }),
    }),
    STAFF,
  ),
} as const;
