import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type {
  BenchmarkKind,
  MetricDirection,
  MetricScale,
  RecipeDefinition,
} from './benchmark.contract';

export interface MetricTable {
  id: Generated<number>;
  slug: string;
  name: string;
  direction: MetricDirection;
  scale: MetricScale;
  min_value: number | null;
  max_value: number | null;
}

export interface BenchmarkTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: BenchmarkKind;
  parent_id: number | null;
  /** BLURB task type or MMLU category: the level a recipe averages within. */
  task_type: string | null;
  position: Generated<number>;
  /** False for diagnostic sets (GLUE AX, SuperGLUE AX-b/AX-g): shown, never averaged. */
  scored: Generated<boolean>;
  description: string | null;
  url: string | null;
}

export interface BenchmarkMetricTable {
  benchmark_id: number;
  metric_id: number;
  is_primary: Generated<boolean>;
  position: Generated<number>;
}

export interface AggregateRecipeTable {
  id: Generated<number>;
  slug: string;
  benchmark_id: number;
  name: string;
  official: Generated<boolean>;
  /** False for recipes whose inputs the ledger cannot hold, e.g. MMLU's per-question mean. */
  computable: Generated<boolean>;
  description: string;
  /** jsonb: written as JSON text, read back as the object. */
  definition: ColumnType<RecipeDefinition, string, string>;
}

export type Metric = Selectable<MetricTable>;
export type Benchmark = Selectable<BenchmarkTable>;
export type NewBenchmark = Insertable<BenchmarkTable>;
export type AggregateRecipe = Selectable<AggregateRecipeTable>;
