import { sql } from 'kysely';
import type { DB } from '../db/database';
import { ensureModel } from '../models/model.repository';
import { CONFLICT_THRESHOLD } from '../leaderboards/ranking';
import type { DatePrecision, SourceKind } from '../papers/paper.table';
import type { ResolvedClaim } from './claim-input';
import type { AuditAction, Claim, ClaimStatus } from './claim.table';

export interface PaperInput {
  kind: SourceKind;
  arxivId: string | null;
  title: string;
  authors: string[];
  publishedOn: string | null;
  datePrecision: DatePrecision;
  venue: string | null;
  url: string | null;
  runDetails?: Record<string, unknown> | null;
}

/** The columns that make two claims the same claim (the claim_identity index). */
function identity(db: DB, paperId: number, modelId: number, c: ResolvedClaim) {
  return db
    .selectFrom('claim')
    .selectAll()
    .where('paper_id', '=', paperId)
    .where('model_id', '=', modelId)
    .where('benchmark_id', '=', c.benchmarkId)
    .where('metric_id', '=', c.metricId)
    .where(sql<boolean>`recipe_id is not distinct from ${c.recipeId}`)
    .where('split', '=', c.split)
    .where(sql<boolean>`n_shot is not distinct from ${c.nShot}`)
    .where(sql<boolean>`chain_of_thought is not distinct from ${c.chainOfThought}`)
    .where('adaptation', '=', c.adaptation)
    .where(sql<boolean>`trainable_params is not distinct from ${c.trainableParams}`)
    .where('variant', '=', c.variant);
}

/** The stored claim this one would duplicate, whatever its status. */
export async function findExistingClaim(
  db: DB,
  paperId: number | null,
  claim: ResolvedClaim,
): Promise<Claim | undefined> {
  if (paperId === null || claim.modelId === null) return undefined;
  return identity(db, paperId, claim.modelId, claim).executeTakeFirst();
}

export interface NearConflict {
  claimId: number;
  paperId: number;
  paperTitle: string;
  value: number;
  difference: number;
}

/**
 * Approved claims from other papers on the same model, benchmark, metric, recipe and setting whose
 * value differs by more than the rounding tolerance: shown to a submitter before they confirm.
 */
export async function findNearConflicts(
  db: DB,
  paperId: number | null,
  claim: ResolvedClaim,
): Promise<NearConflict[]> {
  if (claim.modelId === null) return [];
  const rows = await db
    .selectFrom('claim as c')
    .innerJoin('paper as p', 'p.id', 'c.paper_id')
    .select(['c.id', 'c.value', 'p.id as paperId', 'p.title'])
    .where('c.status', '=', 'approved')
    .where('c.model_id', '=', claim.modelId)
    .where('c.benchmark_id', '=', claim.benchmarkId)
    .where('c.metric_id', '=', claim.metricId)
    .where(sql<boolean>`c.recipe_id is not distinct from ${claim.recipeId}`)
    .where('c.split', '=', claim.split)
    .where(sql<boolean>`c.n_shot is not distinct from ${claim.nShot}`)
    .where(sql<boolean>`c.chain_of_thought is not distinct from ${claim.chainOfThought}`)
    .where('c.adaptation', '=', claim.adaptation)
    .where(sql<boolean>`c.trainable_params is not distinct from ${claim.trainableParams}`)
    .where('c.variant', '=', claim.variant)
    .where(sql<boolean>`c.paper_id is distinct from ${paperId}`)
    .execute();
  return rows
    .filter((r) => Math.abs(r.value - claim.value) > CONFLICT_THRESHOLD + 1e-9)
    .map((r) => ({
      claimId: r.id,
      paperId: r.paperId,
      paperTitle: r.title,
      value: r.value,
      difference: claim.value - r.value,
    }));
}

export async function findPaperByArxivId(db: DB, arxivId: string) {
  return db.selectFrom('paper').selectAll().where('arxiv_id', '=', arxivId).executeTakeFirst();
}

/** The paper with this arXiv id (or, for sources without one, this exact title), created if new. */
export async function findOrCreatePaper(db: DB, paper: PaperInput): Promise<number> {
  const existing = paper.arxivId
    ? await findPaperByArxivId(db, paper.arxivId)
    : await db
        .selectFrom('paper')
        .selectAll()
        .where('arxiv_id', 'is', null)
        .where('kind', '=', paper.kind)
        .where('title', '=', paper.title)
        .executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await db
    .insertInto('paper')
    .values({
      kind: paper.kind,
      arxiv_id: paper.arxivId,
      title: paper.title,
      authors: paper.authors,
      published_on: paper.publishedOn,
      date_precision: paper.datePrecision,
      venue: paper.venue,
      url: paper.url,
      run_details: paper.runDetails ? JSON.stringify(paper.runDetails) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findOrCreateModel(db: DB, claim: ResolvedClaim): Promise<number> {
  return claim.modelId ?? (await ensureModel(db, { name: claim.model })).id;
}

/** What the audit log keeps of a claim: its stored columns, without the timestamps. */
export function claimSnapshot(claim: Claim): Record<string, unknown> {
  const { created_at: _created, updated_at: _updated, reviewed_at: _reviewed, ...rest } = claim;
  return rest;
}

export interface WriteOptions {
  status: ClaimStatus;
  submitter: string;
  action: Extract<AuditAction, 'submit' | 'import' | 'seed'>;
  reason: string | null;
  now?: Date;
  submissionId?: number | null;
}

export interface WriteResult {
  created: number[];
  /** Indexes (into the input) of claims that were already stored. */
  duplicates: number[];
}

/**
 * Writes a paper's claims and their audit events. Call it inside a transaction: a caller that
 * must store every row or none rolls back when it sees a duplicate it did not expect.
 */
export async function writeClaims(
  db: DB,
  paperId: number,
  claims: ResolvedClaim[],
  options: WriteOptions,
): Promise<WriteResult> {
  const result: WriteResult = { created: [], duplicates: [] };
  const now = options.now ?? new Date();
  for (const [index, claim] of claims.entries()) {
    const modelId = await findOrCreateModel(db, claim);
    const resolved = { ...claim, modelId };
    if (await findExistingClaim(db, paperId, resolved)) {
      result.duplicates.push(index);
      continue;
    }
    const stored = await db
      .insertInto('claim')
      .values({
        paper_id: paperId,
        model_id: modelId,
        benchmark_id: claim.benchmarkId,
        metric_id: claim.metricId,
        recipe_id: claim.recipeId,
        value: claim.value,
        stderr: claim.stderr,
        split: claim.split,
        n_shot: claim.nShot,
        chain_of_thought: claim.chainOfThought,
        adaptation: claim.adaptation,
        trainable_params: claim.trainableParams,
        variant: claim.variant,
        setting_notes: claim.settingNotes,
        role: claim.role,
        locator: claim.locator,
        quote: claim.quote,
        reference: claim.reference,
        notes: claim.notes,
        confidence: claim.confidence,
        status: options.status,
        review_note: null,
        submitter: options.submitter,
        created_at: now,
        updated_at: now,
        reviewed_at: options.status === 'approved' ? now : null,
        submission_id: options.submissionId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await db
      .insertInto('audit_event')
      .values({
        claim_id: stored.id,
        actor: options.submitter,
        action: options.action,
        reason: options.reason,
        before: null,
        after: JSON.stringify(claimSnapshot(stored)),
        created_at: now,
      })
      .execute();
    result.created.push(stored.id);
  }
  return result;
}
