import { claimViews, type ClaimView } from '../claims/claim.repository';
import type { DB } from '../db/database';

export interface ClaimListFilters {
  benchmarkId: number | null;
  modelId: number | null;
  paperId: number | null;
  page: number;
  perPage: number;
}

/** Approved claims, oldest first, optionally of one benchmark, model or paper. */
export async function listApprovedClaims(
  db: DB,
  filters: ClaimListFilters,
): Promise<{ items: ClaimView[]; total: number }> {
  let query = claimViews(db).where('c.status', '=', 'approved');
  if (filters.benchmarkId !== null) query = query.where('c.benchmark_id', '=', filters.benchmarkId);
  if (filters.modelId !== null) query = query.where('c.model_id', '=', filters.modelId);
  if (filters.paperId !== null) query = query.where('c.paper_id', '=', filters.paperId);
  const [items, count] = await Promise.all([
    query
      .orderBy('c.id')
      .limit(filters.perPage)
      .offset((filters.page - 1) * filters.perPage)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.n };
}

export async function findApprovedClaim(db: DB, id: number): Promise<ClaimView | undefined> {
  return claimViews(db)
    .where('c.status', '=', 'approved')
    .where('c.id', '=', id)
    .executeTakeFirst();
}
