import { once } from 'node:events';
import { Writable } from 'node:stream';
import request from 'supertest';
import { findBenchmarkBySlug } from '../../src/benchmarks/benchmark.repository';
import { countApprovedClaims } from '../../src/claims/claim.repository';
import { DumpAborted, writeLedgerDump } from '../../src/exchange/ledger-dump';
import { buildLeaderboard } from '../../src/leaderboards/leaderboard.loader';
import { leaderboardQuery } from '../../src/leaderboards/leaderboards.schema';
import { useSeededApp } from '../support/app';
import { schemaValidator } from '../support/schemas';

const validExport = schemaValidator('export.schema.json');
const validLedger = schemaValidator('ledger.schema.json');

const { database, app } = useSeededApp();

describe('leaderboard exports', () => {
  test('when a filtered dataset leaderboard is exported as JSON, then it holds every row the filters keep, in page order, and matches the schema', async () => {
    const query = { split: 'all', sort: 'value', order: 'asc', perPage: '2' };
    const res = await request(app).get('/benchmarks/glue-cola.json').query(query).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(validExport(res.body)).toEqual([]);
    const benchmark = (await findBenchmarkBySlug(database.db, 'glue-cola'))!;
    const lb = await buildLeaderboard(database.db, benchmark, {
      ...leaderboardQuery.parse(query),
      perPage: 10000,
    });
    if (lb.kind !== 'dataset') throw new Error('CoLA is a dataset');
    expect(res.body.total).toBe(lb.total);
    expect(res.body.rows.length).toBe(lb.total);
    expect(lb.total).toBeGreaterThan(2);
    expect(res.body.rows.map((r: { claim: { id: number } }) => r.claim.id)).toEqual(
      lb.page.items.map((r) => r.claim.id),
    );
    expect(res.body.filters.split).toBe('all');
    const values = res.body.rows.map((r: { claim: { value: number } }) => r.claim.value);
    expect(values).toEqual([...values].sort((a: number, b: number) => a - b));
  });

  test('when a suite leaderboard is exported, then JSON rows carry cells and published aggregates and CSV has one line per entry', async () => {
    const json = await request(app).get('/benchmarks/glue.json').expect(200);
    expect(validExport(json.body)).toEqual([]);
    expect(json.body.leaderboard).toBe('suite');
    expect(json.body.rows.length).toBe(json.body.total);
    expect(json.body.rows.length).toBeGreaterThan(0);
    const csv = await request(app).get('/benchmarks/glue.csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(
      /attachment; filename="?glue-leaderboard.csv"?/,
    );
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toMatch(/^rank,model,paper_title,paper_arxiv_id,paper_date,setting,score/);
    expect(lines[0]).toContain('glue-cola/mcc');
    expect(lines.length - 1).toBe(json.body.total);
  });

  test('when a dataset leaderboard is exported as CSV, then the header is the documented columns with rank first', async () => {
    const csv = await request(app).get('/benchmarks/glue-cola.csv?split=all').expect(200);
    const [header] = csv.text.split('\n');
    expect(header).toMatch(/^rank,claim_id,paper_arxiv_id,paper_title,/);
    expect(header).toContain(',model,benchmark,metric,recipe,value,stderr,split,');
  });

  test('when the leaderboard page is shown, then it links to JSON and CSV exports with the same filters and no page', async () => {
    const res = await request(app)
      .get('/benchmarks/glue-cola?split=dev&sort=value&page=2')
      .expect(200);
    expect(res.text).toContain('href="/benchmarks/glue-cola.json?split=dev&amp;sort=value"');
    expect(res.text).toContain('href="/benchmarks/glue-cola.csv?split=dev&amp;sort=value"');
  });

  test('when the benchmark does not exist, then the export answers 404 in JSON', async () => {
    const res = await request(app).get('/benchmarks/nope.json').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('paper and model exports', () => {
  test('when a paper is exported by arXiv id, then JSON and CSV hold its claims in page order', async () => {
    const json = await request(app).get('/papers/1810.04805.json').expect(200);
    expect(validExport(json.body)).toEqual([]);
    expect(json.body.paper.arxivId).toBe('1810.04805');
    expect(json.body.claims.length).toBeGreaterThan(0);
    const csv = await request(app).get('/papers/1810.04805.csv').expect(200);
    expect(csv.text.trim().split('\n').length - 1).toBe(json.body.claims.length);
    const page = await request(app).get('/papers/1810.04805').expect(200);
    expect(page.text).toContain('href="/papers/1810.04805.json"');
  });

  test('when a model is exported, then the JSON lists its claims and matches the schema', async () => {
    const list = await request(app).get('/models.json?q=bert').expect(200);
    expect(validExport(list.body)).toEqual([]);
    expect(list.body.models.length).toBe(list.body.total);
    const id = list.body.models[0].id;
    const json = await request(app).get(`/models/${id}.json`).expect(200);
    expect(validExport(json.body)).toEqual([]);
    expect(json.body.claims.length).toBeGreaterThan(0);
    expect(json.body.claims.every((c: { model: { id: number } }) => c.model.id === id)).toBe(true);
    await request(app)
      .get(`/models/${id}.csv`)
      .expect(200)
      .expect('content-type', /text\/csv/);
  });

  test('when the paper list is filtered, then its export holds every match, not one page', async () => {
    const json = await request(app).get('/papers.json?q=a&perPage=1').expect(200);
    expect(validExport(json.body)).toEqual([]);
    expect(json.body.papers.length).toBe(json.body.total);
    expect(json.body.total).toBeGreaterThan(1);
    const csv = await request(app).get('/papers.csv?q=a').expect(200);
    expect(csv.text.trim().split('\n').length - 1).toBe(json.body.total);
  });
});

describe('the full dump', () => {
  test('when the ledger is dumped, then it is valid against docs/ledger.schema.json and holds every approved claim', async () => {
    const res = await request(app).get('/export/ledger.json').expect(200);
    expect(res.headers['content-disposition']).toContain('benchledger-ledger.json');
    const dump = JSON.parse(res.text);
    expect(validLedger(dump)).toEqual([]);
    expect(dump.schemaVersion).toBe(1);
    expect(dump.claims.length).toBe(await countApprovedClaims(database.db));
    expect(dump.benchmarks.find((b: { slug: string }) => b.slug === 'mmlu-anatomy').parent).toBe(
      'mmlu-other',
    );
    const refs = new Set(dump.papers.map((p: { ref: number }) => p.ref));
    expect(dump.claims.every((c: { paper: number }) => refs.has(c.paper))).toBe(true);
  });

  test('when the reader is slow, then the dump waits for drain and small pages still give the whole ledger', async () => {
    const chunks: string[] = [];
    let waits = 0;
    const slow = new Writable({
      highWaterMark: 256,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        waits += 1;
        setImmediate(done);
      },
    });
    const summary = await writeLedgerDump(database.db, slow, { batchSize: 7 });
    slow.end();
    await once(slow, 'finish');
    const dump = JSON.parse(chunks.join(''));
    expect(dump.claims.length).toBe(summary.claims);
    expect(summary.claims).toBe(await countApprovedClaims(database.db));
    expect(waits).toBeGreaterThan(10);
  });

  test('when the reader goes away mid-dump, then the dump stops with DumpAborted', async () => {
    const gone = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, done) {
        setImmediate(() => {
          done();
          gone.destroy();
        });
      },
    });
    await expect(writeLedgerDump(database.db, gone, { batchSize: 5 })).rejects.toBeInstanceOf(
      DumpAborted,
    );
  });
});
