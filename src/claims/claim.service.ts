import type { DB } from '../db/database';
import { ensureModel } from '../models/model.repository';
import type { ResolvedClaim } from './claim-input';
import { disagreeingWith } from './claim.conflicts';
import { toIdentityRow, toNewClaim, toSubjectRow } from './claim.mappers';
import {
  approvedClaimsOnSubject,
  findClaimByIdentity,
  insertAuditEvent,
  insertClaim,
} from './claim.repository';
import type { ClaimStatus } from './claim.contract';
import type { AuditAction, Claim } from './claim.table';

/** The stored claim this one would duplicate, whatever its status. */
export async function findExistingClaim(
  db: DB,
  paperId: number | null,
  claim: ResolvedClaim,
): Promise<Claim | undefined> {
  if (paperId === null || claim.modelId === null) return undefined;
  return findClaimByIdentity(db, toIdentityRow(paperId, { ...claim, modelId: claim.modelId }));
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
  const subject = toSubjectRow({ ...claim, modelId: claim.modelId });
  const stored = await approvedClaimsOnSubject(db, subject, paperId);
  return disagreeingWith(claim.value, stored).map((r) => ({
    claimId: r.id,
    paperId: r.paperId,
    paperTitle: r.paperTitle,
    value: r.value,
    difference: claim.value - r.value,
  }));
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
    const resolved = { ...claim, modelId: await findOrCreateModel(db, claim) };
    if (await findExistingClaim(db, paperId, resolved)) {
      result.duplicates.push(index);
      continue;
    }
    const stored = await insertClaim(
      db,
      toNewClaim(resolved, {
        paperId,
        status: options.status,
        submitter: options.submitter,
        now,
        submissionId: options.submissionId ?? null,
      }),
    );
    await insertAuditEvent(db, {
      claimId: stored.id,
      actor: options.submitter,
      action: options.action,
      reason: options.reason,
      before: null,
      after: claimSnapshot(stored),
      now,
    });
    result.created.push(stored.id);
  }
  return result;
}
