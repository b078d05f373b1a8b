// Planning letters (docs/rules/letters.md §1.1): who gets one, addressed to whom by household (G8), with which merge
// values and file name, the guardrails' flags and their override reasons, and who is left out and why (G5).
import crypto from 'node:crypto';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { RULES } from '../../../shared/contract';
import { KNOWN_FIELDS } from './template-fields';
import type { TemplateSpec } from './templates';
import { checkGuardrails, type Flag } from './guardrails';
import {
  defaultPeriod,
  households,
  LetterDataLoader,
  pupilName,
  type Household,
  type Period,
  type PupilLetterData,
} from './letter-data';
import { mergeValues, type FieldValue } from './merge-values';
import { loadTemplate, type TemplateSource } from './template-source';
import type { IsoDate } from '../../../shared/dates';
import { isIsoDate } from '../../../shared/dates';
import { knownAs } from '../../../shared/names';

export interface RenderRequest {
  template: string;
  pupilIds: number[];
  from?: IsoDate;
  to?: IsoDate;
  asOf?: IsoDate;
  letterDate?: IsoDate;
  extra?: Record<string, string>;
  /** One reason for every flagged letter of the request, or one per pupil. */
  overrideReason?: string;
  overrideReasons?: Record<string, string>;
}

export interface LetterPlan {
  pupilId: number;
  siblingIds: number[];
  name: string;
  upn: string;
  data: PupilLetterData;
  household: Household;
  reference: string;
  values: Record<string, FieldValue>;
  flags: Flag[];
  overrideReason: string | null;
  fileName: string;
}
export interface LeftOut {
  pupilId: number;
  name: string;
  reason: string;
  flags?: Flag[];
}
export interface Plan {
  template: TemplateSource;
  period: Period;
  letterDate: IsoDate;
  plans: LetterPlan[];
  leftOut: LeftOut[];
  loader: LetterDataLoader;
}

export function resolvePeriod(today: IsoDate, r: Pick<RenderRequest, 'from' | 'to' | 'asOf'>): Period {
  const d = defaultPeriod(today);
  const from = r.from ?? d.from,
    to = r.to ?? d.to;
  const asOf = r.asOf ?? (to > today ? to : today);
  for (const [n, x] of [
    ['from', from],
    ['to', to],
    ['as-of', asOf],
  ]) {
    if (!isIsoDate(x)) {
      throw new AppError('invalid', `The ${n} date ${x} is not a date (YYYY-MM-DD).`);
    }
  }
  if (from > to) {
    throw new AppError('invalid', `The period ends (${to}) before it starts (${from}).`);
  }
  if (asOf < to) {
    throw new AppError('invalid', `The as-of date ${asOf} is earlier than the end of the period ${to}.`);
  }
  return { from, to, asOf };
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');

/** How a batch picked up again is planned (batches.ts): with the batch's template, each letter with its planned
 * reference, and without asking the caller again for the approval the batch was given when it was asked for. */
export interface Replan {
  batchId: string;
  template: TemplateSource;
  referenceFor: (pupilId: number, household: Household) => string | undefined;
}

/** Works out every letter of a request: who gets one, addressed to whom, with which values, and who is left out. */
export function planLetters(ctx: Ctx, req: RenderRequest, replan?: Replan): Plan {
  const db = ctx.store.db;
  const template = replan?.template ?? loadTemplate(db, req.template);
  checkTemplate(ctx, req, template, replan);
  const today = ctx.today();
  const period = resolvePeriod(today, req);
  const letterDate = req.letterDate ?? today;
  const loader = new LetterDataLoader(db, period, replan?.batchId ?? null);
  if (req.pupilIds.length > 1) {
    loader.readForMany();
  }
  const leftOut: LeftOut[] = [];
  const items = pickPupils(req, template.spec, loader, today, leftOut);
  const groups = groupHouseholds(items, template.spec);
  const plans = planGroups({ req, replan, template, loader, letterDate, today }, groups, leftOut);
  return { template, period, letterDate, plans, leftOut, loader };
}

/** A pupil who gets a letter: their data, their households, the guardrails' flags and the reason they are
 * overridden. */
type PlanItem = { data: PupilLetterData; hh: Household[]; flags: Flag[]; reason: string | null };
/** One letter to a household: the pupil it is for and the siblings combined on it. */
type PlanGroup = { main: PlanItem; sibs: PlanItem[]; hh: Household };

/** Refuses a school document, a letter with legal weight the user may not sign off (unless a batch is picked up
 * again), and a template with placeholders the app does not know. */
function checkTemplate(ctx: Ctx, req: RenderRequest, template: TemplateSource, replan?: Replan): void {
  const spec = template.spec;
  if (spec.document) {
    throw new AppError(
      'invalid',
      `${spec.title} is a school document, not a letter to families: make it on the Policy screen.`,
    );
  }
  if (spec.legalWeight && !replan && !RULES.legalWeightSignatory.allows(ctx.session)) {
    throw new AppError('forbidden', `${spec.title}: ${RULES.legalWeightSignatory.refusal}`);
  }
  const unknown = template.placeholders.filter((k) => !KNOWN_FIELDS.has(k));
  if (unknown.length) {
    throw new AppError(
      'invalid',
      `The template "${req.template}" uses ${unknown.map((k) => `{{${k}}}`).join(', ')},` +
        ` which the app does not know. Correct it in Word and upload it again.`,
    );
  }
}

/** The pupils who get a letter; the others go to `leftOut` with the reason: not on roll in the period, no parent
 * to write to, or flagged by a guardrail without a reason to override it. */
function pickPupils(
  req: RenderRequest,
  spec: TemplateSpec,
  loader: LetterDataLoader,
  today: IsoDate,
  leftOut: LeftOut[],
): PlanItem[] {
  const period = loader.period;
  const items: PlanItem[] = [];
  for (const id of [...new Set(req.pupilIds)]) {
    const data = loader.load(id);
    const name = pupilName(data.pupil);
    if (
      data.pupil.admissionDate > period.to ||
      (data.pupil.leavingDate !== null && data.pupil.leavingDate < period.from)
    ) {
      leftOut.push({ pupilId: id, name, reason: 'not on roll in the period' });
      continue;
    }
    const hh = households(data.pupil, data.contacts, data.restricted, spec.addressing);
    if (!hh.length) {
      leftOut.push({
        pupilId: id,
        name,
        reason:
          'no parent the pupil lives with or with parental responsibility is recorded (or every one is restricted): add a contact first',
      });
      continue;
    }
    const flags = checkGuardrails(spec, loader.facts(data, today));
    const reason = (req.overrideReasons?.[String(id)] ?? req.overrideReason ?? '').trim() || null;
    if (flags.length && !reason) {
      leftOut.push({ pupilId: id, name, reason: flags.map((f) => f.message).join(' '), flags });
      continue;
    }
    items.push({ data, hh, flags, reason });
  }
  return items;
}

/** The names of a household's addressees (in any order, any case) and its address: the letters that share it. */
function householdGroupKey(h: Household): string {
  return `${[...h.names]
    .map((n) => n.toLowerCase())
    .sort()
    .join('|')}@${h.key}`;
}

/** One letter per household of each pupil; with siblings combined, one letter per household for every child of
 * it in the selection. */
function groupHouseholds(items: PlanItem[], spec: TemplateSpec): PlanGroup[] {
  const groups: PlanGroup[] = [];
  for (const it of items) {
    for (const h of it.hh) {
      const key = householdGroupKey(h);
      const g = spec.siblings ? groups.find((x) => householdGroupKey(x.hh) === key) : undefined;
      if (g) {
        g.sibs.push(it);
      } else {
        groups.push({ main: it, sibs: [], hh: h });
      }
    }
  }
  return groups;
}

/** What every letter of one request is planned with. */
interface PlanContext {
  req: RenderRequest;
  replan: Replan | undefined;
  template: TemplateSource;
  loader: LetterDataLoader;
  letterDate: IsoDate;
  today: IsoDate;
}

/** Each household's letter with its reference, values and file name; a letter missing extra fields it needs goes
 * to `leftOut` instead. */
function planGroups(c: PlanContext, groups: PlanGroup[], leftOut: LeftOut[]): LetterPlan[] {
  const { req, template, letterDate } = c;
  const spec = template.spec;
  const plans: LetterPlan[] = [];
  const counts = new Map<number, number>();
  for (const g of groups) {
    const d = g.main.data;
    const k = (counts.get(d.pupil.id) ?? 0) + 1;
    counts.set(d.pupil.id, k);
    const reference =
      c.replan?.referenceFor(d.pupil.id, g.hh) ??
      `${letterDate.replace(/-/g, '')}-${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
    const { values, missing } = mergeValues({
      spec,
      loader: c.loader,
      data: d,
      siblings: g.sibs.map((s) => s.data),
      household: g.hh,
      letterDate,
      reference,
      extra: req.extra ?? {},
      today: c.today,
    });
    const name = pupilName(d.pupil);
    if (missing.length) {
      const labels = spec.extra.filter((e) => missing.includes(e.key)).map((e) => e.label.toLowerCase());
      leftOut.push({
        pupilId: d.pupil.id,
        name,
        reason: `the letter needs ${labels.join(', ')}: fill ${missing.length > 1 ? 'them' : 'it'} in`,
      });
      continue;
    }
    const many = g.main.hh.length > 1;
    plans.push({
      pupilId: d.pupil.id,
      siblingIds: g.sibs.map((s) => s.data.pupil.id),
      name,
      upn: d.pupil.upn,
      data: d,
      household: g.hh,
      reference,
      values,
      flags: [...g.main.flags, ...g.sibs.flatMap((s) => s.flags)],
      overrideReason: g.main.reason ?? g.sibs.find((s) => s.reason)?.reason ?? null,
      fileName: `${safe(d.pupil.surname)}-${safe(knownAs(d.pupil))}-${template.name}${many ? `-${k}` : ''}.docx`,
    });
  }
  return plans;
}
