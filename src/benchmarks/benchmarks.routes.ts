import { Router } from 'express';
import type { DB } from '../db/database';
import { listBenchmarkSummaries } from './benchmark.repository';

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

  return router;
}
