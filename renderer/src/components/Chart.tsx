// One ECharts chart (only the parts the figures use are imported, to keep the bundle small), drawn with the SVG
// renderer and ECharts' own aria description. The figure carries a plain-words label; the same numbers are always
// in the table under it ("Show as table"), which is what a screen reader or a keyboard user reads.
import { useEffect, useRef, type ReactNode } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  AriaComponentOption,
} from 'echarts/components';

echarts.use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | AriaComponentOption
>;

export function Chart({
  option,
  label,
  height = 280,
}: {
  option: ChartOption;
  label: string;
  height?: number;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) {
      return;
    }
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({ aria: { enabled: true, label: { description: label } }, animation: false, ...option });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [option, label]);
  return <div ref={el} role="img" aria-label={label} style={{ width: '100%', height }} />;
}

/** A chart's numbers as a table, folded under the chart. */
export function ChartTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <details className="chart-table">
      <summary>Show as table</summary>
      <table className="plain" aria-label={caption}>
        {children}
      </table>
    </details>
  );
}
