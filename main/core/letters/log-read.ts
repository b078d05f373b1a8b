// Reads of the letter log for other areas: which pupils a template's letters reached in a period (the letter's own
// pupil and the siblings combined on it). The self-audit reads the termly updates to parents from here
// (docs/rules/self-audit.md).
import { and, eq, gte, lte } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { IsoDate } from '../../../shared/dates';
import type { Db } from '../db/connection';
import { letterLog } from '../db/schema-letters';

/** Pupils covered by a letter from `template` produced (letter date) in [from, to]. */
export function pupilsLetteredWith(db: Db, template: string, from: IsoDate, to: IsoDate): Set<number> {
  const rows = drizzle(db)
    .select({ pupilId: letterLog.pupilId, siblingIds: letterLog.siblingIds })
    .from(letterLog)
    .where(
      and(eq(letterLog.template, template), gte(letterLog.letterDate, from), lte(letterLog.letterDate, to)),
    )
    .all();
  const out = new Set<number>();
  for (const r of rows) {
    out.add(r.pupilId);
    for (const s of JSON.parse(r.siblingIds) as number[]) {
      out.add(s);
    }
  }
  return out;
}
