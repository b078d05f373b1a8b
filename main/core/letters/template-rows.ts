// The rows of the school's letter templates (letter_templates) that template-source.ts and school-templates.ts
// read, as typed drizzle rows.
import { and, asc, desc, eq, isNotNull, max, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db, Orm } from '../db/connection';
import { letterTemplates } from '../db/schema-letters';

/** The latest version of each of the school's templates, by name. */
export function latestSchoolTemplates(db: Db) {
  return drizzle(db)
    .select({
      name: letterTemplates.name,
      version: letterTemplates.version,
      title: letterTemplates.title,
      bytes: letterTemplates.bytes,
      sha256: letterTemplates.sha256,
      placeholders: letterTemplates.placeholders,
      uploadedBy: letterTemplates.uploadedBy,
      uploadedAt: letterTemplates.uploadedAt,
    })
    .from(letterTemplates)
    .where(
      sql`${letterTemplates.version} = (SELECT max(u.version) FROM letter_templates u WHERE u.name = ${letterTemplates.name})`,
    )
    .orderBy(asc(letterTemplates.name))
    .all();
}

/** The latest version of one of the school's templates, or undefined. */
export function latestTemplate(db: Db, name: string) {
  return drizzle(db)
    .select({
      name: letterTemplates.name,
      version: letterTemplates.version,
      title: letterTemplates.title,
      bytes: letterTemplates.bytes,
      sha256: letterTemplates.sha256,
      placeholders: letterTemplates.placeholders,
    })
    .from(letterTemplates)
    .where(eq(letterTemplates.name, name))
    .orderBy(desc(letterTemplates.version))
    .limit(1)
    .get();
}

/** The latest stored version of the school's template with these bytes (by hash), or undefined. */
export function templateVersionBySha(db: Db, name: string, sha256: string) {
  return drizzle(db)
    .select({
      version: letterTemplates.version,
      title: letterTemplates.title,
      bytes: letterTemplates.bytes,
      placeholders: letterTemplates.placeholders,
    })
    .from(letterTemplates)
    .where(
      and(
        eq(letterTemplates.name, name),
        eq(letterTemplates.sha256, sha256),
        isNotNull(letterTemplates.bytes),
      ),
    )
    .orderBy(desc(letterTemplates.version))
    .limit(1)
    .get();
}

/** The version the next upload or revert of a template takes: one more than its latest, or 1. */
export function nextTemplateVersion(orm: Orm, name: string): number {
  const r = orm
    .select({ v: max(letterTemplates.version) })
    .from(letterTemplates)
    .where(eq(letterTemplates.name, name))
    .get();
  return (r?.v ?? 0) + 1;
}
