// The school calendar: term ranges, closures and changes to the shipped bank holidays.
import { Calendar, type CalendarRange, type BankHolidayOverride } from '../../../shared/calendar';
import { eachDate, parseInputDate } from '../../../shared/dates';
import type { Issue, Output, Input } from '../../../shared/contract';
import type { Db } from '../db/connection';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { columnIndex, readCsv, unneutralise } from '../import/csv';

export function loadCalendar(db: Db): Calendar {
  const ranges = db
    .prepare(
      'SELECT date_from AS dateFrom, date_to AS dateTo, kind, label FROM calendar_ranges ORDER BY date_from',
    )
    .all() as CalendarRange[];
  const bankHolidayOverrides = db
    .prepare('SELECT date, action, label FROM bank_holiday_overrides')
    .all() as BankHolidayOverride[];
  return new Calendar({ ranges, bankHolidayOverrides });
}

export function getCalendar(ctx: Ctx, input: Input<'calendar.get'>): Output<'calendar.get'> {
  const db = ctx.store.db;
  const ranges = db
    .prepare(
      'SELECT id, date_from AS dateFrom, date_to AS dateTo, kind, label FROM calendar_ranges ORDER BY date_from, kind',
    )
    .all() as (CalendarRange & { id: number })[];
  const overrides = db
    .prepare('SELECT date, action, label FROM bank_holiday_overrides ORDER BY date')
    .all() as BankHolidayOverride[];
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
  const db = ctx.store.db;
  const existing = db
    .prepare('SELECT id FROM calendar_ranges WHERE date_from = ? AND date_to = ? AND kind = ?')
    .get(r.dateFrom, r.dateTo, r.kind) as { id: number } | undefined;
  if (existing) {
    return { id: existing.id, added: false };
  }
  const info = db
    .prepare('INSERT INTO calendar_ranges (date_from, date_to, kind, label) VALUES (?, ?, ?, ?)')
    .run(r.dateFrom, r.dateTo, r.kind, r.label);
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
  ctx.store.db
    .prepare(
      'INSERT INTO bank_holiday_overrides (date, action, label) VALUES (?, ?, ?) ON CONFLICT(date) DO UPDATE SET action = excluded.action, label = excluded.label',
    )
    .run(o.date, o.action, o.label ?? null);
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
    const cell = (f: string) => (col(f) >= 0 ? unneutralise(rec.cells[col(f)] ?? '').trim() : '');
    const from = parseInputDate(cell('date_from'));
    const to = parseInputDate(cell('date_to'));
    const kind = cell('kind').toLowerCase();
    const problems: string[] = [];
    if (!from) {
      problems.push(
        `date_from ${JSON.stringify(cell('date_from'))} is not a date (YYYY-MM-DD or DD/MM/YYYY)`,
      );
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
    if (problems.length) {
      for (const p of problems) {
        issues.push({ line: rec.line, message: p });
      }
      continue;
    }
    ranges.push({
      dateFrom: from!,
      dateTo: to!,
      kind: kind as 'term' | 'closure',
      label: cell('label') || null,
    });
  }
  if (issues.length) {
    throw new AppError(
      'invalid',
      `${issues.length} problem(s) in the calendar file; nothing was imported.`,
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
