// The casework and arrangements counts of "actions and impact" (docs/rules/governor-report.md), read through
// those areas' own exported functions (docs/areas.md): this area reads them and never writes them. Counts only:
// the rows those functions return carry names, and none leaves this file.
import type { IsoDate } from '../../../shared/dates';
import { PLAN_OUTCOME_LABELS, PLAN_OUTCOMES } from '../../../shared/casework';
import type { Ctx } from '../context';
import { caseworkCounts } from '../casework/due';
import { arrangementCounts, arrangementsDue } from '../arrangements/queries';
import { listContracts } from '../arrangements/contracts';
import { loadCases } from '../arrangements/cme';
import { listLaMeetings } from '../arrangements/la-meeting';
import type { ActionsSources, ArrangementCounts, CaseworkCounts } from './actions-impact';

const within = (d: string | null | undefined, from: IsoDate, to: IsoDate) =>
  !!d && d.slice(0, 10) >= from && d.slice(0, 10) <= to;

function casework(ctx: Ctx, from: IsoDate, to: IsoDate): CaseworkCounts {
  const c = caseworkCounts(ctx.store.db, from, to);
  return {
    plansOpened: c.plansOpened,
    plansClosed: Object.values(c.plansClosed).reduce((s, n) => s + n, 0),
    planOutcomes: PLAN_OUTCOMES.filter((o) => c.plansClosed[o]).map((o) => ({
      outcome: PLAN_OUTCOME_LABELS[o],
      plans: c.plansClosed[o] ?? 0,
    })),
    meetings: c.meetings,
    referrals: c.referrals,
    actionsDone: c.actionsDone,
    actionsOverdue: c.actionsOverdue,
  };
}

function arrangements(ctx: Ctx, from: IsoDate, to: IsoDate): ArrangementCounts {
  const db = ctx.store.db;
  const a = arrangementCounts(db, from, to);
  const contracts = listContracts(ctx);
  const cme = loadCases(db);
  const meetings = listLaMeetings(ctx).meetings.filter((m) => within(m.heldOn, from, to));
  return {
    timetablesAgreed: a.timetablesAgreed,
    timetablesInForce: a.timetablesInForce,
    timetablesEnded: a.timetablesEnded,
    // as at the end of the period: reviews of timetables and flexi-schooling past their date
    overdueReviews: arrangementsDue(db, to).filter((d) => d.what === 'review' && d.overdue).length,
    flexiAgreed: a.flexiAgreed,
    flexiInForce: a.flexiInForce,
    reviewsHeld: a.reviews,
    contractsAgreed: contracts.filter((k) => within(k.agreedOn, from, to)).length,
    contractsEnded: contracts.filter((k) =>
      k.events.some((e) => e.kind === 'outcome' && within(e.on, from, to)),
    ).length,
    cmeCasesOpened: cme.filter((k) => within(k.openedOn, from, to)).length,
    cmeReferrals: cme.filter((k) =>
      k.steps.some((s) => s.step === 'la_referral' && within(s.doneOn, from, to)),
    ).length,
    laMeetings: meetings.length,
    laMeetingActions: meetings.reduce((s, m) => s + m.actions.length, 0),
  };
}

/** The sources the report uses: the casework and arrangements records of this database. */
export function actionsSources(ctx: Ctx): ActionsSources {
  return {
    caseworkCounts: (from, to) => casework(ctx, from, to),
    arrangementCounts: (from, to) => arrangements(ctx, from, to),
  };
}
