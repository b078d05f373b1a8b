// The terms an audit is kept for (docs/rules/self-audit.md): the calendar's term ranges grouped into autumn
// (September to December), spring (January to March) and summer (April to August) of each school year.
import { TERM_LABELS, type TermName } from '../../../shared/channels/selfaudit';
import { academicYearOf, type IsoDate } from '../../../shared/dates';
import type { Ctx } from '../context';
import { getCalendar } from '../calendar/calendar.service';
import { AppError } from '../errors';

export interface Term {
  key: string;
  label: string;
  from: IsoDate;
  to: IsoDate;
}

function termOf(start: IsoDate): TermName {
  const m = Number(start.slice(5, 7));
  return m >= 9 ? 'autumn' : m <= 3 ? 'spring' : 'summer';
}

/** Every term the calendar holds, in date order (getCalendar returns every range whatever the days asked for). */
export function schoolTerms(ctx: Ctx): Term[] {
  const byKey = new Map<string, Term>();
  for (const r of getCalendar(ctx, { from: ctx.today(), to: ctx.today() }).ranges.filter(
    (x) => x.kind === 'term',
  )) {
    const year = academicYearOf(r.dateFrom);
    const name = termOf(r.dateFrom);
    const key = `${year}-${name}`;
    const t = byKey.get(key);
    if (t) {
      t.from = r.dateFrom < t.from ? r.dateFrom : t.from;
      t.to = r.dateTo > t.to ? r.dateTo : t.to;
    } else {
      const label = `${TERM_LABELS[name]} term ${year}/${String(year + 1).slice(2)}`;
      byKey.set(key, { key, label, from: r.dateFrom, to: r.dateTo });
    }
  }
  return [...byKey.values()].sort((a, b) => a.from.localeCompare(b.from));
}

export function termByKey(ctx: Ctx, key: string): Term {
  const t = schoolTerms(ctx).find((x) => x.key === key);
  if (!t) {
    const [year, name] = key.split('-');
    const label = `${TERM_LABELS[name as TermName]} term ${year}/${String(Number(year) + 1).slice(2)}`;
    throw new AppError('not_found', `The calendar has no dates for the ${label}: add the term dates first.`);
  }
  return t;
}
