import type { RequestHandler } from 'express';
import { wantsJson } from '../http/error-handler';
import { HttpError } from '../http/http-error';
import '../http/locals';

/** Admin-only routes: pages send anonymous users to the login page, JSON routes answer 401. */
export const requireAdmin: RequestHandler = (req, res, next) => {
  if (res.locals.admin) {
    next();
    return;
  }
  if (wantsJson(req)) {
    next(new HttpError(401, 'unauthorized', 'Sign in as an admin to do this.'));
    return;
  }
  const target = req.method === 'GET' ? req.originalUrl : '/moderation';
  res.redirect(303, `/login?next=${encodeURIComponent(target)}`);
};
