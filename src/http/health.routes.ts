import { Router } from 'express';
import type { DB } from '../db/database';
import { ping } from '../db/connect';

export function healthRouter(db: DB, databaseKind: string): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await ping(db);
      res.json({ status: 'ok', database: { status: 'ok', kind: databaseKind } });
    } catch {
      res
        .status(503)
        .json({ status: 'unavailable', database: { status: 'down', kind: databaseKind } });
    }
  });
  return router;
}
