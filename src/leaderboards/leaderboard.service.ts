import type { RecipeDefinition } from '../../seeds/catalogue';
import {
  childBenchmarks,
  metricsForBenchmark,
  metricsForBenchmarks,
  recipesForBenchmark,
} from '../benchmarks/benchmark.repository';
import type { AggregateRecipe, Benchmark, Metric } from '../benchmarks/benchmark.table';
import { buildParetoChart } from '../charts/pareto';
import { buildSotaChart } from '../charts/sota';
import type { BuiltChart } from '../charts/chart';
import { ADAPTATION_LABELS, type Split } from '../claims/claim.table';
import { approvedClaimsForBenchmarks, type ClaimView } from '../claims/claim.repository';
import type { DB } from '../db/database';
import { paginate, type Page } from '../http/pagination';
import type { LeaderboardQuery } from './leaderboards.schema';
import { parseParamCount } from './leaderboards.schema';
import {
  CONFLICT_THRESHOLD,
  findClaimConflicts,
  rankEntries,
  settingKey,
  settingLabel,
} from './ranking';
import { compareToPublished, computeAggregate, valueKey, type Verdict } from './recipes';

export interface ConflictBadge {
  spread: number;
  min: number;
  max: number;
  sources: { paperId: number; paperTitle: string; value: number }[];
}

export interface Filters {
  split: Split | 'all';
  shots: string;
  cot: LeaderboardQuery['cot'];
  adaptation: LeaderboardQuery['adaptation'];
  role: LeaderboardQuery['role'];
  from: string;
  to: string;
  minParams: string;
  maxParams: string;
}

export interface FilterOptions {
  splits: { value: Split; count: number }[];
  shots: number[];
  adaptations: string[];
}

interface Charts {
  sota: BuiltChart<unknown> | null;
  pareto: BuiltChart<unknown> | null;
}

export interface DatasetRow {
  rank: number | null;
  claim: ClaimView;
  setting: string;
  conflict: ConflictBadge | null;
}

export interface DatasetLeaderboard {
  kind: 'dataset';
  benchmark: Benchmark;
  /** The benchmarks one level below (an MMLU category's subjects). */
  members: Benchmark[];
  metric: Metric | null;
  metrics: (Metric & { isPrimary: boolean; count: number })[];
  filters: Filters;
  options: FilterOptions;
  sort: string;
  order: 'asc' | 'desc';
  page: Page<DatasetRow>;
  total: number;
  charts: Charts;
  conflictThreshold: number;
}

export interface PublishedAggregate {
  claim: ClaimView;
  recipe: AggregateRecipe;
  recomputed: number | null;
  delta: number | null;
  verdict: Verdict | null;
}

export interface SuiteRow {
  rank: number | null;
  key: string;
  paperId: number;
  paperTitle: string;
  paperDate: string | null;
  paperDatePrecision: 'day' | 'month' | 'year';
  modelId: number;
  modelName: string;
  modelParameterCount: number | null;
  setting: string;
  sample: ClaimView;
  cells: Record<string, ClaimView | undefined>;
  official: { complete: true; score: number } | { complete: false; missing: string[] };
  score: number | null;
  scoreSource: 'computed' | 'published' | null;
  published: PublishedAggregate[];
  conflict: ConflictBadge | null;
}

export interface SuiteColumn {
  benchmark: Benchmark;
  metrics: Metric[];
}

export interface SuiteLeaderboard {
  kind: 'suite';
  benchmark: Benchmark;
  members: Benchmark[];
  columns: SuiteColumn[];
  officialRecipe: AggregateRecipe | null;
  recipes: AggregateRecipe[];
  filters: Filters;
  options: FilterOptions;
  sort: string;
  order: 'asc' | 'desc';
  page: Page<SuiteRow>;
  total: number;
  charts: Charts;
  conflictThreshold: number;
}

export type Leaderboard = DatasetLeaderboard | SuiteLeaderboard;

const SPLIT_PREFERENCE: Split[] = ['test', 'dev', 'unknown'];

function filterOptions(claims: ClaimView[]): FilterOptions {
  const splitCounts = new Map<Split, number>();
  for (const c of claims) splitCounts.set(c.split, (splitCounts.get(c.split) ?? 0) + 1);
  return {
    splits: SPLIT_PREFERENCE.filter((s) => splitCounts.has(s)).map((value) => ({
      value,
      count: splitCounts.get(value)!,
    })),
    shots: [...new Set(claims.flatMap((c) => (c.nShot === null ? [] : [c.nShot])))].sort(
      (a, b) => a - b,
    ),
    adaptations: [...new Set(claims.map((c) => c.adaptation))],
  };
}

/** Dev and test are never mixed unless asked: the default split is test, else what there is. */
function resolveFilters(query: LeaderboardQuery, options: FilterOptions): Filters {
  const split =
    query.split === '' ? (options.splits[0]?.value ?? 'test') : (query.split as Filters['split']);
  return {
    split,
    shots: query.shots,
    cot: query.cot,
    adaptation: query.adaptation,
    role: query.role,
    from: query.from,
    to: query.to,
    minParams: query.minParams,
    maxParams: query.maxParams,
  };
}

/** A date bound of 'YYYY' or 'YYYY-MM' covers the whole year or month. */
function dateBounds(filters: Filters): { from: string | null; to: string | null } {
  const from = filters.from
    ? filters.from.padEnd(10, filters.from.length === 4 ? '-01-01' : '-01')
    : null;
  let to: string | null = null;
  if (filters.to.length === 10) to = filters.to;
  else if (filters.to.length === 7) to = `${filters.to}-31`;
  else if (filters.to.length === 4) to = `${filters.to}-12-31`;
  return { from, to };
}

function matches(claim: ClaimView, filters: Filters): boolean {
  if (filters.split !== 'all' && claim.split !== filters.split) return false;
  if (filters.shots === 'none' && claim.nShot !== null) return false;
  if (/^\d+$/.test(filters.shots) && claim.nShot !== Number(filters.shots)) return false;
  if (filters.cot === 'yes' && claim.chainOfThought !== true) return false;
  if (filters.cot === 'no' && claim.chainOfThought !== false) return false;
  if (filters.cot === 'unstated' && claim.chainOfThought !== null) return false;
  if (filters.adaptation !== 'any' && claim.adaptation !== filters.adaptation) return false;
  if (filters.role !== 'any' && claim.role !== filters.role) return false;
  const { from, to } = dateBounds(filters);
  if ((from || to) && !claim.paperDate) return false;
  if (from && claim.paperDate! < from) return false;
  if (to && claim.paperDate! > to) return false;
  const min = parseParamCount(filters.minParams);
  const max = parseParamCount(filters.maxParams);
  if ((min || max) && claim.modelParameterCount === null) return false;
  if (min && claim.modelParameterCount! < min) return false;
  if (max && claim.modelParameterCount! > max) return false;
  return true;
}

function conflictBadges(claims: ClaimView[]): Map<number, ConflictBadge> {
  const badges = new Map<number, ConflictBadge>();
  for (const conflict of findClaimConflicts(claims)) {
    const badge: ConflictBadge = {
      spread: conflict.spread,
      min: conflict.min,
      max: conflict.max,
      sources: conflict.claims.map((c) => ({
        paperId: c.paperId,
        paperTitle: c.paperTitle,
        value: c.value,
      })),
    };
    for (const id of conflict.claimIds) badges.set(id, badge);
  }
  return badges;
}

/** Series of comparable settings for the trend plot: the method, and the shots where stated. */
const seriesOf = (c: { adaptation: ClaimView['adaptation']; nShot: number | null }) =>
  c.nShot === null
    ? ADAPTATION_LABELS[c.adaptation]
    : `${ADAPTATION_LABELS[c.adaptation]}, ${c.nShot}-shot`;

const paperHref = (paperId: number) => `/papers/${paperId}`;

function unitOf(metric: { scale: Metric['scale'] }): string {
  return metric.scale === 'percent' ? '%' : metric.scale === 'correlation' ? '×100' : '';
}

interface ChartPoint {
  date: string | null;
  value: number;
  stderr: number | null;
  adaptation: ClaimView['adaptation'];
  nShot: number | null;
  trainableParams: number | null;
  model: string;
  paperId: number;
  paperTitle: string;
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
          series: seriesOf(p),
          label: p.model,
          paper: p.paperTitle,
          href: paperHref(p.paperId),
        })),
      })
    : null;
  const sized = points.filter(
    (p): p is ChartPoint & { trainableParams: number } =>
      p.trainableParams !== null && p.trainableParams > 0,
  );
  const pareto = sized.length
    ? buildParetoChart({
        title: `${title}: score against trainable parameters`,
        metricName,
        unit: unitOf(metric),
        direction: metric.direction,
        points: sized.map((p) => ({
          x: p.trainableParams,
          y: p.value,
          stderr: p.stderr,
          series: ADAPTATION_LABELS[p.adaptation],
          label: p.model,
          paper: p.paperTitle,
          href: paperHref(p.paperId),
        })),
      })
    : null;
  return { sota, pareto };
}

function compareBy<T>(
  rows: T[],
  key: (row: T) => string | number | null,
  order: 'asc' | 'desc',
): T[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    // Rows without the value sort last whichever the direction.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y));
  });
}

type SortKey<T> = (row: T) => string | number | null;

/**
 * Sorts by the column the URL names (rank when it names none we know) and cuts out the page.
 * Names and ranks read best ascending, numbers and dates newest or largest first.
 */
function sortAndPage<T>(
  rows: T[],
  query: LeaderboardQuery,
  keyFor: (sort: string) => SortKey<T> | undefined,
): { sort: string; order: 'asc' | 'desc'; page: Page<T>; total: number } {
  const sort = keyFor(query.sort) ? query.sort : 'rank';
  const order =
    query.order || (sort === 'rank' || sort === 'model' || sort === 'paper' ? 'asc' : 'desc');
  const sorted = compareBy(rows, keyFor(sort)!, order);
  const start = (query.page - 1) * query.perPage;
  return {
    sort,
    order,
    page: paginate(
      sorted.slice(start, start + query.perPage),
      sorted.length,
      query.page,
      query.perPage,
    ),
    total: sorted.length,
  };
}

async function datasetLeaderboard(
  db: DB,
  benchmark: Benchmark,
  members: Benchmark[],
  query: LeaderboardQuery,
): Promise<DatasetLeaderboard> {
  const [allowed, claims] = await Promise.all([
    metricsForBenchmark(db, benchmark.id),
    approvedClaimsForBenchmarks(db, [benchmark.id]),
  ]);
  const counts = new Map<number, number>();
  for (const c of claims) counts.set(c.metricId, (counts.get(c.metricId) ?? 0) + 1);
  const metrics = allowed.map((m) => ({ ...m, count: counts.get(m.id) ?? 0 }));
  const metric =
    metrics.find((m) => m.slug === query.metric) ??
    metrics.find((m) => m.isPrimary && m.count > 0) ??
    metrics.find((m) => m.count > 0) ??
    metrics.find((m) => m.isPrimary) ??
    null;
  const ofMetric = claims.filter((c) => c.metricId === metric?.id);
  const options = filterOptions(ofMetric);
  const filters = resolveFilters(query, options);
  const shown = ofMetric.filter((c) => matches(c, filters));
  const badges = conflictBadges(ofMetric);
  const ranked = rankEntries(shown, (c) => c.value, metric?.direction ?? 'higher');

  const rows: DatasetRow[] = ranked.map(({ entry, rank }) => ({
    rank,
    claim: entry,
    setting: settingLabel(entry),
    conflict: badges.get(entry.id) ?? null,
  }));
  const keys: Record<string, SortKey<DatasetRow>> = {
    rank: (r) => r.rank,
    value: (r) => r.claim.value,
    model: (r) => r.claim.modelName,
    paper: (r) => r.claim.paperTitle,
    date: (r) => r.claim.paperDate,
    shots: (r) => r.claim.nShot,
    trainable: (r) => r.claim.trainableParams,
    params: (r) => r.claim.modelParameterCount,
  };
  const sorted = sortAndPage(rows, query, (sort) =>
    Object.hasOwn(keys, sort) ? keys[sort] : undefined,
  );
  const charts = metric
    ? buildCharts(
        benchmark.name,
        metric.name,
        metric,
        shown.map((c) => ({
          date: c.paperDate,
          value: c.value,
          stderr: c.stderr,
          adaptation: c.adaptation,
          nShot: c.nShot,
          trainableParams: c.trainableParams,
          model: c.modelName,
          paperId: c.paperId,
          paperTitle: c.paperTitle,
        })),
      )
    : { sota: null, pareto: null };
  return {
    kind: 'dataset',
    benchmark,
    members,
    metric,
    metrics,
    filters,
    options,
    ...sorted,
    charts,
    conflictThreshold: CONFLICT_THRESHOLD,
  };
}

async function suiteLeaderboard(
  db: DB,
  benchmark: Benchmark,
  children: Benchmark[],
  query: LeaderboardQuery,
): Promise<SuiteLeaderboard> {
  const childIds = children.map((b) => b.id);
  const [recipes, claims, metricsByChild] = await Promise.all([
    recipesForBenchmark(db, benchmark.id),
    approvedClaimsForBenchmarks(db, [benchmark.id, ...childIds]),
    metricsForBenchmarks(db, childIds),
  ]);
  const withClaims = new Set(claims.map((c) => `${c.benchmarkId}|${c.metricId}`));
  const columns: SuiteColumn[] = children
    .map((child) => ({
      benchmark: child,
      // Diagnostic sets and secondary metrics get a column only when some claim fills it.
      metrics: metricsByChild
        .get(child.id)!
        .filter(
          (m) =>
            withClaims.has(`${child.id}|${m.id}`) ||
            (child.scored && (m.isPrimary || isRecipeMetric(recipes, child.slug, m.slug))),
        ),
    }))
    .filter((column) => column.metrics.length > 0);
  const official = recipes.find((r) => r.official) ?? null;
  const options = filterOptions(claims);
  const filters = resolveFilters(query, options);
  const shown = claims.filter((c) => matches(c, filters));
  const badges = conflictBadges(claims);

  const groups = new Map<string, ClaimView[]>();
  for (const claim of shown) {
    const key = `${claim.paperId}|${claim.modelId}|${settingKey(claim)}`;
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }

  const entries: SuiteRow[] = [...groups.entries()].map(([key, group]) => {
    const sample = group[0]!;
    const cells: Record<string, ClaimView> = {};
    const values = new Map<string, number>();
    const published: PublishedAggregate[] = [];
    for (const c of group) {
      if (c.benchmarkId === benchmark.id) {
        const recipe = recipes.find((r) => r.id === c.recipeId);
        if (recipe)
          published.push({ claim: c, recipe, recomputed: null, delta: null, verdict: null });
        continue;
      }
      cells[valueKey(c.benchmarkSlug, c.metricSlug)] = c;
      values.set(valueKey(c.benchmarkSlug, c.metricSlug), c.value);
    }
    for (const p of published) {
      if (!p.recipe.computable) continue;
      const result = computeAggregate(p.recipe.definition as RecipeDefinition, values);
      if (result.complete) {
        const comparison = compareToPublished(result.score, p.claim.value);
        Object.assign(p, { recomputed: result.score, ...comparison });
      }
    }
    published.sort((a, b) => Number(b.recipe.official) - Number(a.recipe.official));
    const computed =
      official && official.computable
        ? computeAggregate(official.definition as RecipeDefinition, values)
        : { complete: false as const, missing: [] };
    const officialResult = computed.complete
      ? { complete: true as const, score: computed.score }
      : { complete: false as const, missing: computed.missing };
    const publishedOfficial = published.find((p) => p.recipe.official);
    const score = computed.complete ? computed.score : (publishedOfficial?.claim.value ?? null);
    const conflictClaim = group.find((c) => badges.has(c.id));
    return {
      rank: null,
      key,
      paperId: sample.paperId,
      paperTitle: sample.paperTitle,
      paperDate: sample.paperDate,
      paperDatePrecision: sample.paperDatePrecision,
      modelId: sample.modelId,
      modelName: sample.modelName,
      modelParameterCount: sample.modelParameterCount,
      setting: settingLabel(sample),
      sample,
      cells,
      official: officialResult,
      score,
      scoreSource: computed.complete ? 'computed' : publishedOfficial ? 'published' : null,
      published,
      conflict: conflictClaim ? badges.get(conflictClaim.id)! : null,
    };
  });

  const ranked = rankEntries(entries, (e) => e.score, 'higher').map(({ entry, rank }) => ({
    ...entry,
    rank,
  }));
  const columnKeys = new Set(
    columns.flatMap((c) => c.metrics.map((m) => valueKey(c.benchmark.slug, m.slug))),
  );
  const keys: Record<string, SortKey<SuiteRow>> = {
    rank: (r) => r.rank,
    model: (r) => r.modelName,
    paper: (r) => r.paperTitle,
    date: (r) => r.paperDate,
  };
  const sorted = sortAndPage(ranked, query, (sort) =>
    Object.hasOwn(keys, sort)
      ? keys[sort]
      : columnKeys.has(sort)
        ? (r: SuiteRow) => r.cells[sort]?.value ?? null
        : undefined,
  );
  const charts = suiteCharts(benchmark, official, ranked);
  return {
    kind: 'suite',
    benchmark,
    members: children,
    columns,
    officialRecipe: official,
    recipes,
    filters,
    options,
    ...sorted,
    charts,
    conflictThreshold: CONFLICT_THRESHOLD,
  };
}

/**
 * Plots the official score; when no entry in view has one (a dev-set table of PEFT methods, say),
 * the papers' own average that most entries share, named as such, so like is still plotted with like.
 */
function suiteCharts(
  benchmark: Benchmark,
  official: AggregateRecipe | null,
  rows: SuiteRow[],
): Charts {
  const point = (row: SuiteRow, value: number) => ({
    date: row.paperDate,
    value,
    stderr: null,
    adaptation: row.sample.adaptation,
    nShot: row.sample.nShot,
    trainableParams: row.sample.trainableParams,
    model: row.modelName,
    paperId: row.paperId,
    paperTitle: row.paperTitle,
  });
  const scored = rows.filter((r) => r.score !== null);
  if (scored.length > 0 || !official) {
    return buildCharts(
      benchmark.name,
      official?.name ?? `${benchmark.name} score`,
      { direction: 'higher', scale: 'raw' },
      scored.map((r) => point(r, r.score!)),
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
        .map((p) => point(r, p.claim.value)),
    ),
  );
}

function isRecipeMetric(recipes: AggregateRecipe[], benchmark: string, metric: string): boolean {
  const official = recipes.find((r) => r.official);
  if (!official) return false;
  return (official.definition as RecipeDefinition).groups.some((g) =>
    g.members.some((m) => m.benchmark === benchmark && (m.metrics[0] ?? []).includes(metric)),
  );
}

export async function buildLeaderboard(
  db: DB,
  benchmark: Benchmark,
  query: LeaderboardQuery,
): Promise<Leaderboard> {
  const members = await childBenchmarks(db, benchmark.id);
  return benchmark.kind === 'suite'
    ? suiteLeaderboard(db, benchmark, members, query)
    : datasetLeaderboard(db, benchmark, members, query);
}
