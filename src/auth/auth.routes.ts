import { Router, type RequestHandler } from 'express';
import type { AdminCredentials } from './credentials';
import { bodyFields } from '../http/body';
import { fieldErrors } from '../http/form';
import { loginSchema, safeNext } from './auth.schema';
import { endSession, startSession } from './session';

export function authRouter(credentials: AdminCredentials, loginLimiter: RequestHandler): Router {
  const router = Router();

  router.get('/login', (req, res) => {
    if (res.locals.admin) {
      res.redirect(303, safeNext(req.query.next));
      return;
    }
    res.render('auth/login', {
      title: 'Sign in',
      values: { user: '', next: safeNext(req.query.next) },
      errors: {},
      enabled: credentials.enabled,
    });
  });

  router.post('/login', loginLimiter, async (req, res) => {
    const body = bodyFields(req);
    const next = safeNext(body.next);
    const parsed = loginSchema.safeParse(body);
    const user = typeof body.user === 'string' ? body.user.slice(0, 100) : '';
    const signedIn =
      parsed.success && (await credentials.check(parsed.data.user, parsed.data.password));
    if (!signedIn) {
      const errors = parsed.success
        ? { password: 'That user name and password do not match.' }
        : fieldErrors(parsed.error);
      res.status(parsed.success ? 401 : 422).render('auth/login', {
        title: 'Sign in',
        values: { user, next },
        errors,
        enabled: credentials.enabled,
      });
      return;
    }
    startSession(req, res, parsed.data.user);
    res.redirect(303, next);
  });

  router.post('/logout', (req, res) => {
    endSession(req, res);
    res.redirect(303, '/');
  });

  return router;
}
