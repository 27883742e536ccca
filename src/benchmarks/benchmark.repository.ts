import { sql } from 'kysely';
import type { DB } from '../db/database';
import type { BenchmarkKind, MetricScale } from './benchmark.contract';
import type { AggregateRecipe, Benchmark, Metric } from './benchmark.table';

export interface BenchmarkSummary {
  id: number;
  slug: string;
  name: string;
  kind: Benchmark['kind'];
  parentId: number | null;
  taskType: string | null;
  position: number;
  description: string | null;
  /** Approved claims on this benchmark and everything below it. */
  claimCount: number;
  memberCount: number;
}

export async function listBenchmarkSummaries(db: DB): Promise<BenchmarkSummary[]> {
  const rows = await db
    .selectFrom('benchmark as b')
    .leftJoin(
      db
        .selectFrom('claim')
        .select(['benchmark_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('status', '=', 'approved')
        .groupBy('benchmark_id')
        .as('c'),
      'c.benchmark_id',
      'b.id',
    )
    .select([
      'b.id',
      'b.slug',
      'b.name',
      'b.kind',
      'b.parent_id as parentId',
      'b.task_type as taskType',
      'b.position',
      'b.description',
      sql<number>`coalesce(c.n, 0)`.as('own'),
    ])
    .orderBy('b.position')
    .execute();
  const byId = new Map(rows.map((r) => [r.id, { ...r, claimCount: r.own, memberCount: 0 }]));
  // Roll counts up the hierarchy (dataset → group → suite); it is at most three levels deep.
  for (const row of rows) {
    let parent = row.parentId === null ? undefined : byId.get(row.parentId);
    const isLeaf = row.kind === 'dataset';
    while (parent) {
      parent.claimCount += row.own;
      if (isLeaf) parent.memberCount += 1;
      parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
    }
  }
  return [...byId.values()].map(({ own: _own, ...summary }) => summary);
}

export async function findBenchmarkBySlug(db: DB, slug: string): Promise<Benchmark | undefined> {
  return db.selectFrom('benchmark').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findBenchmarkById(db: DB, id: number): Promise<Benchmark | undefined> {
  return db.selectFrom('benchmark').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The benchmarks one level below this one, in catalogue order. */
export async function childBenchmarks(db: DB, parentId: number): Promise<Benchmark[]> {
  return db
    .selectFrom('benchmark')
    .selectAll()
    .where('parent_id', '=', parentId)
    .orderBy('position')
    .execute();
}

export type AllowedMetric = Metric & { isPrimary: boolean };

/** Each benchmark's allowed metrics, primary first, in one query. */
export async function metricsForBenchmarks(
  db: DB,
  benchmarkIds: number[],
): Promise<Map<number, AllowedMetric[]>> {
  const byBenchmark = new Map<number, AllowedMetric[]>(benchmarkIds.map((id) => [id, []]));
  if (benchmarkIds.length === 0) return byBenchmark;
  const rows = await db
    .selectFrom('benchmark_metric as bm')
    .innerJoin('metric as m', 'm.id', 'bm.metric_id')
    .selectAll('m')
    .select(['bm.is_primary as isPrimary', 'bm.benchmark_id as benchmarkId'])
    .where('bm.benchmark_id', 'in', benchmarkIds)
    .orderBy('bm.benchmark_id')
    .orderBy('bm.position')
    .execute();
  for (const { benchmarkId, ...metric } of rows) byBenchmark.get(benchmarkId)!.push(metric);
  return byBenchmark;
}

export async function metricsForBenchmark(db: DB, benchmarkId: number): Promise<AllowedMetric[]> {
  return (await metricsForBenchmarks(db, [benchmarkId])).get(benchmarkId)!;
}

export async function recipesForBenchmark(db: DB, benchmarkId: number): Promise<AggregateRecipe[]> {
  return db
    .selectFrom('aggregate_recipe')
    .selectAll()
    .where('benchmark_id', '=', benchmarkId)
    .orderBy('official', 'desc')
    .orderBy('id')
    .execute();
}

/** The catalogue as the claim checks consult it: everything by slug. */
export interface Catalogue {
  benchmarks: Map<string, { id: number; slug: string; name: string; kind: BenchmarkKind }>;
  metrics: Map<
    string,
    {
      id: number;
      slug: string;
      name: string;
      scale: MetricScale;
      min: number | null;
      max: number | null;
    }
  >;
  /** Each benchmark's allowed metrics, primary first. */
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
