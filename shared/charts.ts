// The ECharts options of the figures' charts, built in one place: the dashboard draws them in the browser and the
// governor report renders the same options in the main process as pictures (docs/rules/governor-report.md).
// Options are plain data, so the two can never draw a figure differently.
import type { EChartsOption } from 'echarts';
import { formatUkDate } from './dates';
import type { BreakdownRow } from './breakdowns';

export type ChartSpec = EChartsOption;

export const CHART_COLOURS = { blue: '#0f6cbd', red: '#c50f1f', grey: '#8a8886', teal: '#038387' };

export const round1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

export interface WeekPoint {
  weekStart: string;
  attendancePct: number | null;
  persistentPct: number | null;
}

/** Attendance each school week and the persistent-absence rate to the end of each week (the dashboard's trend). */
export function weeklyTrendOption(weekly: readonly WeekPoint[]): ChartSpec {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['Attendance %', 'Persistently absent %, year to date'], top: 0 },
    color: [CHART_COLOURS.blue, CHART_COLOURS.red],
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: weekly.map((w) => formatUkDate(w.weekStart).slice(0, 5)) },
    yAxis: [
      {
        type: 'value',
        name: 'Attendance %',
        min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 2)),
        max: 100,
      },
      { type: 'value', name: 'PA %', min: 0 },
    ],
    series: [
      { name: 'Attendance %', type: 'line', data: weekly.map((w) => round1(w.attendancePct)), yAxisIndex: 0 },
      {
        name: 'Persistently absent %, year to date',
        type: 'line',
        data: weekly.map((w) => round1(w.persistentPct)),
        yAxisIndex: 1,
      },
    ],
  };
}

/** Weekly attendance against the same school weeks a year earlier (week k beside week k of last year). */
export function weeklyAgainstLastYearOption(
  weekly: readonly WeekPoint[],
  lastYear: readonly (number | null)[],
): ChartSpec {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['This year', 'Same weeks last year'], top: 0 },
    color: [CHART_COLOURS.blue, CHART_COLOURS.grey],
    grid: { left: 56, right: 24, top: 40, bottom: 36 },
    xAxis: {
      type: 'category',
      name: 'Week beginning',
      nameLocation: 'middle',
      nameGap: 26,
      data: weekly.map((w) => formatUkDate(w.weekStart).slice(0, 5)),
    },
    yAxis: {
      type: 'value',
      name: 'Attendance %',
      min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 2)),
      max: 100,
    },
    series: [
      { name: 'This year', type: 'line', data: weekly.map((w) => round1(w.attendancePct)) },
      {
        name: 'Same weeks last year',
        type: 'line',
        lineStyle: { type: 'dashed' },
        data: weekly.map((_, k) => round1(lastYear[k] ?? null)),
      },
    ],
  };
}

export interface ReasonPoint {
  code: string;
  category: 'authorised' | 'unauthorised';
  sessions: number;
}

/** Sessions of absence by code, largest at the top; blue authorised, red unauthorised. */
export function reasonsOption(reasons: readonly ReasonPoint[]): ChartSpec {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 60, right: 24, top: 16, bottom: 32 },
    xAxis: { type: 'value', name: 'Sessions' },
    yAxis: { type: 'category', data: reasons.map((r) => r.code).reverse() },
    series: [
      {
        type: 'bar',
        name: 'Sessions',
        data: reasons
          .map((r) => ({
            value: r.sessions,
            itemStyle: { color: r.category === 'authorised' ? CHART_COLOURS.blue : CHART_COLOURS.red },
          }))
          .reverse(),
      },
    ],
  };
}

/** Each group's overall absence beside the rest of the school; a suppressed group has no bar. */
export function groupsAgainstRestOption(
  rows: readonly Pick<BreakdownRow, 'label' | 'group' | 'rest'>[],
): ChartSpec {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['Group', 'Rest of the school'], top: 0 },
    color: [CHART_COLOURS.blue, CHART_COLOURS.grey],
    grid: { left: 48, right: 24, top: 40, bottom: 48 },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', name: 'Absence %' },
    series: [
      { name: 'Group', type: 'bar', data: rows.map((r) => round1(r.group.absencePct)) },
      { name: 'Rest of the school', type: 'bar', data: rows.map((r) => round1(r.rest.absencePct)) },
    ],
  };
}

/** The gap in overall absence between each cohort and the rest, in percentage points (suppressed cohorts left out). */
export function cohortGapsOption(rows: readonly { label: string; absenceGap: number | null }[]): ChartSpec {
  const shown = rows.filter((r) => r.absenceGap !== null);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 16, right: 40, top: 16, bottom: 36, containLabel: true },
    xAxis: {
      type: 'value',
      name: 'Points above (+) or below (−) the rest',
      nameLocation: 'middle',
      nameGap: 24,
    },
    yAxis: { type: 'category', data: shown.map((r) => r.label).reverse() },
    series: [
      {
        type: 'bar',
        name: 'Gap in absence',
        data: shown
          .map((r) => ({
            value: round1(r.absenceGap),
            itemStyle: { color: (r.absenceGap ?? 0) > 0 ? CHART_COLOURS.red : CHART_COLOURS.teal },
          }))
          .reverse(),
      },
    ],
  };
}
