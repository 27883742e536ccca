import path from 'node:path';
import cookieParser from 'cookie-parser';
import express from 'express';
import pino, { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { authRouter } from './auth/auth.routes';
import { adminCredentials } from './auth/credentials';
import { sessionMiddleware } from './auth/session';
import { apiRouter } from './api/api.routes';
import { benchmarksRouter } from './benchmarks/benchmarks.routes';
import { compareRouter } from './compare/compare.routes';
import type { Config } from './config';
import type { DB } from './db/database';
import { exportRouter } from './exchange/export.routes';
import { importRouter } from './exchange/import.routes';
import { homeRouter } from './home/home.routes';
import { leaderboardsRouter } from './leaderboards/leaderboards.routes';
import { bodyParsers } from './http/body';
import { csrfProtection } from './http/csrf';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { format } from './http/format';
import { healthRouter } from './http/health.routes';
import { rateLimiters, type RateLimits } from './http/rate-limit';
import { securityHeaders } from './http/security';
import { moderationRouter } from './moderation/moderation.routes';
import { modelsRouter } from './models/models.routes';
import { papersRouter } from './papers/papers.routes';
import { pasteRouter } from './paste/paste.routes';
import { submissionsRouter } from './submissions/submissions.routes';

export interface AppDependencies {
  db: DB;
  config: Config;
  databaseKind: string;
  logger?: Logger;
  /** Tests raise these to drive many requests through one app. */
  rateLimits?: Partial<RateLimits>;
}

const ROOT = path.resolve(
  __dirname,
  '..',
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '',
);
// Browser builds served from our own origin; their packages do not export these paths.
const besideMain = (pkg: string, file: string) =>
  path.join(path.dirname(require.resolve(pkg)), file);
const VENDOR: Record<string, string> = {
  'pico.min.css': require.resolve('@picocss/pico/css/pico.min.css'),
  'chart.umd.min.js': besideMain('chart.js', 'chart.umd.min.js'),
  'chartjs-adapter-date-fns.bundle.min.js': besideMain(
    'chartjs-adapter-date-fns',
    'chartjs-adapter-date-fns.bundle.min.js',
  ),
};

/** Forms and JSON bodies; file uploads have their own limit (MAX_UPLOAD_BYTES). */
const FORM_BODY_LIMIT = '1mb';

export function createApp({
  db,
  config,
  databaseKind,
  logger,
  rateLimits,
}: AppDependencies): express.Express {
  const log = logger ?? pino({ level: config.logLevel });
  const app = express();
  app.set('views', path.join(ROOT, 'views'));
  app.set('view engine', 'ejs');
  // Trust exactly the one proxy in front of us: trusting every hop would let a client pick its
  // own address in X-Forwarded-For and step around the rate limits.
  app.set('trust proxy', config.trustProxy ? 1 : false);
  app.disable('x-powered-by');
  app.locals.format = format;
  app.locals.siteName = 'benchledger';

  app.use(
    pinoHttp({
      logger: log,
      autoLogging: config.env !== 'test',
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(securityHeaders);
  app.use('/static', express.static(path.join(ROOT, 'public'), { maxAge: '1h' }));
  app.get('/static/vendor/:file', (req, res, next) => {
    const file = VENDOR[req.params.file];
    if (!file) {
      next();
      return;
    }
    res.sendFile(file, { maxAge: '7d' });
  });
  app.use((req, res, next) => {
    res.locals.currentPath = req.path;
    next();
  });
  app.use(cookieParser(config.sessionSecret));
  app.use(sessionMiddleware(config));
  const csrf = csrfProtection(config);
  app.use(csrf.issue);
  app.use(bodyParsers(FORM_BODY_LIMIT));
  app.use(csrf.check);
  const limiters = rateLimiters(rateLimits);

  app.use(healthRouter(db, databaseKind));
  // Before the page routers: `/papers/:key` would otherwise take `/papers/12.json`.
  app.use(exportRouter(db));
  app.use(apiRouter(db));
  app.use(importRouter(db, config));
  app.use(homeRouter(db));
  app.use(papersRouter(db));
  app.use(modelsRouter(db));
  app.use(compareRouter(db));
  app.use(benchmarksRouter(db));
  app.use(leaderboardsRouter(db));
  app.use(authRouter(adminCredentials(config), limiters.login));
  app.use(submissionsRouter(db, limiters.submissions));
  app.use(pasteRouter(db, limiters.submissions));
  app.use(moderationRouter(db));

  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
