import { Router } from 'express';
import type { DB } from '../db/database';
import { CONFLICT_THRESHOLD } from '../claims/claim.conflicts';
import { paginate, withQuery } from '../http/pagination';
import { loadModel } from './model.loader';
import { buildModelProfile } from './model.profile';
import { listModels } from './model.repository';
import { modelListQuery } from './models.schema';

export function modelsRouter(db: DB): Router {
  const router = Router();

  router.get('/models', async (req, res) => {
    const query = modelListQuery.parse(req.query);
    const { items, total } = await listModels(db, query);
    const page = paginate(items, total, query.page, query.perPage);
    const current = { q: query.q, sort: query.sort, order: query.order, perPage: query.perPage };
    res.render('models/index', {
      title: 'Models',
      query,
      page,
      link: (changes: Record<string, string | number | undefined>) =>
        withQuery('/models', current, changes),
    });
  });

  router.get('/models/:id', async (req, res) => {
    const { model, claims } = await loadModel(db, req.params.id);
    const profile = buildModelProfile(model.name, claims);
    res.render('models/show', {
      title: model.name,
      model,
      claimCount: claims.length,
      paperCount: new Set(claims.map((claim) => claim.paperId)).size,
      adaptationCount: new Set(claims.map((claim) => claim.adaptation)).size,
      conflictThreshold: CONFLICT_THRESHOLD,
      ...profile,
    });
  });

  return router;
}
