// The dashboard's charts, each with its table: the weekly trend, the reasons for absence and the cohort gaps
// against the rest of the school (small groups suppressed; their table is in CohortTable.tsx).
import { useMemo, useState } from 'react';
import { Field, Select, Text } from '@fluentui/react-components';
import { formatUkDate } from '../../../../shared/dates';
import { formatPct1 } from '../../../../shared/statistics/rates';
import { groupsAgainstRestOption, reasonsOption, weeklyTrendOption } from '../../../../shared/charts';
import { Chart, ChartTable, type ChartOption } from '../../components/Chart';
import { num, type D } from './common';
import { CohortTable } from './CohortTable';

export function Weekly({ d }: { d: D }) {
  const option = useMemo(() => weeklyTrendOption(d.weekly) as ChartOption, [d.weekly]);
  return (
    <section className="card" aria-labelledby="h-weekly">
      <Text as="h2" id="h-weekly" weight="semibold" size={500}>
        Weekly trend
      </Text>
      <Chart
        option={option}
        label={
          'Line chart: attendance each school week and the persistent-absence rate to the end of each ' +
          `week, ${d.weekly.length} weeks. The table below has the numbers.`
        }
      />
      <ChartTable caption="Weekly trend">
        <thead>
          <tr>
            <th>Week beginning</th>
            <th className="num">Possible sessions</th>
            <th className="num">Attended</th>
            <th className="num">Attendance</th>
            <th className="num">Persistently absent, year to date</th>
          </tr>
        </thead>
        <tbody>
          {d.weekly.map((w) => (
            <tr key={w.weekStart}>
              <td>{formatUkDate(w.weekStart)}</td>
              <td className="num">{num(w.possible)}</td>
              <td className="num">{num(w.attended)}</td>
              <td className="num">{formatPct1(w.attendancePct)}</td>
              <td className="num">
                {formatPct1(w.persistentPct)} ({w.persistentCount} of {w.pupils})
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>Total</td>
            <td className="num" data-testid="weekly-possible-total">
              {num(d.weekly.reduce((s, w) => s + w.possible, 0))}
            </td>
            <td className="num">{num(d.weekly.reduce((s, w) => s + w.attended, 0))}</td>
            <td className="num">{formatPct1(d.ytd.all.attendancePct)}</td>
            <td className="num">{formatPct1(d.ytd.all.persistentPct)}</td>
          </tr>
        </tfoot>
      </ChartTable>
    </section>
  );
}

export function Reasons({ d }: { d: D }) {
  const option = useMemo(() => reasonsOption(d.reasons) as ChartOption, [d.reasons]);
  const total = d.reasons.reduce((s, r) => s + r.sessions, 0);
  return (
    <section className="card" aria-labelledby="h-reasons">
      <Text as="h2" id="h-reasons" weight="semibold" size={500}>
        Reasons for absence
      </Text>
      <Text block className="muted">
        Sessions of absence by code (blue authorised, red unauthorised). Lateness:{' '}
        {num(d.lateness.lateBeforeClose)} late before the register closed (L),{' '}
        {num(d.lateness.lateAfterClose)} after (U), {num(d.lateness.minutesLate)} minutes in all.
      </Text>
      <Chart
        option={option}
        height={Math.max(160, 26 * d.reasons.length + 48)}
        label={
          'Bar chart: sessions of absence by code; the largest is ' +
          `${d.reasons[0] ? `${d.reasons[0].code} (${d.reasons[0].label}), ${d.reasons[0].sessions} sessions` : 'none'}. ` +
          'The table below has the numbers.'
        }
      />
      <ChartTable caption="Reasons for absence">
        <thead>
          <tr>
            <th>Code</th>
            <th>Reason</th>
            <th>Kind</th>
            <th className="num">Sessions</th>
          </tr>
        </thead>
        <tbody>
          {d.reasons.map((r) => (
            <tr key={r.code + r.label}>
              <td>{r.code}</td>
              <td>{r.label}</td>
              <td>{r.category}</td>
              <td className="num">{num(r.sessions)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={3}>
              Total (authorised {num(d.reasonTotals.authorised)} + unauthorised{' '}
              {num(d.reasonTotals.unauthorised)})
            </td>
            <td className="num" data-testid="reasons-total">
              {num(total)}
            </td>
          </tr>
        </tfoot>
      </ChartTable>
    </section>
  );
}

export function Cohorts({ d }: { d: D }) {
  const [dim, setDim] = useState<D['cohorts'][number]['dimension']>('fsm');
  const shown = d.cohorts.filter((c) => c.dimension !== 'regGroup' || dim === 'regGroup');
  const chartRows = d.cohorts.filter((c) => c.dimension === dim).flatMap((c) => c.rows);
  const option = useMemo(() => groupsAgainstRestOption(chartRows) as ChartOption, [chartRows]);
  return (
    <section className="card" aria-labelledby="h-cohorts">
      <Text as="h2" id="h-cohorts" weight="semibold" size={500}>
        Cohort gaps
      </Text>
      <Text block className="muted">
        Each group against the rest of the school. Any cell about fewer than 5 pupils shows "fewer than 5",
        with a second cell hidden where a total would reveal it.
      </Text>
      <Field label="Chart the group" style={{ maxWidth: 320 }}>
        <Select value={dim} onChange={(_, v) => setDim(v.value as typeof dim)}>
          {d.cohorts.map((x) => (
            <option key={x.dimension} value={x.dimension}>
              {x.label}
            </option>
          ))}
        </Select>
      </Field>
      <Chart
        option={option}
        label={
          'Bar chart: overall absence of each ' +
          `${d.cohorts.find((x) => x.dimension === dim)?.label.toLowerCase()} group beside the rest of ` +
          'the school; suppressed groups have no bar. The table below has the numbers.'
        }
      />
      <CohortTable cohorts={shown} />
    </section>
  );
}
