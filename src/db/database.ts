import type { Kysely } from 'kysely';
import type {
  AggregateRecipeTable,
  BenchmarkMetricTable,
  BenchmarkTable,
  MetricTable,
} from '../benchmarks/benchmark.table';
import type { AuditEventTable, ClaimTable } from '../claims/claim.table';
import type { ModelAliasTable, ModelTable } from '../models/model.table';
import type { PaperTable } from '../papers/paper.table';
import type { SubmissionTable } from '../submissions/submission.table';

export interface Database {
  paper: PaperTable;
  model: ModelTable;
  model_alias: ModelAliasTable;
  metric: MetricTable;
  benchmark: BenchmarkTable;
  benchmark_metric: BenchmarkMetricTable;
  aggregate_recipe: AggregateRecipeTable;
  claim: ClaimTable;
  audit_event: AuditEventTable;
  submission: SubmissionTable;
}

export type DB = Kysely<Database>;
