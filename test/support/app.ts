import pino from 'pino';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { TestDatabase } from './database';

export function buildTestApp(database: TestDatabase) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  return createApp({
    db: database.db,
    config,
    databaseKind: database.kind,
    logger: pino({ level: 'silent' }),
  });
}
