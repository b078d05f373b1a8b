// The plan a batch of letters keeps in its row (letter_batches.params): every planned letter with its reference,
// addressees and file name, the period, the letter date, the template and who asked, so that the batch can be
// picked up again after a restart of the job runner (batches.ts) and made as it was planned (batch-replan.ts).
import type { Ctx } from '../context';
import type { Plan, LeftOut } from './letter-plan';
import type { JobProblem } from './jobs';
import type { IsoDate } from '../../../shared/dates';
import type { Period } from './letter-data';
import type { batchRow } from './batch-rows';

export interface PlannedLetter {
  reference: string;
  pupilId: number;
  siblingIds: number[];
  name: string;
  household: { key: string; names: string[] };
  fileName: string;
  /** The pupil's leaving date when the batch was planned: one set since means the pupil has left. */
  leavingDate: string | null;
}
export interface BatchPlan {
  period: Period;
  letterDate: IsoDate;
  templateVersion: string;
  templateSha256: string;
  /** Who asked for the batch: the letters made when it is picked up again are theirs. */
  by: { userName: string; position: string; displayName?: string };
  letters: PlannedLetter[];
}
export interface BatchParams {
  template: string;
  extra?: Record<string, string>;
  overrideReason?: string;
  overrideReasons?: Record<string, string>;
  leftOut: LeftOut[];
  /** Absent from batches made before the plan was kept: those are never picked up again. */
  plan?: BatchPlan;
  outcome?: { finishedAt: string; problems: JobProblem[] };
}
export type BatchRow = NonNullable<ReturnType<typeof batchRow>>;

/** The plan kept with a batch's row, from the plan that made it. */
export function batchPlan(ctx: Ctx, plan: Plan): BatchPlan {
  return {
    period: plan.period,
    letterDate: plan.letterDate,
    templateVersion: plan.template.version,
    templateSha256: plan.template.sha256,
    by: {
      userName: ctx.session.userName,
      position: ctx.session.position,
      ...(ctx.session.displayName ? { displayName: ctx.session.displayName } : {}),
    },
    letters: plan.plans.map((p) => ({
      reference: p.reference,
      pupilId: p.pupilId,
      siblingIds: p.siblingIds,
      name: p.name,
      household: { key: p.household.key, names: p.household.names },
      fileName: p.fileName,
      leavingDate: p.data.pupil.leavingDate,
    })),
  };
}
