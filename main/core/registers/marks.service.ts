// Reading register marks: `export marks` (docs/cli.md), a pupil's amendment history, and the marks taken or
// amended in the app and not yet exported to the MIS. Marks are written only by the mark writer (mark-writer.ts);
// the import of a marks file is mark-import.ts.
import { asc, count, eq, isNull, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Input, Output } from '../../../shared/contract';
import { auditExport, type Ctx } from '../context';
import { markHistory as markHistoryTable, marks, pupils } from '../db/schema';
import { AppError } from '../errors';
import { csvCell, csvLine } from '../import/csv';

/** The marks of [from, to] in UPN, date, session order, read in index order: the pupils by UPN, then each pupil's
 * marks by (pupil, date, session), so nothing is sorted (docs/performance.md). Parameters: from, to. */
export const EXPORT_MARKS_SQL = `SELECT p.upn, m.date, m.session, m.code, m.minutes_late AS minutes, m.note
    FROM pupils p INDEXED BY pupils_upn_uq CROSS JOIN marks m ON m.pupil_id = p.id AND m.date >= ? AND m.date <= ?
    ORDER BY p.upn, m.date, m.session`;

/** `export marks`: CSV ordered by UPN, date, session; formula-like cells neutralised. */
export function exportMarks(ctx: Ctx, { from, to }: Input<'marks.export'>): Output<'marks.export'> {
  if (from > to) {
    throw new AppError('invalid', 'The period ends before it starts.');
  }
  // Raw mode: each row is the array of its columns, in the order of the SELECT.
  type ExportRow = (string | number | null)[];
  const rows = ctx.store.db.prepare<[string, string], ExportRow>(EXPORT_MARKS_SQL).raw().iterate(from, to);
  // The lines are joined 10,000 at a time: one string a line and one a block, rather than millions of small
  // concatenations left for the garbage collector (docs/performance.md, "Memory").
  const blocks = [csvLine(['upn', 'date', 'session', 'code', 'minutes_late', 'note'])];
  let lines: string[] = [];
  let n = 0;
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) {
      r[i] = csvCell(r[i]);
    }
    lines.push(r.join(','));
    n++;
    if (lines.length === 10_000) {
      blocks.push(lines.join('\r\n') + '\r\n');
      lines = [];
    }
  }
  if (lines.length) {
    blocks.push(lines.join('\r\n') + '\r\n');
  }
  const csv = blocks.join('');
  auditExport(ctx, 'export.marks', { from, to, rows: n });
  return { csv, rows: n };
}

/** `history`: every amendment of a pupil's marks, oldest first, then by date and session. */
export function markHistory(ctx: Ctx, { upn }: Input<'marks.history'>): Output<'marks.history'> {
  const orm = drizzle(ctx.store.db);
  const pupil = orm
    .select({ id: pupils.id })
    .from(pupils)
    .where(eq(pupils.upn, upn.trim().toUpperCase()))
    .get();
  if (!pupil) {
    throw new AppError('not_found', `There is no pupil with UPN ${upn}.`);
  }
  const h = markHistoryTable;
  const amendments = orm
    .select({
      date: marks.date,
      session: marks.session,
      oldCode: h.oldCode,
      newCode: h.newCode,
      oldMinutesLate: h.oldMinutesLate,
      newMinutesLate: h.newMinutesLate,
      reason: h.reason,
      changedAt: h.changedAt,
      changedBy: h.changedBy,
      position: h.position,
    })
    .from(h)
    .innerJoin(marks, eq(marks.id, h.markId))
    .where(eq(marks.pupilId, pupil.id))
    .orderBy(asc(h.changedAt), asc(h.id), asc(marks.date), asc(marks.session))
    .all();
  return { upn: upn.trim().toUpperCase(), amendments };
}

/** Marks taken or amended in the app and not yet exported to the MIS, so the two registers never silently differ. */
export function unexportedMarks(ctx: Ctx): Output<'marks.unexported'> {
  const orm = drizzle(ctx.store.db);
  const rows = orm
    .select({
      upn: pupils.upn,
      name: sql<string>`${pupils.forename} || ' ' || ${pupils.surname}`,
      date: marks.date,
      session: marks.session,
      code: marks.code,
      amended: sql<number>`${marks.version} > 1`,
    })
    .from(marks)
    .innerJoin(pupils, eq(pupils.id, marks.pupilId))
    .where(isNull(marks.exportedAt))
    .orderBy(asc(marks.date), asc(marks.session), asc(pupils.surname))
    .limit(5000)
    .all();
  const total = orm.select({ n: count() }).from(marks).where(isNull(marks.exportedAt)).get()!.n;
  return { total, marks: rows.map((r) => ({ ...r, amended: !!r.amended })) };
}
