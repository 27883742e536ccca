import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { Config } from '../config';
import '../http/locals';

export interface AdminSession {
  user: string;
  /** Random per sign-in; CSRF tokens are bound to it. */
  sid: string;
  expiresAt: number;
}

export const SESSION_COOKIE = 'benchledger.session';
export const SESSION_HOURS = 8;

const sessionSchema = z.object({
  user: z.string().min(1).max(100),
  sid: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  expiresAt: z.number().int(),
});

function readSession(req: Request, config: Config, now: number): AdminSession | null {
  // cookie-parser verified the HMAC signature; `false` means a forged or altered cookie.
  const cookies = req.signedCookies as Record<string, unknown> | undefined;
  const raw = cookies?.[SESSION_COOKIE];
  if (typeof raw !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  const session = sessionSchema.safeParse(parsed);
  if (!session.success) return null;
  if (session.data.expiresAt <= now || session.data.user !== config.admin.user) return null;
  return session.data;
}

/** Puts the signed-in admin (or null) in `res.locals.admin` for routes and views. */
export function sessionMiddleware(config: Config, clock: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    res.locals.admin = readSession(req, config, clock());
    next();
  };
}

export function startSession(req: Request, res: Response, user: string, now = Date.now()): void {
  const maxAge = SESSION_HOURS * 60 * 60 * 1000;
  const session: AdminSession = {
    user,
    sid: randomBytes(24).toString('base64url'),
    expiresAt: now + maxAge,
  };
  res.cookie(SESSION_COOKIE, JSON.stringify(session), {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    maxAge,
  });
}

export function endSession(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
  });
}
