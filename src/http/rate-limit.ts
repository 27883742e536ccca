import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from './http-error';

export interface RateLimits {
  /** Failed sign-ins per client per 15 minutes. */
  login: number;
  /** Submission attempts (valid or not) per client per 10 minutes. */
  submissions: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { login: 5, submissions: 30 };

function limiter(limit: number, windowMs: number, message: string, onlyFailures = false) {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: onlyFailures,
    handler: (_req, _res, next) => next(new HttpError(429, 'too_many_requests', message)),
  });
}

/** One in-memory store per app: behind several processes each counts its own share. */
export function rateLimiters(
  overrides: Partial<RateLimits> = {},
): Record<keyof RateLimits, RequestHandler> {
  const limits = { ...DEFAULT_RATE_LIMITS, ...overrides };
  return {
    login: limiter(
      limits.login,
      15 * 60 * 1000,
      'Too many failed sign-in attempts. Wait 15 minutes and try again.',
      true,
    ),
    submissions: limiter(
      limits.submissions,
      10 * 60 * 1000,
      'Too many submissions from your address. Wait a few minutes and try again.',
    ),
  };
}
