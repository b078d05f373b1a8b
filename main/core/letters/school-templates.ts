// The letter template channels (docs/rules/letters.md §1.2): the templates, shipped and the school's own, with the
// merge fields; the checks of a school's .docx, its upload, going back to the shipped version, and the download.
import type { Input, Output } from '../../../shared/contract';
import type { Ctx } from '../context';
import { letterTemplates } from '../db/schema-letters';
import { AppError } from '../errors';
import { BLOCK_FIELDS, COMMON_FIELDS } from './template-fields';
import { TEMPLATES, templateSpec } from './templates';
import { DocxError, scanPlaceholders, unzipDocx } from './docx-xml';
import { loadTemplate, sha256, shippedTemplate } from './template-source';
import { latestSchoolTemplates, nextTemplateVersion } from './template-rows';

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
