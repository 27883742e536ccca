/**
 * What a paste costs the server: reading pastes of growing size (the parser alone, including a
 * paste at the 100,000-character limit and one of braces nested to the limit), and the three HTTP
 * steps (mapping page, preview, submit) for a table that gives 200 claims, the most one
 * submission takes. Runs on PGlite in memory, or on a scratch database on the server in
 * DATABASE_URL.
 *
 *   node --import tsx bench/paste.ts
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres node --import tsx bench/paste.ts
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { connect, type Connection } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { seedCatalogue } from '../src/db/seed';
import { PasteError } from '../src/paste/grid';
import { parseTable } from '../src/paste/parse-table';
import { encodeFields, formFields, withFields } from '../test/support/html-form';

const HEADERS = ['MNLI-(m/mm)', 'QQP', 'QNLI', 'SST-2', 'CoLA', 'STS-B', 'MRPC', 'RTE', 'Average'];

/** A LaTeX table of `rows` models in BERT's Table 1 layout: 10 claims a row. */
function latexTable(rows: number, seed: string): string {
  const body = Array.from({ length: rows }, (_, i) => {
    const v = (base: number) => (base + (i % 7) / 10).toFixed(1);
    return `Model-${seed}-${i} & ${v(84)}/${v(83)} & ${v(71)} & ${v(90)} & \\textbf{${v(93)}} & ${v(52)}$^\\dagger$ & ${v(85)} & ${v(88)} & ${v(66)} & ${v(79)} \\\\`;
  });
  return [
    '\\begin{tabular}{lccccccccc}',
    '\\toprule',
    `System & ${HEADERS.join(' & ')} \\\\`,
    '\\midrule',
    ...body,
    '\\bottomrule',
    '\\end{tabular}',
  ].join('\n');
}

function time<T>(run: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const result = run();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

async function timeAsync<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const result = await run();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

async function database(): Promise<{ connection: Connection; drop: () => Promise<void> }> {
  if (!process.env.DATABASE_URL) {
    const connection = await connect({ kind: 'pglite', dataDir: 'memory://' });
    return { connection, drop: () => connection.close() };
  }
  const name = `benchledger_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  const connection = await connect({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  return {
    connection,
    drop: async () => {
      await connection.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function main() {
  console.log('parser alone (median of 5 runs):');
  for (const rows of [10, 100, 290]) {
    const text = latexTable(rows, 'p');
    const runs = Array.from({ length: 5 }, () => time(() => parseTable(text))[1]).sort(
      (a, b) => a - b,
    );
    console.log(`  LaTeX, ${rows} rows, ${text.length} chars: ${runs[2]!.toFixed(1)} ms`);
  }
  const hostile = [
    ['100,000 chars of CSV', 'a,b\n'.repeat(24_999)],
    ['braces nested 49,990 deep', `a & ${'{'.repeat(49_990)}x${'}'.repeat(49_990)} \\\\`],
    ['unbalanced \\begin, 99,000 chars', `\\begin{tabular}{ll}\n${'a & b \\\\\n'.repeat(9_900)}`],
  ] as const;
  for (const [name, text] of hostile) {
    const [, ms] = time(() => {
      try {
        return parseTable(text);
      } catch (error) {
        if (!(error instanceof PasteError)) throw error;
        return error;
      }
    });
    console.log(`  ${name}: ${ms.toFixed(1)} ms`);
  }

  const { connection, drop } = await database();
  try {
    await migrateToLatest(connection.db);
    await seedCatalogue(connection.db);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const app = createApp({
      db: connection.db,
      config,
      databaseKind: connection.kind,
      logger: pino({ level: 'silent' }),
      rateLimits: { submissions: 1000 },
    });
    const agent = request.agent(app);
    const page = await agent.get('/submit/table');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
    console.log(`HTTP steps on ${connection.kind}, a table of 20 models giving 200 claims:`);
    for (const round of [1, 2, 3]) {
      const table = latexTable(20, `r${round}`);
      const [mapping, mapMs] = await timeAsync(() =>
        agent.post('/submit/table/paste').type('form').send({ _csrf: token, table }),
      );
      // The mapping page's own fields, as a browser posts them back, and the paper's title.
      const body = encodeFields(
        withFields(formFields(mapping.text, '/submit/table/paste/preview'), {
          title: `Bench paper ${round}`,
        }),
      );
      const [preview, previewMs] = await timeAsync(() =>
        agent.post('/submit/table/paste/preview').type('form').send(body),
      );
      const send = encodeFields(formFields(preview.text, '/submit/table/paste/submit'));
      const [sent, sendMs] = await timeAsync(() =>
        agent.post('/submit/table/paste/submit').type('form').send(send),
      );
      console.log(
        `  round ${round}: mapping ${mapping.status} in ${mapMs.toFixed(0)} ms, preview ${preview.status} in ${previewMs.toFixed(0)} ms, submit ${sent.status} in ${sendMs.toFixed(0)} ms`,
      );
    }
  } finally {
    await drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
