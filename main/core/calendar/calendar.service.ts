// The school calendar: term ranges, closures and changes to the shipped bank holidays.
import { and, asc, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { Calendar, type CalendarRange } from '../../../shared/calendar';
import { eachDate, parseInputDate } from '../../../shared/dates';
import type { Issue, Output, Input } from '../../../shared/contract';
import type { Db } from '../db/connection';
import { bankHolidayOverrides as overridesTable, calendarRanges } from '../db/schema';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { plural } from '../../../shared/names';
import { columnIndex, readCsv, unneutralise, type CsvRecord } from '../import/csv';

const RANGE = {
  dateFrom: calendarRanges.dateFrom,
  dateTo: calendarRanges.dateTo,
  kind: calendarRanges.kind,
  label: calendarRanges.label,
};
const OVERRIDE = { date: overridesTable.date, action: overridesTable.action, label: overridesTable.label };

export function loadCalendar(db: Db): Calendar {
  const orm = drizzle(db);
  const ranges = orm.select(RANGE).from(calendarRanges).orderBy(asc(calendarRanges.dateFrom)).all();
  const bankHolidayOverrides = orm.select(OVERRIDE).from(overridesTable).all();
  return new Calendar({ ranges, bankHolidayOverrides });
}

export function getCalendar(ctx: Ctx, input: Input<'calendar.get'>): Output<'calendar.get'> {
  const orm = drizzle(ctx.store.db);
  const ranges = orm
    .select({ id: calendarRanges.id, ...RANGE })
    .from(calendarRanges)
    .orderBy(asc(calendarRanges.dateFrom), asc(calendarRanges.kind))
    .all();
  const overrides = orm.select(OVERRIDE).from(overridesTable).orderBy(asc(overridesTable.date)).all();
  const cal = new Calendar({ ranges, bankHolidayOverrides: overrides });
  if (input.from > input.to) {
    throw new AppError('invalid', 'The period ends before it starts.');
  }
  const days = eachDate(input.from, input.to)
    .slice(0, 800)
    .map((date) => {
      const kind = cal.dayKind(date);
      const label =
        kind === 'bank_holiday'
          ? (cal.bankHolidayName(date) ?? null)
          : kind === 'closure'
            ? (ranges.find((r) => r.kind === 'closure' && r.dateFrom <= date && date <= r.dateTo)?.label ??
              null)
            : null;
      return { date, kind, label };
    });
  return { ranges, overrides, days };
}

function insertRange(ctx: Ctx, r: CalendarRange): { id: number; added: boolean } {
  const orm = drizzle(ctx.store.db);
  const existing = orm
    .select({ id: calendarRanges.id })
    .from(calendarRanges)
    .where(
      and(
        eq(calendarRanges.dateFrom, r.dateFrom),
        eq(calendarRanges.dateTo, r.dateTo),
        eq(calendarRanges.kind, r.kind),
      ),
    )
    .get();
  if (existing) {
    return { id: existing.id, added: false };
  }
  const info = orm
    .insert(calendarRanges)
    .values({ dateFrom: r.dateFrom, dateTo: r.dateTo, kind: r.kind, label: r.label })
    .run();
  const id = Number(info.lastInsertRowid);
  ctx.audit('calendar.addRange', 'calendar_range', id, r);
  return { id, added: true };
}

export function addRange(ctx: Ctx, r: Input<'calendar.addRange'>): Output<'calendar.addRange'> {
  return {
    id: insertRange(ctx, { dateFrom: r.dateFrom, dateTo: r.dateTo, kind: r.kind, label: r.label ?? null }).id,
  };
}

export function removeRange(ctx: Ctx, { id }: Input<'calendar.removeRange'>): Output<'calendar.removeRange'> {
  // The raw row, as the audit trail has always recorded it (its snake_case column names).
  const row = ctx.store.db.prepare('SELECT * FROM calendar_ranges WHERE id = ?').get(id);
  if (!row) {
    throw new AppError('not_found', 'That calendar range no longer exists.');
  }
  ctx.store.db.prepare('DELETE FROM calendar_ranges WHERE id = ?').run(id);
  ctx.audit('calendar.removeRange', 'calendar_range', id, row);
  return { ok: true };
}

export function setBankHoliday(
  ctx: Ctx,
  o: Input<'calendar.setBankHoliday'>,
): Output<'calendar.setBankHoliday'> {
  const label = o.label ?? null;
  drizzle(ctx.store.db)
    .insert(overridesTable)
    .values({ date: o.date, action: o.action, label })
    .onConflictDoUpdate({ target: overridesTable.date, set: { action: o.action, label } })
    .run();
  ctx.audit('calendar.setBankHoliday', 'bank_holiday', o.date, o);
  return { ok: true };
}

/** `import calendar`: columns date_from,date_to,kind,label; all-or-nothing; re-import is a no-op. */
export function importCalendar(ctx: Ctx, { csv }: Input<'calendar.import'>): Output<'calendar.import'> {
  const table = readCsv(csv);
  const col = columnIndex(table);
  const missing = ['date_from', 'date_to', 'kind'].filter((f) => col(f) < 0);
  if (missing.length) {
    throw new AppError(
      'invalid',
      `The file has no ${missing.join(', ')} column (columns: date_from,date_to,kind,label).`,
    );
  }
  const issues: Issue[] = [];
  const ranges: CalendarRange[] = [];
  const seen = new Set<string>();
  for (const rec of table.records) {
    const row = readCalendarRow(rec, col, seen);
    if (Array.isArray(row)) {
      issues.push(...row.map((message) => ({ line: rec.line, message })));
    } else {
      ranges.push(row);
    }
  }
  if (issues.length) {
    throw new AppError(
      'invalid',
      `${plural(issues.length, 'problem')} in the calendar file; nothing was imported.`,
      issues,
    );
  }
  let added = 0;
  for (const r of ranges) {
    if (insertRange(ctx, r).added) {
      added++;
    }
  }
  return { added, unchanged: ranges.length - added };
}

/** One row of a calendar file: its range, or what is wrong with it. `seen` holds the ranges of the rows before
 * it, so a range listed twice is a problem. */
function readCalendarRow(
  rec: CsvRecord,
  col: (field: string) => number,
  seen: Set<string>,
): CalendarRange | string[] {
  const cell = (f: string) => (col(f) >= 0 ? unneutralise(rec.cells[col(f)] ?? '').trim() : '');
  const from = parseInputDate(cell('date_from'));
  const to = parseInputDate(cell('date_to'));
  const kind = cell('kind').toLowerCase();
  const problems: string[] = [];
  if (!from) {
    problems.push(`date_from ${JSON.stringify(cell('date_from'))} is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
  }
  if (!to) {
    problems.push(`date_to ${JSON.stringify(cell('date_to'))} is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
  }
  if (kind !== 'term' && kind !== 'closure') {
    problems.push(`kind ${JSON.stringify(cell('kind'))} must be term or closure`);
  }
  if (from && to && to < from) {
    problems.push(`date_to ${to} is before date_from ${from}`);
  }
  const key = `${from}|${to}|${kind}`;
  if (!problems.length && seen.has(key)) {
    problems.push(`the ${kind} ${from} to ${to} is listed twice`);
  }
  seen.add(key);
  // With no problem the dates parsed and the kind is term or closure; the tests only tell the compiler so.
  if (problems.length || !from || !to || (kind !== 'term' && kind !== 'closure')) {
    return problems;
  }
  return { dateFrom: from, dateTo: to, kind, label: cell('label') || null };
}
