import { sql } from 'kysely';
import type { BenchmarkKind } from '../benchmarks/benchmark.contract';
import { claimViews, type ClaimView } from '../claims/claim.repository';
import type { DB } from '../db/database';
import type { Submission } from './submission.table';

export interface BenchmarkOption {
  slug: string;
  name: string;
  kind: BenchmarkKind;
  /** The suite (or standalone dataset) it belongs to, for grouping the choices. */
  rootName: string;
  parentName: string | null;
}

/** Every benchmark in catalogue order, each with its root suite for the form's groups. */
export async function listBenchmarkOptions(db: DB): Promise<BenchmarkOption[]> {
  const rows = await db
    .selectFrom('benchmark as b')
    .leftJoin('benchmark as parent', 'parent.id', 'b.parent_id')
    .select(['b.id', 'b.slug', 'b.name', 'b.kind', 'b.parent_id', 'parent.name as parentName'])
    .orderBy('b.position')
    .orderBy('b.id')
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const root = (id: number): string => {
    let row = byId.get(id)!;
    while (row.parent_id !== null && byId.has(row.parent_id)) row = byId.get(row.parent_id)!;
    return row.name;
  };
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    rootName: root(row.id),
    parentName: row.parentName,
  }));
}

export async function listModelNames(db: DB, limit = 5000): Promise<string[]> {
  const rows = await db
    .selectFrom('model')
    .select('name')
    .orderBy(sql`lower(name)`)
    .limit(limit)
    .execute();
  return rows.map((row) => row.name);
}

export async function findPaperIdByTitle(db: DB, title: string): Promise<number | null> {
  const row = await db
    .selectFrom('paper')
    .select('id')
    .where('arxiv_id', 'is', null)
    .where('kind', '=', 'paper')
    .where('title', '=', title)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertSubmission(
  db: DB,
  values: { tokenHash: string; name: string | null; email: string | null; now: Date },
): Promise<number> {
  const row = await db
    .insertInto('submission')
    .values({
      token_hash: values.tokenHash,
      submitter_name: values.name,
      submitter_email: values.email,
      created_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findSubmissionByTokenHash(
  db: DB,
  tokenHash: string,
): Promise<Submission | undefined> {
  return db
    .selectFrom('submission')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export type SubmittedClaim = ClaimView & { reviewNote: string | null };

export async function claimsOfSubmission(db: DB, submissionId: number): Promise<SubmittedClaim[]> {
  return claimViews(db)
    .select('c.review_note as reviewNote')
    .where('c.submission_id', '=', submissionId)
    .orderBy('c.id')
    .execute();
}
