import { findBenchmarkById, findBenchmarkBySlug } from '../benchmarks/benchmark.repository';
import type { Benchmark } from '../benchmarks/benchmark.table';
import type { DB } from '../db/database';
import { HttpError } from '../http/http-error';
import { computeLeaderboard, type Leaderboard } from './leaderboard.compute';
import { readLeaderboardSource } from './leaderboard.query';
import type { LeaderboardQuery } from './leaderboards.schema';

/**
 * A benchmark's leaderboard for one query: the seam between reading and computing. Today it
 * reads the benchmark's claims and computes in memory; a SQL read path replaces its body.
 */
export async function buildLeaderboard(
  db: DB,
  benchmark: Benchmark,
  query: LeaderboardQuery,
): Promise<Leaderboard> {
  return computeLeaderboard(await readLeaderboardSource(db, benchmark), query);
}

export interface LoadedLeaderboard {
  benchmark: Benchmark;
  /** The suite or group it belongs to, for the breadcrumb. */
  parent: Benchmark | undefined;
  leaderboard: Leaderboard;
}

/** The leaderboard of the benchmark with this slug, as the page, the export and the API show it. */
export async function loadLeaderboard(
  db: DB,
  slug: string,
  query: LeaderboardQuery,
): Promise<LoadedLeaderboard> {
  const benchmark = await findBenchmarkBySlug(db, slug);
  if (!benchmark) throw HttpError.notFound('The benchmark');
  const [leaderboard, parent] = await Promise.all([
    buildLeaderboard(db, benchmark, query),
    benchmark.parent_id === null ? undefined : findBenchmarkById(db, benchmark.parent_id),
  ]);
  return { benchmark, parent, leaderboard };
}
