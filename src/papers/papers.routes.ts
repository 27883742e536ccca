import { Router } from 'express';
import { rowsByBenchmark } from '../claims/claim.view';
import type { DB } from '../db/database';
import { paginate, withQuery } from '../http/pagination';
import { loadPaper } from './paper.loader';
import { listPapers } from './paper.repository';
import { paperListQuery } from './papers.schema';

export function papersRouter(db: DB): Router {
  const router = Router();

  router.get('/papers', async (req, res) => {
    const query = paperListQuery.parse(req.query);
    const { items, total } = await listPapers(db, query);
    const page = paginate(items, total, query.page, query.perPage);
    const current = { q: query.q, sort: query.sort, order: query.order, perPage: query.perPage };
    res.render('papers/index', {
      title: 'Papers',
      query,
      page,
      link: (changes: Record<string, string | number | undefined>) =>
        withQuery('/papers', current, changes),
    });
  });

  router.get('/papers/:key', async (req, res) => {
    const { paper, claims } = await loadPaper(db, req.params.key);
    res.render('papers/show', {
      title: paper.title,
      paper,
      claimCount: claims.length,
      groups: rowsByBenchmark(claims),
    });
  });

  return router;
}
