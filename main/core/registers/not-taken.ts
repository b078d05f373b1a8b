// Every register not taken since the school year began: each school day up to today, each registration group
// with a pupil on roll that day, each session without a taken register (docs/ux.md, "Registers not taken").
import type { Input, Output } from '../../../shared/contract';
import { academicYearOf, academicYearRange, eachDate, type Session } from '../../../shared/dates';
import type { Ctx } from '../context';
import { loadCalendar } from '../calendar/calendar.service';

interface OnRoll {
  g: string;
  from: string;
  to: string | null;
}

export function registersOutstanding(
  ctx: Ctx,
  { asOf }: Input<'registers.outstanding'>,
): Output<'registers.outstanding'> {
  const db = ctx.store.db;
  const cal = loadCalendar(db);
  const from = academicYearRange(academicYearOf(asOf)).from;
  const pupils = db
    .prepare<[string, string], OnRoll>(
      'SELECT reg_group AS g, admission_date AS "from", leaving_date AS "to" FROM pupils ' +
        'WHERE admission_date <= ? AND (leaving_date IS NULL OR leaving_date >= ?)',
    )
    .all(asOf, from);
  const taken = new Set(
    db
      .prepare<[string, string], { k: string }>(
        "SELECT date || '|' || session || '|' || reg_group AS k FROM registers_taken WHERE date BETWEEN ? AND ?",
      )
      .all(from, asOf)
      .map((r) => r.k),
  );
  const days: Output<'registers.outstanding'>['days'] = [];
  for (const date of eachDate(from, asOf).reverse()) {
    if (!cal.isSchoolDay(date)) {
      continue;
    }
    const groups = [
      ...new Set(pupils.filter((p) => p.from <= date && (p.to === null || p.to >= date)).map((p) => p.g)),
    ].sort();
    const missing: { session: Session; regGroup: string }[] = [];
    for (const session of ['AM', 'PM'] as const) {
      for (const g of groups) {
        if (!taken.has(`${date}|${session}|${g}`)) {
          missing.push({ session, regGroup: g });
        }
      }
    }
    if (missing.length > 0) {
      days.push({ date, missing });
    }
  }
  return { from, asOf, total: days.reduce((n, d) => n + d.missing.length, 0), days };
}
