import { sql } from 'kysely';
import type { DB } from '../db/database';
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
  const byId = new Map(
    rows.map((r) => [r.id, { ...r, claimCount: Number(r.own), memberCount: 0 }]),
  );
  // Roll counts up the hierarchy (dataset → group → suite); it is at most three levels deep.
  for (const row of rows) {
    let parent = row.parentId === null ? undefined : byId.get(row.parentId);
    const isLeaf = row.kind === 'dataset';
    while (parent) {
      parent.claimCount += Number(row.own);
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

/** The benchmark itself and every benchmark below it, in catalogue order. */
export async function benchmarkSubtree(db: DB, rootId: number): Promise<Benchmark[]> {
  const result = await sql<Benchmark>`
    with recursive tree as (
      select * from benchmark where id = ${rootId}
      union all
      select b.* from benchmark b join tree t on b.parent_id = t.id
    )
    select * from tree order by position`.execute(db);
  return result.rows;
}

export async function metricsForBenchmark(
  db: DB,
  benchmarkId: number,
): Promise<(Metric & { isPrimary: boolean })[]> {
  return db
    .selectFrom('benchmark_metric as bm')
    .innerJoin('metric as m', 'm.id', 'bm.metric_id')
    .selectAll('m')
    .select('bm.is_primary as isPrimary')
    .where('bm.benchmark_id', '=', benchmarkId)
    .orderBy('bm.position')
    .execute();
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
