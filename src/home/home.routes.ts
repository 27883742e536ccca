import { Router } from 'express';
import { listBenchmarkSummaries } from '../benchmarks/benchmark.repository';
import { countApprovedClaims, latestApprovedClaims } from '../claims/claim.repository';
import type { DB } from '../db/database';
import { countPapers } from '../papers/paper.repository';

export function homeRouter(db: DB): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const [benchmarks, latest, paperCount, claimCount] = await Promise.all([
      listBenchmarkSummaries(db),
      latestApprovedClaims(db, 12),
      countPapers(db),
      countApprovedClaims(db),
    ]);
    res.render('home/index', {
      title: 'Benchmark claims, with their sources',
      benchmarks: benchmarks.filter((b) => b.parentId === null),
      latest,
      paperCount,
      claimCount,
    });
  });
  return router;
}
