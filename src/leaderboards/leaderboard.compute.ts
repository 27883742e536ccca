/**
 * A leaderboard computed from its source: filter, rank, aggregate, flag conflicts, sort and page.
 * Pure: the same source and query always give the same leaderboard.
 */
import type { AllowedMetric } from '../benchmarks/benchmark.repository';
import type { AggregateRecipe, Benchmark, Metric } from '../benchmarks/benchmark.table';
import { CONFLICT_THRESHOLD, conflictBadges, type ConflictBadge } from '../claims/claim.conflicts';
import type { ClaimView } from '../claims/claim.repository';
import {
  SETTING_FIELD_NAMES,
  SETTING_FIELDS,
  settingKey,
  settingLabel,
} from '../claims/claim.setting';
import { paginate, type Page } from '../http/pagination';
import type { DatePrecision } from '../papers/paper.contract';
import { datasetCharts, suiteCharts, type Charts } from './leaderboard.charts';
import {
  filterOptions,
  matchesFilters,
  resolveFilters,
  type FilterOptions,
  type Filters,
} from './leaderboard.filters';
import type { DatasetSource, LeaderboardSource, SuiteSource } from './leaderboard.query';
import type { LeaderboardQuery } from './leaderboards.schema';
import { rankEntries } from './ranking';
import { compareToPublished, computeAggregate, valueKey, type Verdict } from './recipes';

export interface DatasetRow {
  rank: number | null;
  claim: ClaimView;
  setting: string;
  conflict: ConflictBadge | null;
}

interface LeaderboardBase {
  benchmark: Benchmark;
  /** The benchmarks one level below (a suite's tasks, an MMLU category's subjects). */
  members: Benchmark[];
  filters: Filters;
  options: FilterOptions;
  sort: string;
  order: 'asc' | 'desc';
  total: number;
  charts: Charts;
  conflictThreshold: number;
}

export interface DatasetLeaderboard extends LeaderboardBase {
  kind: 'dataset';
  metric: Metric | null;
  metrics: (AllowedMetric & { count: number })[];
  page: Page<DatasetRow>;
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
  paperDatePrecision: DatePrecision;
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

export interface SuiteLeaderboard extends LeaderboardBase {
  kind: 'suite';
  columns: SuiteColumn[];
  officialRecipe: AggregateRecipe | null;
  recipes: AggregateRecipe[];
  page: Page<SuiteRow>;
}

export type Leaderboard = DatasetLeaderboard | SuiteLeaderboard;

type SortKey<T> = (row: T) => string | number | null;

function compareBy<T>(rows: T[], key: SortKey<T>, order: 'asc' | 'desc'): T[] {
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

const DATASET_SORTS: Record<string, SortKey<DatasetRow>> = {
  rank: (r) => r.rank,
  value: (r) => r.claim.value,
  model: (r) => r.claim.modelName,
  paper: (r) => r.claim.paperTitle,
  date: (r) => r.claim.paperDate,
  params: (r) => r.claim.modelParameterCount,
  // A setting column sorts by its value (shots, trainable parameters, …).
  ...Object.fromEntries(
    SETTING_FIELD_NAMES.flatMap((field) => {
      const sort = SETTING_FIELDS[field].column?.sort;
      return sort ? [[sort, (r: DatasetRow) => r.claim[field] as string | number | null]] : [];
    }),
  ),
};

export function computeDatasetLeaderboard(
  source: DatasetSource,
  query: LeaderboardQuery,
): DatasetLeaderboard {
  const { benchmark, members, claims } = source;
  const counts = new Map<number, number>();
  for (const c of claims) counts.set(c.metricId, (counts.get(c.metricId) ?? 0) + 1);
  const metrics = source.metrics.map((m) => ({ ...m, count: counts.get(m.id) ?? 0 }));
  const metric =
    metrics.find((m) => m.slug === query.metric) ??
    metrics.find((m) => m.isPrimary && m.count > 0) ??
    metrics.find((m) => m.count > 0) ??
    metrics.find((m) => m.isPrimary) ??
    null;
  const ofMetric = claims.filter((c) => c.metricId === metric?.id);
  const options = filterOptions(ofMetric);
  const filters = resolveFilters(query, options);
  const shown = ofMetric.filter((c) => matchesFilters(c, filters));
  const badges = conflictBadges(ofMetric);
  const ranked = rankEntries(shown, (c) => c.value, metric?.direction ?? 'higher');

  const rows: DatasetRow[] = ranked.map(({ entry, rank }) => ({
    rank,
    claim: entry,
    setting: settingLabel(entry),
    conflict: badges.get(entry.id) ?? null,
  }));
  const sorted = sortAndPage(rows, query, (sort) =>
    Object.hasOwn(DATASET_SORTS, sort) ? DATASET_SORTS[sort] : undefined,
  );
  return {
    kind: 'dataset',
    benchmark,
    members,
    metric,
    metrics,
    filters,
    options,
    ...sorted,
    charts: metric ? datasetCharts(benchmark, metric, shown) : { sota: null, pareto: null },
    conflictThreshold: CONFLICT_THRESHOLD,
  };
}

/** Whether a metric counts towards the official recipe of a suite (so it gets a column). */
function isRecipeMetric(official: AggregateRecipe | null, benchmark: string, metric: string) {
  return (
    official?.definition.groups.some((g) =>
      g.members.some((m) => m.benchmark === benchmark && (m.metrics[0] ?? []).includes(metric)),
    ) ?? false
  );
}

/** One suite entry: a paper's claims on one model in one setting, with its aggregates. */
function suiteEntry(
  key: string,
  group: ClaimView[],
  source: SuiteSource,
  official: AggregateRecipe | null,
  badges: Map<number, ConflictBadge>,
): SuiteRow {
  const sample = group[0]!;
  const cells: Record<string, ClaimView> = {};
  const values = new Map<string, number>();
  const published: PublishedAggregate[] = [];
  for (const c of group) {
    if (c.benchmarkId === source.benchmark.id) {
      const recipe = source.recipes.find((r) => r.id === c.recipeId);
      if (recipe)
        published.push({ claim: c, recipe, recomputed: null, delta: null, verdict: null });
      continue;
    }
    cells[valueKey(c.benchmarkSlug, c.metricSlug)] = c;
    values.set(valueKey(c.benchmarkSlug, c.metricSlug), c.value);
  }
  for (const p of published) {
    if (!p.recipe.computable) continue;
    const result = computeAggregate(p.recipe.definition, values);
    if (result.complete) {
      const comparison = compareToPublished(result.score, p.claim.value);
      Object.assign(p, { recomputed: result.score, ...comparison });
    }
  }
  published.sort((a, b) => Number(b.recipe.official) - Number(a.recipe.official));
  const computed =
    official && official.computable
      ? computeAggregate(official.definition, values)
      : { complete: false as const, missing: [] };
  const publishedOfficial = published.find((p) => p.recipe.official);
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
    official: computed.complete
      ? { complete: true, score: computed.score }
      : { complete: false, missing: computed.missing },
    score: computed.complete ? computed.score : (publishedOfficial?.claim.value ?? null),
    scoreSource: computed.complete ? 'computed' : publishedOfficial ? 'published' : null,
    published,
    conflict: conflictClaim ? badges.get(conflictClaim.id)! : null,
  };
}

export function computeSuiteLeaderboard(
  source: SuiteSource,
  query: LeaderboardQuery,
): SuiteLeaderboard {
  const { benchmark, members, recipes, claims } = source;
  const official = recipes.find((r) => r.official) ?? null;
  const withClaims = new Set(claims.map((c) => `${c.benchmarkId}|${c.metricId}`));
  const columns: SuiteColumn[] = members
    .map((member) => ({
      benchmark: member,
      // Diagnostic sets and secondary metrics get a column only when some claim fills it.
      metrics: source.memberMetrics
        .get(member.id)!
        .filter(
          (m) =>
            withClaims.has(`${member.id}|${m.id}`) ||
            (member.scored && (m.isPrimary || isRecipeMetric(official, member.slug, m.slug))),
        ),
    }))
    .filter((column) => column.metrics.length > 0);
  const options = filterOptions(claims);
  const filters = resolveFilters(query, options);
  const shown = claims.filter((c) => matchesFilters(c, filters));
  const badges = conflictBadges(claims);

  // An entry is a paper's claims on one model in one setting.
  const groups = new Map<string, ClaimView[]>();
  for (const claim of shown) {
    const key = `${claim.paperId}|${claim.modelId}|${settingKey(claim)}`;
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }
  const entries = [...groups.entries()].map(([key, group]) =>
    suiteEntry(key, group, source, official, badges),
  );

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
  return {
    kind: 'suite',
    benchmark,
    members,
    columns,
    officialRecipe: official,
    recipes,
    filters,
    options,
    ...sorted,
    charts: suiteCharts(benchmark, official, ranked),
    conflictThreshold: CONFLICT_THRESHOLD,
  };
}

export function computeLeaderboard(
  source: LeaderboardSource,
  query: LeaderboardQuery,
): Leaderboard {
  return source.kind === 'suite'
    ? computeSuiteLeaderboard(source, query)
    : computeDatasetLeaderboard(source, query);
}
