import { Router } from 'express';
import type { DB } from '../db/database';
import { HttpError } from '../http/http-error';
import { withQuery } from '../http/pagination';
import { buildLeaderboard } from '../leaderboards/leaderboard.service';
import { leaderboardQuery } from '../leaderboards/leaderboards.schema';
import {
  findBenchmarkById,
  findBenchmarkBySlug,
  listBenchmarkSummaries,
} from './benchmark.repository';

export function benchmarksRouter(db: DB): Router {
  const router = Router();

  router.get('/benchmarks', async (_req, res) => {
    const summaries = await listBenchmarkSummaries(db);
    res.render('benchmarks/index', {
      title: 'Benchmarks',
      roots: summaries.filter((b) => b.parentId === null),
      children: (id: number) => summaries.filter((b) => b.parentId === id),
    });
  });

  router.get('/benchmarks/:slug', async (req, res) => {
    const benchmark = await findBenchmarkBySlug(db, req.params.slug);
    if (!benchmark) throw HttpError.notFound('The benchmark');
    const query = leaderboardQuery.parse(req.query);
    const [leaderboard, parent] = await Promise.all([
      buildLeaderboard(db, benchmark, query),
      benchmark.parent_id === null ? undefined : findBenchmarkById(db, benchmark.parent_id),
    ]);
    // The URL carries the view's whole state; links change one part of it.
    const state: Record<string, string | number> = {
      ...leaderboard.filters,
      metric: leaderboard.kind === 'dataset' ? (leaderboard.metric?.slug ?? '') : '',
      sort: leaderboard.sort,
      order: leaderboard.order,
      perPage: query.perPage,
    };
    const defaults: Record<string, string> = { cot: 'any', adaptation: 'any', role: 'any' };
    for (const [key, value] of Object.entries(defaults))
      if (state[key] === value) delete state[key];
    const path = `/benchmarks/${benchmark.slug}`;
    res.render('benchmarks/show', {
      title: `${benchmark.name} leaderboard`,
      benchmark,
      parent,
      members: leaderboard.members,
      leaderboard,
      link: (changes: Record<string, string | number | undefined>) =>
        withQuery(path, state, changes),
      sortLink: (key: string) =>
        withQuery(path, state, {
          sort: key,
          order:
            leaderboard.sort === key ? (leaderboard.order === 'asc' ? 'desc' : 'asc') : undefined,
          page: undefined,
        }),
      ariaSort: (key: string) =>
        leaderboard.sort === key
          ? leaderboard.order === 'asc'
            ? 'ascending'
            : 'descending'
          : 'none',
    });
  });

  return router;
}
