import uPlot from 'uplot';
import { h } from '../dom.ts';

export interface ChartSeries {
  readonly label: string;
  /** One value per period; null leaves a gap (a rate without a base). */
  readonly values: readonly (number | null)[];
  readonly color: string;
  /** A dash pattern, so series differ by more than colour. */
  readonly dash?: readonly number[];
}

export interface LineChartOptions {
  readonly title: string;
  /** A sentence for screen readers: what the chart shows and its main figures. */
  readonly summary: string;
  /** Period starts, `YYYY-MM-DD`. */
  readonly periods: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly formatValue: (value: number) => string;
  readonly formatPeriod: (day: string) => string;
  /** Shorter, for the axis ticks. */
  readonly formatTick: (day: string) => string;
  /** The legend's name for the period column. */
  readonly periodLabel: string;
}

/**
 * A line chart drawn by uPlot (a canvas; about 50 KB, no dependencies), in a figure with a caption
 * and a text summary for screen readers; the numbers themselves are in the data table beside it.
 * `mount` draws it once the figure is in the page (uPlot measures its container).
 */
export function lineChart(options: LineChartOptions): { figure: HTMLElement; mount: () => void } {
  const canvasHolder = h('div', { class: 'chart-canvas', 'aria-hidden': 'true' });
  const figure = h(
    'figure',
    { class: 'chart' },
    h('figcaption', {}, options.title),
    h('p', { class: 'visually-hidden' }, options.summary),
    canvasHolder,
  );
  const xs = options.periods.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000);
  const mount = () => {
    const width = Math.max(280, canvasHolder.clientWidth);
    const plot = new uPlot(
      {
        width,
        height: 260,
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
        cursor: { drag: { x: false, y: false } },
        scales: {
          x: { time: true },
          y: { range: (_u, min, max) => [Math.min(0, min), Math.max(1, max) * 1.1] },
        },
        axes: [
          {
            stroke: '#3d4451',
            grid: { stroke: '#e3e6ea' },
            space: 70,
            values: (_u, ticks) =>
              ticks.map((t) => options.formatTick(new Date(t * 1000).toISOString().slice(0, 10))),
          },
          {
            stroke: '#3d4451',
            grid: { stroke: '#e3e6ea' },
            values: (_u, ticks) => ticks.map((t) => options.formatValue(t)),
            size: 60,
          },
        ],
        series: [
          {
            label: options.periodLabel,
            value: (_u, ts) =>
              ts === null ? '' : options.formatPeriod(new Date(ts * 1000).toISOString().slice(0, 10)),
          },
          ...options.series.map((series) => ({
            label: series.label,
            stroke: series.color,
            width: 2,
            dash: series.dash ? [...series.dash] : undefined,
            // Points as well as lines, so a lone value between gaps still shows.
            points: { show: true, size: options.periods.length <= 40 ? 6 : 4, fill: series.color },
            value: (_u: uPlot, value: number | null) => (value === null ? '—' : options.formatValue(value)),
          })),
        ],
      },
      [xs, ...options.series.map((series) => [...series.values])] as uPlot.AlignedData,
      canvasHolder,
    );
    const observer = new ResizeObserver(() => {
      const next = Math.max(280, canvasHolder.clientWidth);
      if (Math.abs(next - plot.width) > 4) plot.setSize({ width: next, height: 260 });
    });
    observer.observe(canvasHolder);
  };
  return { figure, mount };
}
