import request from 'supertest';
import { useSeededApp } from '../support/app';

const { app, database } = useSeededApp();

describe('pages', () => {
  test('when the home page is opened, then it lists benchmarks with claim counts, latest claims and the paper count', async () => {
    const res = await request(app).get('/').expect(200).expect('Content-Type', /html/);
    expect(res.text).toContain('<strong>166</strong> approved claims');
    expect(res.text).toContain('<strong>67</strong> papers');
    expect(res.text).toMatch(
      /href="\/benchmarks\/blurb">BLURB<\/a><\/td>\s*<td>suite<\/td>\s*<td class="num">13<\/td>\s*<td class="num">39<\/td>/,
    );
    expect(res.text).toContain('Latest claims');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  test('when /papers is opened, then papers are listed newest first with pagination', async () => {
    // The first cell of each row is the date: 'YYYY-MM-DD', or 'YYYY-MM' at month precision.
    const dates = (html: string) =>
      [...html.matchAll(/<tr>\s*<td>(\d{4}-\d{2}(?:-\d{2})?)<\/td>/g)].map((m) =>
        m[1]!.length === 7 ? `${m[1]}-01` : m[1]!,
      );
    const res = await request(app).get('/papers').expect(200);
    expect(res.text).toContain('67 papers');
    expect(res.text).toContain('Page 1 of 3');
    const page1 = dates(res.text);
    expect(page1).toHaveLength(25);
    expect(page1[0]).toBe('2025-03-02');
    expect(page1).toEqual([...page1].sort().reverse());
    const page3 = await request(app).get('/papers?page=3').expect(200);
    const last = dates(page3.text);
    expect(last.at(-1)).toBe('2018-10-01');
    expect(last[0]! <= page1.at(-1)!).toBe(true);
    expect(page3.text).toContain('BERT: Pre-training of Deep Bidirectional Transformers');
  });

  test('when papers are sorted by date ascending, then the oldest comes first', async () => {
    const res = await request(app).get('/papers?sort=date&order=asc&perPage=5').expect(200);
    const titles = [...res.text.matchAll(/<a href="\/papers\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(titles[0]).toContain('BERT: Pre-training');
    expect(titles).toHaveLength(5);
  });

  test('when papers are searched by title, then only matches are shown', async () => {
    const res = await request(app).get('/papers?q=parameter-efficient').expect(200);
    expect(res.text).toContain('Towards a Unified View of Parameter-Efficient Transfer Learning');
    expect(res.text).not.toContain('Language Models are Few-Shot Learners');
    const none = await request(app).get('/papers?q=no+such+paper+zzz').expect(200);
    expect(none.text).toContain('No papers match');
  });

  test('when a search holds HTML or LIKE wildcards, then it is escaped and matched literally', async () => {
    const hostile = '<script>alert(1)</script>%_';
    const res = await request(app).get('/papers').query({ q: hostile }).expect(200);
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;%_');
    expect(res.text).toContain('No papers match');
    await request(app).get('/papers?q=a&q=b&page=-4&perPage=abc&sort=evil').expect(200);
  });

  test('when a paper is opened by id or arXiv id, then its metadata and claims grouped by benchmark show', async () => {
    const res = await request(app).get('/papers/2007.15779').expect(200);
    expect(res.text).toContain(
      'Domain-Specific Language Model Pretraining for Biomedical Natural Language Processing',
    );
    expect(res.text).toContain('23 claims');
    expect(res.text).toContain('<a href="/benchmarks/blurb-bc5-chem">BC5-chem</a>');
    expect(res.text).toContain('93.33');
    expect(res.text).toContain('Table 6');
    const paper = await database.db
      .selectFrom('paper')
      .select('id')
      .where('arxiv_id', '=', '2007.15779')
      .executeTakeFirstOrThrow();
    const byId = await request(app).get(`/papers/${paper.id}`).expect(200);
    expect(byId.text).toContain('23 claims');
  });

  test('when lists and claims are shown, then they link to their exports, the full dump and each claim’s history', async () => {
    const papers = await request(app).get('/papers?q=lora&sort=title').expect(200);
    expect(papers.text).toContain('href="/papers.json?q=lora&amp;sort=title"');
    expect(papers.text).toContain('href="/papers.csv?q=lora&amp;sort=title"');
    const home = await request(app).get('/').expect(200);
    expect(home.text).toContain('href="/export/ledger.json"');
    const paper = await request(app).get('/papers/2007.15779').expect(200);
    const history = /href="(\/claims\/\d+\/history)"/.exec(paper.text);
    expect(history).not.toBeNull();
    const page = await request(app).get(history![1]!).expect(200);
    expect(page.text).toContain('seed');
  });

  test('when a paper has no claims, then the page says so', async () => {
    const res = await request(app).get('/papers/2407.07094').expect(200);
    expect(res.text).toContain('no approved claims from this paper');
  });

  test('when a paper does not exist, then a 404 page is shown', async () => {
    for (const key of ['999999', '99999999999999999999', '9999.99999', '%3Cscript%3E']) {
      const res = await request(app).get(`/papers/${key}`).expect(404);
      expect(res.text).toContain('The paper was not found');
    }
  });

  test('when /benchmarks is opened, then every suite is listed with its members', async () => {
    const res = await request(app).get('/benchmarks').expect(200);
    for (const name of [
      'GLUE',
      'SuperGLUE',
      'BLURB',
      'MMLU',
      'GSM8K',
      'CoLA',
      'BC5-chem',
      'MMLU STEM',
    ]) {
      expect(res.text).toContain(`>${name}</a>`);
    }
  });

  test('when a benchmark page is opened, then it shows its leaderboard; unknown slugs are 404', async () => {
    const blurb = await request(app).get('/benchmarks/blurb').expect(200);
    expect(blurb.text).toContain('13 entries');
    const chem = await request(app).get('/benchmarks/blurb-bc5-chem').expect(200);
    expect(chem.text).toContain('2 claims');
    expect(chem.text).toContain('94.04');
    const empty = await request(app).get('/benchmarks/glue-ax').expect(200);
    expect(empty.text).toContain('No approved claims match these filters');
    await request(app).get('/benchmarks/no-such-benchmark').expect(404);
  });

  test('when an unknown page is requested, then a 404 page is shown; JSON routes answer in JSON', async () => {
    const page = await request(app).get('/no/such/page').expect(404).expect('Content-Type', /html/);
    expect(page.text).toContain('Not found');
    const api = await request(app).get('/api/nothing').expect(404).expect('Content-Type', /json/);
    expect(api.body).toEqual({
      error: { code: 'not_found', message: 'GET /api/nothing was not found.' },
    });
  });

  test('when /healthz is asked, then it reports the database', async () => {
    const res = await request(app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: { status: 'ok', kind: database.kind } });
  });

  test('when static assets are asked for, then Chart.js and the CSS come from our own origin', async () => {
    await request(app)
      .get('/static/vendor/chart.umd.min.js')
      .expect(200)
      .expect('Content-Type', /javascript/);
    await request(app).get('/static/vendor/pico.min.css').expect(200).expect('Content-Type', /css/);
    await request(app).get('/static/css/app.css').expect(200);
    await request(app).get('/static/vendor/../../package.json').expect(404);
  });
});
