// Children missing education (docs/rules/arrangements.md, "Children missing education"): a case opens when a pupil
// reaches 10 continuous school days of unauthorised absence, or is not back after leave, or the office raises a
// concern; the reasonable enquiries are recorded one by one, dated, with who made them. The deletion grounds that
// depend on those enquiries (CME_GROUNDS) are refused until the joint enquiries are on record. Nothing is ever
// deleted automatically.
import { asc, eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { CME_GROUNDS, CME_STEP_LABELS, type CmeStep } from '../../../shared/arrangements';
import type { Input, Output } from '../../../shared/contract';
import { addDays, formatUkDate, type IsoDate } from '../../../shared/dates';
import { pupilName } from '../../../shared/names';
import { markCategory } from '../../../shared/statistics/code-eras';
import type { Ctx } from '../context';
import type { Db } from '../db/connection';
import { AppError, noSuchPupil } from '../errors';
import { pupils } from '../db/schema';
import { cmeCases, cmeSteps } from '../db/schema-arrangements';
import { loadCalendar } from '../calendar/calendar.service';
import { cmeProposals } from './cme-proposals';

type CaseRow = Output<'arrangements.cmeList'>['cases'][number];
const ENDS: readonly CmeStep[] = ['found', 'closed'];

/** The joint enquiries a deletion needs: every contact tried, a home visit, the LA CME officer's referral with its
 * reference, and the social worker asked where the pupil has one. */
function requiredSteps(p: { socialWorker: boolean; cla: boolean }): CmeStep[] {
  return [
    'contacts',
    'home_visit',
    'la_referral',
    ...(p.socialWorker || p.cla ? (['social_worker'] as const) : []),
  ];
}

export function loadCases(db: Db, pupilId?: number): CaseRow[] {
  const orm = drizzle(db);
  const rows = orm
    .select()
    .from(cmeCases)
    .innerJoin(pupils, eq(pupils.id, cmeCases.pupilId))
    .where(pupilId === undefined ? undefined : eq(cmeCases.pupilId, pupilId))
    .orderBy(asc(cmeCases.openedOn), asc(cmeCases.id))
    .all();
  const ids = rows.map((r) => r.cme_cases.id);
  const steps = ids.length
    ? orm.select().from(cmeSteps).where(inArray(cmeSteps.caseId, ids)).orderBy(asc(cmeSteps.doneOn)).all()
    : [];
  return rows.map(({ cme_cases: c, pupils: p }) => {
    const mine = steps.filter((s) => s.caseId === c.id);
    const done = new Set(mine.filter((s) => s.step !== 'la_referral' || s.reference).map((s) => s.step));
    return {
      id: c.id,
      pupilId: p.id,
      pupilName: pupilName(p),
      openedOn: c.openedOn,
      trigger: c.trigger,
      detail: c.detail,
      openedBy: c.openedBy,
      open: !mine.some((s) => ENDS.includes(s.step)),
      steps: mine.map((s) => ({
        step: s.step,
        doneOn: s.doneOn,
        outcome: s.outcome,
        reference: s.reference,
        by: s.by,
      })),
      missing: requiredSteps(p)
        .filter((s) => !done.has(s))
        .map((s) => CME_STEP_LABELS[s]),
    };
  });
}

export function openCase(ctx: Ctx, i: Input<'arrangements.cmeOpen'>): Output<'arrangements.cmeOpen'> {
  const p = ctx.store.orm.select().from(pupils).where(eq(pupils.id, i.pupilId)).get();
  if (!p) {
    throw noSuchPupil();
  }
  if (loadCases(ctx.store.db, i.pupilId).some((c) => c.open)) {
    throw new AppError('conflict', `${pupilName(p)} already has an open CME case: add the enquiries to it.`);
  }
  const row = ctx.store.orm
    .insert(cmeCases)
    .values({
      pupilId: i.pupilId,
      openedOn: ctx.today(),
      trigger: i.trigger,
      detail: i.detail,
      openedBy: ctx.session.displayName ?? ctx.session.userName,
      openedAt: ctx.now(),
    })
    .returning()
    .get();
  ctx.audit('arrangements.cmeOpen', 'cme_case', row.id, { pupilId: i.pupilId, trigger: i.trigger });
  return { id: row.id };
}

export function addStep(ctx: Ctx, i: Input<'arrangements.cmeStep'>): Output<'arrangements.cmeStep'> {
  const c = loadCases(ctx.store.db).find((x) => x.id === i.caseId);
  if (!c) {
    throw new AppError('not_found', `There is no CME case ${i.caseId}.`);
  }
  if (!c.open) {
    throw new AppError('refused', `The CME case for ${c.pupilName} is closed: open a new one if needed.`);
  }
  if (i.doneOn < c.openedOn || i.doneOn > ctx.today()) {
    throw new AppError('invalid', `A step is dated from ${formatUkDate(c.openedOn)} to today.`);
  }
  if (i.step === 'la_referral' && !i.reference) {
    throw new AppError('invalid', "Record the LA CME officer's reference for the referral.");
  }
  const row = ctx.store.orm
    .insert(cmeSteps)
    .values({
      caseId: i.caseId,
      step: i.step,
      doneOn: i.doneOn,
      outcome: i.outcome,
      reference: i.reference ?? null,
      by: ctx.session.displayName ?? ctx.session.userName,
      at: ctx.now(),
    })
    .returning()
    .get();
  ctx.audit('arrangements.cmeStep', 'cme_case', i.caseId, { step: i.step });
  return { id: row.id };
}

/** Pupils on roll whose last 10 school days up to `today` are all unauthorised absence (both sessions); only
 * among `pupilIds` when given (a register just saved need not read the whole school's marks). */
export function tenDayRuns(db: Db, today: IsoDate, pupilIds?: readonly number[]): number[] {
  const cal = loadCalendar(db);
  const days: IsoDate[] = [];
  for (let d = today; days.length < 10 && d > '2000-01-01'; d = addDays(d, -1)) {
    if (cal.isSchoolDay(d)) {
      days.unshift(d);
    }
  }
  if (days.length < 10) {
    return [];
  }
  const only = pupilIds ? 'AND m.pupil_id IN (SELECT value FROM json_each(?))' : '';
  const args: unknown[] = [days[0], today, today];
  if (pupilIds) {
    args.push(JSON.stringify(pupilIds));
  }
  const rows = db
    .prepare<unknown[], { p: number; d: string; c: string }>(
      `SELECT m.pupil_id AS p, m.date AS d, m.code AS c FROM marks m JOIN pupils p ON p.id = m.pupil_id
      WHERE m.date BETWEEN ? AND ? AND (p.leaving_date IS NULL OR p.leaving_date >= ?) ${only}`,
    )
    .all(...args);
  const count = new Map<number, number>();
  const dayset = new Set(days);
  for (const r of rows) {
    if (dayset.has(r.d) && markCategory(r.c, r.d) === 'unauthorised') {
      count.set(r.p, (count.get(r.p) ?? 0) + 1);
    }
  }
  return [...count].filter(([, n]) => n >= 20).map(([p]) => p);
}

export function scan(ctx: Ctx): Output<'arrangements.cmeScan'> {
  const opened: string[] = [];
  for (const p of cmeProposals(ctx.store.db, ctx.today())) {
    openCase(ctx, { pupilId: p.pupilId, trigger: p.trigger, detail: p.detail });
    opened.push(p.pupilName);
  }
  return { opened };
}

export function forDeletion(db: Db, pupilId: number, ground: string): Output<'arrangements.cmeForDeletion'> {
  if (!CME_GROUNDS.includes(ground)) {
    return { needed: false, case: null, missing: [] };
  }
  const c = loadCases(db, pupilId).pop() ?? null;
  return {
    needed: true,
    case: c,
    missing: c ? c.missing : ['A CME case with the joint enquiries made with the LA'],
  };
}

/** Called by pupils.recordLeaving: a CME-related ground is refused while the joint enquiries are not recorded. */
export function assertCmeEnquiries(db: Db, pupilId: number, ground: string): void {
  const f = forDeletion(db, pupilId, ground);
  if (f.needed && f.missing.length) {
    throw new AppError(
      'refused',
      `Ground ${ground} needs the reasonable enquiries made jointly with the LA on record first. Missing: ${f.missing.join('; ')}.`,
    );
  }
}
