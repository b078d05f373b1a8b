// The year at a glance: each month's days as a grid, Monday first, coloured by kind (school day, weekend, bank
// holiday, closure, holiday), with today marked.
import { Text } from '@fluentui/react-components';
import { MONTHS, formatUkDate, weekday } from '../../../../shared/dates';

export type Day = { date: string; kind: string; label: string | null };
type Month = { key: string; title: string; weeks: (Day | null)[][] };

const KIND_LABEL: Record<string, string> = {
  school: 'school day',
  weekend: 'weekend',
  bank_holiday: 'bank holiday',
  closure: 'closure',
  holiday: 'holiday',
};

/** The days (in date order) as months of weeks, each week seven cells, empty before the 1st and after the last. */
export function groupMonths(days: Day[]): Month[] {
  const out: Month[] = [];
  for (const d of days) {
    const key = d.date.slice(0, 7);
    let m = out[out.length - 1];
    if (!m || m.key !== key) {
      m = { key, title: `${MONTHS[Number(key.slice(5)) - 1]} ${key.slice(0, 4)}`, weeks: [[]] };
      out.push(m);
      const lead = (weekday(d.date) + 6) % 7;
      for (let i = 0; i < lead; i++) {
        m.weeks[0].push(null);
      }
    }
    let w = m.weeks[m.weeks.length - 1];
    if (w.length === 7) {
      w = [];
      m.weeks.push(w);
    }
    w.push(d);
  }
  for (const m of out) {
    const w = m.weeks[m.weeks.length - 1];
    while (w.length < 7) {
      w.push(null);
    }
  }
  return out;
}

function MonthTable({ m, today }: { m: Month; today: string }) {
  return (
    <div className="month">
      <table aria-label={m.title}>
        <caption>{m.title}</caption>
        <thead>
          <tr>
            {['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'].map((d) => (
              <th key={d} scope="col">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.weeks.map((w, i) => (
            <tr key={i}>
              {w.map((d, k) => (
                <td
                  key={k}
                  className={d ? `day-${d.kind}${d.date === today ? ' today' : ''}` : undefined}
                  aria-current={d?.date === today ? 'date' : undefined}
                  title={d ? `${formatUkDate(d.date)}: ${d.label ?? KIND_LABEL[d.kind]}` : undefined}
                >
                  {d ? Number(d.date.slice(8)) : ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function YearAtAGlance({ days, today }: { days: Day[] | undefined; today: string }) {
  const months = days ? groupMonths(days) : [];
  const schoolDays = days?.filter((d) => d.kind === 'school').length ?? 0;
  return (
    <section className="card" aria-labelledby="h-year">
      <Text as="h2" id="h-year" weight="semibold" size={500}>
        The year at a glance
      </Text>
      <p className="legend">
        <span className="day-school">school day</span>
        <span className="day-weekend">weekend</span>
        <span className="day-bank_holiday">bank holiday</span>
        <span className="day-closure">closure</span>
        <span className="day-holiday">holiday</span>
      </p>
      <Text>{days ? `${schoolDays} school days (${2 * schoolDays} sessions).` : ''}</Text>
      <div>
        {months.map((m) => (
          <MonthTable key={m.key} m={m} today={today} />
        ))}
      </div>
    </section>
  );
}
