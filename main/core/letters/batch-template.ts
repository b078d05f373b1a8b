// The template a batch picked up again is made with: the version its first letters were made with, when the school
// has uploaded another since (every version is kept in letter_templates). A shipped template changed by an update
// of the app is not kept: the batch then goes on with the shipped template as it is now.
import type { Db } from '../db/connection';
import { templateSpec } from './templates';
import { customSpec, loadTemplate, type TemplateSource } from './template-source';
import { templateVersionBySha } from './template-rows';

export function batchTemplate(db: Db, name: string, sha256: string): TemplateSource {
  const now = loadTemplate(db, name);
  if (now.sha256 === sha256) {
    return now;
  }
  const row = templateVersionBySha(db, name, sha256);
  // the query reads only versions with bytes: the check is for the type, the column being nullable
  if (!row?.bytes) {
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
