// Every register not taken this school year: today's first, then each earlier school day, each register a link
// that opens it on its own day (docs/ux.md, "Registers not taken").
import { Link, Text, Title2 } from '@fluentui/react-components';
import { formatLongDate, formatUkDate } from '../../../shared/dates';
import { plural } from '../../../shared/names';
import { useRpc } from '../hooks';
import { ErrorBar } from '../components/ErrorBar';
import { registerHref } from '../../../shared/routes';

export function NotTaken({ today }: { today: string }) {
  const q = useRpc('registers.outstanding', { asOf: today });
  const d = q.data;
  return (
    <div className="page">
      <Title2 as="h1">Registers not taken</Title2>
      <ErrorBar error={q.error} />
      {d && (
        <Text block>
          {d.total === 0
            ? `Every register since ${formatUkDate(d.from)} has been taken.`
            : `${plural(d.total, 'register')} not taken since ${formatUkDate(d.from)}, over ` +
              `${plural(d.days.length, 'school day')}. Open one to take it; ` +
              'a register taken late is still the legal record of that session.'}
        </Text>
      )}
      {d?.days.map((day) => {
        const name = formatLongDate(day.date, true);
        return (
          <section key={day.date} className="card" aria-labelledby={`h-${day.date}`}>
            <Text as="h2" id={`h-${day.date}`} weight="semibold" size={400}>
              {name}
              {day.date === today ? ' (today)' : ''}
            </Text>
            <ul className="register-links" aria-label={`Not taken on ${name}`}>
              {day.missing.map((m) => (
                <li key={m.session + m.regGroup}>
                  <Link href={registerHref(m.regGroup, m.session, day.date)}>
                    {m.regGroup} {m.session}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
