// The template a batch picked up again is made with: the version its first letters were made with, when the school
// has uploaded another since (every version is kept in letter_templates). A shipped template changed by an update
// of the app is not kept: the batch then goes on with the shipped template as it is now.
import type { Db } from '../db/connection';
import { templateSpec } from './templates';
import { customSpec, loadTemplate, type TemplateSource } from './render';

export function batchTemplate(db: Db, name: string, sha256: string): TemplateSource {
  const now = loadTemplate(db, name);
  if (now.sha256 === sha256) {
    return now;
  }
  const row = db
    .prepare(
      `SELECT version, title, bytes, placeholders FROM letter_templates
    WHERE name = ? AND sha256 = ? AND bytes IS NOT NULL ORDER BY version DESC LIMIT 1`,
    )
    .get(name, sha256) as { version: number; title: string; bytes: Buffer; placeholders: string } | undefined;
  if (!row) {
    return now;
  }
  return {
    name,
    spec: templateSpec(name) ?? customSpec(name, row.title),
    bytes: new Uint8Array(row.bytes),
    version: `school v${row.version}`,
    sha256,
    placeholders: JSON.parse(row.placeholders) as string[],
    source: 'school',
  };
}
