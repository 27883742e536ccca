import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, type Connection } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { seedCatalogue, seedLedger, type SeedReport } from '../../src/db/seed';

/**
 * jest's global setup migrates and seeds once per run, with the production functions, into two
 * templates: `migrated` (schema and catalogue, an empty ledger) and `seeded` (plus the demo
 * ledger). Every test file clones its own database from one of them. On Postgres they are
 * template databases; on PGlite, dumps of an in-memory database that each test file loads into
 * an instance of its own. Test workers find them through BENCHLEDGER_TEST_TEMPLATES, an
 * environment variable that jest passes on to the worker processes it starts after global setup.
 */

export type TemplateName = 'migrated' | 'seeded';

export interface Templates {
  /** Unique to this run, and part of the name of every database the run creates on Postgres. */
  run: string;
  /** Holds the seed report and, on PGlite, the dumps. Removed at teardown. */
  dir: string;
  /** The template databases, on Postgres. */
  databases?: Record<TemplateName, string>;
}

const PREFIX = 'benchledger_';
/** `benchledger_template_r<server epoch seconds>_<hex>_seeded`, `benchledger_test_r…_<hex>` */
const RUN_NAME = /^benchledger_(?:template|test)_r(\d+)_[0-9a-f]+_[0-9a-z]+$/;
const STALE_AFTER_SECONDS = 60 * 60;
const DIR_PREFIX = 'benchledger-templates-';

export function currentTemplates(): Templates | undefined {
  const value = process.env.BENCHLEDGER_TEST_TEMPLATES;
  return value ? (JSON.parse(value) as Templates) : undefined;
}

export function dumpPath(dir: string, name: TemplateName): string {
  return path.join(dir, `${name}.tar`);
}

const reportPath = (dir: string) => path.join(dir, 'seed-report.json');

export function seedReport(templates: Templates): SeedReport {
  return JSON.parse(fs.readFileSync(reportPath(templates.dir), 'utf8')) as SeedReport;
}

/** A database name for one test file; the run's id in it lets teardown find what a crash left. */
export function testDatabaseName(templates: Templates | undefined): string {
  const suffix = randomBytes(4).toString('hex');
  return `${PREFIX}test_${templates?.run ?? Date.now()}_${suffix}`;
}

export async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function databaseUrl(name: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabases(client: pg.Client, names: string[]): Promise<void> {
  for (const name of names) {
    // A template database must become an ordinary one before it can be dropped.
    await client.query(`alter database ${name} is_template false`);
    await client.query(`drop database if exists ${name} with (force)`);
  }
}

async function databasesNamed(client: pg.Client, keep: (name: string) => boolean) {
  const { rows } = await client.query<{ datname: string }>(
    `select datname from pg_database where starts_with(datname, $1)`,
    [PREFIX],
  );
  return rows.map((r) => r.datname).filter(keep);
}

/** A run that crashed never reached teardown: its databases are dropped once clearly stale. */
async function dropStaleDatabases(client: pg.Client, now: number): Promise<void> {
  const stale = await databasesNamed(client, (name) => {
    const started = RUN_NAME.exec(name)?.[1];
    return started !== undefined && now - Number(started) > STALE_AFTER_SECONDS;
  });
  await dropDatabases(client, stale);
}

function removeStaleDirs(): void {
  for (const entry of fs.readdirSync(os.tmpdir(), { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(DIR_PREFIX)) continue;
    const dir = path.join(os.tmpdir(), entry.name);
    if (Date.now() - fs.statSync(dir).mtimeMs > STALE_AFTER_SECONDS * 1000) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

function writeSeedReport(dir: string, report: SeedReport): void {
  fs.writeFileSync(reportPath(dir), JSON.stringify(report));
}

async function withPostgres(name: string, run: (connection: Connection) => Promise<void>) {
  const connection = await connect({ kind: 'postgres', url: databaseUrl(name), poolSize: 1 });
  try {
    await run(connection);
  } finally {
    await connection.close();
  }
}

async function buildPostgresTemplates(run: string, dir: string) {
  const databases: Record<TemplateName, string> = {
    migrated: `${PREFIX}template_${run}_migrated`,
    seeded: `${PREFIX}template_${run}_seeded`,
  };
  await withAdmin((client) => client.query(`create database ${databases.migrated}`));
  await withPostgres(databases.migrated, async ({ db }) => {
    await migrateToLatest(db);
    await seedCatalogue(db);
  });
  await withAdmin((client) =>
    client.query(`create database ${databases.seeded} template ${databases.migrated}`),
  );
  await withPostgres(databases.seeded, async ({ db }) => {
    writeSeedReport(dir, await seedLedger(db));
  });
  await withAdmin(async (client) => {
    for (const name of Object.values(databases)) {
      // `create database … template` refuses while anyone is connected to the template.
      await client.query(`alter database ${name} is_template true allow_connections false`);
      await client.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1',
        [name],
      );
    }
  });
  return databases;
}

async function buildPGliteTemplates(dir: string): Promise<void> {
  const connection = await connect({ kind: 'pglite', dataDir: 'memory://' });
  const dump = async (name: TemplateName) => {
    const tarball = await connection.pglite!.dumpDataDir('none');
    fs.writeFileSync(dumpPath(dir, name), Buffer.from(await tarball.arrayBuffer()));
  };
  try {
    await migrateToLatest(connection.db);
    await seedCatalogue(connection.db);
    await dump('migrated');
    writeSeedReport(dir, await seedLedger(connection.db));
    await dump('seeded');
  } finally {
    await connection.close();
  }
}

/** jest global setup. */
export async function createTemplates(): Promise<void> {
  removeStaleDirs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), DIR_PREFIX));
  const random = randomBytes(3).toString('hex');
  if (!process.env.DATABASE_URL) {
    await buildPGliteTemplates(dir);
    const run = `r${Math.floor(Date.now() / 1000)}_${random}`;
    process.env.BENCHLEDGER_TEST_TEMPLATES = JSON.stringify({ run, dir } satisfies Templates);
    return;
  }
  // The server's clock dates the run, so that any machine can tell a crashed run's leftovers.
  const now = await withAdmin(async (client) => {
    const { rows } = await client.query<{ now: string }>(
      'select floor(extract(epoch from now()))::bigint::text as now',
    );
    const seconds = Number(rows[0]!.now);
    await dropStaleDatabases(client, seconds);
    return seconds;
  });
  const run = `r${now}_${random}`;
  const databases = await buildPostgresTemplates(run, dir);
  process.env.BENCHLEDGER_TEST_TEMPLATES = JSON.stringify({
    run,
    dir,
    databases,
  } satisfies Templates);
}

/** jest global teardown: the templates, and any test database a crashed test file left. */
export async function dropTemplates(): Promise<void> {
  const templates = currentTemplates();
  if (!templates) return;
  delete process.env.BENCHLEDGER_TEST_TEMPLATES;
  fs.rmSync(templates.dir, { recursive: true, force: true });
  if (!templates.databases) return;
  await withAdmin(async (client) =>
    dropDatabases(
      client,
      await databasesNamed(client, (name) => name.includes(`_${templates.run}_`)),
    ),
  );
}
