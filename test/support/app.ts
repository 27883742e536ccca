import type { Express } from 'express';
import pino from 'pino';
import { createApp, type AppDependencies } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { DB } from '../../src/db/database';
import type { SeedReport } from '../../src/db/seed';
import { createMigratedDatabase, createSeededDatabase, type TestDatabase } from './database';

export const ADMIN_USER = 'admin';
export const ADMIN_PASSWORD = 'correct horse battery staple';

/** A configuration with moderation on: an admin password and a fixed session secret. */
export const ADMIN_ENV = {
  ADMIN_USER,
  ADMIN_PASSWORD,
  SESSION_SECRET: 'test-session-secret-that-is-long-enough-0123456789',
};

export interface TestAppOptions {
  env?: Record<string, string>;
  rateLimits?: AppDependencies['rateLimits'];
}

export function buildTestApp(database: TestDatabase, options: TestAppOptions = {}): Express {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
  return createApp({
    db: database.db,
    config,
    databaseKind: database.kind,
    logger: pino({ level: 'silent' }),
    rateLimits: options.rateLimits,
  });
}

export interface TestLedger {
  database: TestDatabase;
  db: DB;
  app: Express;
}

/**
 * Stands in for a value that `beforeAll` creates, so that a test file can destructure it at the
 * top (`const { db, app } = useSeededApp()`) and use it inside its tests.
 */
function lateBound<T extends object>(what: string, current: () => T | undefined): T {
  const real = (): T => {
    const value = current();
    if (!value) throw new Error(`${what} is ready only inside tests and hooks, after beforeAll`);
    return value;
  };
  // An arrow function as the target: callable (an Express app is a function) and without the
  // fixed `prototype` property that would bind the proxy's answers.
  const target = (() => undefined) as unknown as T;
  return new Proxy(target, {
    get(_, key) {
      const value: unknown = Reflect.get(real(), key);
      return typeof value === 'function' ? (value as () => unknown).bind(real()) : value;
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    apply: (_, self, args) => Reflect.apply(real() as () => unknown, self, args),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}

function useLedger<D extends TestDatabase>(open: () => Promise<D>, options: TestAppOptions) {
  let database: D | undefined;
  let app: Express | undefined;
  beforeAll(async () => {
    database = await open();
    app = buildTestApp(database, options);
  });
  afterAll(async () => {
    await database?.drop();
  });
  return {
    database: lateBound('database', () => database),
    db: lateBound('db', () => database?.db),
    app: lateBound('app', () => app),
  };
}

/**
 * The demo ledger in a database of this test file's own, cloned from the run's template, and an
 * app over it. Registers the `beforeAll` that opens it and the `afterAll` that drops it.
 */
export function useSeededApp(options: TestAppOptions = {}): TestLedger & { report: SeedReport } {
  let report: SeedReport | undefined;
  const ledger = useLedger(async () => {
    const database = await createSeededDatabase();
    report = database.report;
    return database;
  }, options);
  return { ...ledger, report: lateBound('report', () => report) };
}

/** As useSeededApp, on an empty ledger: the schema and the catalogue, no papers or claims. */
export function useMigratedApp(options: TestAppOptions = {}): TestLedger {
  return useLedger(createMigratedDatabase, options);
}
