import { sql } from 'kysely';
import type { RecipeDefinition } from '../benchmarks/benchmark.contract';
import type { DB } from '../db/database';
import { catalogueRecipes } from '../exchange/ledger.repository';
import type { BenchmarkInfo, RecipeInfo } from './suggest';

/** The catalogue as the suggester reads it: each benchmark with its suite and allowed metrics. */
export async function listBenchmarkInfo(db: DB): Promise<BenchmarkInfo[]> {
  const [benchmarks, allowed] = await Promise.all([
    db
      .selectFrom('benchmark')
      .select(['id', 'slug', 'name', 'kind', 'parent_id'])
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('benchmark_metric as bm')
      .innerJoin('metric as m', 'm.id', 'bm.metric_id')
      .select(['bm.benchmark_id', 'm.slug'])
      .orderBy('bm.is_primary', 'desc')
      .orderBy('bm.position')
      .execute(),
  ]);
  const byId = new Map(benchmarks.map((b) => [b.id, b]));
  const root = (id: number) => {
    let row = byId.get(id)!;
    for (let hops = 0; row.parent_id !== null && byId.has(row.parent_id) && hops < 10; hops += 1) {
      row = byId.get(row.parent_id)!;
    }
    return row.slug;
  };
  return benchmarks.map((b) => ({
    slug: b.slug,
    name: b.name,
    kind: b.kind,
    root: root(b.id),
    metrics: allowed.filter((a) => a.benchmark_id === b.id).map((a) => a.slug),
  }));
}

/** The catalogue's recipes with their definitions, for checking a printed average against each. */
export async function listRecipeInfo(db: DB): Promise<RecipeInfo[]> {
  const rows = await catalogueRecipes(db);
  return rows.map((r) => ({
    ...r,
    definition: (typeof r.definition === 'string'
      ? JSON.parse(r.definition)
      : r.definition) as RecipeDefinition,
  }));
}

const KEY = (column: string) =>
  sql<string>`regexp_replace(lower(${sql.ref(column)}), '[^a-z0-9]', '', 'g')`;

/**
 * Ledger models whose name or alias, reduced to lower-case letters and digits, is one of `keys`:
 * how "BERT$_{\rm BASE}$" in a paste finds "BERT-base". Names win over aliases.
 */
export async function findModelsByKeys(db: DB, keys: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (keys.length === 0) return found;
  const [byName, byAlias] = await Promise.all([
    db
      .selectFrom('model')
      .select(['name', KEY('name').as('key')])
      .where(KEY('name'), 'in', keys)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('model_alias as a')
      .innerJoin('model as m', 'm.id', 'a.model_id')
      .select(['m.name', KEY('a.alias').as('key')])
      .where(KEY('a.alias'), 'in', keys)
      .orderBy('m.id')
      .execute(),
  ]);
  for (const row of [...byName, ...byAlias]) if (!found.has(row.key)) found.set(row.key, row.name);
  return found;
}
