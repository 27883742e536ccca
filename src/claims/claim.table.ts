import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export const ADAPTATIONS = [
  'full_ft',
  'lora',
  'adalora',
  'adapter',
  'prefix_tuning',
  'prompt_tuning',
  'bitfit',
  'in_context',
  'other',
  'unknown',
] as const;
export type Adaptation = (typeof ADAPTATIONS)[number];

export const ADAPTATION_LABELS: Record<Adaptation, string> = {
  full_ft: 'Full fine-tuning',
  lora: 'LoRA',
  adalora: 'AdaLoRA',
  adapter: 'Adapters',
  prefix_tuning: 'Prefix tuning',
  prompt_tuning: 'Prompt tuning',
  bitfit: 'BitFit',
  in_context: 'In-context / frozen',
  other: 'Other',
  unknown: 'Not stated',
};

export const ROLES = ['proposed', 'baseline', 'ablation', 'reproduction'] as const;
export type Role = (typeof ROLES)[number];

export const SPLITS = ['test', 'dev', 'unknown'] as const;
export type Split = (typeof SPLITS)[number];

export const STATUSES = ['pending', 'approved', 'rejected', 'retracted'] as const;
export type ClaimStatus = (typeof STATUSES)[number];

export type Confidence = 'high' | 'medium' | 'low';

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
  adaptation: Adaptation;
  trainable_params: number | null;
  /** Distinguishes settings the other columns cannot, e.g. 'r=8' or 'strict-match'. */
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
