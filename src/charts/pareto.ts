import type { ChartConfiguration } from 'chart.js';
import { formatCount } from '../claims/claim.text';
import type { MetricDirection } from '../benchmarks/benchmark.contract';
import type { BuiltChart, LinkedPoint } from './chart';
import {
  axisTitle,
  linkedScatterOptions,
  bestFirst,
  isBetter,
  OKABE_ITO,
  seriesNames,
  seriesStyle,
  unitSuffix,
} from './chart';

export interface ParetoPoint extends LinkedPoint<number> {
  /** Trainable parameters. */
  x: number;
  /** The adaptation method, e.g. "LoRA". */
  series: string;
}

export interface ParetoChartInput {
  title: string;
  metricName: string;
  unit?: string;
  direction: MetricDirection;
  points: ParetoPoint[];
}

export type ParetoChartPoint = LinkedPoint<number>;
export type ParetoChartConfig = ChartConfiguration<'scatter' | 'line', ParetoChartPoint[]>;

/**
 * The points no other point dominates (x no larger, y at least as good, one of them strictly),
 * in order of x. Fewer trainable parameters is always better; `direction` is the score's.
 */
export function paretoFront<P extends { x: number; y: number }>(
  points: P[],
  direction: MetricDirection,
): P[] {
  const dominates = (q: P, p: P): boolean =>
    q.x <= p.x && !isBetter(p.y, q.y, direction) && (q.x < p.x || isBetter(q.y, p.y, direction));
  return points
    .filter((p) => !points.some((q) => dominates(q, p)))
    .sort((a, b) => a.x - b.x || bestFirst(a.y, b.y, direction));
}

const toChartPoint = ({ x, y, label, paper, href, stderr }: ParetoPoint): ParetoChartPoint => ({
  x,
  y,
  label,
  paper,
  href,
  stderr,
});

export function buildParetoChart(input: ParetoChartInput): BuiltChart<ParetoChartConfig> {
  const { title, metricName, direction, points } = input;
  // A logarithmic axis cannot place zero or negative parameter counts.
  const bad = points.find(
    (point) => !(point.x > 0 && Number.isFinite(point.x)) || !Number.isFinite(point.y),
  );
  if (bad) throw new RangeError(`bad Pareto point ${bad.x} / ${bad.y} (${bad.label})`);

  const yTitle = `${metricName}${unitSuffix(input.unit ?? '%')}`;
  const front = paretoFront(points, direction);
  const onFront = new Set(front);
  const datasets: ParetoChartConfig['data']['datasets'] = seriesNames(points).map((series, i) => {
    const { colour, pointStyle } = seriesStyle(i);
    return {
      type: 'scatter',
      label: series,
      data: points.filter((point) => point.series === series).map(toChartPoint),
      backgroundColor: colour,
      borderColor: colour,
      pointStyle,
      pointRadius: 4,
      pointHoverRadius: 6,
    };
  });
  datasets.push({
    type: 'line',
    label: 'Pareto front',
    data: front.map(toChartPoint),
    showLine: true,
    stepped: 'before',
    fill: false,
    borderColor: OKABE_ITO.black,
    backgroundColor: OKABE_ITO.black,
    borderWidth: 1.5,
    borderDash: [6, 4],
    pointRadius: 0,
    pointHitRadius: 0,
  });

  const config: ParetoChartConfig = {
    type: 'scatter',
    data: { datasets },
    options: linkedScatterOptions({
      title,
      direction,
      subtitle: 'the dashed line is the Pareto front (best score for its parameter budget)',
      x: { type: 'logarithmic', ...axisTitle('Trainable parameters (log scale)') } as const,
      yTitle,
    }),
  };

  const rows = [...points]
    .sort((a, b) => a.x - b.x || bestFirst(a.y, b.y, direction))
    .map((point) => [
      point.series,
      point.label,
      formatCount(point.x),
      point.y,
      point.stderr,
      point.paper,
      onFront.has(point) ? 'yes' : 'no',
    ]);
  return {
    config,
    table: {
      columns: [
        'Method',
        'Model',
        'Trainable parameters',
        yTitle,
        'Standard error',
        'Paper',
        'On Pareto front',
      ],
      rows,
    },
  };
}
