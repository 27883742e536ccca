import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { errorHandler } from '../../src/http/error-handler';
import { useMigratedApp } from '../support/app';
import { createMigratedDatabase } from '../support/database';

const { database } = useMigratedApp();

describe('errors', () => {
  test('when a handler throws, then the 500 page reveals nothing of the error', async () => {
    const app = createApp({
      db: database.db,
      config: loadConfig({ NODE_ENV: 'test' }),
      databaseKind: database.kind,
      logger: pino({ level: 'silent' }),
    });
    // Mount a failing route in front of the real app, sharing its views and error handler.
    const outer = express();
    outer.set('views', app.get('views'));
    outer.set('view engine', 'ejs');
    outer.locals = app.locals;
    outer.use((req, res, next) => {
      res.locals.currentPath = req.path;
      next();
    });
    outer.get('/boom', () => {
      throw new Error('secret connection string postgres://user:pw@db');
    });
    outer.get('/api/boom', () => {
      throw new Error('secret detail');
    });
    outer.use(errorHandler(pino({ level: 'silent' })));

    const page = await request(outer).get('/boom').expect(500);
    expect(page.text).toContain('Something went wrong');
    expect(page.text).not.toContain('secret');
    const api = await request(outer).get('/api/boom').expect(500);
    expect(api.body).toEqual({
      error: {
        code: 'internal_error',
        message: 'Something went wrong on our side. It has been logged.',
      },
    });
  });

  test('when the database is closed, then /healthz answers 503', async () => {
    const other = await createMigratedDatabase();
    const app = createApp({
      db: other.db,
      config: loadConfig({ NODE_ENV: 'test' }),
      databaseKind: other.kind,
      logger: pino({ level: 'silent' }),
    });
    await other.drop();
    const res = await request(app).get('/healthz').expect(503);
    expect(res.body.status).toBe('unavailable');
  });
});
