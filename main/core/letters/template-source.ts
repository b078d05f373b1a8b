// The template a letter is made from (docs/rules/letters.md §1.3): the school's own version, else the shipped one,
// with its version, hash and placeholders. sha256 is the hash of templates and letters alike.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { resourcesDir } from '../paths';
import { TEMPLATES, templateSpec, type TemplateSpec } from './templates';
import { scanPlaceholders, unzipDocx } from './docx-xml';
import { latestSchoolTemplates, latestTemplate } from './template-rows';

export const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

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
