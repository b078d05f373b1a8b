// A plan's attendance before, during and after it (docs/rules/casework.md): the three parts' figures, and each
// week of the plan as a chart with its table against the plan's measures.
import type { Output } from '../../../../shared/contract';
import { MEASURE_LABELS } from '../../../../shared/casework';
import { formatUkDate } from '../../../../shared/dates';
import { formatPct1 } from '../../../../shared/statistics/rates';
import { Chart, ChartTable } from '../../components/Chart';

type Plan = Output<'casework.plan.get'>;

/** The chart of each week's attendance %. */
function weeksChart(p: Plan) {
  return {
    xAxis: { type: 'category' as const, data: p.weeks.map((w) => formatUkDate(w.monday)) },
    yAxis: { type: 'value' as const, max: 100 },
    tooltip: {},
    series: [{ type: 'bar' as const, name: 'Attendance %', data: p.weeks.map((w) => w.attendancePct) }],
  };
}

function PartsTable({ p }: { p: Plan }) {
  const parts: [string, Plan['before'] | null][] = [
    ['Before the plan', p.before],
    ['During the plan', p.during],
    ['After the plan', p.after],
  ];
  return (
    <table className="plain" aria-label="Attendance before, during and after the plan">
      <thead>
        <tr>
          <th>Part</th>
          <th>Dates</th>
          <th>Possible</th>
          <th>Attended</th>
          <th>Attendance</th>
        </tr>
      </thead>
      <tbody>
        {parts.map(([label, f]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{f ? `${formatUkDate(f.from)} to ${formatUkDate(f.to)}` : 'not yet'}</td>
            <td>{f?.possible ?? ''}</td>
            <td>{f?.attended ?? ''}</td>
            <td>{f ? formatPct1(f.attendancePct) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WeeksTable({ p }: { p: Plan }) {
  return (
    <ChartTable caption="Each week of the plan against its measures">
      <thead>
        <tr>
          <th>Week of</th>
          <th>Attended / possible</th>
          {p.plan.content.measures.map((m) => (
            <th key={m.kind}>
              {MEASURE_LABELS[m.kind]} ({m.target})
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {p.weeks.map((w) => (
          <tr key={w.monday}>
            <td>{formatUkDate(w.monday)}</td>
            <td>
              {w.attended} / {w.possible}
            </td>
            {w.measures.map((m) => (
              <td key={m.kind}>
                {m.value === null ? '—' : Math.round(m.value * 10) / 10}{' '}
                {m.met === null ? '' : m.met ? '(met)' : '(not met)'}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </ChartTable>
  );
}

export function Figures({ p }: { p: Plan }) {
  return (
    <section className="card" aria-labelledby="fig-h">
      <h2 id="fig-h">Attendance before, during and after</h2>
      <PartsTable p={p} />
      <Chart option={weeksChart(p)} label="Attendance each week of the plan" height={220} />
      <WeeksTable p={p} />
    </section>
  );
}
