import type { DB } from '../db/database';
import type { Adaptation, ClaimStatus, Confidence, Role, Split } from './claim.table';

/** A claim with the names a page or export needs to print it. */
export interface ClaimView {
  id: number;
  value: number;
  stderr: number | null;
  split: Split;
  nShot: number | null;
  chainOfThought: boolean | null;
  adaptation: Adaptation;
  trainableParams: number | null;
  variant: string;
  settingNotes: string | null;
  role: Role;
  locator: string | null;
  quote: string | null;
  reference: string | null;
  notes: string | null;
  confidence: Confidence | null;
  status: ClaimStatus;
  createdAt: Date;
  paperId: number;
  paperTitle: string;
  paperArxivId: string | null;
  paperDate: string | null;
  paperDatePrecision: 'day' | 'month' | 'year';
  paperUrl: string | null;
  modelId: number;
  modelName: string;
  modelParameterCount: number | null;
  benchmarkId: number;
  benchmarkSlug: string;
  benchmarkName: string;
  benchmarkPosition: number;
  metricId: number;
  metricSlug: string;
  metricName: string;
  metricDirection: 'higher' | 'lower';
  recipeId: number | null;
  recipeSlug: string | null;
  recipeName: string | null;
  recipeOfficial: boolean | null;
}

/** The joined select behind every ClaimView; callers add filters, order and extra columns. */
export function claimViews(db: DB) {
  return db
    .selectFrom('claim as c')
    .innerJoin('paper as p', 'p.id', 'c.paper_id')
    .innerJoin('model as m', 'm.id', 'c.model_id')
    .innerJoin('benchmark as b', 'b.id', 'c.benchmark_id')
    .innerJoin('metric as mt', 'mt.id', 'c.metric_id')
    .leftJoin('aggregate_recipe as r', 'r.id', 'c.recipe_id')
    .select([
      'c.id',
      'c.value',
      'c.stderr',
      'c.split',
      'c.n_shot as nShot',
      'c.chain_of_thought as chainOfThought',
      'c.adaptation',
      'c.trainable_params as trainableParams',
      'c.variant',
      'c.setting_notes as settingNotes',
      'c.role',
      'c.locator',
      'c.quote',
      'c.reference',
      'c.notes',
      'c.confidence',
      'c.status',
      'c.created_at as createdAt',
      'p.id as paperId',
      'p.title as paperTitle',
      'p.arxiv_id as paperArxivId',
      'p.published_on as paperDate',
      'p.date_precision as paperDatePrecision',
      'p.url as paperUrl',
      'm.id as modelId',
      'm.name as modelName',
      'm.parameter_count as modelParameterCount',
      'b.id as benchmarkId',
      'b.slug as benchmarkSlug',
      'b.name as benchmarkName',
      'b.position as benchmarkPosition',
      'mt.id as metricId',
      'mt.slug as metricSlug',
      'mt.name as metricName',
      'mt.direction as metricDirection',
      'r.id as recipeId',
      'r.slug as recipeSlug',
      'r.name as recipeName',
      'r.official as recipeOfficial',
    ]);
}

export async function approvedClaimsForPaper(db: DB, paperId: number): Promise<ClaimView[]> {
  return claimViews(db)
    .where('c.paper_id', '=', paperId)
    .where('c.status', '=', 'approved')
    .orderBy('b.position')
    .orderBy('m.name')
    .orderBy('mt.slug')
    .orderBy('c.id')
    .execute();
}

export async function approvedClaimsForBenchmarks(
  db: DB,
  benchmarkIds: number[],
): Promise<ClaimView[]> {
  if (benchmarkIds.length === 0) return [];
  return claimViews(db)
    .where('c.benchmark_id', 'in', benchmarkIds)
    .where('c.status', '=', 'approved')
    .orderBy('b.position')
    .orderBy('c.value', 'desc')
    .orderBy('c.id')
    .execute();
}

export async function latestApprovedClaims(db: DB, limit: number): Promise<ClaimView[]> {
  return claimViews(db)
    .where('c.status', '=', 'approved')
    .orderBy('p.published_on', (ob) => ob.desc().nullsLast())
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
}

export async function countApprovedClaims(db: DB): Promise<number> {
  const row = await db
    .selectFrom('claim')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
