// Picking an unfinished batch of letters up again: the letters not yet made are planned again from the batch's
// kept plan (batch-plan.ts), each keeping its reference and file name; a letter whose pupil has left or is gone,
// or whose family's contacts have changed, is a problem naming the pupil instead.
import type { Ctx } from '../context';
import type { Household } from './letter-data';
import { planLetters, type LeftOut, type Plan } from './letter-plan';
import { batchTemplate } from './batch-template';
import type { JobProblem } from './jobs';
import { formatUkDate, type IsoDate } from '../../../shared/dates';
import { leavingDates } from './batch-rows';
import type { BatchParams, BatchRow, PlannedLetter } from './batch-plan';

const sameHousehold = (a: { key: string; names: string[] }, b: { key: string; names: string[] }) => {
  const names = (x: string[]) =>
    x
      .map((n) => n.toLowerCase())
      .sort()
      .join('|');
  return a.key === b.key && names(a.names) === names(b.names);
};

/** The letters of a batch still to make, planned again: each with its planned reference, or a problem. */
export function replan(
  ctx: Ctx,
  row: BatchRow,
  params: BatchParams,
  todo: PlannedLetter[],
): { plan: Plan | null; problems: JobProblem[] } {
  const db = ctx.store.db;
  const bp = params.plan!;
  const pupils = leavingDates(db, [...new Set(todo.flatMap((l) => [l.pupilId, ...l.siblingIds]))]);
  const { rest, problems } = stillOnRoll(todo, pupils);
  if (!rest.length) {
    return { plan: null, problems };
  }
  const wanted = new Map(rest.map((l) => [l.reference, l]));
  const plan = planLetters(
    ctx,
    {
      template: row.template,
      pupilIds: [...new Set(rest.flatMap((l) => [l.pupilId, ...l.siblingIds]))].filter((id) =>
        pupils.has(id),
      ),
      from: bp.period.from,
      to: bp.period.to,
      asOf: bp.period.asOf,
      letterDate: bp.letterDate,
      extra: params.extra,
      overrideReason: params.overrideReason,
      overrideReasons: params.overrideReasons,
    },
    {
      batchId: row.id,
      template: batchTemplate(db, row.template, bp.templateSha256),
      referenceFor: (pupilId: number, hh: Household) =>
        rest.find(
          (l) => sameHousehold(l.household, hh) && (l.pupilId === pupilId || l.siblingIds.includes(pupilId)),
        )?.reference,
    },
  );
  const seen = new Set<string>();
  plan.plans = plan.plans.filter((p) => {
    const l = wanted.get(p.reference);
    if (!l || seen.has(p.reference)) {
      return false;
    }
    seen.add(p.reference);
    p.fileName = l.fileName;
    return true;
  });
  problems.push(...notPlannedAgain(rest, seen, plan.leftOut));
  return { plan, problems };
}

/** The letters whose pupils are still on the list and have not left since the batch was asked for, and a problem
 * for each of the others. */
function stillOnRoll(todo: PlannedLetter[], pupils: Map<number, IsoDate | null>) {
  const problems: JobProblem[] = [];
  const rest: PlannedLetter[] = [];
  for (const l of todo) {
    const left = pupils.get(l.pupilId);
    if (!pupils.has(l.pupilId)) {
      problems.push({ pupilId: l.pupilId, name: l.name, reason: 'is no longer on the list of pupils' });
    } else if (left && left !== l.leavingDate) {
      problems.push({
        pupilId: l.pupilId,
        name: l.name,
        reason: `has left the school (leaving date ${formatUkDate(left)}) since the letters were asked for`,
      });
    } else {
      rest.push(l);
    }
  }
  return { rest, problems };
}

/** A problem for each letter the new plan no longer makes: the reason it was left out, or the family's changed
 * contacts. */
function notPlannedAgain(rest: PlannedLetter[], seen: Set<string>, leftOut: LeftOut[]): JobProblem[] {
  const problems: JobProblem[] = [];
  for (const l of rest) {
    if (seen.has(l.reference)) {
      continue;
    }
    const lo = leftOut.find((x) => x.pupilId === l.pupilId || l.siblingIds.includes(x.pupilId));
    problems.push({
      pupilId: l.pupilId,
      name: l.name,
      reason: lo
        ? lo.reason
        : `the letter to ${l.household.names.join(' and ')} can no longer be made: ` +
          "the family's contacts have changed since the letters were asked for",
    });
  }
  return problems;
}
