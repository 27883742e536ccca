import type { PointStyle } from 'chart.js';
import type { MetricDirection } from '../benchmarks/benchmark.contract';

/** What a page prints next to the canvas for screen readers and for people who want the numbers. */
export interface DataTable {
  columns: string[];
  rows: (string | number | null)[][];
}

export interface BuiltChart<Config> {
  config: Config;
  table: DataTable;
}

/** The data point every chart hands to the browser: tooltips and clicks read these fields. */
export interface LinkedPoint<X extends string | number> {
  x: X;
  y: number;
  label: string;
  paper: string;
  href: string;
  stderr: number | null;
}

export const EPSILON = 1e-9;

/** Okabe & Ito (2008): distinguishable with every common colour-vision deficiency. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

// Yellow is last because it is faint on white; black is kept for frontiers.
export const SERIES_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.yellow,
];

// One more style than colours, so that colour and shape repeat together only after 56 series.
const POINT_STYLES: readonly PointStyle[] = [
  'circle',
  'triangle',
  'rect',
  'rectRot',
  'star',
  'crossRot',
  'rectRounded',
  'cross',
];

export function seriesStyle(index: number): { colour: string; pointStyle: PointStyle } {
  return {
    colour: SERIES_COLOURS[index % SERIES_COLOURS.length] ?? OKABE_ITO.black,
    pointStyle: POINT_STYLES[index % POINT_STYLES.length] ?? 'circle',
  };
}

/** `a` is strictly better than `b` (beyond float noise). */
export const isBetter = (a: number, b: number, direction: MetricDirection): boolean =>
  direction === 'higher' ? a > b + EPSILON : a < b - EPSILON;

/** A sort comparator that puts the better score first; scores within 1e-9 compare equal. */
export const bestFirst = (a: number, b: number, direction: MetricDirection): number =>
  isBetter(a, b, direction) ? -1 : isBetter(b, a, direction) ? 1 : 0;

/** Series names in order of first appearance, so colours stay put when points are added later. */
export function seriesNames(points: { series: string }[]): string[] {
  return [...new Set(points.map((point) => point.series))];
}

export const axisTitle = (text: string) => ({ display: true, title: { display: true, text } });

export const unitSuffix = (unit: string): string => (unit ? ` (${unit})` : '');

/** Options shared by the scatter charts whose points link to papers: title, legend, axes. */
export function linkedScatterOptions<X extends object>(input: {
  title: string;
  direction: MetricDirection;
  subtitle: string;
  x: X;
  yTitle: string;
}) {
  return {
    responsive: true,
    interaction: { mode: 'nearest' as const, intersect: true },
    plugins: {
      title: { display: true, text: input.title },
      subtitle: {
        display: true,
        text: `${input.direction === 'higher' ? 'Higher' : 'Lower'} is better; ${input.subtitle}`,
      },
      legend: { display: true, position: 'bottom' as const },
    },
    scales: { x: input.x, y: { type: 'linear' as const, ...axisTitle(input.yTitle) } },
  };
}
