import { z } from 'zod';
import { pageParams, queryEnum, queryString } from '../http/query';
import { filterQuery } from './leaderboard.filters';

/** Every view's state lives in its URL; a value that makes no sense falls back to the default. */
export const leaderboardQuery = z.object({
  ...filterQuery,
  metric: queryString(60).meta({
    description: 'Dataset leaderboards: the metric to rank by (default: the primary one).',
  }),
  sort: queryString(80).meta({
    description:
      'rank, value, model, paper, date, shots, trainable, params, or a suite column benchmark|metric.',
  }),
  order: queryEnum(['', 'asc', 'desc'] as const, '').meta({ description: 'Sort direction.' }),
  ...pageParams(50),
});

export type LeaderboardQuery = z.infer<typeof leaderboardQuery>;
