import { z } from 'zod';

export const BENCHMARK_KINDS = ['suite', 'group', 'dataset'] as const;
export type BenchmarkKind = (typeof BENCHMARK_KINDS)[number];

export const METRIC_DIRECTIONS = ['higher', 'lower'] as const;
/** Whether a higher or a lower value of a metric is better. */
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

export const METRIC_SCALES = ['percent', 'correlation', 'raw'] as const;
export type MetricScale = (typeof METRIC_SCALES)[number];

export const slugSchema = z.string().regex(/^[a-z0-9-]+$/);

/** A member's value is the mean of the first of its metric sets that is complete. */
export const recipeMemberSchema = z.object({
  benchmark: slugSchema,
  metrics: z.array(z.array(slugSchema).min(1)).min(1),
});
export type RecipeMember = z.output<typeof recipeMemberSchema>;

/** Score = mean over groups of (mean over the group's members). */
export const recipeDefinitionSchema = z
  .object({
    groups: z
      .array(z.object({ label: z.string(), members: z.array(recipeMemberSchema).min(1) }))
      .min(1),
    split: z.enum(['test', 'dev']).optional(),
  })
  .meta({ id: 'recipeDefinition' });
export type RecipeDefinition = z.output<typeof recipeDefinitionSchema>;

const metricDirection = z.enum(METRIC_DIRECTIONS);
const metricScale = z
  .enum(METRIC_SCALES)
  .meta({ description: 'percent: 0–100; correlation: −100…100 (×100); raw: as reported' });

/** What a claim shows of its benchmark. */
export const benchmarkRefSchema = z.object({ id: z.int(), slug: slugSchema, name: z.string() });

/** A benchmark named in a leaderboard. */
export const benchmarkKindRefSchema = benchmarkRefSchema.extend({ kind: z.enum(BENCHMARK_KINDS) });

/** What a claim shows of its metric. */
export const metricRefSchema = z.object({
  slug: slugSchema,
  name: z.string(),
  direction: metricDirection,
});

/** What a claim shows of its averaging recipe, when it is a suite score. */
export const recipeRefSchema = z.object({
  slug: slugSchema,
  name: z.string(),
  official: z.boolean(),
});

export const recipeSchema = recipeRefSchema
  .extend({
    computable: z.boolean(),
    description: z.string(),
  })
  .meta({ id: 'recipe' });

/** A catalogue entry with its approved claim counts, rolled up to its parents. */
export const benchmarkSummarySchema = z
  .object({
    id: z.int(),
    slug: slugSchema,
    name: z.string(),
    kind: z.enum(BENCHMARK_KINDS),
    parent: slugSchema.nullable(),
    taskType: z.string().nullable(),
    description: z.string().nullable(),
    claimCount: z.int().min(0),
    memberCount: z.int().min(0),
  })
  .meta({ id: 'benchmark' });

export const benchmarkDetailSchema = benchmarkSummarySchema
  .extend({
    url: z.string().nullable(),
    scored: z.boolean(),
    metrics: z.array(
      metricRefSchema.extend({
        scale: metricScale,
        min: z.number().nullable(),
        max: z.number().nullable(),
        primary: z.boolean(),
      }),
    ),
    recipes: z.array(recipeSchema),
    members: z.array(slugSchema),
    links: z.object({ leaderboard: z.string(), page: z.string() }),
  })
  .meta({ id: 'benchmarkDetail' });

export const ledgerMetricSchema = z
  .object({
    slug: slugSchema,
    name: z.string(),
    direction: metricDirection,
    scale: metricScale,
    min: z.number().nullable(),
    max: z.number().nullable(),
  })
  .meta({ id: 'ledgerMetric' });

export const ledgerBenchmarkSchema = z
  .object({
    slug: slugSchema,
    name: z.string(),
    kind: z.enum(BENCHMARK_KINDS),
    parent: slugSchema.nullable(),
    taskType: z.string().nullable(),
    scored: z.boolean(),
    description: z.string().nullable(),
    url: z.string().nullable(),
    metrics: z
      .array(slugSchema)
      .meta({ description: 'allowed metrics; the first is the primary one' }),
  })
  .meta({ id: 'ledgerBenchmark' });

export const ledgerRecipeSchema = z
  .object({
    slug: slugSchema,
    benchmark: slugSchema,
    name: z.string(),
    official: z.boolean(),
    computable: z.boolean(),
    description: z.string(),
    definition: recipeDefinitionSchema,
  })
  .meta({ id: 'ledgerRecipe' });

export type LedgerMetric = z.output<typeof ledgerMetricSchema>;
export type LedgerBenchmark = z.output<typeof ledgerBenchmarkSchema>;
export type LedgerRecipe = z.output<typeof ledgerRecipeSchema>;
