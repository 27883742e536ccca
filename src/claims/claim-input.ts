import { z } from 'zod';
import type { DB } from '../db/database';
import { findModelId } from '../models/model.repository';
import { ADAPTATIONS, ROLES, SPLITS } from './claim.table';

export const LIMITS = {
  model: 200,
  variant: 200,
  settingNotes: 2000,
  locator: 200,
  quote: 500,
  reference: 1000,
  notes: 2000,
  title: 500,
  author: 200,
  authors: 200,
} as const;

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .transform((s) => (s === '' ? null : s))
    .nullable();

/** The shape every claim input must have before the catalogue is consulted. */
export const claimInputSchema = z.object({
  model: z
    .string()
    .trim()
    .min(1, 'Name the model.')
    .max(LIMITS.model, `The model name must be at most ${LIMITS.model} characters.`),
  benchmark: z.string().trim().min(1, 'Choose a benchmark.').max(80),
  metric: z.string().trim().min(1, 'Choose a metric.').max(80),
  recipe: z
    .string()
    .trim()
    .max(80)
    .nullable()
    .transform((s) => (s ? s : null)),
  value: z.number({ error: 'Enter the value as a number.' }).finite('Enter a finite number.'),
  stderr: z
    .number({ error: 'Enter the standard error as a number.' })
    .finite('Enter a finite number.')
    .min(0, 'A standard error cannot be negative.')
    .nullable(),
  split: z.enum(SPLITS, { error: 'Choose test, dev or unknown.' }),
  nShot: z
    .number({ error: 'Enter the number of shots as a whole number.' })
    .int('Enter the number of shots as a whole number.')
    .min(0, 'Shots cannot be negative.')
    .max(10000, 'At most 10000 shots.')
    .nullable(),
  chainOfThought: z.boolean().nullable(),
  adaptation: z.enum(ADAPTATIONS, { error: 'Choose an adaptation method.' }),
  trainableParams: z
    .number({ error: 'Enter trainable parameters as a number.' })
    .int('Enter trainable parameters as a whole number (e.g. 1330000).')
    .positive('Trainable parameters must be more than zero.')
    .max(1e15, 'That is more parameters than any model has.')
    .nullable(),
  variant: z
    .string()
    .trim()
    .max(LIMITS.variant, `The variant must be at most ${LIMITS.variant} characters.`),
  settingNotes: text(LIMITS.settingNotes, 'Setting notes'),
  role: z.enum(ROLES, { error: 'Choose the claim’s role in the paper.' }),
  locator: text(LIMITS.locator, 'The locator'),
  quote: text(LIMITS.quote, 'The quote'),
  reference: text(LIMITS.reference, 'The reference'),
  notes: text(LIMITS.notes, 'Notes'),
  confidence: z.enum(['high', 'medium', 'low']).nullable(),
});

/** One claim as a form, an import or the API hands it over: catalogue entries by slug. */
export type ClaimInput = z.output<typeof claimInputSchema>;

export interface Catalogue {
  benchmarks: Map<
    string,
    { id: number; slug: string; name: string; kind: 'suite' | 'group' | 'dataset' }
  >;
  metrics: Map<
    string,
    {
      id: number;
      slug: string;
      name: string;
      scale: 'percent' | 'correlation' | 'raw';
      min: number | null;
      max: number | null;
    }
  >;
  allowed: Map<string, string[]>;
  recipes: Map<string, { id: number; slug: string; name: string; benchmark: string }>;
}

export async function loadCatalogue(db: DB): Promise<Catalogue> {
  const [benchmarks, metrics, allowed, recipes] = await Promise.all([
    db.selectFrom('benchmark').select(['id', 'slug', 'name', 'kind']).orderBy('position').execute(),
    db
      .selectFrom('metric')
      .select(['id', 'slug', 'name', 'scale', 'min_value as min', 'max_value as max'])
      .execute(),
    db
      .selectFrom('benchmark_metric as bm')
      .innerJoin('benchmark as b', 'b.id', 'bm.benchmark_id')
      .innerJoin('metric as m', 'm.id', 'bm.metric_id')
      .select(['b.slug as benchmark', 'm.slug as metric'])
      .orderBy('bm.position')
      .execute(),
    db
      .selectFrom('aggregate_recipe as r')
      .innerJoin('benchmark as b', 'b.id', 'r.benchmark_id')
      .select(['r.id', 'r.slug', 'r.name', 'b.slug as benchmark'])
      .execute(),
  ]);
  const allowedMap = new Map<string, string[]>();
  for (const row of allowed)
    allowedMap.set(row.benchmark, [...(allowedMap.get(row.benchmark) ?? []), row.metric]);
  return {
    benchmarks: new Map(benchmarks.map((b) => [b.slug, b])),
    metrics: new Map(metrics.map((m) => [m.slug, m])),
    allowed: allowedMap,
    recipes: new Map(recipes.map((r) => [r.slug, r])),
  };
}

export type FieldErrors = Partial<Record<keyof ClaimInput, string>>;

const trim = (x: number) => String(Math.round(x * 1e6) / 1e6);

/** The checks only the catalogue can make: metric allowed for the benchmark, recipe, ranges. */
export function checkAgainstCatalogue(catalogue: Catalogue, input: ClaimInput): FieldErrors {
  const errors: FieldErrors = {};
  const benchmark = catalogue.benchmarks.get(input.benchmark);
  if (!benchmark) {
    errors.benchmark = `"${input.benchmark}" is not a benchmark in the catalogue.`;
    return errors;
  }
  const metric = catalogue.metrics.get(input.metric);
  const allowed = catalogue.allowed.get(benchmark.slug) ?? [];
  if (!metric || !allowed.includes(metric.slug)) {
    const names = allowed.map((slug) => catalogue.metrics.get(slug)?.name ?? slug).join(', ');
    errors.metric = metric
      ? `${metric.name} is not a metric of ${benchmark.name}; use ${names}.`
      : `"${input.metric}" is not a metric in the catalogue; ${benchmark.name} uses ${names}.`;
  }
  if (benchmark.kind === 'suite') {
    const recipe = input.recipe ? catalogue.recipes.get(input.recipe) : undefined;
    if (!input.recipe) {
      errors.recipe = `A score for all of ${benchmark.name} needs the averaging recipe it follows.`;
    } else if (!recipe || recipe.benchmark !== benchmark.slug) {
      errors.recipe = `"${input.recipe}" is not an averaging recipe of ${benchmark.name}.`;
    }
  } else if (input.recipe) {
    errors.recipe = `Only a whole suite takes an averaging recipe; ${benchmark.name} is a single dataset.`;
  }
  if (metric && !errors.metric) {
    const { min, max } = metric;
    if (
      metric.scale === 'percent' &&
      input.value > 0 &&
      input.value <= 1 &&
      !Number.isInteger(input.value)
    ) {
      errors.value = `${trim(input.value)} looks like a proportion — did you mean ${trim(input.value * 100)}? ${metric.name} is given in percent (0–100).`;
    } else if ((min !== null && input.value < min) || (max !== null && input.value > max)) {
      errors.value = `${metric.name} must be between ${min ?? '−∞'} and ${max ?? '∞'}.`;
    }
    if (input.stderr !== null && min !== null && max !== null && input.stderr > max - min) {
      errors.stderr = `A standard error of ${trim(input.stderr)} is larger than the whole range of ${metric.name}.`;
    }
  }
  return errors;
}

export interface ResolvedClaim extends ClaimInput {
  benchmarkId: number;
  metricId: number;
  recipeId: number | null;
  /** Null when the model is new and will be created with the claim. */
  modelId: number | null;
}

/** Attaches catalogue ids; call only after `checkAgainstCatalogue` found nothing. */
export async function resolveClaim(
  db: DB,
  catalogue: Catalogue,
  input: ClaimInput,
): Promise<ResolvedClaim> {
  return {
    ...input,
    benchmarkId: catalogue.benchmarks.get(input.benchmark)!.id,
    metricId: catalogue.metrics.get(input.metric)!.id,
    recipeId: input.recipe ? catalogue.recipes.get(input.recipe)!.id : null,
    modelId: await findModelId(db, input.model),
  };
}
