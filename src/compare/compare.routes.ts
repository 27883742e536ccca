import { Router } from 'express';
import { SPLITS, type Split } from '../claims/claim.setting';
import type { DB } from '../db/database';
import { compareUrl, MAX_COMPARED, parseCompareQuery } from './compare.schema';
import { loadComparePage } from './compare.service';

export function compareRouter(db: DB): Router {
  const router = Router();

  router.get('/compare', async (req, res) => {
    const request = parseCompareQuery(req.query);
    const page = await loadComparePage(db, request);
    const names = page.comparison?.columns.map((column) => column.label) ?? [];
    res.status(page.problems.length > 0 ? 422 : 200).render('compare/index', {
      title: names.length ? `Compare ${names.join(' vs ')}` : 'Compare',
      ...page,
      splits: SPLITS,
      maxCompared: MAX_COMPARED,
      splitLink: (split: Split) => compareUrl(request, split),
    });
  });

  return router;
}
