// The letters channels: templates (shipped and the school's own), candidates for a batch with their ladder stage,
// guardrail flags and who is left out (G5), previews, batches written to a folder, the log, sends and meetings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Input, Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import {
  letterBatches,
  letterContactRestrictions,
  letterMeetings,
  letterSends,
  letterTemplates,
} from '../db/schema-letters';
import { AppError, noSuchPupil } from '../errors';
import { networkShareReason } from '../paths';
import { BLOCK_FIELDS, COMMON_FIELDS, TEMPLATES, templateSpec } from './templates';
import { documentText, DocxError, scanPlaceholders, unzipDocx } from './docx-xml';
import { checkGuardrails } from './guardrails';
import { households, LetterDataLoader, pupilName } from './letter-data';
import { ladderStages } from './ladder';
import {
  customSpec,
  latestSchoolTemplates,
  loadTemplate,
  planLetters,
  renderPlan,
  resolvePeriod,
  sha256,
  shippedTemplate,
  type Plan,
  type Rendered,
  type RenderRequest,
} from './render';
import { startJob, type JobLetter } from './jobs';
import { batchJob, batchPlan, startBatchJob } from './batches';
import { readLettersSettings, saveLettersSettings } from './settings';
import {
  letterFileOf,
  loggedLetter,
  logEntriesOf,
  meetingsOf,
  nextTemplateVersion,
  pupilExists,
  pupilsOnRoll,
  restrictionInForce,
  restrictionsOf,
  sendsQuery,
} from './letter-rows';
import { bandOf } from '../../../shared/statistics';

// ---- templates ---------------------------------------------------------------------------------------------

export function listTemplates(ctx: Ctx): Output<'letters.templates'> {
  const db = ctx.store.db;
  const school = latestSchoolTemplates(db);
  const names = [
    ...TEMPLATES.map((t) => t.name),
    ...school.filter((r) => r.bytes && !templateSpec(r.name)).map((r) => r.name),
  ];
  return {
    templates: names.map((name) => {
      const t = loadTemplate(db, name);
      const row = school.find((r) => r.name === name && r.bytes);
      const s = t.spec;
      return {
        name,
        title: s.title,
        stage: s.stage,
        source: t.source,
        version: t.version,
        sha256: t.sha256,
        legal: s.legal,
        legalWeight: s.legalWeight,
        siblings: s.siblings,
        addressing: s.addressing,
        rules: s.rules,
        summary: s.summary,
        variant: !!s.variant,
        madeFrom: s.madeFrom ?? null,
        placeholders: t.placeholders,
        extra: s.extra.map((e) => ({ ...e, computed: !!e.computed })),
        uploadedBy: row?.uploadedBy ?? null,
        uploadedAt: row?.uploadedAt ?? null,
      };
    }),
    fields: [
      ...Object.entries(COMMON_FIELDS).map(([key, label]) => ({ key, label })),
      ...[
        ...new Map(
          TEMPLATES.flatMap((t) => t.extra.map((e) => [e.key, `${e.label} (${t.title})`] as const)),
        ).entries(),
      ]
        .filter(([k]) => !(k in COMMON_FIELDS))
        .map(([key, label]) => ({ key, label })),
    ],
  };
}

function decode64(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64.replace(/\s+/g, ''), 'base64'));
}

/** The checks of a school's .docx: it opens, its placeholders, the unknown and the split ones. Refuses a broken file. */
export function checkTemplate(name: string, bytes: Uint8Array): Output<'letters.templateCheck'> {
  let files;
  try {
    files = unzipDocx(bytes, 'The file');
  } catch (e) {
    throw new AppError('invalid', e instanceof DocxError ? e.message : String(e));
  }
  const scan = scanPlaceholders(files, undefined, BLOCK_FIELDS);
  const warnings: string[] = [];
  if (!scan.placeholders.length) {
    warnings.push('The file has no {{placeholders}}: every letter would be the same.');
  }
  for (const k of scan.unknown) {
    warnings.push(
      `{{${k}}} is not a field the app knows: letters cannot be made from this template until it is corrected.`,
    );
  }
  for (const k of scan.split) {
    warnings.push(
      `{{${k}}} is split across several pieces of formatting in Word` +
        ` (a spelling mark, a change of font or an edit in the middle).` +
        ` It will still be filled in, but retype it in one go to be safe.`,
    );
  }
  for (const k of scan.notAlone) {
    warnings.push(`{{${k}}} is a table: put it on a line of its own.`);
  }
  const spec = templateSpec(name);
  if (spec) {
    const shipped = scanPlaceholders(unzipDocx(shippedTemplate(name)!)).placeholders;
    const dropped = shipped.filter(
      (k) =>
        !scan.placeholders.includes(k) &&
        (k.startsWith('figures.') || k.startsWith('recipient.') || k === 'asOf' || k.startsWith('period.')),
    );
    if (dropped.length) {
      warnings.push(
        `The shipped template uses ${dropped.map((k) => `{{${k}}}`).join(', ')},` +
          ` which this file leaves out: letters must name the figures,` +
          ` their period and as-of date, and the addressees.`,
      );
    }
  }
  return { ...scan, warnings };
}

export function templateCheck(_ctx: Ctx, i: Input<'letters.templateCheck'>): Output<'letters.templateCheck'> {
  return checkTemplate(i.name, decode64(i.base64));
}

export function templateUpload(
  ctx: Ctx,
  i: Input<'letters.templateUpload'>,
): Output<'letters.templateUpload'> {
  const bytes = decode64(i.base64);
  const check = checkTemplate(i.name, bytes);
  const spec = templateSpec(i.name);
  if (!spec && !i.title) {
    throw new AppError('invalid', 'A new template needs a title.', [
      { path: 'title', message: 'required for a new template' },
    ]);
  }
  const orm = ctx.store.orm;
  const version = nextTemplateVersion(orm, i.name);
  const h = sha256(bytes);
  orm
    .insert(letterTemplates)
    .values({
      name: i.name,
      version,
      title: i.title ?? spec!.title,
      bytes: Buffer.from(bytes),
      sha256: h,
      placeholders: JSON.stringify(check.placeholders),
      warnings: JSON.stringify(check.warnings),
      uploadedBy: ctx.session.userName,
      uploadedAt: ctx.now(),
    })
    .run();
  ctx.audit('letters.templateUpload', 'letter_template', i.name, {
    version,
    sha256: h,
    warnings: check.warnings,
  });
  return { ...check, version };
}

export function templateRevert(
  ctx: Ctx,
  i: Input<'letters.templateRevert'>,
): Output<'letters.templateRevert'> {
  const spec = templateSpec(i.name);
  if (!spec) {
    throw new AppError(
      'invalid',
      `"${i.name}" is not a shipped template, so there is nothing to go back to.`,
    );
  }
  const orm = ctx.store.orm;
  const version = nextTemplateVersion(orm, i.name);
  orm
    .insert(letterTemplates)
    .values({
      name: i.name,
      version,
      title: spec.title,
      bytes: null,
      sha256: null,
      placeholders: '[]',
      warnings: '[]',
      uploadedBy: ctx.session.userName,
      uploadedAt: ctx.now(),
    })
    .run();
  ctx.audit('letters.templateRevert', 'letter_template', i.name, { version });
  return { version };
}

export function templateDownload(
  ctx: Ctx,
  i: Input<'letters.templateDownload'>,
): Output<'letters.templateDownload'> {
  const t = loadTemplate(ctx.store.db, i.name);
  return {
    fileName: `${i.name}${t.source === 'school' ? `-${t.version.replace(/\s+/g, '-')}` : ''}.docx`,
    base64: Buffer.from(t.bytes).toString('base64'),
  };
}

// ---- candidates ------------------------------------------------------------------------------------------------

const BAND_FILTER: Record<string, (b: string | null) => boolean> = {
  any: () => true,
  at_risk: (b) => b === 'at_risk',
  persistent: (b) => b === 'persistent',
  severe: (b) => b === 'severe',
  persistent_or_severe: (b) => b === 'persistent' || b === 'severe',
  at_risk_or_worse: (b) => b === 'at_risk' || b === 'persistent' || b === 'severe',
};

/** An agreement letter (part-time timetable, flexi-schooling, attendance contract) is one pupil's document with
 * that agreement's details: it is made from its record, never chosen here (docs/rules/arrangements.md). */
function refuseAgreement(db: Db, template: string): void {
  const t = loadTemplate(db, template);
  if (t.spec.madeFrom) {
    throw new AppError(
      'refused',
      `The ${t.spec.title.toLowerCase()} is one pupil's agreement, with its own details:` +
        ` make it from ${t.spec.madeFrom}, not as a letter here.`,
      [{ path: 'template', message: `made from ${t.spec.madeFrom}` }],
    );
  }
}

export function candidates(ctx: Ctx, i: Input<'letters.candidates'>): Output<'letters.candidates'> {
  const db = ctx.store.db;
  refuseAgreement(db, i.template);
  const t = loadTemplate(db, i.template);
  const period = resolvePeriod(ctx.today(), i);
  const loader = new LetterDataLoader(db, period).readForMany();
  const ids = pupilsOnRoll(ctx.store.orm, period.to, i);
  const ladder = ladderStages(db, ids);
  const pupils: Output<'letters.candidates'>['pupils'] = [];
  const leftOut: Output<'letters.candidates'>['leftOut'] = [];
  const keep = BAND_FILTER[i.band ?? 'any'];
  const today = ctx.today();
  for (const id of ids) {
    const d = loader.load(id);
    const band = bandOf(
      d.stats.authorised + d.stats.unauthorised,
      d.stats.possible,
      loader.school.atRiskLowerPct,
    );
    if (!keep(band)) {
      continue;
    }
    const name = pupilName(d.pupil);
    const hh = households(d.pupil, d.contacts, d.restricted, t.spec.addressing);
    if (!hh.length) {
      leftOut.push({
        pupilId: id,
        name,
        reason:
          'no parent the pupil lives with or with parental responsibility is recorded (or every one is restricted)',
      });
      continue;
    }
    pupils.push({
      pupilId: id,
      upn: d.pupil.upn,
      name,
      yearGroup: d.pupil.yearGroup,
      regGroup: d.pupil.regGroup,
      attendancePct: d.stats.attendancePct,
      band,
      compulsoryAge: d.compulsoryAge,
      ladder: ladder.get(id)!,
      flags: checkGuardrails(t.spec, loader.facts(d, today)),
      letters: d.letters.length,
      addressees: hh.map((h) => h.names.join(' and ')),
    });
  }
  return { ...period, pupils, leftOut };
}

// ---- previews, single letters and batches ----------------------------------------------------------------------

const jobLetter = (
  r: {
    pupilId: number;
    name: string;
    fileName: string;
    logId: number | null;
    reference: string;
    addressees: { names: string[] }[];
  },
  paragraphs?: string[],
): JobLetter => ({
  pupilId: r.pupilId,
  name: r.name,
  fileName: r.fileName,
  logId: r.logId,
  reference: r.reference,
  addressees: r.addressees.map((a) => a.names.join(' and ')),
  ...(paragraphs ? { paragraphs } : {}),
});

function refuseEmpty(plan: Plan): void {
  if (plan.plans.length) {
    return;
  }
  const lo = plan.leftOut;
  throw new AppError(
    lo.some((x) => x.flags) ? 'refused' : 'invalid',
    lo.length
      ? `No letter can be made: ${lo
          .slice(0, 3)
          .map((x) => `${x.name}: ${x.reason}`)
          .join(' ')}${lo.length > 3 ? ` (and ${lo.length - 3} more)` : ''}`
      : 'No letter can be made.',
    lo.map((x) => ({ path: 'pupilIds', message: `${x.name}: ${x.reason}` })),
  );
}

export function preview(ctx: Ctx, i: Input<'letters.preview'>): Output<'letters.preview'> {
  refuseAgreement(ctx.store.db, i.template);
  const plan = planLetters(ctx, i);
  refuseEmpty(plan);
  const count = Math.min(i.count ?? 3, plan.plans.length);
  const job = startJob(count, async (job) => {
    const letters = await renderPlan(ctx, plan, {
      log: false,
      limit: count,
      onEach: () => {
        job.done++;
      },
    });
    return {
      letters: letters.map((r) => jobLetter(r, documentText(unzipDocx(r.bytes)))),
      folder: null,
      combinedFile: null,
      batchId: null,
    };
  });
  return { jobId: job.id, letters: plan.plans.length, leftOut: plan.leftOut };
}

export function renderOne(ctx: Ctx, i: Input<'letters.renderOne'>): Output<'letters.renderOne'> {
  refuseAgreement(ctx.store.db, i.template);
  return startLetters(ctx, i);
}

/**
 * Letters for one pupil (or a few) as a job, logged like every letter. `afterLogged` runs once they are made, in a
 * transaction of its own (another area records its link to the letter there, e.g. a leave decision).
 */
export function startLetters(
  ctx: Ctx,
  req: RenderRequest,
  afterLogged?: (letters: Rendered[]) => void,
): Output<'letters.renderOne'> {
  const plan = planLetters(ctx, req);
  refuseEmpty(plan);
  const job = startJob(plan.plans.length, async (job) => {
    const letters = await renderPlan(ctx, plan, {
      log: true,
      onEach: () => {
        job.done++;
      },
    });
    if (afterLogged) {
      ctx.store.db.transaction(() => afterLogged(letters)).immediate();
    }
    return { letters: letters.map((r) => jobLetter(r)), folder: null, combinedFile: null, batchId: null };
  });
  return { jobId: job.id, letters: plan.plans.length, leftOut: plan.leftOut };
}

export function defaultFolder(ctx: Ctx): Output<'letters.defaultFolder'> {
  return { folder: path.join(os.homedir(), 'Documents', 'Attendance letters', ctx.today()) };
}

/** A folder the main process may write letters into: absolute, local (not a network share), creatable. */
export function checkFolder(folder: string): string {
  if (!path.isAbsolute(folder)) {
    throw new AppError(
      'invalid',
      `Choose a full folder path (for example ${path.join(os.homedir(), 'Documents', 'Attendance letters')}), not "${folder}".`,
      [{ path: 'folder', message: 'must be a full path' }],
    );
  }
  const why = networkShareReason(folder);
  if (why) {
    throw new AppError(
      'refused',
      `Letters hold pupils' personal data: save them on this PC, not on a network share. ${folder} is on a network share.`,
      [{ path: 'folder', message: 'network share' }],
    );
  }
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (e) {
    throw new AppError('invalid', `The folder ${folder} cannot be written to: ${(e as Error).message}`, [
      { path: 'folder', message: 'cannot be written to' },
    ]);
  }
  if (!fs.statSync(folder).isDirectory()) {
    throw new AppError('invalid', `${folder} is a file, not a folder.`, [
      { path: 'folder', message: 'not a folder' },
    ]);
  }
  return path.resolve(folder);
}

export function generate(ctx: Ctx, i: Input<'letters.generate'>): Output<'letters.generate'> {
  refuseAgreement(ctx.store.db, i.template);
  const folder = checkFolder(i.folder);
  const plan = planLetters(ctx, i);
  refuseEmpty(plan);
  const batchId = `${ctx.today()}-${crypto.randomBytes(4).toString('hex')}`;
  const { folder: _f, ...params } = i;
  // the plan is kept with the batch, so that a restart picks it up again (batches.ts)
  ctx.store.orm
    .insert(letterBatches)
    .values({
      id: batchId,
      template: plan.template.name,
      folder,
      total: plan.plans.length,
      params: JSON.stringify({ ...params, leftOut: plan.leftOut, plan: batchPlan(ctx, plan) }),
      createdBy: ctx.session.userName,
      createdAt: ctx.now(),
    })
    .run();
  ctx.audit('letters.batch', 'letter_batch', batchId, {
    template: plan.template.name,
    letters: plan.plans.length,
    leftOut: plan.leftOut.map((x) => ({ pupilId: x.pupilId, reason: x.reason })),
  });
  const job = startBatchJob(ctx, batchId, plan);
  return { jobId: job.id, batchId, letters: plan.plans.length, leftOut: plan.leftOut, folder };
}

export function jobStatus(ctx: Ctx, i: Input<'letters.job'>): Output<'letters.job'> {
  const j = batchJob(ctx.store, i.jobId);
  if (!j) {
    throw new AppError(
      'not_found',
      'That job is not known: a preview or a single letter is kept for an hour, not through a restart.',
    );
  }
  return { status: j.status, done: j.done, total: j.total, error: j.error, result: j.result };
}

// ---- the log -----------------------------------------------------------------------------------------------------

export function pupilLog(ctx: Ctx, i: Input<'letters.log'>): Output<'letters.log'> {
  const orm = ctx.store.orm;
  if (!pupilExists(orm, i.pupilId)) {
    throw noSuchPupil();
  }
  const sends = sendsQuery(orm);
  const entries = logEntriesOf(orm, i.pupilId).map((r) => ({
    id: r.id,
    pupilId: r.pupilId,
    siblingIds: JSON.parse(r.siblingIds) as number[],
    template: r.template,
    title: templateSpec(r.template)?.title ?? r.template,
    templateVersion: r.templateVersion,
    stage: r.stage,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    asOf: r.asOf,
    letterDate: r.letterDate,
    reference: r.reference,
    attendancePct: (JSON.parse(r.figures) as { attendancePct: number | null }).attendancePct,
    addressees: JSON.parse(r.addressees),
    flags: JSON.parse(r.flags),
    overrideReason: r.overrideReason,
    fileName: r.fileName,
    fileSha256: r.fileSha256,
    generatedBy: r.generatedBy,
    generatedAt: r.generatedAt,
    batchId: r.batchId,
    sends: sends.all({ logId: r.id }),
  }));
  const meetings = meetingsOf(orm, i.pupilId);
  const restrictions = restrictionsOf(orm, i.pupilId);
  return {
    entries,
    ladder: ladderStages(ctx.store.db, [i.pupilId]).get(i.pupilId)!,
    meetings,
    restrictions,
  };
}

export function letterFile(ctx: Ctx, i: Input<'letters.file'>): Output<'letters.file'> {
  const r = letterFileOf(ctx.store.orm, i.logId);
  if (!r) {
    throw new AppError('not_found', 'There is no such letter in the log.');
  }
  return { fileName: r.fileName, base64: r.bytes.toString('base64'), sha256: r.sha };
}

export function markSent(ctx: Ctx, i: Input<'letters.markSent'>): Output<'letters.markSent'> {
  const orm = ctx.store.orm;
  const l = loggedLetter(orm, i.logId);
  if (!l) {
    throw new AppError('not_found', 'There is no such letter in the log.');
  }
  if (i.sentOn < l.d) {
    throw new AppError('invalid', 'A letter cannot be sent before the date it carries.', [
      { path: 'sentOn', message: 'before the letter date' },
    ]);
  }
  if (i.sentOn > ctx.today()) {
    throw new AppError('invalid', 'The sending date is in the future.', [
      { path: 'sentOn', message: 'in the future' },
    ]);
  }
  const r = orm
    .insert(letterSends)
    .values({
      logId: i.logId,
      method: i.method,
      sentOn: i.sentOn,
      note: i.note ?? null,
      recordedBy: ctx.session.userName,
      recordedAt: ctx.now(),
    })
    .run();
  ctx.audit('letter.sent', 'pupil', l.pid, { logId: i.logId, method: i.method, sentOn: i.sentOn });
  return { id: Number(r.lastInsertRowid) };
}

export function ladder(ctx: Ctx, i: Input<'letters.ladder'>): Output<'letters.ladder'> {
  const m = ladderStages(ctx.store.db, i.pupilIds);
  return { stages: [...m.entries()].map(([pupilId, v]) => ({ pupilId, ...v })) };
}

export function saveMeeting(ctx: Ctx, i: Input<'letters.saveMeeting'>): Output<'letters.saveMeeting'> {
  const db = ctx.store.db;
  const orm = ctx.store.orm;
  if (!pupilExists(orm, i.pupilId)) {
    throw noSuchPupil();
  }
  if (i.held && i.date > ctx.today()) {
    throw new AppError('invalid', 'A meeting in the future cannot have been held yet.', [
      { path: 'held', message: 'date in the future' },
    ]);
  }
  const fields = {
    kind: i.kind,
    date: i.date,
    time: i.time,
    place: i.place,
    attendees: i.attendees,
    held: i.held,
    notes: i.notes,
  };
  if (i.id) {
    const before = db
      .prepare('SELECT * FROM letter_meetings WHERE id = ? AND pupil_id = ?')
      .get(i.id, i.pupilId);
    if (!before) {
      throw new AppError('not_found', 'There is no such meeting.');
    }
    orm.update(letterMeetings).set(fields).where(eq(letterMeetings.id, i.id)).run();
    ctx.audit('letters.meeting', 'pupil', i.pupilId, { before, after: i });
    return { id: i.id };
  }
  const r = orm
    .insert(letterMeetings)
    .values({
      pupilId: i.pupilId,
      ...fields,
      recordedBy: ctx.session.userName,
      recordedAt: ctx.now(),
    })
    .run();
  ctx.audit('letters.meeting', 'pupil', i.pupilId, { after: i });
  return { id: Number(r.lastInsertRowid) };
}

export function restrictContact(
  ctx: Ctx,
  i: Input<'letters.restrictContact'>,
): Output<'letters.restrictContact'> {
  const orm = ctx.store.orm;
  if (!pupilExists(orm, i.pupilId)) {
    throw noSuchPupil();
  }
  const r = orm
    .insert(letterContactRestrictions)
    .values({
      pupilId: i.pupilId,
      contactName: i.contactName,
      reason: i.reason,
      recordedBy: ctx.session.userName,
      recordedAt: ctx.now(),
    })
    .run();
  ctx.audit('letters.restrictContact', 'pupil', i.pupilId, { contactName: i.contactName, reason: i.reason });
  return { id: Number(r.lastInsertRowid) };
}

export function liftRestriction(
  ctx: Ctx,
  i: Input<'letters.liftRestriction'>,
): Output<'letters.liftRestriction'> {
  const orm = ctx.store.orm;
  const r = restrictionInForce(orm, i.id);
  if (!r) {
    throw new AppError('not_found', 'There is no such restriction in force.');
  }
  orm
    .update(letterContactRestrictions)
    .set({ liftedBy: ctx.session.userName, liftedAt: ctx.now() })
    .where(eq(letterContactRestrictions.id, i.id))
    .run();
  ctx.audit('letters.liftRestriction', 'pupil', r.pid, { contactName: r.n });
  return { ok: true };
}

export function getSettings(ctx: Ctx): Output<'letters.settings'> {
  return readLettersSettings(ctx.store.db);
}

export function saveSettings(ctx: Ctx, i: Input<'letters.saveSettings'>): Output<'letters.saveSettings'> {
  return saveLettersSettings(ctx, i);
}

void customSpec;
