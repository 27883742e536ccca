import { sql } from 'kysely';
import { claimViews, type ClaimView } from '../claims/claim.repository';
import type { AuditAction } from '../claims/claim.table';
import type { DB } from '../db/database';

export type QueuedClaim = ClaimView & {
  submissionId: number | null;
  submitter: string;
  submitterEmail: string | null;
  reviewNote: string | null;
};

/** Pending claims, oldest submission first, each with who sent it. */
export async function pendingClaims(db: DB, limit = 500): Promise<QueuedClaim[]> {
  return claimViews(db)
    .leftJoin('submission as s', 's.id', 'c.submission_id')
    .select([
      'c.submission_id as submissionId',
      'c.submitter',
      's.submitter_email as submitterEmail',
      'c.review_note as reviewNote',
    ])
    .where('c.status', '=', 'pending')
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

export async function countPending(db: DB): Promise<number> {
  const row = await db
    .selectFrom('claim')
    .select(sql<string>`count(*)`.as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findClaimView(
  db: DB,
  id: number,
): Promise<(ClaimView & { reviewNote: string | null }) | undefined> {
  return claimViews(db)
    .select('c.review_note as reviewNote')
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function pendingClaimIdsOfSubmission(db: DB, submissionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('claim')
    .select('id')
    .where('submission_id', '=', submissionId)
    .where('status', '=', 'pending')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

export interface AuditEntry {
  id: number;
  claimId: number | null;
  actor: string;
  action: AuditAction;
  reason: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
}

function auditEntries(db: DB) {
  return db
    .selectFrom('audit_event')
    .select([
      'id',
      'claim_id as claimId',
      'actor',
      'action',
      'reason',
      'before',
      'after',
      'created_at as createdAt',
    ]);
}

export async function auditEventsForClaim(db: DB, claimId: number): Promise<AuditEntry[]> {
  return auditEntries(db)
    .where('claim_id', '=', claimId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The latest events of the whole ledger, newest first, skipping the seed's bulk entries. */
export async function recentAuditEvents(db: DB, limit = 200): Promise<AuditEntry[]> {
  return auditEntries(db)
    .where('action', '<>', 'seed')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
