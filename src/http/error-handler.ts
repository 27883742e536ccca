import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { HttpError } from './http-error';

/** JSON routes answer errors in JSON; everything else gets a page. */
export function wantsJson(req: Request): boolean {
  return (
    req.path.startsWith('/api/') ||
    req.path === '/healthz' ||
    req.path.endsWith('.json') ||
    (req.accepts(['html', 'json']) === 'json' && !req.accepts('html'))
  );
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(HttpError.notFound(wantsJson(req) ? `${req.method} ${req.path}` : 'The page'));
};

function normalise(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  // body-parser and friends mark client errors with a status (malformed JSON, body too large).
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = Number(error.status);
    const type = (error as { type?: unknown }).type;
    if (status >= 400 && status < 500) {
      const message =
        type === 'entity.too.large'
          ? 'The request body is too large.'
          : type === 'entity.parse.failed'
            ? 'The request body could not be parsed.'
            : 'The request could not be processed.';
      const code = typeof type === 'string' ? type : 'bad_request';
      return new HttpError(status, code.replaceAll('.', '_'), message);
    }
  }
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const known = normalise(error);
    if (!known) logger.error({ err: error, url: req.originalUrl }, 'unhandled error');
    const status = known?.status ?? 500;
    const code = known?.code ?? 'internal_error';
    const message = known?.message ?? 'Something went wrong on our side. It has been logged.';
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status);
    if (wantsJson(req)) {
      res.json({ error: { code, message, ...(known?.details ? { details: known.details } : {}) } });
      return;
    }
    res.render(status === 404 ? 'errors/404' : 'errors/error', {
      title: status === 404 ? 'Not found' : 'Error',
      status,
      message,
    });
  };
}
