import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface ModelTable {
  id: Generated<number>;
  name: string;
  family: string | null;
  parameter_count: number | null;
  base_model_id: number | null;
  created_at: ColumnType<Date, never, never>;
}

export interface ModelAliasTable {
  alias: string;
  model_id: number;
}

export type Model = Selectable<ModelTable>;
export type NewModel = Insertable<ModelTable>;
