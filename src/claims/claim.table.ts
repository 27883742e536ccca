import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ClaimStatus, Confidence, Role } from './claim.contract';
import type { Adaptation, Split } from './claim.setting';

export interface ClaimTable {
  id: Generated<number>;
  paper_id: number;
  model_id: number;
  benchmark_id: number;
  metric_id: number;
  recipe_id: number | null;
  value: number;
  stderr: number | null;
  split: Split;
  n_shot: number | null;
  chain_of_thought: boolean | null;
  sampling: ColumnType<string | null, string | null | undefined, string | null>;
  adaptation: Adaptation;
  trainable_params: number | null;
  variant: ColumnType<string, string | undefined, string>;
  setting_notes: string | null;
  role: Role;
  locator: string | null;
  quote: string | null;
  reference: string | null;
  notes: string | null;
  confidence: Confidence | null;
  status: ColumnType<ClaimStatus, ClaimStatus | undefined, ClaimStatus>;
  review_note: string | null;
  submitter: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  reviewed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The public submission a claim came in with; null for seeds and imports. */
  submission_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export type AuditAction = 'seed' | 'submit' | 'approve' | 'reject' | 'edit' | 'retract' | 'import';

export interface AuditEventTable {
  id: Generated<number>;
  claim_id: number | null;
  actor: string;
  action: AuditAction;
  reason: string | null;
  before: ColumnType<unknown, string | null, never> | null;
  after: ColumnType<unknown, string | null, never> | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export type Claim = Selectable<ClaimTable>;
export type NewClaim = Insertable<ClaimTable>;
export type ClaimUpdate = Updateable<ClaimTable>;
export type AuditEvent = Selectable<AuditEventTable>;
