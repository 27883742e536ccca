/**
 * How the full dump behaves as the ledger grows: builds a synthetic ledger in a temporary
 * database (PGlite in a temp folder, or a scratch database on the server in DATABASE_URL),
 * dumps it at each size to a file, and reports throughput and peak RSS / heap during the dump.
 *
 *   npm run bench:dump                       # 10k, 50k, 100k claims, at most ~5 minutes
 *   npm run bench:dump -- --sizes 10000,20000 --max-seconds 60 --batch 1000
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { sql } from 'kysely';
import pg from 'pg';
import { connect, type Connection } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { seedCatalogue } from '../src/db/seed';
import { writeLedgerDump } from '../src/exchange/ledger-dump';

interface Options {
  sizes: number[];
  maxSeconds: number;
  batch: number;
}

const program = new Command()
  .option(
    '--sizes <list>',
    'claim counts to dump at',
    (v) => v.split(',').map(Number),
    [10000, 50000, 100000],
  )
  .option('--max-seconds <n>', 'stop growing the ledger past this budget', Number, 300)
  .option('--batch <n>', 'keyset page size of the dump', Number, 1000)
  .parse();
const options = program.opts<Options>();

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(1);

async function openScratch(): Promise<{ connection: Connection; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `benchledger_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    const connection = await connect({ kind: 'postgres', url: target.toString(), poolSize: 4 });
    return {
      connection,
      cleanup: async () => {
        await connection.close();
        const again = new pg.Client({ connectionString: url });
        await again.connect();
        await again.query(`drop database if exists ${name} with (force)`);
        await again.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'benchledger-bench-'));
  const connection = await connect({ kind: 'pglite', dataDir: path.join(dir, 'db') });
  return {
    connection,
    cleanup: async () => {
      await connection.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Adds claims until the ledger holds `target`, spread over papers, models and datasets. */
async function grow(connection: Connection, from: number, target: number): Promise<void> {
  const db = connection.db;
  const datasets = await db
    .selectFrom('benchmark as b')
    .innerJoin('benchmark_metric as bm', 'bm.benchmark_id', 'b.id')
    .select(['b.id as benchmarkId', 'bm.metric_id as metricId'])
    .where('b.kind', '=', 'dataset')
    .where('bm.is_primary', '=', true)
    .execute();
  const perPaper = 50;
  const papersNeeded = Math.ceil(target / perPaper);
  const existingPapers = await db.selectFrom('paper').select('id').orderBy('id').execute();
  const paperIds = existingPapers.map((p) => p.id);
  for (let i = paperIds.length; i < papersNeeded; i += 500) {
    const rows = Array.from({ length: Math.min(500, papersNeeded - i) }, (_, k) => ({
      kind: 'paper' as const,
      arxiv_id: null,
      title: `Synthetic paper ${i + k}: scaling claims for the dump benchmark`,
      authors: ['A. Author', 'B. Author', 'C. Author'],
      published_on: `20${String(10 + ((i + k) % 15)).padStart(2, '0')}-0${1 + ((i + k) % 9)}-15`,
      date_precision: 'day' as const,
      venue: 'Synthetic Venue',
      url: `https://example.org/paper/${i + k}`,
    }));
    paperIds.push(
      ...(await db.insertInto('paper').values(rows).returning('id').execute()).map((r) => r.id),
    );
  }
  const modelCount = 400;
  let modelIds = (await db.selectFrom('model').select('id').orderBy('id').execute()).map(
    (m) => m.id,
  );
  if (modelIds.length < modelCount) {
    const rows = Array.from({ length: modelCount - modelIds.length }, (_, k) => ({
      name: `synthetic-model-${modelIds.length + k}`,
      family: `family-${k % 20}`,
      parameter_count: 1e8 * (1 + (k % 70)),
      base_model_id: null,
    }));
    await db.insertInto('model').values(rows).execute();
    modelIds = (await db.selectFrom('model').select('id').orderBy('id').execute()).map((m) => m.id);
    await db
      .insertInto('model_alias')
      .values(modelIds.map((id) => ({ alias: `synthetic alias ${id}`, model_id: id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const now = new Date();
  for (let start = from; start < target; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, target - start) }, (_, k) => {
      const i = start + k;
      const d = datasets[i % datasets.length]!;
      return {
        paper_id: paperIds[Math.floor(i / perPaper)]!,
        model_id: modelIds[i % modelIds.length]!,
        benchmark_id: d.benchmarkId,
        metric_id: d.metricId,
        recipe_id: null,
        value: 40 + ((i * 7919) % 5000) / 100,
        stderr: i % 3 === 0 ? 0.4 : null,
        split: i % 4 === 0 ? ('dev' as const) : ('test' as const),
        n_shot: i % 5 === 0 ? 5 : null,
        chain_of_thought: null,
        adaptation: 'full_ft' as const,
        trainable_params: null,
        variant: `run ${i}`,
        setting_notes: 'synthetic setting notes for the dump benchmark',
        role: 'proposed' as const,
        locator: `Table ${1 + (i % 9)}`,
        quote: null,
        reference: null,
        notes: null,
        confidence: 'medium' as const,
        status: 'approved' as const,
        review_note: null,
        submitter: 'bench',
        created_at: now,
        updated_at: now,
        reviewed_at: now,
      };
    });
    await db.insertInto('claim').values(rows).execute();
  }
}

interface Result {
  claims: number;
  seconds: number;
  bytes: number;
  baselineRss: number;
  peakRss: number;
  baselineHeap: number;
  peakHeap: number;
}

async function measureDump(connection: Connection, batch: number): Promise<Result> {
  const file = path.join(os.tmpdir(), `benchledger-dump-${process.pid}.json`);
  const out = fs.createWriteStream(file);
  // Collect what generating the ledger left behind, so the baseline is what the dump starts from.
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 10);
  const started = process.hrtime.bigint();
  const summary = await writeLedgerDump(connection.db, out, { batchSize: batch, onClaims: sample });
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(timer);
  sample();
  fs.rmSync(file, { force: true });
  return {
    claims: summary.claims,
    seconds,
    bytes: summary.bytes,
    baselineRss: base.rss,
    peakRss,
    baselineHeap: base.heapUsed,
    peakHeap,
  };
}

async function main(): Promise<void> {
  const began = Date.now();
  const { connection, cleanup } = await openScratch();
  const results: Result[] = [];
  try {
    await migrateToLatest(connection.db);
    await seedCatalogue(connection.db);
    let size = 0;
    for (const target of [...options.sizes].sort((a, b) => a - b)) {
      const elapsed = (Date.now() - began) / 1000;
      if (elapsed > options.maxSeconds) {
        console.log(
          `stopping before ${target} claims: ${elapsed.toFixed(0)} s of the ${options.maxSeconds} s budget used`,
        );
        break;
      }
      const t0 = Date.now();
      await grow(connection, size, target);
      // Fresh statistics, as autovacuum would give a real ledger, so the planner uses the keys.
      await sql`analyze`.execute(connection.db);
      size = target;
      console.error(
        `generated ${target} claims in ${((Date.now() - t0) / 1000).toFixed(1)} s; dumping…`,
      );
      results.push(await measureDump(connection, options.batch));
    }
  } finally {
    await cleanup();
  }
  console.log(
    `\nFull dump (${connection.describe.split(' ')[0]}, keyset pages of ${options.batch}, Node ${process.version}):`,
  );
  console.log(
    'claims   | dump MB | seconds | claims/s | MB/s  | RSS before → peak (MB) | heap before → peak (MB) | heap growth (MB)',
  );
  for (const r of results) {
    console.log(
      [
        String(r.claims).padEnd(8),
        mb(r.bytes).padStart(7),
        r.seconds.toFixed(2).padStart(7),
        String(Math.round(r.claims / r.seconds)).padStart(8),
        (r.bytes / MB / r.seconds).toFixed(1).padStart(5),
        `${mb(r.baselineRss)} → ${mb(r.peakRss)}`.padStart(22),
        `${mb(r.baselineHeap)} → ${mb(r.peakHeap)}`.padStart(23),
        mb(r.peakHeap - r.baselineHeap).padStart(16),
      ].join(' | '),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
