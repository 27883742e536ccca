import type { Catalogue } from '../benchmarks/benchmark.repository';
import type { DB } from '../db/database';
import { findModelId } from '../models/model.repository';
import type { ClaimInput } from './claim.contract';
import type { ClaimIds } from './claim.mappers';

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

export interface ResolvedClaim extends ClaimInput, Omit<ClaimIds, 'modelId'> {
  /** Null when the model is new and will be created with the claim. */
  modelId: number | null;
}

/** The catalogue ids of a checked input; call only after `checkAgainstCatalogue` found nothing. */
export function catalogueIds(catalogue: Catalogue, input: ClaimInput): Omit<ClaimIds, 'modelId'> {
  return {
    benchmarkId: catalogue.benchmarks.get(input.benchmark)!.id,
    metricId: catalogue.metrics.get(input.metric)!.id,
    recipeId: input.recipe ? catalogue.recipes.get(input.recipe)!.id : null,
  };
}

/** Attaches catalogue ids and the model, when it is known; checked inputs only. */
export async function resolveClaim(
  db: DB,
  catalogue: Catalogue,
  input: ClaimInput,
): Promise<ResolvedClaim> {
  return {
    ...input,
    ...catalogueIds(catalogue, input),
    modelId: await findModelId(db, input.model),
  };
}
