// Before a meeting (docs/rules/casework.md): absence by reason, by weekday and session, lateness, spells and the
// trend over the school year, each chart with its table. One component for each section below.
import type { Output } from '../../../../shared/contract';
import { academicYearOf, formatUkDate } from '../../../../shared/dates';
import { formatPct1 } from '../../../../shared/statistics/rates';
import { useRpc } from '../../hooks';
import { ErrorBar } from '../../components/ErrorBar';
import { Chart, ChartTable } from '../../components/Chart';

type Data = Output<'casework.patterns'>;

/** A plain bar chart of one value for each label. */
function bar(labels: string[], data: number[]) {
  return {
    xAxis: { type: 'category' as const, data: labels },
    yAxis: { type: 'value' as const },
    tooltip: {},
    series: [{ type: 'bar' as const, data }],
  };
}

function ByReason({ byReason }: { byReason: Data['byReason'] }) {
  return (
    <section className="card" aria-labelledby="reason-h">
      <h2 id="reason-h">Absence by reason</h2>
      <Chart
        option={bar(
          byReason.map((r) => r.code),
          byReason.map((r) => r.sessions),
        )}
        label="Absence sessions by reason"
        height={200}
      />
      <ChartTable caption="Absence by reason">
        <tbody>
          {byReason.map((r) => (
            <tr key={r.code}>
              <td>{r.code}</td>
              <td>{r.label}</td>
              <td>{r.sessions}</td>
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </section>
  );
}

function ByWeekday({ byWeekday }: { byWeekday: Data['byWeekday'] }) {
  return (
    <section className="card" aria-labelledby="day-h">
      <h2 id="day-h">By day and session</h2>
      <table className="plain" aria-label="Absence by weekday and session">
        <thead>
          <tr>
            <th>Day</th>
            <th>Mornings missed</th>
            <th>Afternoons missed</th>
          </tr>
        </thead>
        <tbody>
          {byWeekday.map((w) => (
            <tr key={w.weekday}>
              <td>{w.label}</td>
              <td>
                {w.amAbsent} of {w.amPossible}
              </td>
              <td>
                {w.pmAbsent} of {w.pmPossible}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Trend({ trend }: { trend: Data['trend'] }) {
  return (
    <section className="card" aria-labelledby="trend-h">
      <h2 id="trend-h">Trend over the year</h2>
      <Chart
        option={bar(
          trend.map((t) => t.month),
          trend.map((t) => Math.round((t.attendancePct ?? 0) * 10) / 10),
        )}
        label="Attendance % each month"
        height={200}
      />
      <ChartTable caption="Attendance each month">
        <tbody>
          {trend.map((t) => (
            <tr key={t.month}>
              <td>{t.month}</td>
              <td>{formatPct1(t.attendancePct)}</td>
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </section>
  );
}

function Spells({ spells }: { spells: Data['spells'] }) {
  return (
    <section className="card" aria-labelledby="spell-h">
      <h2 id="spell-h">Spells of absence (2 days or more)</h2>
      <ul>
        {spells.map((s) => (
          <li key={s.from}>
            {formatUkDate(s.from)} to {formatUkDate(s.to)}: {s.sessions} sessions ({s.codes})
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Patterns({ pupilId, today }: { pupilId: number; today: string }) {
  const from = `${academicYearOf(today)}-09-01`;
  const q = useRpc('casework.patterns', { pupilId, from, to: today });
  if (!q.data) {
    return (
      <div className="page">
        <h1>Before a meeting</h1>
        <ErrorBar error={q.error} />
      </div>
    );
  }
  const d = q.data;
  return (
    <div className="page">
      <h1>Before a meeting: {d.pupilName}</h1>
      <p>
        {formatUkDate(d.from)} to {formatUkDate(d.to)}: attendance {formatPct1(d.figures.attendancePct)} of{' '}
        {d.figures.possible} sessions; late {d.lateness.beforeClose} before and {d.lateness.afterClose} after
        the register closed ({d.lateness.minutes} minutes).
      </p>
      <ByReason byReason={d.byReason} />
      <ByWeekday byWeekday={d.byWeekday} />
      <Trend trend={d.trend} />
      <Spells spells={d.spells} />
    </div>
  );
}
