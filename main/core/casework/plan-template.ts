// The reintegration plan's Word template (docs/rules/casework.md), replaceable by the school like the letter
// templates (docs/rules/letters.md): the shipped one (written here with {{merge fields}}), the school's uploaded
// versions (casework_plan_templates, every version kept), the check of a file before it is used, going back to the
// shipped template, and the download to edit in Word. The .docx reading and checks are the letters' own.
import type { Input, Output } from '../../../shared/contract';
import { caseworkPlanTemplates } from '../db/schema-casework';
import { desc } from 'drizzle-orm';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { DocxError, scanPlaceholders, unzipDocx } from '../letters/docx-xml';
import { sha256 } from '../letters/template-source';
import { heading, para, writeDocx } from './docx-writer';
import { PLAN_BLOCK_FIELDS, PLAN_BLOCK_KEYS, PLAN_FIELD_KEYS, PLAN_TEXT_FIELDS } from './plan-fields';

const f = (k: string) => `{{${k}}}`;
const small = { size: 9, colour: '595959' };

/** The shipped template's body: the wording of the plan around its merge fields. */
export function shippedPlanBody(): string {
  return [
    para(f('school.name'), { bold: true, size: 12, colour: '595959', after: 0 }),
    para(f('school.address'), { ...small, after: 120 }),
    para('Attendance reintegration plan', { bold: true, size: 20, after: 60 }),
    para(`${f('pupil.name')} · ${f('pupil.regGroup')} · plan started ${f('plan.startDate')}`, {
      size: 11,
      after: 0,
    }),
    para(`Version ${f('plan.version')} (${f('plan.status')}) · made on ${f('plan.exportDate')}`, {
      ...small,
      after: 200,
    }),
    heading('Why we have this plan'),
    para(`${f('plan.trigger')}. ${f('plan.why')}`),
    para('What gets in the way:', { bold: true, after: 40 }),
    para(f('plan.barriers')),
    heading(`What ${f('pupil.forename')} says`),
    para(f('plan.pupilView')),
    heading('What we have agreed to do'),
    para(f('plan.actionsTable')),
    heading('The timetable, step by step'),
    para(f('plan.stepsTable')),
    para(
      'Sessions a part-time step leaves out are recorded as authorised absence (code C2) and agreed with the family; ' +
        'the aim is always a return to full time.',
      small,
    ),
    heading('Key adult and check-ins'),
    para(f('plan.checkIns')),
    heading('How we will know it is working'),
    para(f('plan.measuresTable')),
    heading('Attendance before and during the plan'),
    para(f('plan.figuresTable')),
    para(f('plan.chart')),
    para(
      'Grey: the period before the plan; blue: each week of the plan; green: after the plan; red dashes: the attendance target.',
      small,
    ),
    heading('Reviews'),
    para(f('plan.reviewsTable')),
    para(`Next review: ${f('plan.nextReview')}.`),
    heading('Outcome'),
    para(f('plan.outcome')),
    heading('Our agreement'),
    para(f('plan.agreementTable')),
  ].join('');
}

let shipped: Uint8Array | null = null;
export function shippedPlanTemplate(): Uint8Array {
  shipped ??= writeDocx(shippedPlanBody());
  return shipped;
}

export interface PlanTemplate {
  bytes: Uint8Array;
  source: 'shipped' | 'school';
  version: string;
  sha256: string;
  placeholders: string[];
  uploadedBy: string | null;
  uploadedAt: string | null;
}

const latest = (ctx: Ctx) =>
  ctx.store.orm.select().from(caseworkPlanTemplates).orderBy(desc(caseworkPlanTemplates.version)).get();

/** The template in use: the school's latest upload, unless the latest version went back to the shipped one. */
export function loadPlanTemplate(ctx: Ctx): PlanTemplate {
  const row = latest(ctx);
  if (row?.bytes) {
    const bytes = new Uint8Array(row.bytes);
    return {
      bytes,
      source: 'school',
      version: `school v${row.version}`,
      sha256: row.sha256 ?? sha256(bytes),
      placeholders: JSON.parse(row.placeholders) as string[],
      uploadedBy: row.uploadedBy,
      uploadedAt: row.uploadedAt,
    };
  }
  const bytes = shippedPlanTemplate();
  return {
    bytes,
    source: 'shipped',
    version: 'shipped',
    sha256: sha256(bytes),
    placeholders: scanPlaceholders(unzipDocx(bytes), PLAN_FIELD_KEYS).placeholders,
    uploadedBy: row?.uploadedBy ?? null,
    uploadedAt: row?.uploadedAt ?? null,
  };
}

const decode64 = (b64: string) => new Uint8Array(Buffer.from(b64.replace(/\s+/g, ''), 'base64'));
/** Fields a plan handed to a family must carry: without them the document would not say whose plan or how it went. */
const NEEDED = ['pupil.name', 'plan.figuresTable', 'plan.chart', 'plan.agreementTable'];

/** Checks a school's file: it opens, its fields are known, tables stand alone. `errors` refuse an upload. */
export function checkPlanTemplate(bytes: Uint8Array): Output<'casework.planTemplate.check'> {
  let files;
  try {
    files = unzipDocx(bytes, 'The file');
  } catch (e) {
    throw new AppError('invalid', e instanceof DocxError ? e.message : String(e));
  }
  const scan = scanPlaceholders(files, PLAN_FIELD_KEYS, PLAN_BLOCK_KEYS);
  const errors = [
    ...scan.unknown.map(
      (k) =>
        `${f(k)} is not a field of the plan: correct it (the list of fields is on this page) and try again.`,
    ),
    ...scan.notAlone.map((k) => `${f(k)} is a table or a picture: put it on a line of its own.`),
  ];
  const warnings = [
    ...scan.split.map(
      (k) =>
        `${f(k)} is split across several pieces of formatting in Word. ` +
        'It will still be filled in, but the line takes the formatting of its first piece: retype it in one go to be safe.',
    ),
    ...NEEDED.filter((k) => !scan.placeholders.includes(k)).map(
      (k) =>
        `The file leaves out ${f(k)} (${PLAN_TEXT_FIELDS[k] ?? PLAN_BLOCK_FIELDS[k]}), which the shipped plan has.`,
    ),
  ];
  return { placeholders: scan.placeholders, errors, warnings };
}

export function planTemplateInfo(ctx: Ctx): Output<'casework.planTemplate.get'> {
  const t = loadPlanTemplate(ctx);
  return {
    source: t.source,
    version: t.version,
    sha256: t.sha256,
    placeholders: t.placeholders,
    uploadedBy: t.uploadedBy,
    uploadedAt: t.uploadedAt,
    fields: [
      ...Object.entries(PLAN_TEXT_FIELDS).map(([key, label]) => ({ key, label, block: false })),
      ...Object.entries(PLAN_BLOCK_FIELDS).map(([key, label]) => ({ key, label, block: true })),
    ],
  };
}

export function planTemplateCheck(
  _ctx: Ctx,
  i: Input<'casework.planTemplate.check'>,
): Output<'casework.planTemplate.check'> {
  return checkPlanTemplate(decode64(i.base64));
}

function nextVersion(ctx: Ctx): number {
  return (latest(ctx)?.version ?? 0) + 1;
}

export function planTemplateUpload(
  ctx: Ctx,
  i: Input<'casework.planTemplate.upload'>,
): Output<'casework.planTemplate.upload'> {
  const bytes = decode64(i.base64);
  const check = checkPlanTemplate(bytes);
  if (check.errors.length) {
    throw new AppError('invalid', `The template was not saved. ${check.errors.join(' ')}`);
  }
  const version = nextVersion(ctx);
  const h = sha256(bytes);
  ctx.store.orm
    .insert(caseworkPlanTemplates)
    .values({
      version,
      bytes: Buffer.from(bytes),
      sha256: h,
      placeholders: JSON.stringify(check.placeholders),
      warnings: JSON.stringify(check.warnings),
      uploadedBy: ctx.session.userName,
      uploadedAt: ctx.now(),
    })
    .run();
  ctx.audit('casework.planTemplate.upload', 'casework_plan_templates', version, { sha256: h });
  return { ...check, version };
}

export function planTemplateRevert(ctx: Ctx): Output<'casework.planTemplate.revert'> {
  if (loadPlanTemplate(ctx).source === 'shipped') {
    throw new AppError(
      'invalid',
      'The plan already uses the shipped template: there is nothing to go back from.',
    );
  }
  const version = nextVersion(ctx);
  ctx.store.orm
    .insert(caseworkPlanTemplates)
    .values({
      version,
      bytes: null,
      sha256: null,
      uploadedBy: ctx.session.userName,
      uploadedAt: ctx.now(),
    })
    .run();
  ctx.audit('casework.planTemplate.revert', 'casework_plan_templates', version, {});
  return { version };
}

export function planTemplateDownload(ctx: Ctx): Output<'casework.planTemplate.download'> {
  const t = loadPlanTemplate(ctx);
  return {
    fileName: `reintegration-plan${t.source === 'school' ? `-${t.version.replace(/\s+/g, '-')}` : ''}.docx`,
    base64: Buffer.from(t.bytes).toString('base64'),
  };
}
