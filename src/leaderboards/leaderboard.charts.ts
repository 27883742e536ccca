import type { AggregateRecipe, Benchmark, Metric } from '../benchmarks/benchmark.table';
import type { BuiltChart } from '../charts/chart';
import { buildParetoChart } from '../charts/pareto';
import { buildSotaChart } from '../charts/sota';
import type { ClaimView } from '../claims/claim.repository';
import {
  ADAPTATION_LABELS,
  settingAspects,
  settingLabel,
  type Setting,
} from '../claims/claim.setting';

export interface Charts {
  sota: BuiltChart<unknown> | null;
  pareto: BuiltChart<unknown> | null;
}

interface ChartPoint {
  date: string | null;
  value: number;
  stderr: number | null;
  setting: Setting;
  model: string;
  paperId: number;
  paperTitle: string;
}

/**
 * Series of comparable settings for the trend plot: the method, and how it was measured where
 * the source says (shots, chain of thought, …); the split is the page's filter.
 */
const seriesOf = (setting: Setting): string =>
  [ADAPTATION_LABELS[setting.adaptation], settingLabel(settingAspects(setting, ['protocol']))]
    .filter(Boolean)
    .join(', ');

const paperHref = (paperId: number) => `/papers/${paperId}`;

function unitOf(metric: Pick<Metric, 'scale'>): string {
  return metric.scale === 'percent' ? '%' : metric.scale === 'correlation' ? '×100' : '';
}

function buildCharts(
  title: string,
  metricName: string,
  metric: Pick<Metric, 'direction' | 'scale'>,
  points: ChartPoint[],
): Charts {
  const dated = points.filter((p): p is ChartPoint & { date: string } => p.date !== null);
  const sota = dated.length
    ? buildSotaChart({
        title: `${title}: best reported over time`,
        metricName,
        unit: unitOf(metric),
        direction: metric.direction,
        points: dated.map((p) => ({
          x: p.date,
          y: p.value,
          stderr: p.stderr,
          series: seriesOf(p.setting),
          label: p.model,
          paper: p.paperTitle,
          href: paperHref(p.paperId),
        })),
      })
    : null;
  const sized = points.filter(
    (p): p is ChartPoint & { setting: { trainableParams: number } } =>
      p.setting.trainableParams !== null && p.setting.trainableParams > 0,
  );
  const pareto = sized.length
    ? buildParetoChart({
        title: `${title}: score against trainable parameters`,
        metricName,
        unit: unitOf(metric),
        direction: metric.direction,
        points: sized.map((p) => ({
          x: p.setting.trainableParams,
          y: p.value,
          stderr: p.stderr,
          series: ADAPTATION_LABELS[p.setting.adaptation],
          label: p.model,
          paper: p.paperTitle,
          href: paperHref(p.paperId),
        })),
      })
    : null;
  return { sota, pareto };
}

const claimPoint = (c: ClaimView, value = c.value, stderr = c.stderr): ChartPoint => ({
  date: c.paperDate,
  value,
  stderr,
  setting: c,
  model: c.modelName,
  paperId: c.paperId,
  paperTitle: c.paperTitle,
});

export function datasetCharts(benchmark: Benchmark, metric: Metric, shown: ClaimView[]): Charts {
  return buildCharts(
    benchmark.name,
    metric.name,
    metric,
    shown.map((c) => claimPoint(c)),
  );
}

/** What the suite charts need of an entry. */
interface SuiteEntry {
  sample: ClaimView;
  score: number | null;
  published: { recipe: AggregateRecipe; claim: ClaimView }[];
}

/**
 * Plots the official score; when no entry in view has one (a dev-set table of PEFT methods, say),
 * the papers' own average that most entries share, named as such, so like is still plotted with like.
 */
export function suiteCharts(
  benchmark: Benchmark,
  official: AggregateRecipe | null,
  rows: SuiteEntry[],
): Charts {
  const scored = rows.filter((r) => r.score !== null);
  if (scored.length > 0 || !official) {
    return buildCharts(
      benchmark.name,
      official?.name ?? `${benchmark.name} score`,
      { direction: 'higher', scale: 'raw' },
      scored.map((r) => claimPoint(r.sample, r.score!, null)),
    );
  }
  const usage = new Map<number, { recipe: AggregateRecipe; count: number }>();
  for (const row of rows) {
    for (const p of row.published) {
      const entry = usage.get(p.recipe.id) ?? { recipe: p.recipe, count: 0 };
      entry.count += 1;
      usage.set(p.recipe.id, entry);
    }
  }
  const common = [...usage.values()].sort((a, b) => b.count - a.count)[0];
  if (!common) return { sota: null, pareto: null };
  return buildCharts(
    benchmark.name,
    `${common.recipe.name} (paper's own average)`,
    { direction: 'higher', scale: 'raw' },
    rows.flatMap((r) =>
      r.published
        .filter((p) => p.recipe.id === common.recipe.id)
        .map((p) => claimPoint(r.sample, p.claim.value, null)),
    ),
  );
}
