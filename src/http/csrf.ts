import { doubleCsrf } from 'csrf-csrf';
import type { Request, RequestHandler } from 'express';
import type { Config } from '../config';
import { HttpError } from './http-error';
import './locals';

export const CSRF_COOKIE = 'benchledger.csrf';
export const CSRF_FIELD = '_csrf';

const invalid = () =>
  new HttpError(
    403,
    'csrf_invalid',
    'This form has expired or did not come from this site. Reload the page and try again.',
  );

function tokenFromRequest(req: Request): string | undefined {
  const body: unknown = req.body;
  if (typeof body === 'object' && body !== null && CSRF_FIELD in body) {
    const value = (body as Record<string, unknown>)[CSRF_FIELD];
    return typeof value === 'string' ? value : undefined;
  }
  const header = req.headers['x-csrf-token'];
  return typeof header === 'string' ? header : undefined;
}

/**
 * Double-submit CSRF tokens bound to the admin session when there is one. `issue` puts a token in
 * `res.locals.csrfToken` for every view (run it before the body parsers, so even a 413 page has
 * one); `check` refuses every state-changing request without a matching token, except multipart
 * bodies, which are not parsed yet: their route runs `verifyCsrf` after its own parser.
 */
export function csrfProtection(config: Config): { issue: RequestHandler; check: RequestHandler } {
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => config.sessionSecret,
    getSessionIdentifier: (req) =>
      req.res?.locals.admin ? `admin:${req.res.locals.admin.sid}` : '',
    cookieName: CSRF_COOKIE,
    cookieOptions: { sameSite: 'lax', path: '/', httpOnly: true, secure: false },
    getCsrfTokenFromRequest: tokenFromRequest,
  });
  const issue: RequestHandler = (req, res, next) => {
    req.hasValidCsrfToken = () => validateRequest(req);
    res.locals.csrfToken = generateCsrfToken(req, res, {
      cookieOptions: { secure: req.secure, sameSite: 'lax', httpOnly: true, path: '/' },
    });
    next();
  };
  const check: RequestHandler = (req, res, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || req.is('multipart/form-data')) {
      next();
      return;
    }
    verifyCsrf(req, res, next);
  };
  return { issue, check };
}

/** For routes that parse their own body (multipart): run after the parser. */
export const verifyCsrf: RequestHandler = (req, _res, next) => {
  if (!req.hasValidCsrfToken) {
    next(new Error('verifyCsrf needs csrfProtection(config).issue to run first'));
    return;
  }
  next(req.hasValidCsrfToken() ? undefined : invalid());
};
