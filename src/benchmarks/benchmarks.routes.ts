import { Router } from 'express';
import { approvedClaimsForBenchmarks } from '../claims/claim.repository';
import type { DB } from '../db/database';
import { HttpError } from '../http/http-error';
import {
  benchmarkSubtree,
  findBenchmarkBySlug,
  listBenchmarkSummaries,
  metricsForBenchmark,
  recipesForBenchmark,
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
    const [subtree, metrics, recipes, parent] = await Promise.all([
      benchmarkSubtree(db, benchmark.id),
      metricsForBenchmark(db, benchmark.id),
      recipesForBenchmark(db, benchmark.id),
      benchmark.parent_id === null
        ? Promise.resolve(undefined)
        : db
            .selectFrom('benchmark')
            .select(['slug', 'name'])
            .where('id', '=', benchmark.parent_id)
            .executeTakeFirst(),
    ]);
    const claims = await approvedClaimsForBenchmarks(
      db,
      subtree.map((b) => b.id),
    );
    res.render('benchmarks/show', {
      title: benchmark.name,
      benchmark,
      parent,
      members: subtree.filter((b) => b.parent_id === benchmark.id),
      metrics,
      recipes,
      claims,
    });
  });

  return router;
}
