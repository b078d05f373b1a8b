// The report's charts as PNG pictures, rendered in the main process from the same ECharts options the dashboard
// draws (shared/charts.ts): ECharts' server-side SVG renderer, then resvg to a bitmap (docs/rules/governor-report.md).
import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import {
  cohortGapsOption,
  groupsAgainstRestOption,
  reasonsOption,
  weeklyAgainstLastYearOption,
  type ChartSpec,
} from '../../../shared/charts';
import type { GovernorFigures } from './report-data';
import { formatUkDate } from '../../../shared/dates';

export interface ChartPicture {
  key: string;
  title: string;
  /** Alt text: what the chart shows in words; the table beside it has every number. */
  alt: string;
  png: Buffer;
  /** Size in the document, in pixels at 96 dpi. */
  width: number;
  height: number;
}

const FONT = 'Liberation Sans, Arial, DejaVu Sans, sans-serif';

export function renderChart(option: ChartSpec, width: number, height: number): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT, fontSize: 12 }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return new Resvg(svg, {
    fitTo: { mode: 'width', value: width * 2 },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
}

const pct1 = (v: number | null) => (v === null ? 'no figure' : `${(Math.round(v * 10) / 10).toFixed(1)}%`);

type YearRows = GovernorFigures['breakdowns'][number]['rows'];
type CohortGap = { label: string; absenceGap: number | null };

/** The four charts of the report: weekly against last year, absence by year group, cohort gaps, reasons. */
export function reportCharts(f: GovernorFigures): ChartPicture[] {
  const years = f.breakdowns.find((b) => b.dimension === 'yearGroup')?.rows ?? [];
  const cohorts = f.breakdowns
    .filter((b) => !['yearGroup', 'regGroup'].includes(b.dimension))
    .flatMap((b) => b.rows)
    .map((r) => ({ label: r.label, absenceGap: r.absenceGap }));
  const options: Record<string, ChartSpec> = {
    weekly: weeklyAgainstLastYearOption(
      f.weekly,
      f.weekly.map((w) => w.lastYearAttendancePct),
    ),
    yearGroups: groupsAgainstRestOption(years),
    cohorts: cohortGapsOption(cohorts),
    reasons: reasonsOption(f.reasons),
  };
  return chartPictures(f, years, cohorts).map((p) => ({
    ...p,
    png: renderChart(options[p.key], p.width, p.height),
  }));
}

/** Each chart's key, title, alt text and size: the alt text says in words what the chart shows. */
function chartPictures(
  f: GovernorFigures,
  years: YearRows,
  cohorts: CohortGap[],
): Omit<ChartPicture, 'png'>[] {
  const weeks = f.weekly;
  const low = weeks.reduce<(typeof weeks)[number] | null>(
    (m, w) => (w.attendancePct !== null && (m === null || w.attendancePct < m.attendancePct!) ? w : m),
    null,
  );
  const hiddenYears = years.filter((r) => r.group.suppressed).length;
  const top = f.reasons[0];
  return [
    {
      key: 'weekly',
      title: 'Attendance each week against the same weeks last year',
      alt:
        `Line chart of attendance in each of ${weeks.length} school weeks, ` +
        'with the same weeks last year as a dashed line' +
        `${low ? `; the lowest week began ${formatUkDate(low.weekStart)} at ${pct1(low.attendancePct)}` : ''}. ` +
        'The table below the chart has every figure.',
      width: 640,
      height: 280,
    },
    {
      key: 'yearGroups',
      title: 'Absence by year group against the rest of the school',
      alt:
        `Bar chart of overall absence for each of ${years.length} year groups beside the rest of the ` +
        `school${hiddenYears ? `; ${hiddenYears} year groups about fewer than 5 pupils have no bar` : ''}. ` +
        'The table below the chart has every figure.',
      width: 640,
      height: 280,
    },
    {
      key: 'cohorts',
      title: 'Cohort gaps in absence (percentage points against the rest)',
      alt:
        'Bar chart of the gap in overall absence between each cohort and the rest of the school, in ' +
        'percentage points; cohorts about fewer than 5 pupils are left out. ' +
        'The table below the chart has every figure.',
      width: 640,
      height: Math.max(180, 30 * cohorts.filter((c) => c.absenceGap !== null).length + 70),
    },
    {
      key: 'reasons',
      title: 'Sessions of absence by code',
      alt:
        'Bar chart of sessions of absence by attendance code, ' +
        'authorised in blue and unauthorised in red; the largest is ' +
        `${top ? `${top.code} (${top.label}) with ${top.sessions} sessions` : 'none'}. ` +
        'The table below the chart has every figure.',
      width: 640,
      height: Math.max(180, 24 * f.reasons.length + 60),
    },
  ];
}
