import { sql } from 'kysely';
import type { DB } from '../db/database';
import type {
  LedgerBenchmark,
  LedgerClaim,
  LedgerMetric,
  LedgerModel,
  LedgerPaper,
  LedgerRecipe,
} from './formats/ledger-json';

/*
 * Keyset pages (id > after, limit n) for the full dump: each query is small and indexed, so
 * memory stays flat however large the ledger, on PGlite (no server-side cursors) and Postgres.
 */

export async function catalogueMetrics(db: DB): Promise<LedgerMetric[]> {
  const rows = await db.selectFrom('metric').selectAll().orderBy('id').execute();
  return rows.map((m) => ({
    slug: m.slug,
    name: m.name,
    direction: m.direction,
    scale: m.scale,
    min: m.min_value,
    max: m.max_value,
  }));
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
    model: {
      ...model,
      parameterCount: model.parameterCount === null ? null : Number(model.parameterCount),
    },
  }));
}

export async function paperPage(db: DB, after: number, limit: number): Promise<LedgerPaper[]> {
  const rows = await db
    .selectFrom('paper')
    .select([
      'id',
      'kind',
      'arxiv_id',
      'title',
      'authors',
      'published_on',
      'date_precision',
      'venue',
      'url',
      'run_details',
    ])
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((p) => ({
    ref: p.id,
    kind: p.kind,
    arxivId: p.arxiv_id,
    title: p.title,
    authors: p.authors,
    publishedOn: p.published_on,
    datePrecision: p.date_precision,
    venue: p.venue,
    url: p.url,
    runDetails: (p.run_details as Record<string, unknown> | null) ?? null,
  }));
}

export async function approvedClaimPage(
  db: DB,
  after: number,
  limit: number,
): Promise<LedgerClaim[]> {
  const rows = await db
    .selectFrom('claim as c')
    .innerJoin('model as m', 'm.id', 'c.model_id')
    .innerJoin('benchmark as b', 'b.id', 'c.benchmark_id')
    .innerJoin('metric as mt', 'mt.id', 'c.metric_id')
    .leftJoin('aggregate_recipe as r', 'r.id', 'c.recipe_id')
    .select([
      'c.id',
      'c.paper_id',
      'm.name as model',
      'b.slug as benchmark',
      'mt.slug as metric',
      'r.slug as recipe',
      'c.value',
      'c.stderr',
      'c.split',
      'c.n_shot',
      'c.chain_of_thought',
      'c.adaptation',
      'c.trainable_params',
      'c.variant',
      'c.setting_notes',
      'c.role',
      'c.locator',
      'c.quote',
      'c.reference',
      'c.notes',
      'c.confidence',
      'c.submitter',
      'c.created_at',
      'c.reviewed_at',
    ])
    .where('c.status', '=', 'approved')
    .where('c.id', '>', after)
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((c) => ({
    id: c.id,
    paper: c.paper_id,
    model: c.model,
    benchmark: c.benchmark,
    metric: c.metric,
    recipe: c.recipe,
    value: c.value,
    stderr: c.stderr,
    setting: {
      split: c.split,
      nShot: c.n_shot,
      chainOfThought: c.chain_of_thought,
      adaptation: c.adaptation,
      trainableParams: c.trainable_params === null ? null : Number(c.trainable_params),
      variant: c.variant,
      notes: c.setting_notes,
    },
    role: c.role,
    provenance: {
      locator: c.locator,
      quote: c.quote,
      reference: c.reference,
      notes: c.notes,
      confidence: c.confidence,
    },
    status: 'approved',
    submitter: c.submitter,
    createdAt: new Date(c.created_at).toISOString(),
    reviewedAt: c.reviewed_at ? new Date(c.reviewed_at).toISOString() : null,
  }));
}
