import { Router, type Request, type Response } from 'express';
import {
  findBenchmarkBySlug,
  listBenchmarkSummaries,
  metricsForBenchmark,
  recipesForBenchmark,
} from '../benchmarks/benchmark.repository';
import { toPublicClaim } from '../claims/claim.mappers';
import type { DB } from '../db/database';
import { HttpError } from '../http/http-error';
import { paginate, withQuery } from '../http/pagination';
import { loadLeaderboard } from '../leaderboards/leaderboard.loader';
import { leaderboardQuery } from '../leaderboards/leaderboards.schema';
import { loadModel } from '../models/model.loader';
import { listModels, parseModelId } from '../models/model.repository';
import { modelListQuery } from '../models/models.schema';
import { loadPaper } from '../papers/paper.loader';
import { findPaper, listPapers } from '../papers/paper.repository';
import { paperListQuery } from '../papers/papers.schema';
import { findApprovedClaim, listApprovedClaims } from './api.repository';
import { claimIdParam, claimListQuery, pageQuery } from './api.schema';
import { openApiDocument, routeDocs } from './openapi';
import {
  presentBenchmarkDetail,
  presentBenchmarkSummary,
  presentLeaderboard,
  presentModel,
  presentModelListItem,
  presentPaper,
  presentPaperListItem,
} from './presenters';
import { SCHEMA_VERSION } from '../exchange/exchange.contract';

/** Every API document: versioned, and revalidated by clients with its ETag (Express sets it). */
function send(res: Response, body: Record<string, unknown>) {
  res.set('Cache-Control', 'no-cache');
  res.json({ schemaVersion: SCHEMA_VERSION, ...body });
}

function flatQuery(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') out[key] = first;
  }
  return out;
}

/** The paginated envelope: data, totals and links to the neighbouring pages. */
function sendPage(
  req: Request,
  res: Response,
  items: unknown[],
  total: number,
  page: number,
  perPage: number,
  extra: Record<string, unknown> = {},
) {
  const meta = paginate(items, total, page, perPage);
  const path = `${req.baseUrl}${req.path}`;
  const query = flatQuery(req);
  const link = (p: number) => withQuery(path, query, { page: p, perPage });
  send(res, {
    ...extra,
    data: items,
    pagination: { page, perPage, total, pages: meta.pages },
    links: {
      self: link(page),
      next: page < meta.pages ? link(page + 1) : null,
      prev: page > 1 ? link(Math.min(page - 1, meta.pages)) : null,
    },
  });
}

export function apiRouter(db: DB): Router {
  const router = Router();

  router.get('/api', (_req, res) => res.redirect(302, '/api/docs'));
  router.get('/api/docs', (_req, res) => {
    res.render('api/docs', { title: 'API', routes: routeDocs(), openApiUrl: '/api/openapi.json' });
  });
  router.get('/api/openapi.json', (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.json(openApiDocument());
  });

  router.get('/api/papers', async (req, res) => {
    const query = paperListQuery.parse(req.query);
    const { items, total } = await listPapers(db, query);
    sendPage(req, res, items.map(presentPaperListItem), total, query.page, query.perPage);
  });
  router.get('/api/papers/:key', async (req, res) => {
    const { paper, claims } = await loadPaper(db, req.params.key);
    send(res, { data: { ...presentPaper(paper), claims: claims.map(toPublicClaim) } });
  });

  router.get('/api/models', async (req, res) => {
    const query = modelListQuery.parse(req.query);
    const { items, total } = await listModels(db, query);
    sendPage(req, res, items.map(presentModelListItem), total, query.page, query.perPage);
  });
  router.get('/api/models/:id', async (req, res) => {
    const { model, claims } = await loadModel(db, req.params.id);
    send(res, { data: { ...presentModel(model), claims: claims.map(toPublicClaim) } });
  });

  router.get('/api/benchmarks', async (req, res) => {
    const { page, perPage } = pageQuery.parse(req.query);
    const all = await listBenchmarkSummaries(db);
    const slugs = new Map(all.map((b) => [b.id, b.slug]));
    const items = all
      .slice((page - 1) * perPage, page * perPage)
      .map((b) =>
        presentBenchmarkSummary(b, b.parentId === null ? null : (slugs.get(b.parentId) ?? null)),
      );
    sendPage(req, res, items, all.length, page, perPage);
  });
  router.get('/api/benchmarks/:slug', async (req, res) => {
    const benchmark = await findBenchmarkBySlug(db, req.params.slug);
    if (!benchmark) throw HttpError.notFound('The benchmark');
    const [all, metrics, recipes] = await Promise.all([
      listBenchmarkSummaries(db),
      metricsForBenchmark(db, benchmark.id),
      recipesForBenchmark(db, benchmark.id),
    ]);
    const slugs = new Map(all.map((b) => [b.id, b.slug]));
    const summary = all.find((b) => b.id === benchmark.id)!;
    const parent = benchmark.parent_id === null ? null : (slugs.get(benchmark.parent_id) ?? null);
    const members = all.filter((b) => b.parentId === benchmark.id).map((b) => b.slug);
    send(res, {
      data: presentBenchmarkDetail(summary, parent, benchmark, metrics, recipes, members),
    });
  });
  router.get('/api/benchmarks/:slug/leaderboard', async (req, res) => {
    const query = leaderboardQuery.parse(req.query);
    const { leaderboard: computed } = await loadLeaderboard(db, req.params.slug, query);
    const { rows, ...leaderboard } = presentLeaderboard(computed);
    sendPage(req, res, rows, leaderboard.total, query.page, query.perPage, {
      leaderboard,
    });
  });

  router.get('/api/claims', async (req, res) => {
    const query = claimListQuery.parse(req.query);
    const benchmark = query.benchmark ? await findBenchmarkBySlug(db, query.benchmark) : null;
    if (query.benchmark && !benchmark)
      throw HttpError.notFound(`The benchmark "${query.benchmark}"`);
    const modelId = query.model ? (parseModelId(query.model) ?? null) : null;
    if (query.model && modelId === null) throw HttpError.badRequest('model must be a model id.');
    const paper = query.paper ? await findPaper(db, query.paper) : null;
    if (query.paper && !paper) throw HttpError.notFound(`The paper "${query.paper}"`);
    const { items, total } = await listApprovedClaims(db, {
      benchmarkId: benchmark?.id ?? null,
      modelId,
      paperId: paper?.id ?? null,
      page: query.page,
      perPage: query.perPage,
    });
    sendPage(req, res, items.map(toPublicClaim), total, query.page, query.perPage);
  });
  router.get('/api/claims/:id', async (req, res) => {
    const id = claimIdParam.safeParse(req.params.id);
    const claim = id.success ? await findApprovedClaim(db, id.data) : undefined;
    if (!claim) throw HttpError.notFound('The claim');
    send(res, { data: toPublicClaim(claim) });
  });

  return router;
}
