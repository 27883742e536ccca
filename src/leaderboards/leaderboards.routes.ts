import { Router } from 'express';
import type { DB } from '../db/database';
import { loadLeaderboard } from './leaderboard.loader';
import { leaderboardView } from './leaderboard.view';
import { leaderboardQuery } from './leaderboards.schema';

export function leaderboardsRouter(db: DB): Router {
  const router = Router();

  router.get('/benchmarks/:slug', async (req, res) => {
    const query = leaderboardQuery.parse(req.query);
    const loaded = await loadLeaderboard(db, req.params.slug, query);
    const view = leaderboardView(loaded, query.perPage);
    res.render('leaderboards/show', { title: view.title, view });
  });

  return router;
}
