import type { ColumnType, Generated, Selectable } from 'kysely';

export interface SubmissionTable {
  id: Generated<number>;
  /** sha256 of the token in the submitter's link; the token itself is never stored. */
  token_hash: string;
  submitter_name: string | null;
  submitter_email: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export type Submission = Selectable<SubmissionTable>;
