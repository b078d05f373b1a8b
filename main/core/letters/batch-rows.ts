// The rows of a batch of letters (letter_batches, and the log's rows with the batch's id) that batches.ts and
// render.ts read, as typed drizzle rows.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../db/connection';
import { pupils } from '../db/schema';
import { letterBatches, letterFiles, letterLog } from '../db/schema-letters';

/** A batch's row, or undefined. */
export function batchRow(db: Db, id: string) {
  return drizzle(db)
    .select({
      id: letterBatches.id,
      template: letterBatches.template,
      folder: letterBatches.folder,
      params: letterBatches.params,
      combinedFile: letterBatches.combinedFile,
      createdBy: letterBatches.createdBy,
    })
    .from(letterBatches)
    .where(eq(letterBatches.id, id))
    .get();
}

/** The batches not finished that kept their plan, oldest first. */
export function unfinishedBatchIds(db: Db): string[] {
  return drizzle(db)
    .select({ id: letterBatches.id })
    .from(letterBatches)
    .where(
      and(
        isNull(letterBatches.combinedFile),
        sql`json_extract(${letterBatches.params}, '$.plan') IS NOT NULL`,
        sql`json_extract(${letterBatches.params}, '$.outcome') IS NULL`,
      ),
    )
    .orderBy(asc(letterBatches.createdAt))
    .all()
    .map((r) => r.id);
}

/** The letters a batch has logged, in the order logged. */
export function batchLetters(db: Db, batchId: string) {
  return drizzle(db)
    .select({
      id: letterLog.id,
      reference: letterLog.reference,
      pupilId: letterLog.pupilId,
      fileName: letterLog.fileName,
      sha: letterLog.fileSha256,
      addressees: letterLog.addressees,
    })
    .from(letterLog)
    .where(eq(letterLog.batchId, batchId))
    .orderBy(asc(letterLog.id))
    .all();
}

/** The bytes of a logged letter's file; prepared once for a batch's letters. */
export function letterBytesQuery(db: Db) {
  return drizzle(db)
    .select({ bytes: letterFiles.bytes })
    .from(letterFiles)
    .where(eq(letterFiles.logId, sql.placeholder('logId')))
    .prepare();
}

/** The leaving date of each of these pupils that is still on record. */
export function leavingDates(db: Db, ids: number[]): Map<number, string | null> {
  const rows = drizzle(db)
    .select({ id: pupils.id, leavingDate: pupils.leavingDate })
    .from(pupils)
    .where(inArray(pupils.id, ids))
    .all();
  return new Map(rows.map((p) => [p.id, p.leavingDate]));
}

/** The id of the batch's letter with this reference, or undefined. */
export function batchLetterId(db: Db, batchId: string, reference: string): number | undefined {
  return drizzle(db)
    .select({ id: letterLog.id })
    .from(letterLog)
    .where(and(eq(letterLog.batchId, batchId), eq(letterLog.reference, reference)))
    .get()?.id;
}
