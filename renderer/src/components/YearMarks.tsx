// A pupil's marks for the whole school year so far, compact: one row a school week (latest first), Monday to
// Friday, the AM and PM mark side by side in each day (docs/ux.md, "The pupil's year"). Notes are listed below.
import { Text } from '@fluentui/react-components';
import { academicYearOf, academicYearRange, addDays, formatUkDate, mondayOf } from '../../../shared/dates';
import type { Output } from '../../../shared/contract';
import { useRpc } from '../hooks';
import { ErrorBar } from './ErrorBar';

type Attendance = Output<'registers.pupilAttendance'>;
type Day = Attendance['days'][number];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

function Mark({ m }: { m: Day['am'] }) {
  return (
    <span className={`mark${m?.amended ? ' amended' : ''}`} title={m?.amended ? 'Amended' : undefined}>
      {m?.code ?? '·'}
    </span>
  );
}

function DayCell({ d, from }: { d: Day | undefined; from: string }) {
  if (!d || d.kind !== 'school' || d.date < from) {
    return <td className="muted year-off">{d && d.kind !== 'school' ? '–' : ''}</td>;
  }
  const note = d.am?.note ?? d.pm?.note;
  return (
    <td
      data-date={d.date}
      aria-label={`${formatUkDate(d.date)}: AM ${d.am?.code ?? 'none'}, PM ${d.pm?.code ?? 'none'}`}
    >
      <Mark m={d.am} />
      <Mark m={d.pm} />
      {note && <sup aria-hidden="true">*</sup>}
    </td>
  );
}

/** The codes used so far, most used first, and the absence on each weekday. */
function CodeSummary({ data }: { data: Attendance }) {
  return (
    <>
      <p>
        Codes:{' '}
        {Object.entries(data.codeCounts)
          .sort((a, b) => b[1] - a[1])
          .map(([c, n]) => `${c} ${n}`)
          .join(' · ') || 'none yet'}
      </p>
      <p>
        Absence by weekday:{' '}
        {data.weekdayPattern
          .map(
            (w) =>
              `${WEEKDAYS[w.weekday - 1]} ${w.possible ? ((100 * w.absent) / w.possible).toFixed(1) : '–'}%`,
          )
          .join(' · ')}
      </p>
    </>
  );
}

/** One row a school week from its Monday, the days before `from` (the starting day) left blank. */
function WeeksTable({ weeks, byDate, from }: { weeks: string[]; byDate: Map<string, Day>; from: string }) {
  return (
    <table className="plain year-marks" aria-label="Marks this school year, a week a row (latest first)">
      <thead>
        <tr>
          <th scope="col">Week of</th>
          {WEEKDAYS.map((w) => (
            <th key={w} scope="col">
              {w} <span className="muted">AM PM</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((monday) => (
          <tr key={monday}>
            <th scope="row">{formatUkDate(monday)}</th>
            {WEEKDAYS.map((_, k) => (
              <DayCell key={k} d={byDate.get(addDays(monday, k))} from={from} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The notes on marks (latest first), each day's AM and PM note together. */
function MarkNotes({ notes }: { notes: Day[] }) {
  return (
    <>
      <Text as="h3" weight="semibold" size={400}>
        Notes (marked * above)
      </Text>
      <ul aria-label="Notes on marks">
        {notes.map((d) => (
          <li key={d.date}>
            {formatUkDate(d.date)}: {[d.am?.note, d.pm?.note].filter(Boolean).join('; ')}
          </li>
        ))}
      </ul>
    </>
  );
}

export function YearMarks({
  pupilId,
  today,
  admissionDate,
}: {
  pupilId: number;
  today: string;
  admissionDate: string;
}) {
  const from = academicYearRange(academicYearOf(today)).from;
  const q = useRpc('registers.pupilAttendance', { pupilId, from, to: today });
  if (!q.data) {
    return <ErrorBar error={q.error} />;
  }
  const byDate = new Map(q.data.days.map((d) => [d.date, d]));
  const school = q.data.days.filter((d) => d.kind === 'school' && d.date >= admissionDate); // none before the starting day
  const weeks = [...new Set(school.map((d) => mondayOf(d.date)))].reverse();
  const notes = school.filter((d) => d.am?.note || d.pm?.note).reverse();
  return (
    <section className="card" aria-labelledby="h-marks">
      <Text as="h2" id="h-marks" weight="semibold" size={500}>
        Marks this school year
      </Text>
      <CodeSummary data={q.data} />
      <WeeksTable weeks={weeks} byDate={byDate} from={admissionDate} />
      {school.length === 0 && <Text>No school days since the pupil started.</Text>}
      {notes.length > 0 && <MarkNotes notes={notes} />}
    </section>
  );
}
