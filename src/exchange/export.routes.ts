import { Router, type Request, type Response } from 'express';
import {
  presentLeaderboard,
  presentModel,
  presentModelListItem,
  presentPaper,
  presentPaperListItem,
} from '../api/presenters';
import { SCHEMA_VERSION } from './exchange.contract';
import { toPublicClaim } from '../claims/claim.mappers';
import type { DB } from '../db/database';
import { loadLeaderboard } from '../leaderboards/leaderboard.loader';
import { leaderboardQuery } from '../leaderboards/leaderboards.schema';
import { loadModel } from '../models/model.loader';
import { listModels } from '../models/model.repository';
import { modelListQuery } from '../models/models.schema';
import { loadPaper } from '../papers/paper.loader';
import { listPapers } from '../papers/paper.repository';
import { paperListQuery } from '../papers/papers.schema';
import { toCsv } from './formats/csv';
import { DumpAborted, writeLedgerDump } from './ledger-dump';
import { claimsCsv, leaderboardCsv } from './view-export';

/** An export is the whole filtered result, not one page of it. */
const WHOLE = { page: 1, perPage: Number.MAX_SAFE_INTEGER };
const PAGES = /^\/(benchmarks\/[^/.]+|papers|papers\/[^/]+|models|models\/[^/.]+)$/;

function sendCsv(res: Response, name: string, csv: string) {
  res.type('text/csv; charset=utf-8');
  res.attachment(`${name}.csv`);
  res.send(csv);
}

function sendJson(res: Response, body: Record<string, unknown>) {
  res.json({ schemaVersion: SCHEMA_VERSION, ...body });
}

/** The same query minus paging, so an export link carries every filter and the sort. */
function exportSearch(req: Request): string {
  const params = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
  params.delete('page');
  params.delete('perPage');
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** Export routes sit before the page routers: `/papers/:key` would otherwise take `12.json`. */
export function exportRouter(db: DB): Router {
  const router = Router();

  router.use((req, res, next) => {
    if (req.method === 'GET' && PAGES.test(req.path) && !/\.(json|csv)$/.test(req.path)) {
      const search = exportSearch(req);
      res.locals.exportLinks = {
        json: `${req.path}.json${search}`,
        csv: `${req.path}.csv${search}`,
      };
    }
    next();
  });

  router.get('/export/ledger.json', async (req, res) => {
    res.type('application/json');
    res.attachment('benchledger-ledger.json');
    res.setHeader('Cache-Control', 'no-store');
    try {
      await writeLedgerDump(db, res);
      res.end();
    } catch (error) {
      if (error instanceof DumpAborted) return;
      req.log.error({ err: error }, 'ledger dump failed');
      res.destroy(error as Error);
    }
  });

  const leaderboard = async (req: Request) =>
    (
      await loadLeaderboard(db, String(req.params.slug), {
        ...leaderboardQuery.parse(req.query),
        ...WHOLE,
      })
    ).leaderboard;
  router.get('/benchmarks/:slug.json', async (req, res) => {
    sendJson(res, { kind: 'leaderboard', ...presentLeaderboard(await leaderboard(req)) });
  });
  router.get('/benchmarks/:slug.csv', async (req, res) => {
    const lb = await leaderboard(req);
    sendCsv(res, `${lb.benchmark.slug}-leaderboard`, leaderboardCsv(lb));
  });

  const papers = async (req: Request) =>
    (await listPapers(db, { ...paperListQuery.parse(req.query), ...WHOLE })).items;
  router.get('/papers.json', async (req, res) => {
    const items = await papers(req);
    sendJson(res, { kind: 'papers', total: items.length, papers: items.map(presentPaperListItem) });
  });
  router.get('/papers.csv', async (req, res) => {
    const items = await papers(req);
    sendCsv(
      res,
      'papers',
      toCsv(
        ['id', 'kind', 'arxiv_id', 'title', 'authors', 'published_on', 'venue', 'claims'],
        items.map((p) => ({
          id: p.id,
          kind: p.kind,
          arxiv_id: p.arxivId,
          title: p.title,
          authors: p.authors.join('; '),
          published_on: p.publishedOn,
          venue: p.venue,
          claims: p.claimCount,
        })),
      ),
    );
  });

  router.get('/papers/:key.json', async (req, res) => {
    const { paper: p, claims } = await loadPaper(db, req.params.key);
    sendJson(res, { kind: 'paper', paper: presentPaper(p), claims: claims.map(toPublicClaim) });
  });
  router.get('/papers/:key.csv', async (req, res) => {
    const { paper: p, claims } = await loadPaper(db, req.params.key);
    sendCsv(res, `paper-${p.arxiv_id ?? p.id}`, claimsCsv(claims, p));
  });

  const models = async (req: Request) =>
    (await listModels(db, { ...modelListQuery.parse(req.query), ...WHOLE })).items;
  router.get('/models.json', async (req, res) => {
    const items = await models(req);
    sendJson(res, { kind: 'models', total: items.length, models: items.map(presentModelListItem) });
  });
  router.get('/models.csv', async (req, res) => {
    const items = await models(req);
    sendCsv(
      res,
      'models',
      toCsv(
        ['id', 'name', 'family', 'parameter_count', 'aliases', 'claims', 'benchmarks'],
        items.map((m) => ({
          id: m.id,
          name: m.name,
          family: m.family,
          parameter_count: m.parameterCount,
          aliases: m.aliases.join('; '),
          claims: m.claimCount,
          benchmarks: m.benchmarkCount,
        })),
      ),
    );
  });

  router.get('/models/:id.json', async (req, res) => {
    const { model: m, claims } = await loadModel(db, req.params.id);
    sendJson(res, { kind: 'model', model: presentModel(m), claims: claims.map(toPublicClaim) });
  });
  router.get('/models/:id.csv', async (req, res) => {
    const { model: m, claims } = await loadModel(db, req.params.id);
    sendCsv(res, `model-${m.id}`, claimsCsv(claims));
  });

  return router;
}
