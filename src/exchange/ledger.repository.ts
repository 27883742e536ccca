import { sql } from 'kysely';
import { presentMetric, presentPaper } from '../api/presenters';
import type { LedgerBenchmark, LedgerMetric, LedgerRecipe } from '../benchmarks/benchmark.contract';
import type { LedgerClaim } from '../claims/claim.contract';
import { toLedgerClaim } from '../claims/claim.mappers';
import { claimViews } from '../claims/claim.repository';
import type { DB } from '../db/database';
import type { LedgerModel } from '../models/model.contract';
import type { LedgerPaper } from '../papers/paper.contract';

/*
 * Keyset pages (id > after, limit n) for the full dump: each query is small and indexed, so
 * memory stays flat however large the ledger, on PGlite (no server-side cursors) and Postgres.
 */

export async function catalogueMetrics(db: DB): Promise<LedgerMetric[]> {
  const rows = await db.selectFrom('metric').selectAll().orderBy('id').execute();
  return rows.map(presentMetric);
}

export async function catalogueBenchmarks(db: DB): Promise<LedgerBenchmark[]> {
  const rows = await db
    .selectFrom('benchmark as b')
    .leftJoin('benchmark as p', 'p.id', 'b.parent_id')
    .select([
      'b.slug',
      'b.name',
      'b.kind',
      'p.slug as parent',
      'b.task_type as taskType',
      'b.scored',
      'b.description',
      'b.url',
      sql<
        string[]
      >`coalesce((select array_agg(m.slug order by bm.position) from benchmark_metric bm join metric m on m.id = bm.metric_id where bm.benchmark_id = b.id), '{}')`.as(
        'metrics',
      ),
    ])
    .orderBy('b.position')
    .orderBy('b.id')
    .execute();
  return rows;
}

export async function catalogueRecipes(db: DB): Promise<LedgerRecipe[]> {
  return db
    .selectFrom('aggregate_recipe as r')
    .innerJoin('benchmark as b', 'b.id', 'r.benchmark_id')
    .select([
      'r.slug',
      'b.slug as benchmark',
      'r.name',
      'r.official',
      'r.computable',
      'r.description',
      'r.definition',
    ])
    .orderBy('r.id')
    .execute();
}

export async function modelPage(
  db: DB,
  after: number,
  limit: number,
): Promise<{ id: number; model: LedgerModel }[]> {
  const rows = await db
    .selectFrom('model as m')
    .leftJoin('model as base', 'base.id', 'm.base_model_id')
    .select([
      'm.id',
      'm.name',
      'm.family',
      'm.parameter_count as parameterCount',
      'base.name as baseModel',
      sql<
        string[]
      >`coalesce((select array_agg(a.alias order by lower(a.alias)) from model_alias a where a.model_id = m.id), '{}')`.as(
        'aliases',
      ),
    ])
    .where('m.id', '>', after)
    .orderBy('m.id')
    .limit(limit)
    .execute();
  return rows.map(({ id, ...model }) => ({
    id,
    model,
  }));
}

export async function paperPage(db: DB, after: number, limit: number): Promise<LedgerPaper[]> {
  const rows = await db
    .selectFrom('paper')
    .selectAll()
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  // The dump names papers by `ref`; otherwise a paper reads as the API presents it.
  return rows.map((paper) => {
    const { id, ...rest } = presentPaper(paper);
    return { ref: id, ...rest };
  });
}

export async function approvedClaimPage(
  db: DB,
  after: number,
  limit: number,
): Promise<LedgerClaim[]> {
  const rows = await claimViews(db)
    .select(['c.submitter', 'c.reviewed_at as reviewedAt'])
    .where('c.status', '=', 'approved')
    .where('c.id', '>', after)
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map(toLedgerClaim);
}
