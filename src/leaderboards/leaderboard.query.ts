import {
  childBenchmarks,
  metricsForBenchmark,
  metricsForBenchmarks,
  recipesForBenchmark,
  type AllowedMetric,
} from '../benchmarks/benchmark.repository';
import type { AggregateRecipe, Benchmark } from '../benchmarks/benchmark.table';
import { approvedClaimsForBenchmarks, type ClaimView } from '../claims/claim.repository';
import type { DB } from '../db/database';

/** A dataset's approved claims and the metrics it allows. */
export interface DatasetSource {
  kind: 'dataset';
  benchmark: Benchmark;
  /** The benchmarks one level below (an MMLU category's subjects). */
  members: Benchmark[];
  metrics: AllowedMetric[];
  claims: ClaimView[];
}

/** A suite's approved claims (its own scores and its members'), its members and recipes. */
export interface SuiteSource {
  kind: 'suite';
  benchmark: Benchmark;
  members: Benchmark[];
  memberMetrics: Map<number, AllowedMetric[]>;
  recipes: AggregateRecipe[];
  claims: ClaimView[];
}

export type LeaderboardSource = DatasetSource | SuiteSource;

/**
 * The query side of a leaderboard: every approved claim of the benchmark, computed on in memory
 * by leaderboard.compute.ts. A read path that filters, ranks and pages in SQL replaces this
 * module and the computation together, behind `buildLeaderboard` (leaderboard.loader.ts).
 */
export async function readLeaderboardSource(
  db: DB,
  benchmark: Benchmark,
): Promise<LeaderboardSource> {
  const members = await childBenchmarks(db, benchmark.id);
  if (benchmark.kind !== 'suite') {
    const [metrics, claims] = await Promise.all([
      metricsForBenchmark(db, benchmark.id),
      approvedClaimsForBenchmarks(db, [benchmark.id]),
    ]);
    return { kind: 'dataset', benchmark, members, metrics, claims };
  }
  const memberIds = members.map((b) => b.id);
  const [recipes, claims, memberMetrics] = await Promise.all([
    recipesForBenchmark(db, benchmark.id),
    approvedClaimsForBenchmarks(db, [benchmark.id, ...memberIds]),
    metricsForBenchmarks(db, memberIds),
  ]);
  return { kind: 'suite', benchmark, members, memberMetrics, recipes, claims };
}
