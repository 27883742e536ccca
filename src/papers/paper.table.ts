import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

import type { DatePrecision, RunDetails, SourceKind } from './paper.contract';

export interface PaperTable {
  id: Generated<number>;
  kind: ColumnType<SourceKind, SourceKind | undefined, SourceKind>;
  arxiv_id: string | null;
  title: string;
  authors: ColumnType<string[], string[] | undefined, string[]>;
  /** 'YYYY-MM-DD'; for month or year precision the first day of that period. */
  published_on: string | null;
  date_precision: ColumnType<DatePrecision, DatePrecision | undefined, DatePrecision>;
  venue: string | null;
  url: string | null;
  run_details: ColumnType<RunDetails | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, never, never>;
}

export type Paper = Selectable<PaperTable>;
export type NewPaper = Insertable<PaperTable>;
