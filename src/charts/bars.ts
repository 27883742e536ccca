import type { ChartConfiguration } from 'chart.js';
import type { BuiltChart } from './chart';
import { axisTitle, seriesStyle } from './chart';

export interface BarSeries {
  label: string;
  /** One value per category; null leaves a gap. */
  values: (number | null)[];
}

export interface GroupedBarChartInput {
  title: string;
  categories: string[];
  series: BarSeries[];
  yTitle: string;
  xTitle?: string;
}

export type GroupedBarChartConfig = ChartConfiguration<'bar', (number | null)[], string>;

const finiteOrNull = (value: number | null): number | null =>
  value !== null && Number.isFinite(value) ? value : null;

export function buildGroupedBarChart(
  input: GroupedBarChartInput,
): BuiltChart<GroupedBarChartConfig> {
  const { title, categories, series, yTitle } = input;
  const xTitle = input.xTitle ?? 'Benchmark';
  const ragged = series.find((s) => s.values.length !== categories.length);
  if (ragged) {
    throw new RangeError(
      `series ${ragged.label} has ${ragged.values.length} values for ${categories.length} categories`,
    );
  }

  const cleaned = series.map((s) => ({ label: s.label, values: s.values.map(finiteOrNull) }));
  const config: GroupedBarChartConfig = {
    type: 'bar',
    data: {
      labels: [...categories],
      datasets: cleaned.map((s, i) => {
        const { colour } = seriesStyle(i);
        return {
          label: s.label,
          data: s.values,
          backgroundColor: colour,
          borderColor: colour,
          borderWidth: 1,
        };
      }),
    },
    options: {
      responsive: true,
      plugins: {
        title: { display: true, text: title },
        legend: { display: true, position: 'bottom' },
      },
      scales: {
        x: { type: 'category', ...axisTitle(xTitle) },
        y: { type: 'linear', ...axisTitle(yTitle) },
      },
    },
  };

  return {
    config,
    table: {
      columns: [xTitle, ...series.map((s) => s.label)],
      rows: categories.map((category, c) => [category, ...cleaned.map((s) => s.values[c] ?? null)]),
    },
  };
}
