import pino from 'pino';
import { createApp, type AppDependencies } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { TestDatabase } from './database';

export const ADMIN_USER = 'admin';
export const ADMIN_PASSWORD = 'correct horse battery staple';

/** A configuration with moderation on: an admin password and a fixed session secret. */
export const ADMIN_ENV = {
  ADMIN_USER,
  ADMIN_PASSWORD,
  SESSION_SECRET: 'test-session-secret-that-is-long-enough-0123456789',
};

export function buildTestApp(
  database: TestDatabase,
  options: { env?: Record<string, string>; rateLimits?: AppDependencies['rateLimits'] } = {},
) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
  return createApp({
    db: database.db,
    config,
    databaseKind: database.kind,
    logger: pino({ level: 'silent' }),
    rateLimits: options.rateLimits,
  });
}
