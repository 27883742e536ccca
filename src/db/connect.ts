import fs from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config';
import type { Database, DB } from './database';
import { lockDataDir } from './data-dir-lock';
import { PGliteDialect } from './pglite-dialect';

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// Both drivers return the same JavaScript values: counts and numerics as numbers, dates as
// 'YYYY-MM-DD' strings (a JS Date would shift them by the server's time zone).
const toNumber = (value: string) => Number(value);
const asIs = (value: string) => value;

export interface Connection {
  db: DB;
  kind: 'postgres' | 'pglite';
  describe: string;
  /** The embedded database itself, for what only PGlite does (dumping its data folder). */
  pglite?: PGlite;
  close(): Promise<void>;
}

/**
 * `onIdleError` hears about pooled connections the server drops while idle (a restart, a
 * terminated backend); the pool replaces them, so they must not crash the process.
 * `pglite` lets tests start an in-memory database from a dumped one (`loadDataDir`).
 */
export async function connect(
  database: Config['database'],
  onIdleError: (error: Error) => void = () => undefined,
  pglite: Pick<PGliteOptions, 'loadDataDir' | 'pgliteWasmModule' | 'fsBundle'> = {},
): Promise<Connection> {
  if (database.kind === 'postgres') {
    const types = new pg.TypeOverrides();
    types.setTypeParser(INT8, toNumber);
    types.setTypeParser(NUMERIC, toNumber);
    types.setTypeParser(DATE, asIs);
    const pool = new pg.Pool({ connectionString: database.url, max: database.poolSize, types });
    pool.on('error', onIdleError);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      describe: `postgres ${new URL(database.url).host}${new URL(database.url).pathname}`,
      close: () => db.destroy(),
    };
  }
  const dataDir = database.dataDir === 'memory://' ? undefined : database.dataDir;
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  try {
    const client = await PGlite.create(dataDir ?? 'memory://', {
      ...pglite,
      parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asIs },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
    return {
      db,
      kind: 'pglite',
      describe: dataDir ? `pglite ${dataDir}` : 'pglite in memory',
      pglite: client,
      close: async () => {
        await db.destroy();
        // Kysely destroys only a driver it has used; an unused PGlite would keep the process alive.
        if (!client.closed) await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

export async function ping(db: DB): Promise<void> {
  await sql`select 1`.execute(db);
}
