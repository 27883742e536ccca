import type { MetricDirection } from '../benchmarks/benchmark.contract';

const EPSILON = 1e-9;

export interface RankedEntry<T> {
  entry: T;
  rank: number | null;
}

/**
 * Best first, competition ranking (1, 2, 2, 4) with scores within 1e-9 tied; entries without a
 * score come last with rank null. Ties keep their input order.
 */
export function rankEntries<T>(
  entries: T[],
  score: (entry: T) => number | null,
  direction: MetricDirection,
): RankedEntry<T>[] {
  const scored: { entry: T; score: number }[] = [];
  const unscored: T[] = [];
  for (const entry of entries) {
    const value = score(entry);
    if (value === null || !Number.isFinite(value)) unscored.push(entry);
    else scored.push({ entry, score: value });
  }
  const sign = direction === 'higher' ? -1 : 1;
  scored.sort((a, b) => sign * (a.score - b.score));

  const ranked: RankedEntry<T>[] = [];
  let leader: number | undefined;
  let rank = 0;
  scored.forEach((item, i) => {
    // Compare with the first of a tie so that near-equal values cannot chain into one tie.
    if (leader === undefined || Math.abs(item.score - leader) > EPSILON) {
      leader = item.score;
      rank = i + 1;
    }
    ranked.push({ entry: item.entry, rank });
  });
  return [...ranked, ...unscored.map((entry) => ({ entry, rank: null }))];
}
