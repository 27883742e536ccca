import type { ChartConfiguration } from 'chart.js';
import type { MetricDirection } from '../benchmarks/benchmark.contract';
import type { BuiltChart, LinkedPoint } from './chart';
import {
  axisTitle,
  linkedScatterOptions,
  bestFirst,
  isBetter,
  seriesNames,
  seriesStyle,
  unitSuffix,
} from './chart';

export interface SotaPoint extends LinkedPoint<string> {
  /** 'YYYY-MM-DD', the paper's date. */
  x: string;
  series: string;
}

export interface SotaChartInput {
  title: string;
  metricName: string;
  /** Shown after the metric name on the y axis; '' for none. */
  unit?: string;
  direction: MetricDirection;
  points: SotaPoint[];
}

export type SotaChartPoint = LinkedPoint<string>;
export type SotaChartConfig = ChartConfiguration<'scatter' | 'line', SotaChartPoint[]>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The points that set a new best when taken in date order (the first point always does). */
export function runningBest<P extends { x: string; y: number }>(
  points: P[],
  direction: MetricDirection,
): P[] {
  const byDate = [...points].sort(
    (a, b) => compareText(a.x, b.x) || bestFirst(a.y, b.y, direction),
  );
  const records: P[] = [];
  for (const point of byDate) {
    const best = records.at(-1);
    if (!best || isBetter(point.y, best.y, direction)) records.push(point);
  }
  return records;
}

const toChartPoint = ({ x, y, label, paper, href, stderr }: SotaPoint): SotaChartPoint => ({
  x,
  y,
  label,
  paper,
  href,
  stderr,
});

export function buildSotaChart(input: SotaChartInput): BuiltChart<SotaChartConfig> {
  const { title, metricName, direction, points } = input;
  const bad = points.find((point) => !ISO_DATE.test(point.x) || !Number.isFinite(point.y));
  if (bad) throw new RangeError(`bad SOTA point ${bad.x} / ${bad.y} (${bad.label})`);

  const yTitle = `${metricName}${unitSuffix(input.unit ?? '%')}`;
  const lastDate = points.reduce((last, point) => (point.x > last ? point.x : last), '');
  const newBests = new Set<SotaPoint>();
  const datasets: SotaChartConfig['data']['datasets'] = [];

  seriesNames(points).forEach((series, i) => {
    const { colour, pointStyle } = seriesStyle(i);
    const members = points.filter((point) => point.series === series);
    const records = runningBest(members, direction);
    records.forEach((record) => newBests.add(record));
    const frontier = records.map(toChartPoint);
    const last = frontier.at(-1);
    // Carry the best to the latest date on the chart, so every frontier reaches the right edge.
    if (last && last.x < lastDate) frontier.push({ ...last, x: lastDate });

    datasets.push({
      type: 'scatter',
      label: series,
      data: members.map(toChartPoint),
      backgroundColor: colour,
      borderColor: colour,
      pointStyle,
      pointRadius: 4,
      pointHoverRadius: 6,
    });
    datasets.push({
      type: 'line',
      label: `${series}: best so far`,
      data: frontier,
      showLine: true,
      stepped: 'before',
      fill: false,
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 2,
      pointRadius: 0,
      pointHitRadius: 0,
    });
  });

  const config: SotaChartConfig = {
    type: 'scatter',
    data: { datasets },
    options: linkedScatterOptions({
      title,
      direction,
      subtitle: 'steps show the best result so far',
      x: {
        type: 'time',
        time: { tooltipFormat: 'yyyy-MM-dd' },
        ...axisTitle('Paper date'),
      } as const,
      yTitle,
    }),
  };

  const rows = [...points]
    .sort((a, b) => compareText(a.x, b.x) || compareText(a.series, b.series))
    .map((point) => [
      point.x,
      point.series,
      point.label,
      point.y,
      point.stderr,
      point.paper,
      newBests.has(point) ? 'yes' : 'no',
    ]);
  return {
    config,
    table: {
      columns: ['Paper date', 'Series', 'Model', yTitle, 'Standard error', 'Paper', 'New best'],
      rows,
    },
  };
}
