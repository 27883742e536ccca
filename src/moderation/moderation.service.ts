import { loadCatalogue } from '../benchmarks/benchmark.repository';
import { checkAgainstCatalogue, resolveClaim, type FieldErrors } from '../claims/claim-input';
import type { ClaimInput, ClaimStatus } from '../claims/claim.contract';
import { editedInput, toClaimChanges } from '../claims/claim.mappers';
import { insertAuditEvent, lockClaim, updateClaim } from '../claims/claim.repository';
import { claimSnapshot, findExistingClaim, findOrCreateModel } from '../claims/claim.service';
import type { DB } from '../db/database';
import { HttpError } from '../http/http-error';
import { pendingClaimIdsOfSubmission } from './moderation.repository';

export type Review = 'approve' | 'reject' | 'retract';

/** Which statuses each review may start from, and where it leaves the claim. */
const TRANSITIONS: Record<Review, { from: ClaimStatus[]; to: ClaimStatus }> = {
  approve: { from: ['pending', 'rejected'], to: 'approved' },
  reject: { from: ['pending'], to: 'rejected' },
  retract: { from: ['pending', 'approved'], to: 'retracted' },
};

const PAST: Record<Review, string> = {
  approve: 'approved',
  reject: 'rejected',
  retract: 'retracted',
};

export interface Actor {
  user: string;
  now?: Date;
}

async function reviewLocked(
  trx: DB,
  claimId: number,
  review: Review,
  reason: string | null,
  actor: Actor,
): Promise<void> {
  const claim = await lockClaim(trx, claimId);
  if (!claim) throw HttpError.notFound(`Claim #${claimId}`);
  const { from, to } = TRANSITIONS[review];
  if (!from.includes(claim.status)) {
    throw new HttpError(
      409,
      'invalid_transition',
      `Claim #${claimId} is ${claim.status}; only a ${from.join(' or ')} claim can be ${PAST[review]}.`,
    );
  }
  const now = actor.now ?? new Date();
  const after = await updateClaim(trx, claimId, {
    status: to,
    review_note: reason ?? (review === 'approve' ? null : claim.review_note),
    reviewed_at: now,
    updated_at: now,
  });
  await insertAuditEvent(trx, {
    claimId,
    actor: actor.user,
    action: review,
    reason,
    before: claimSnapshot(claim),
    after: claimSnapshot(after),
    now,
  });
}

/** Approves, rejects or retracts one claim and records who, when, why, before and after. */
export async function reviewClaim(
  db: DB,
  claimId: number,
  review: Review,
  reason: string | null,
  actor: Actor,
): Promise<void> {
  await db.transaction().execute((trx) => reviewLocked(trx, claimId, review, reason, actor));
}

/** Approves every pending claim of a submission in one transaction; returns how many. */
export async function approveSubmission(
  db: DB,
  submissionId: number,
  reason: string | null,
  actor: Actor,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ids = await pendingClaimIdsOfSubmission(trx, submissionId);
    for (const id of ids) await reviewLocked(trx, id, 'approve', reason, actor);
    return ids.length;
  });
}

export type EditOutcome = { kind: 'saved' } | { kind: 'invalid'; errors: FieldErrors };

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * Replaces a claim's values after the same checks a submission gets; its status stays, its paper
 * stays, and the audit log keeps the values it had before.
 */
export async function editClaim(
  db: DB,
  claimId: number,
  input: ClaimInput,
  reason: string,
  actor: Actor,
): Promise<EditOutcome> {
  const catalogue = await loadCatalogue(db);
  const errors = checkAgainstCatalogue(catalogue, input);
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };
  const resolved = await resolveClaim(db, catalogue, input);
  try {
    return await db.transaction().execute(async (trx): Promise<EditOutcome> => {
      const claim = await lockClaim(trx, claimId);
      if (!claim) throw HttpError.notFound(`Claim #${claimId}`);
      if (claim.status === 'retracted') {
        throw new HttpError(409, 'invalid_transition', `Claim #${claimId} is retracted.`);
      }
      const edited = { ...resolved, ...editedInput(claim, resolved) };
      const existing = await findExistingClaim(trx, claim.paper_id, edited);
      if (existing && existing.id !== claimId) {
        return {
          kind: 'invalid',
          errors: { model: `The paper already has this claim as #${existing.id}.` },
        };
      }
      const modelId = await findOrCreateModel(trx, edited);
      const now = actor.now ?? new Date();
      const after = await updateClaim(trx, claimId, toClaimChanges({ ...edited, modelId }, now));
      await insertAuditEvent(trx, {
        claimId,
        actor: actor.user,
        action: 'edit',
        reason,
        before: claimSnapshot(claim),
        after: claimSnapshot(after),
        now,
      });
      return { kind: 'saved' };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      return { kind: 'invalid', errors: { model: 'The paper already has this claim.' } };
    }
    throw error;
  }
}
