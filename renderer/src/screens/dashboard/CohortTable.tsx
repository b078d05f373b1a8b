// The cohort gaps' table: each group's absence and persistent absence beside the rest of the school's, and the
// gap in points (small groups suppressed).
import { formatPct1 } from '../../../../shared/statistics/rates';
import { cellText, SUPPRESSED_TEXT } from '../../../../shared/breakdowns';
import { ChartTable } from '../../components/Chart';
import type { D } from './common';

type Cohort = D['cohorts'][number];
type Figures = Cohort['rows'][number]['group'];

/** A group's percentage, or the suppression text for a small group. */
const pct = (x: Figures, f: 'absencePct' | 'persistentPct') => cellText(x, formatPct1, f);

/** A gap in points, signed, to one decimal place; a dash where it is hidden. */
const gap = (v: number | null) =>
  v === null ? '–' : `${v > 0 ? '+' : ''}${(Math.round(v * 10) / 10).toFixed(1)}\u00a0pts`;

export function CohortTable({ cohorts }: { cohorts: Cohort[] }) {
  return (
    <ChartTable caption="Cohort gaps">
      <thead>
        <tr>
          <th>Cohort</th>
          <th>Group</th>
          <th className="num">Pupils</th>
          <th className="num">Absence</th>
          <th className="num">Rest: absence</th>
          <th className="num">Gap</th>
          <th className="num">Persistently absent</th>
          <th className="num">Rest: persistently absent</th>
          <th className="num">Gap</th>
        </tr>
      </thead>
      <tbody>
        {cohorts.flatMap((x) =>
          x.rows.map((r) => (
            <tr key={x.dimension + r.label}>
              <td>{x.label}</td>
              <td>{r.label}</td>
              <td className="num">{r.group.suppressed ? SUPPRESSED_TEXT : r.group.pupils}</td>
              <td className="num">{pct(r.group, 'absencePct')}</td>
              <td className="num">{pct(r.rest, 'absencePct')}</td>
              <td className="num">{gap(r.absenceGap)}</td>
              <td className="num">{pct(r.group, 'persistentPct')}</td>
              <td className="num">{pct(r.rest, 'persistentPct')}</td>
              <td className="num">{gap(r.persistentGap)}</td>
            </tr>
          )),
        )}
      </tbody>
    </ChartTable>
  );
}
