// Rendering letters: the template (the school's own version, else the shipped one), the plan of each letter
// (addressees by household, guardrails, merge values), docx's patchDocument for the merge (tables built with
// docx too), and the log row with the file's hash. Rendering is asynchronous (docx), so batches run as jobs
// (jobs.ts) and the CLI awaits renderLetter.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  ImageRun,
  Paragraph,
  PatchType,
  patchDocument,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IPatch,
} from 'docx';
import type { Ctx } from '../context';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../db/connection';
import { letterFiles, letterLog } from '../db/schema-letters';
import { AppError } from '../errors';
import { RULES } from '../../../shared/contract';
import { resourcesDir } from '../paths';
import { BLOCK_FIELDS, KNOWN_FIELDS, TEMPLATES, templateSpec, type TemplateSpec } from './templates';
import { zipSync, type Unzipped } from 'fflate';
import { DocxError, scanPlaceholders, unzipDocx } from './docx-xml';
import { prepareBatch } from './batch-merge';
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
import { readLogo, imageSize } from './settings';
import { batchLetterId, latestSchoolTemplates, latestTemplate } from './letter-rows';
import { JobStopped } from './jobs';
import type { IsoDate } from '../../../shared/dates';
import { isIsoDate } from '../../../shared/dates';
import { knownAs } from '../../../shared/names';

export const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

// ---- templates ---------------------------------------------------------------------------------------------

export interface TemplateSource {
  name: string;
  spec: TemplateSpec;
  bytes: Uint8Array;
  version: string;
  sha256: string;
  placeholders: string[];
  source: 'shipped' | 'school';
}

const shippedCache = new Map<string, Uint8Array>();
export function shippedTemplate(name: string): Uint8Array | null {
  if (!templateSpec(name)) {
    return null;
  }
  let b = shippedCache.get(name);
  if (!b) {
    b = new Uint8Array(fs.readFileSync(path.join(resourcesDir(), 'letters', `${name}.docx`)));
    shippedCache.set(name, b);
  }
  return b;
}

export function customSpec(name: string, title: string): TemplateSpec {
  return {
    name,
    title,
    stage: 'custom',
    legal: false,
    legalWeight: false,
    addressing: 'household',
    siblings: false,
    rules: [],
    extra: [],
    summary: "The school's own template.",
  };
}

export { latestSchoolTemplates };

const placeholderCache = new Map<string, string[]>();
export function loadTemplate(db: Db, name: string): TemplateSource {
  const row = latestTemplate(db, name);
  const spec = templateSpec(name) ?? (row?.bytes ? customSpec(name, row.title) : undefined);
  if (!spec) {
    throw new AppError(
      'not_found',
      `There is no letter template called "${name}". The templates are: ${[
        ...TEMPLATES.map((t) => t.name),
        ...latestSchoolTemplates(db)
          .filter((r) => r.bytes && !templateSpec(r.name))
          .map((r) => r.name),
      ].join(', ')}.`,
    );
  }
  if (row?.bytes) {
    const bytes = new Uint8Array(row.bytes);
    return {
      name,
      spec,
      bytes,
      version: `school v${row.version}`,
      sha256: row.sha256 ?? sha256(bytes),
      placeholders: JSON.parse(row.placeholders) as string[],
      source: 'school',
    };
  }
  const bytes = shippedTemplate(name)!;
  const h = sha256(bytes);
  let ph = placeholderCache.get(h);
  if (!ph) {
    ph = scanPlaceholders(unzipDocx(bytes)).placeholders;
    placeholderCache.set(h, ph);
  }
  return { name, spec, bytes, version: 'shipped', sha256: h, placeholders: ph, source: 'shipped' };
}

// ---- planning ------------------------------------------------------------------------------------------------

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

// ---- the merge -------------------------------------------------------------------------------------------------

const cellPara = (text: string, bold = false) =>
  new Paragraph({ children: [new TextRun({ text, bold, size: 20 })] });

function table(v: Extract<FieldValue, { kind: 'table' }>): Table | Paragraph {
  if (!v.rows.length) {
    return new Paragraph({ children: [new TextRun(v.empty)] });
  }
  // the first (text) column takes the room; the others share the rest
  const n = v.header.length;
  const first = n === 3 ? 60 : n === 4 ? 34 : 30;
  const widths = (v.widths ?? v.header.map((_, i) => (i === 0 ? first : (100 - first) / (n - 1)))).map((w) =>
    Math.round((w * 9638) / 100),
  );
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: v.header.map(
          (h) =>
            new TableCell({
              shading: { type: ShadingType.CLEAR, fill: 'E7EEF6', color: 'auto' },
              children: [cellPara(h, true)],
            }),
        ),
      }),
      ...v.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((c) => new TableCell({ children: [cellPara(c)] })),
          }),
      ),
    ],
  });
}

export function buildPatches(
  placeholders: readonly string[],
  values: Record<string, FieldValue>,
  logo: { bytes: Uint8Array; type: 'png' | 'jpg' } | null,
): Record<string, IPatch> {
  const patches: Record<string, IPatch> = {};
  for (const key of placeholders) {
    const v = values[key];
    if (v === undefined) {
      throw new AppError('invalid', `The template uses {{${key}}}, which has no value for this letter.`);
    }
    if (typeof v === 'string') {
      patches[key] = { type: PatchType.PARAGRAPH, children: [new TextRun(v)] };
    } else if (Array.isArray(v)) {
      patches[key] = {
        type: PatchType.PARAGRAPH,
        children: v.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })),
      };
    } else if (v.kind === 'table') {
      patches[key] = BLOCK_FIELDS.has(key)
        ? {
            type: PatchType.DOCUMENT,
            children: [table(v), new Paragraph({ spacing: { after: 60 }, children: [] })],
          }
        : { type: PatchType.PARAGRAPH, children: [new TextRun(v.rows.map((r) => r.join(' ')).join('; '))] };
    } else {
      const size = logo ? imageSize(logo.bytes) : null;
      patches[key] =
        logo && size
          ? {
              type: PatchType.PARAGRAPH,
              children: [
                new ImageRun({
                  type: logo.type,
                  data: logo.bytes,
                  transformation: { width: Math.round((60 * size.width) / size.height), height: 60 },
                  altText: { name: 'School logo', description: 'School logo', title: 'School logo' },
                }),
              ],
            }
          : { type: PatchType.PARAGRAPH, children: [new TextRun('')] };
    }
  }
  return patches;
}

export async function mergeDocx(
  template: TemplateSource,
  values: Record<string, FieldValue>,
  logo: { bytes: Uint8Array; type: 'png' | 'jpg' } | null,
): Promise<Uint8Array> {
  const out = await patchDocument({
    outputType: 'uint8array',
    data: template.bytes,
    patches: buildPatches(template.placeholders, values, logo),
    keepOriginalStyles: true,
  });
  return out;
}

/** Checks a merged letter before it is saved: it opens, and no {{placeholder}} is left. */
export function checkMerged(bytes: Uint8Array): void {
  let files;
  try {
    files = unzipDocx(bytes, 'The merged letter');
  } catch (e) {
    throw new AppError('internal', e instanceof DocxError ? e.message : String(e));
  }
  const left = scanPlaceholders(files).placeholders;
  if (left.length) {
    throw new AppError(
      'internal',
      `The merged letter still holds ${left.map((k) => `{{${k}}}`).join(', ')}: nothing was saved.`,
    );
  }
}

// ---- the log ---------------------------------------------------------------------------------------------------

export interface Rendered {
  logId: number | null;
  pupilId: number;
  siblingIds: number[];
  name: string;
  fileName: string;
  bytes: Uint8Array;
  /** The letter's parts, when it was made in a batch (to join the batch's letters without unzipping them). */
  files?: Unzipped;
  /** The batch's letter was already in the log (another runner made it meanwhile): this one was not logged. */
  duplicate?: boolean;
  sha256: string;
  reference: string;
  addressees: { names: string[]; address: string | null }[];
}

/** The figures the letter was written from, kept in its log row: what a parent was told, checkable later. */
function loggedFigures(p: LetterPlan) {
  const s = p.data.stats;
  return {
    possible: s.possible,
    attended: s.attended,
    authorised: s.authorised,
    unauthorised: s.unauthorised,
    attendancePct: s.attendancePct,
    absencePct: s.absencePct,
    band: s.band,
    lateBeforeClose: s.lateBeforeClose,
    lateAfterClose: s.lateAfterClose,
    minutesLate: s.minutesLate,
    illnessSessions: s.illnessSessions,
    penaltySessionsMaxWindow: s.penaltySessionsMaxWindow,
    window: p.data.pnWindow,
    codes: p.data.codeCounts,
  };
}

export function logLetter(
  ctx: Ctx,
  plan: Plan,
  p: LetterPlan,
  bytes: Uint8Array,
  batchId: string | null,
): number {
  const db = ctx.store.db;
  const figures = loggedFigures(p);
  const textValues = Object.fromEntries(
    Object.entries(p.values).filter(
      ([k, v]) => plan.template.placeholders.includes(k) && (typeof v === 'string' || Array.isArray(v)),
    ),
  );
  const hash = sha256(bytes);
  const orm = drizzle(db);
  const r = orm
    .insert(letterLog)
    .values({
      batchId,
      pupilId: p.pupilId,
      siblingIds: JSON.stringify(p.siblingIds),
      template: plan.template.name,
      templateVersion: plan.template.version,
      templateSha256: plan.template.sha256,
      stage: plan.template.spec.stage,
      periodFrom: plan.period.from,
      periodTo: plan.period.to,
      asOf: plan.period.asOf,
      letterDate: plan.letterDate,
      reference: p.reference,
      figures: JSON.stringify(figures),
      addressees: JSON.stringify([{ names: p.household.names, address: p.household.address }]),
      fields: JSON.stringify(textValues),
      flags: JSON.stringify(p.flags),
      overrideReason: p.flags.length ? p.overrideReason : null,
      fileName: p.fileName,
      fileSha256: hash,
      generatedBy: ctx.session.userName,
      generatedPosition: ctx.session.position,
      generatedAt: ctx.now(),
    })
    .run();
  const id = Number(r.lastInsertRowid);
  orm
    .insert(letterFiles)
    .values({ logId: id, bytes: Buffer.from(bytes) })
    .run();
  ctx.audit('letter.generated', 'pupil', p.pupilId, {
    logId: id,
    template: plan.template.name,
    reference: p.reference,
    flags: p.flags.map((f) => f.code),
    overrideReason: p.flags.length ? p.overrideReason : null,
  });
  return id;
}

/** Logs a letter, but a batch's letter only once: its reference already in the batch's log is not logged again. */
function logOnce(
  ctx: Ctx,
  plan: Plan,
  p: LetterPlan,
  bytes: Uint8Array,
  batchId: string | null,
): { id: number; duplicate: boolean } {
  if (batchId) {
    const had = batchLetterId(ctx.store.db, batchId, p.reference);
    if (had !== undefined) {
      return { id: had, duplicate: true };
    }
  }
  return { id: logLetter(ctx, plan, p, bytes, batchId), duplicate: false };
}

/** A batch's letter, its parts zipped into the .docx. */
function zipped(files: Unzipped): { bytes: Uint8Array; files: Unzipped } {
  return { bytes: zipSync(files, { level: 6 }), files };
}

/** A letter merged on its own (a plan of one letter), checked. */
async function mergedAlone(
  plan: Plan,
  p: LetterPlan,
  logo: ReturnType<typeof readLogo>,
): Promise<Uint8Array> {
  const bytes = await mergeDocx(plan.template, p.values, logo);
  checkMerged(bytes);
  return bytes;
}

/** Renders (and, unless `log` is false, logs) the planned letters, in order; onEach reports progress. */
export async function renderPlan(
  ctx: Ctx,
  plan: Plan,
  opts: {
    log: boolean;
    batchId?: string | null;
    limit?: number;
    onEach?: (r: Rendered, i: number) => void;
    /** Checked before each letter: true stops the run (the app closing). */
    stopped?: () => boolean;
  } = { log: true },
): Promise<Rendered[]> {
  const logo = readLogo(ctx.store.db);
  const out: Rendered[] = [];
  const list = opts.limit ? plan.plans.slice(0, opts.limit) : plan.plans;
  // A batch is merged once (batch-merge.ts): each letter is then the merged XML with its own values in it.
  const batch =
    list.length > 1
      ? await prepareBatch(
          plan.template,
          list.map((p) => p.values),
          logo,
        )
      : null;
  for (let i = 0; i < list.length; i++) {
    if (i > 0) {
      // between letters the process answers other calls (letters.job's progress among them)
      await new Promise<void>((r) => setImmediate(r));
    }
    if (opts.stopped?.()) {
      throw new JobStopped();
    }
    const p = list[i];
    const { bytes, files } = batch
      ? zipped(batch.letter(p.values, i))
      : { bytes: await mergedAlone(plan, p, logo), files: undefined };
    const logged = opts.log
      ? ctx.store.db.transaction(() => logOnce(ctx, plan, p, bytes, opts.batchId ?? null)).immediate()
      : null;
    const r: Rendered = {
      logId: logged?.id ?? null,
      pupilId: p.pupilId,
      siblingIds: p.siblingIds,
      name: p.name,
      fileName: p.fileName,
      bytes,
      files,
      ...(logged?.duplicate ? { duplicate: true } : {}),
      sha256: sha256(bytes),
      reference: p.reference,
      addressees: [{ names: p.household.names, address: p.household.address }],
    };
    out.push(r);
    opts.onEach?.(r, i);
  }
  return out;
}

/**
 * One pupil's letter(s), merged and logged: the entry point other areas call (the leave decision letters pass
 * leave.* and decider.* in `extra`). A guardrail that flags the letter refuses it unless `overrideReason` is given.
 * More than one household gives more than one letter; `bytes` is then all of them in one document.
 */
export async function renderLetter(
  ctx: Ctx,
  i: {
    template: string;
    pupilId: number;
    from?: IsoDate;
    to?: IsoDate;
    asOf?: IsoDate;
    extra?: Record<string, string>;
    overrideReason?: string;
  },
): Promise<{ fileName: string; bytes: Uint8Array; logId: number; letters: Rendered[]; flags: Flag[] }> {
  const plan = planLetters(ctx, {
    template: i.template,
    pupilIds: [i.pupilId],
    from: i.from,
    to: i.to,
    asOf: i.asOf,
    extra: i.extra,
    overrideReason: i.overrideReason,
  });
  if (!plan.plans.length) {
    const lo = plan.leftOut[0];
    throw new AppError(
      lo?.flags ? 'refused' : 'invalid',
      lo
        ? `No letter for ${lo.name}: ${lo.reason}${lo.flags ? ' Give an override reason to send it anyway.' : ''}`
        : 'No letter was made.',
    );
  }
  const letters = await renderPlan(ctx, plan, { log: true });
  const { combineLetters } = await import('./docx-xml');
  const bytes = letters.length === 1 ? letters[0].bytes : combineLetters(letters.map((l) => l.bytes));
  return {
    fileName: letters[0].fileName,
    bytes,
    logId: letters[0].logId!,
    letters,
    flags: [...new Map(plan.plans.flatMap((p) => p.flags).map((f) => [f.code, f])).values()],
  };
}
