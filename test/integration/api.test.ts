import request from 'supertest';
import { openApiDocument, ROUTES } from '../../src/api/openapi';
import { useSeededApp } from '../support/app';
import { schemaValidator } from '../support/schemas';

const validExport = schemaValidator('export.schema.json');

const { app } = useSeededApp();

describe('pagination', () => {
  test('when papers are listed two at a time, then totals, pages and next/prev links follow', async () => {
    const first = await request(app).get('/api/papers?perPage=2').expect(200);
    expect(first.body.schemaVersion).toBe(1);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.pagination).toMatchObject({ page: 1, perPage: 2 });
    expect(first.body.pagination.total).toBeGreaterThan(2);
    expect(first.body.links).toMatchObject({
      self: '/api/papers?perPage=2&page=1',
      next: '/api/papers?perPage=2&page=2',
      prev: null,
    });
    const second = await request(app).get(first.body.links.next).expect(200);
    expect(second.body.links.prev).toBe('/api/papers?perPage=2&page=1');
    expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
    const last = await request(app)
      .get(`/api/papers?perPage=2&page=${first.body.pagination.pages}`)
      .expect(200);
    expect(last.body.links.next).toBeNull();
  });

  test('when claims are filtered by benchmark, then every claim is of that benchmark and matches the schema', async () => {
    const res = await request(app).get('/api/claims?benchmark=glue-cola&perPage=200').expect(200);
    expect(res.body.data.length).toBe(res.body.pagination.total);
    expect(
      res.body.data.every((c: { benchmark: { slug: string } }) => c.benchmark.slug === 'glue-cola'),
    ).toBe(true);
    const validate = schemaValidator('export.schema.json');
    const one = await request(app).get(`/api/claims/${res.body.data[0].id}`).expect(200);
    expect(one.body.data.id).toBe(res.body.data[0].id);
    expect(
      validate({
        schemaVersion: 1,
        kind: 'paper',
        paper: {
          id: 1,
          kind: 'paper',
          arxivId: null,
          title: 't',
          authors: [],
          publishedOn: null,
          datePrecision: 'day',
          venue: null,
          url: null,
          runDetails: null,
        },
        claims: res.body.data,
      }),
    ).toEqual([]);
  });
});

describe('leaderboards', () => {
  test('when a leaderboard is read through the API, then its rows are the page’s rows with the same filters and order', async () => {
    const api = await request(app)
      .get('/api/benchmarks/glue-cola/leaderboard?split=all&sort=value&order=asc&perPage=3')
      .expect(200);
    const exported = await request(app)
      .get('/benchmarks/glue-cola.json?split=all&sort=value&order=asc')
      .expect(200);
    expect(api.body.leaderboard.filters.split).toBe('all');
    expect(api.body.pagination.total).toBe(exported.body.total);
    expect(api.body.data.map((r: { claim: { id: number } }) => r.claim.id)).toEqual(
      exported.body.rows.slice(0, 3).map((r: { claim: { id: number } }) => r.claim.id),
    );
    expect(api.body.links.next).toContain('page=2');
    expect(
      validExport({
        schemaVersion: 1,
        kind: 'leaderboard',
        ...api.body.leaderboard,
        rows: api.body.data,
      }),
    ).toEqual([]);
  });

  test('when a suite leaderboard is read, then rows carry the official score recipe', async () => {
    const res = await request(app).get('/api/benchmarks/glue/leaderboard').expect(200);
    expect(res.body.leaderboard.leaderboard).toBe('suite');
    expect(res.body.leaderboard.officialRecipe.slug).toBe('glue-official');
    expect(
      validExport({
        schemaVersion: 1,
        kind: 'leaderboard',
        ...res.body.leaderboard,
        rows: res.body.data,
      }),
    ).toEqual([]);
  });

  test('when benchmarks, a benchmark, a paper and a model are read, then each answers camelCase JSON', async () => {
    const list = await request(app).get('/api/benchmarks').expect(200);
    expect(list.body.data.find((b: { slug: string }) => b.slug === 'mmlu-anatomy')).toMatchObject({
      parent: 'mmlu-other',
      kind: 'dataset',
    });
    const glue = await request(app).get('/api/benchmarks/glue').expect(200);
    expect(glue.body.data.recipes.map((r: { slug: string }) => r.slug)).toContain('glue-official');
    expect(glue.body.data.members).toContain('glue-cola');
    const paper = await request(app).get('/api/papers/1810.04805').expect(200);
    expect(paper.body.data).toMatchObject({ arxivId: '1810.04805', datePrecision: 'month' });
    expect(paper.body.data.claims.length).toBeGreaterThan(0);
    const models = await request(app).get('/api/models?q=bert').expect(200);
    const model = await request(app).get(`/api/models/${models.body.data[0].id}`).expect(200);
    expect(model.body.data).toHaveProperty('parameterCount');
    expect(model.body.data).toHaveProperty('aliases');
  });
});

describe('conditional GET and errors', () => {
  test('when If-None-Match carries the ETag, then the answer is 304 without a body', async () => {
    const first = await request(app).get('/api/benchmarks/glue-cola/leaderboard').expect(200);
    expect(first.headers.etag).toBeDefined();
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await request(app)
      .get('/api/benchmarks/glue-cola/leaderboard')
      .set('If-None-Match', first.headers.etag!)
      .expect(304);
    expect(again.text).toBe('');
    await request(app)
      .get('/api/benchmarks/glue-cola/leaderboard?split=all')
      .set('If-None-Match', first.headers.etag!)
      .expect(200);
  });

  test.each([
    '/api/papers/9999999',
    '/api/models/abc',
    '/api/benchmarks/nope',
    '/api/benchmarks/nope/leaderboard',
    '/api/claims/0',
    '/api/nothing-here',
    '/api/claims?benchmark=nope',
  ])('when %s does not exist, then the answer is a 404 error in JSON', async (url) => {
    const res = await request(app).get(url).expect(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });
});

describe('documentation', () => {
  test('when the OpenAPI document is fetched, then it is valid JSON describing every route, with resolvable schema references', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    const doc = JSON.parse(res.text);
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/papers',
      '/api/papers/{key}',
      '/api/models',
      '/api/models/{id}',
      '/api/benchmarks',
      '/api/benchmarks/{slug}',
      '/api/benchmarks/{slug}/leaderboard',
      '/api/claims',
      '/api/claims/{id}',
      '/api/openapi.json',
      '/export/ledger.json',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
    const refs = [...res.text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty([ref]);
    expect(res.text).not.toContain('$defs');
    expect(openApiDocument().paths).toEqual(doc.paths);
  });

  test('when every documented example is fetched, then it answers 200', async () => {
    for (const route of ROUTES) {
      if (route.example.includes('/models/1') || route.example.includes('/claims/1')) continue;
      await request(app).get(route.example).expect(200);
    }
  });

  test('when the docs page is opened, then it is our own HTML with no inline script and lists the routes', async () => {
    const res = await request(app).get('/api').expect(302);
    expect(res.headers.location).toBe('/api/docs');
    const page = await request(app)
      .get('/api/docs')
      .expect(200)
      .expect('content-type', /text\/html/);
    expect(page.text).toContain('GET /api/benchmarks/{slug}/leaderboard');
    expect(page.text).toContain('href="/api/openapi.json"');
    expect(page.text).not.toMatch(/<script(?![^>]*src="\/static)/);
    expect(page.text).not.toMatch(/https?:\/\/cdn/);
  });
});
