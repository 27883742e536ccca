import type { AggregateRecipe, Benchmark } from '../benchmarks/benchmark.table';
import type { BenchmarkSummary } from '../benchmarks/benchmark.repository';
import type { ClaimView } from '../claims/claim.repository';
import type {
  ConflictBadge,
  DatasetLeaderboard,
  Leaderboard,
  SuiteLeaderboard,
} from '../leaderboards/leaderboard.service';
import type { ModelDetail, ModelListItem } from '../models/model.repository';
import type { PaperListItem } from '../papers/paper.repository';
import type { Paper } from '../papers/paper.table';

/** Every public JSON document carries it; bumped only for changes that break a reader. */
export const SCHEMA_VERSION = 1;

export interface PresentedClaim {
  id: number;
  paper: {
    id: number;
    title: string;
    arxivId: string | null;
    date: string | null;
    datePrecision: 'day' | 'month' | 'year';
    url: string | null;
  };
  model: { id: number; name: string; parameterCount: number | null };
  benchmark: { id: number; slug: string; name: string };
  metric: { slug: string; name: string; direction: 'higher' | 'lower' };
  recipe: { slug: string; name: string; official: boolean } | null;
  value: number;
  stderr: number | null;
  setting: {
    split: string;
    nShot: number | null;
    chainOfThought: boolean | null;
    adaptation: string;
    trainableParams: number | null;
    variant: string;
    notes: string | null;
  };
  role: string;
  provenance: {
    locator: string | null;
    quote: string | null;
    reference: string | null;
    notes: string | null;
    confidence: string | null;
  };
  status: string;
}

const num = (value: number | null) => (value === null ? null : Number(value));

export function presentClaim(c: ClaimView): PresentedClaim {
  return {
    id: c.id,
    paper: {
      id: c.paperId,
      title: c.paperTitle,
      arxivId: c.paperArxivId,
      date: c.paperDate,
      datePrecision: c.paperDatePrecision,
      url: c.paperUrl,
    },
    model: { id: c.modelId, name: c.modelName, parameterCount: num(c.modelParameterCount) },
    benchmark: { id: c.benchmarkId, slug: c.benchmarkSlug, name: c.benchmarkName },
    metric: { slug: c.metricSlug, name: c.metricName, direction: c.metricDirection },
    recipe:
      c.recipeSlug === null
        ? null
        : {
            slug: c.recipeSlug,
            name: c.recipeName ?? c.recipeSlug,
            official: c.recipeOfficial === true,
          },
    value: c.value,
    stderr: c.stderr,
    setting: {
      split: c.split,
      nShot: c.nShot,
      chainOfThought: c.chainOfThought,
      adaptation: c.adaptation,
      trainableParams: num(c.trainableParams),
      variant: c.variant,
      notes: c.settingNotes,
    },
    role: c.role,
    provenance: {
      locator: c.locator,
      quote: c.quote,
      reference: c.reference,
      notes: c.notes,
      confidence: c.confidence,
    },
    status: c.status,
  };
}

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

function presentDatasetLeaderboard(lb: DatasetLeaderboard) {
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
      claim: presentClaim(row.claim),
    })),
  };
}

const cellKey = (benchmark: string, metric: string) => `${benchmark}/${metric}`;

function presentSuiteLeaderboard(lb: SuiteLeaderboard) {
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
      model: { id: row.modelId, name: row.modelName, parameterCount: num(row.modelParameterCount) },
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

export function presentLeaderboard(lb: Leaderboard) {
  return lb.kind === 'suite' ? presentSuiteLeaderboard(lb) : presentDatasetLeaderboard(lb);
}

export function presentPaper(p: Paper) {
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
    runDetails: (p.run_details as Record<string, unknown> | null) ?? null,
  };
}

export function presentPaperListItem(p: PaperListItem) {
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

export function presentModel(m: ModelDetail) {
  return {
    id: m.id,
    name: m.name,
    family: m.family,
    parameterCount: m.parameterCount,
    baseModel: m.baseModelId === null ? null : { id: m.baseModelId, name: m.baseModelName },
    aliases: m.aliases,
  };
}

export function presentModelListItem(m: ModelListItem) {
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

export function presentBenchmarkSummary(b: BenchmarkSummary, parentSlug: string | null) {
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
