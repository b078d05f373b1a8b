// What is due (docs/rules/casework.md): plan reviews and check-ins, overdue actions, severe pupils without an
// LA joint approach (and joint approaches due a review), persistent pupils with no support step; and the
// counts of casework for the governor report (caseworkCounts: numbers only, never a name).
import type { Input, Output } from '../../../shared/contract';
import type { Band } from '../../../shared/statistics/rates';
import { computePupilStats } from '../../../shared/statistics';
import { buildPeriodContext } from '../../../shared/statistics/periods';
import { isListed } from '../../../shared/statistics/pupils';
import { addDays, type IsoDate } from '../../../shared/dates';
import { pupilName } from '../../../shared/names';
import type { Db } from '../db/connection';
import { pupilsById } from '../pupils/load';
import type { Ctx } from '../context';
import { loadPeriodMarks, schoolAtRiskLowerPct } from '../reports/report-pupils';
import { loadCalendar } from '../calendar/calendar.service';
import { yearToDate } from '../figures/figures.service';
import { ladderStages } from '../letters/ladder';
import { loadPlan, nextReviewOf, planContent } from './plans';
import { auditActionsDue } from '../selfaudit/due-items';
import { pupilMarksBetween } from '../registers/pupil-marks';

/** Every pupil's band over the school year to `to` (docs/rules/statistics.md §4, as the band list computes
 * it). */
export function bandsTo(db: Db, to: IsoDate): Map<number, Band | null> {
  const { from } = yearToDate(to);
  const { ctx, byId } = loadPeriodMarks(db, { from, to });
  const out = new Map<number, Band | null>();
  for (const [id, x] of byId) {
    if (isListed(ctx, x.pupil)) {
      out.set(id, computePupilStats(ctx, x.pupil, x.marks, x.counted).band);
    }
  }
  return out;
}
export const yearBands = (ctx: Ctx) => bandsTo(ctx.store.db, ctx.today());

/** One pupil's band over the school year to today, without reading the whole school. */
export function pupilBand(ctx: Ctx, pupilId: number): Band | null {
  const db = ctx.store.db;
  const { from, to } = yearToDate(ctx.today());
  // The callers pass a pupil read already; a missing one is unchecked here, as before.
  const p = db.prepare<[number], { upn: string }>('SELECT upn FROM pupils WHERE id = ?').get(pupilId)!;
  const pctx = buildPeriodContext(
    loadCalendar(db),
    { from, to },
    { atRiskLowerPct: schoolAtRiskLowerPct(db) },
  );
  const marks = pupilMarksBetween(db, pupilId, pctx.earliestMarkDate, to);
  return computePupilStats(pctx, p, marks).band;
}

function withJoint(db: Db): Set<number> {
  return new Set(
    db
      .prepare<[], { p: number }>('SELECT DISTINCT pupil_id AS p FROM casework_la_joint')
      .all()
      .map((r) => r.p),
  );
}

/** Severe pupils (of those asked for) with no joint approach agreed with the LA on record. */
export function severeWithoutJoint(
  ctx: Ctx,
  i: Input<'casework.severeWithoutJoint'>,
): Output<'casework.severeWithoutJoint'> {
  const bands = yearBands(ctx);
  const joint = withJoint(ctx.store.db);
  return { pupilIds: i.pupilIds.filter((id) => bands.get(id) === 'severe' && !joint.has(id)) };
}

type DueItem = Output<'casework.due'>['items'][number];
function planItems(ctx: Ctx, today: IsoDate, mine: string | null): DueItem[] {
  const db = ctx.store.db;
  const out: DueItem[] = [];
  const open = db.prepare<[], { id: number }>("SELECT id FROM casework_plans WHERE status = 'open'").all();
  for (const { id } of open) {
    const plan = loadPlan(ctx, id);
    const c = planContent(ctx, id, plan.currentVersion);
    if (mine && c.keyAdult.trim().toLowerCase() !== mine) {
      continue;
    }
    const next = nextReviewOf(ctx, plan);
    if (next && next <= addDays(today, 7)) {
      out.push({
        kind: 'plan_review',
        pupilId: plan.pupilId,
        pupilName: '',
        regGroup: '',
        due: next,
        overdue: next < today,
        what: 'Review the reintegration plan',
        refId: id,
      });
    }
    // max() without GROUP BY: always one row (d null when none), hence the `!`.
    const last = db
      .prepare<[number], { d: string | null }>(
        'SELECT max(checked_on) AS d FROM casework_checkins WHERE plan_id = ?',
      )
      .get(id)!;
    const checkDue = addDays(last.d ?? plan.startOn, c.checkInEveryDays);
    if (checkDue <= today) {
      out.push({
        kind: 'checkin',
        pupilId: plan.pupilId,
        pupilName: '',
        regGroup: '',
        due: checkDue,
        overdue: checkDue < today,
        what: `Check in with the pupil (${c.keyAdult})`,
        refId: id,
      });
    }
  }
  return out;
}

function recordItems(ctx: Ctx, today: IsoDate): DueItem[] {
  const db = ctx.store.db;
  const out: DueItem[] = [];
  const acts = db
    .prepare<[string], { id: number; p: number; what: string; d: string }>(
      "SELECT id, pupil_id AS p, what, due_on AS d FROM casework_actions WHERE status = 'open' AND due_on <= ?",
    )
    .all(today);
  for (const a of acts) {
    out.push({
      kind: 'action',
      pupilId: a.p,
      pupilName: '',
      regGroup: '',
      due: a.d,
      overdue: a.d < today,
      what: a.what,
      refId: a.id,
    });
  }
  const reviews = db
    .prepare<[string], { id: number; p: number; d: string }>(
      `SELECT j.id, j.pupil_id AS p, j.next_review AS d FROM casework_la_joint j
       WHERE j.id = (SELECT k.id FROM casework_la_joint k WHERE k.pupil_id = j.pupil_id ORDER BY k.agreed_on DESC, k.id DESC LIMIT 1)
       AND j.next_review IS NOT NULL AND j.next_review <= ?`,
    )
    .all(addDays(today, 7));
  for (const r of reviews) {
    out.push({
      kind: 'joint_review',
      pupilId: r.p,
      pupilName: '',
      regGroup: '',
      due: r.d,
      overdue: r.d < today,
      what: 'Review the joint approach with the LA',
      refId: r.id,
    });
  }
  return out;
}

/** Of `ids`, the pupils with a support step on record: a concern letter or later, a meeting, a plan or a
 * referral (docs/rules/casework.md); also read by the self-audit. */
export function supportStepPupils(db: Db, ids: readonly number[]): Set<number> {
  const ladder = ladderStages(db, ids);
  const steps = new Set(
    db
      .prepare<[], { p: number }>(
        `SELECT pupil_id AS p FROM casework_meetings
           UNION SELECT pupil_id FROM casework_plans UNION SELECT pupil_id FROM casework_referrals`,
      )
      .all()
      .map((r) => r.p),
  );
  return new Set(
    ids.filter((id) => {
      const l = ladder.get(id);
      return steps.has(id) || !!l?.meetingsHeld || (l?.stage ?? 'none') !== 'none';
    }),
  );
}

function bandItems(ctx: Ctx): DueItem[] {
  const db = ctx.store.db;
  const bands = yearBands(ctx);
  const joint = withJoint(db);
  const out: DueItem[] = [];
  const flagged = [...bands].filter(([, b]) => b === 'severe' || b === 'persistent').map(([id]) => id);
  const supported = supportStepPupils(db, flagged);
  for (const id of flagged) {
    if (bands.get(id) === 'severe' && !joint.has(id)) {
      out.push({
        kind: 'joint_missing',
        pupilId: id,
        pupilName: '',
        regGroup: '',
        due: null,
        overdue: true,
        what: 'Severely absent: agree a joint approach with the LA',
        refId: null,
      });
    }
    if (!supported.has(id)) {
      out.push({
        kind: 'no_support',
        pupilId: id,
        pupilName: '',
        regGroup: '',
        due: null,
        overdue: false,
        what: 'No support step on record (concern letter, meeting, plan or referral)',
        refId: null,
      });
    }
  }
  return out;
}

/** The self-audit's open actions (docs/rules/self-audit.md): school-wide, so no pupil. */
function auditItems(ctx: Ctx, today: IsoDate): DueItem[] {
  return auditActionsDue(ctx.store.db, today).map((a) => ({
    kind: 'audit_action',
    pupilId: null,
    pupilName: '',
    regGroup: '',
    due: a.dueOn,
    overdue: a.dueOn < today,
    what: `Self-audit (${a.termLabel}): ${a.what} (${a.owner})`,
    refId: a.actionId,
  }));
}

export function dueList(ctx: Ctx, i: Input<'casework.due'>): Output<'casework.due'> {
  const today = ctx.today();
  const mine = i.mine ? (ctx.session.displayName ?? ctx.session.userName).trim().toLowerCase() : null;
  const items = [
    ...planItems(ctx, today, mine),
    ...(mine ? [] : [...recordItems(ctx, today), ...bandItems(ctx), ...auditItems(ctx, today)]),
  ];
  const names = pupilsById(ctx.store.db);
  for (const it of items) {
    const p = it.pupilId === null ? undefined : names.get(it.pupilId);
    it.pupilName = p ? pupilName(p) : '';
    it.regGroup = p?.regGroup ?? '';
  }
  items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.due ?? '').localeCompare(b.due ?? '') ||
      a.pupilName.localeCompare(b.pupilName),
  );
  const counts: Record<string, number> = {};
  for (const it of items) {
    counts[it.kind] = (counts[it.kind] ?? 0) + 1;
  }
  return { asOf: today, items, counts };
}

/** Pupils with a joint approach agreed with the LA on or before `to`; also read by the self-audit. */
export function jointApproachPupils(db: Db, to: IsoDate): Set<number> {
  const rows = db
    .prepare('SELECT DISTINCT pupil_id AS p FROM casework_la_joint WHERE agreed_on <= ?')
    .all(to);
  return new Set((rows as { p: number }[]).map((r) => r.p));
}

/** Casework in [from, to] for the governor report (docs/rules/letters.md §2 sections 5 and 6): counts only.
 */
export function caseworkCounts(db: Db, from: IsoDate, to: IsoDate): Output<'casework.counts'> {
  // Only count(*) queries without GROUP BY: always one row, hence the `!`.
  const n = (sql: string, ...p: unknown[]) => db.prepare<unknown[], { n: number }>(sql).get(...p)!.n;
  const closed: Record<string, number> = {};
  for (const r of db
    .prepare<[string, string], { o: string; n: number }>(
      "SELECT outcome AS o, count(*) AS n FROM casework_plans WHERE status = 'closed' AND outcome_on BETWEEN ? AND ? GROUP BY outcome",
    )
    .all(from, to)) {
    closed[r.o] = r.n;
  }
  const bands = bandsTo(db, to);
  const joint = jointApproachPupils(db, to);
  return {
    plansOpened: n('SELECT count(*) AS n FROM casework_plans WHERE start_on BETWEEN ? AND ?', from, to),
    plansClosed: closed,
    meetings: n('SELECT count(*) AS n FROM casework_meetings WHERE date BETWEEN ? AND ?', from, to),
    referrals: n('SELECT count(*) AS n FROM casework_referrals WHERE made_on BETWEEN ? AND ?', from, to),
    actionsDone: n(
      "SELECT count(*) AS n FROM casework_actions WHERE status = 'done' AND done_on BETWEEN ? AND ?",
      from,
      to,
    ),
    actionsOverdue: n(
      `SELECT count(*) AS n FROM casework_actions
       WHERE due_on >= ? AND due_on < ? AND (status = 'open' OR (status = 'done' AND done_on > due_on))`,
      from,
      to,
    ),
    severeWithoutJoint: [...bands].filter(([id, b]) => b === 'severe' && !joint.has(id)).length,
  };
}
