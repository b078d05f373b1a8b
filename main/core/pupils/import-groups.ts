// A registration group or year group that only one pupil would have after the import ("3Oak" beside "3 Oak") is
// most often a typing error in the MIS: the import warns, naming the pupil and the line, and writes nothing
// different (docs/mis-headers.md).
import type { Issue } from '../../../shared/contract';
import { pupilName } from '../../../shared/names';
import type { Db } from '../db/connection';
import type { ParsedPupil } from './pupil-import';

export function lonelyGroupWarnings(db: Db, pupils: readonly ParsedPupil[]): Issue[] {
  const inFile = new Set(pupils.map((p) => p.fields.upn));
  const onRoll = (
    db
      .prepare(
        'SELECT upn, year_group AS yearGroup, reg_group AS regGroup FROM pupils WHERE leaving_date IS NULL',
      )
      .all() as { upn: string; yearGroup: string; regGroup: string }[]
  ).filter((p) => !inFile.has(p.upn));
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
    for (const p of pupils) {
      const g = p.fields[key];
      if (p.fields.leavingDate === null && count.get(g) === 1) {
        warnings.push({
          line: p.line,
          message: `${pupilName(p.fields)} is the only pupil in ${words} "${g}"${others.length ? ` (the others are ${others.map((o) => `"${o}"`).join(', ')})` : ''}: check it is not a typing error.`,
        });
      }
    }
  }
  return warnings;
}
