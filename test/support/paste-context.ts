import { BENCHMARKS, RECIPES } from '../../seeds/catalogue';
import type { SuggestContext } from '../../src/paste/suggest';
import { modelKey } from '../../src/paste/synonyms';

const parents = new Map(BENCHMARKS.map((b) => [b.slug, b.parent]));
const rootOf = (slug: string): string => {
  let current = slug;
  while (parents.get(current)) current = parents.get(current)!;
  return current;
};

/** What the suggester reads from a seeded ledger, built from the catalogue's own data. */
export function catalogueContext(
  options: { models?: string[]; paperTitle?: string | null } = {},
): SuggestContext {
  return {
    benchmarks: BENCHMARKS.map((b) => ({
      slug: b.slug,
      name: b.name,
      kind: b.kind,
      root: rootOf(b.slug),
      metrics: b.metrics,
    })),
    recipes: RECIPES.map((r) => ({
      slug: r.slug,
      benchmark: r.benchmark,
      name: r.name,
      official: r.official,
      computable: r.computable,
      definition: r.definition,
    })),
    models: new Map((options.models ?? []).map((name) => [modelKey(name), name])),
    paperTitle: options.paperTitle ?? null,
  };
}
