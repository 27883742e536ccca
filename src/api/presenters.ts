import type {
  benchmarkDetailSchema,
  benchmarkSummarySchema,
  LedgerMetric,
} from '../benchmarks/benchmark.contract';
import type { AllowedMetric, BenchmarkSummary } from '../benchmarks/benchmark.repository';
import type { AggregateRecipe, Benchmark, Metric } from '../benchmarks/benchmark.table';
import type { ConflictBadge } from '../claims/claim.conflicts';
import { toPublicClaim } from '../claims/claim.mappers';
import type { ClaimView } from '../claims/claim.repository';
import type {
  DatasetLeaderboard,
  Leaderboard,
  SuiteLeaderboard,
} from '../leaderboards/leaderboard.compute';
import type {
  DatasetLeaderboardDocument,
  SuiteLeaderboardDocument,
} from '../leaderboards/leaderboard.contract';
import type { ModelListItemDocument, PublicModel } from '../models/model.contract';
import type { ModelDetail, ModelListItem } from '../models/model.repository';
import type { PaperListItemDocument, PublicPaper } from '../papers/paper.contract';
import type { PaperListItem } from '../papers/paper.repository';
import type { Paper } from '../papers/paper.table';
import type { z } from 'zod';

export function presentConflict(conflict: ConflictBadge | null) {
  return conflict
    ? {
        spread: conflict.spread,
        min: conflict.min,
        max: conflict.max,
        sources: conflict.sources.map((s) => ({
          paperId: s.paperId,
          paperTitle: s.paperTitle,
          value: s.value,
        })),
      }
    : null;
}

/** A metric as the catalogue describes it, in the API and the dump. */
export function presentMetric(m: Metric): LedgerMetric {
  return {
    slug: m.slug,
    name: m.name,
    direction: m.direction,
    scale: m.scale,
    min: m.min_value,
    max: m.max_value,
  };
}

export function presentBenchmarkRef(b: Benchmark) {
  return { id: b.id, slug: b.slug, name: b.name, kind: b.kind };
}

export function presentRecipe(r: AggregateRecipe) {
  return {
    slug: r.slug,
    name: r.name,
    official: r.official,
    computable: r.computable,
    description: r.description,
  };
}

function presentDatasetLeaderboard(lb: DatasetLeaderboard): DatasetLeaderboardDocument {
  return {
    leaderboard: 'dataset' as const,
    benchmark: presentBenchmarkRef(lb.benchmark),
    metric: lb.metric
      ? { slug: lb.metric.slug, name: lb.metric.name, direction: lb.metric.direction }
      : null,
    metrics: lb.metrics.map((m) => ({ slug: m.slug, name: m.name, claims: m.count })),
    filters: lb.filters,
    sort: lb.sort,
    order: lb.order,
    total: lb.total,
    rows: lb.page.items.map((row) => ({
      rank: row.rank,
      setting: row.setting,
      conflict: presentConflict(row.conflict),
      claim: toPublicClaim(row.claim),
    })),
  };
}

const cellKey = (benchmark: string, metric: string) => `${benchmark}/${metric}`;

function presentSuiteLeaderboard(lb: SuiteLeaderboard): SuiteLeaderboardDocument {
  return {
    leaderboard: 'suite' as const,
    benchmark: presentBenchmarkRef(lb.benchmark),
    officialRecipe: lb.officialRecipe ? presentRecipe(lb.officialRecipe) : null,
    recipes: lb.recipes.map(presentRecipe),
    columns: lb.columns.map((c) => ({
      benchmark: c.benchmark.slug,
      name: c.benchmark.name,
      metrics: c.metrics.map((m) => ({
        slug: m.slug,
        name: m.name,
        key: cellKey(c.benchmark.slug, m.slug),
      })),
    })),
    filters: lb.filters,
    sort: lb.sort,
    order: lb.order,
    total: lb.total,
    rows: lb.page.items.map((row) => ({
      rank: row.rank,
      paper: {
        id: row.paperId,
        title: row.paperTitle,
        date: row.paperDate,
        datePrecision: row.paperDatePrecision,
      },
      model: { id: row.modelId, name: row.modelName, parameterCount: row.modelParameterCount },
      setting: row.setting,
      score: row.score,
      scoreSource: row.scoreSource,
      official: row.official,
      cells: Object.fromEntries(
        Object.values(row.cells)
          .filter((c): c is ClaimView => c !== undefined)
          .map((c) => [
            cellKey(c.benchmarkSlug, c.metricSlug),
            { claimId: c.id, value: c.value, stderr: c.stderr },
          ]),
      ),
      published: row.published.map((p) => ({
        claimId: p.claim.id,
        recipe: p.recipe.slug,
        recipeName: p.recipe.name,
        official: p.recipe.official,
        value: p.claim.value,
        recomputed: p.recomputed,
        delta: p.delta,
        verdict: p.verdict,
      })),
      conflict: presentConflict(row.conflict),
    })),
  };
}

export function presentLeaderboard(
  lb: Leaderboard,
): DatasetLeaderboardDocument | SuiteLeaderboardDocument {
  return lb.kind === 'suite' ? presentSuiteLeaderboard(lb) : presentDatasetLeaderboard(lb);
}

export function presentPaper(p: Paper): PublicPaper {
  return {
    id: p.id,
    kind: p.kind,
    arxivId: p.arxiv_id,
    title: p.title,
    authors: p.authors,
    publishedOn: p.published_on,
    datePrecision: p.date_precision,
    venue: p.venue,
    url: p.url,
    runDetails: p.run_details,
  };
}

export function presentPaperListItem(p: PaperListItem): PaperListItemDocument {
  return {
    id: p.id,
    kind: p.kind,
    arxivId: p.arxivId,
    title: p.title,
    authors: p.authors,
    publishedOn: p.publishedOn,
    datePrecision: p.datePrecision,
    venue: p.venue,
    claimCount: p.claimCount,
  };
}

export function presentModel(m: ModelDetail): PublicModel {
  return {
    id: m.id,
    name: m.name,
    family: m.family,
    parameterCount: m.parameterCount,
    baseModel:
      m.baseModelId === null || m.baseModelName === null
        ? null
        : { id: m.baseModelId, name: m.baseModelName },
    aliases: m.aliases,
  };
}

export function presentModelListItem(m: ModelListItem): ModelListItemDocument {
  return {
    id: m.id,
    name: m.name,
    family: m.family,
    parameterCount: m.parameterCount,
    aliases: m.aliases,
    claimCount: m.claimCount,
    benchmarkCount: m.benchmarkCount,
  };
}

export function presentBenchmarkSummary(
  b: BenchmarkSummary,
  parentSlug: string | null,
): z.output<typeof benchmarkSummarySchema> {
  return {
    id: b.id,
    slug: b.slug,
    name: b.name,
    kind: b.kind,
    parent: parentSlug,
    taskType: b.taskType,
    description: b.description,
    claimCount: b.claimCount,
    memberCount: b.memberCount,
  };
}

/** A benchmark with its allowed metrics, recipes and members, for /api/benchmarks/{slug}. */
export function presentBenchmarkDetail(
  summary: BenchmarkSummary,
  parentSlug: string | null,
  benchmark: Benchmark,
  metrics: AllowedMetric[],
  recipes: AggregateRecipe[],
  members: string[],
): z.output<typeof benchmarkDetailSchema> {
  return {
    ...presentBenchmarkSummary(summary, parentSlug),
    url: benchmark.url,
    scored: benchmark.scored,
    metrics: metrics.map((m) => ({ ...presentMetric(m), primary: m.isPrimary })),
    recipes: recipes.map(presentRecipe),
    members,
    links: {
      leaderboard: `/api/benchmarks/${benchmark.slug}/leaderboard`,
      page: `/benchmarks/${benchmark.slug}`,
    },
  };
}
