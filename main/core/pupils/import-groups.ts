// A registration group or year group that only one pupil would have after the import ("3Oak" beside "3 Oak") is
// most often a typing error in the MIS: the import warns, naming the pupil and the line, and writes nothing
// different (docs/mis-headers.md).
import { isNull } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Issue } from '../../../shared/contract';
import { pupilName } from '../../../shared/names';
import type { Db } from '../db/connection';
import { pupils as pupilsTable } from '../db/schema';
import type { ParsedPupil } from './pupil-import';

export function lonelyGroupWarnings(db: Db, pupils: readonly ParsedPupil[]): Issue[] {
  const inFile = new Set(pupils.map((p) => p.fields.upn));
  const onRoll = drizzle(db)
    .select({ upn: pupilsTable.upn, yearGroup: pupilsTable.yearGroup, regGroup: pupilsTable.regGroup })
    .from(pupilsTable)
    .where(isNull(pupilsTable.leavingDate))
    .all()
    .filter((p) => !inFile.has(p.upn));
  const current = pupils.filter((p) => p.fields.leavingDate === null).map((p) => p.fields);
  const everyone = [...current, ...onRoll];
  if (everyone.length < 3) {
    return [];
  }
  const warnings: Issue[] = [];
  for (const [key, words] of [
    ['regGroup', 'registration group'],
    ['yearGroup', 'year group'],
  ] as const) {
    const count = new Map<string, number>();
    for (const p of everyone) {
      count.set(p[key], (count.get(p[key]) ?? 0) + 1);
    }
    const others = [...count.keys()].filter((g) => count.get(g)! > 1).sort();
    const theOthers = others.length ? ` (the others are ${others.map((o) => `"${o}"`).join(', ')})` : '';
    for (const p of pupils) {
      const g = p.fields[key];
      if (p.fields.leavingDate === null && count.get(g) === 1) {
        warnings.push({
          line: p.line,
          message: `${pupilName(p.fields)} is the only pupil in ${words} "${g}"${theOthers}: check it is not a typing error.`,
        });
      }
    }
  }
  return warnings;
}
