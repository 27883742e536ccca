import request from 'supertest';
import { useSeededApp } from '../support/app';
import { buildClaim, buildPaper } from '../support/factories';
import { chartConfig as readChart } from '../support/html';

const chartConfig = (html: string, id: string) =>
  readChart<{
    data: {
      datasets: { label: string; data: { x: string | number; y: number; href: string }[] }[];
    };
  }>(html, id);

const { database, app } = useSeededApp();

/** The leaderboard table's body rows as arrays of cell texts (tags stripped, spaces squeezed). */
function rows(html: string): string[][] {
  const table = /<table class="leaderboard"[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html);
  if (!table) return [];
  return [...table[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
      cell[1]!
        .replace(/<details[\s\S]*?<\/details>/g, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
}

describe('suite leaderboards', () => {
  test('when BLURB is opened, then PubMedBERT’s score computed from its 13 datasets matches the published 81.16', async () => {
    const res = await request(app).get('/benchmarks/blurb').expect(200);
    const table = rows(res.text);
    const pubmed = table.find(
      (r) => r[1]!.startsWith('PubMedBERT') && r.join(' ').includes('Table 6'),
    )!;
    expect(pubmed[2]).toContain('81.16 computed');
    expect(pubmed[3]).toContain('81.16 official, Table 6');
    expect(pubmed[3]).toContain('+0.00 consistent');
    const linkbert = table.find((r) => r[1] === 'BioLinkBERT-large')!;
    expect(linkbert[0]).toBe('1');
    expect(linkbert[2]).toContain('84.30 computed');
    // Entries with only a published score rank by it and say their task scores are missing.
    const biobert = table.find((r) => r[1] === 'BioBERT')!;
    expect(biobert[2]).toContain('80.34 published');
    expect(biobert[2]).toContain('incomplete');
  });

  test('when GLUE is opened, then BERT-large’s official score is recomputed from 9 tasks and its paper average is kept apart', async () => {
    const res = await request(app).get('/benchmarks/glue').expect(200);
    const bert = rows(res.text).find((r) => r[1] === 'BERT-large')!;
    expect(bert[2]).toBe('80.52 computed');
    expect(bert[3]).toContain('80.5 official, Table 1');
    expect(bert[3]).toContain("82.1 BERT paper's Average (9 columns, no WNLI), Table 1");
    expect(bert[3]).toMatch(/Δ -0.02 consistent/);
    // BERT-base has no WNLI and no second metrics: no official score, its own average only.
    const base = rows(res.text).find((r) => r[1] === 'BERT-base')!;
    expect(base[0]).toBe('—');
    expect(base[2]).toContain('incomplete');
    expect(base[3]).toContain('79.6');
  });

  test('when dev results exist, then they are never mixed with test unless asked', async () => {
    const test = await request(app).get('/benchmarks/glue').expect(200);
    expect(test.text).not.toContain('DeBERTaV3-base');
    const dev = await request(app).get('/benchmarks/glue?split=dev').expect(200);
    const adalora = rows(dev.text).filter(
      (r) => r[1] === 'DeBERTaV3-base' && r.join(' ').includes('AdaLoRA (1.27M params)'),
    )[0]!;
    expect(adalora[3]).toContain('89.31 8-task average, pairs averaged');
    expect(adalora[3]).toContain('+0.00 consistent');
    expect(adalora[2]).toContain('incomplete');
    const all = await request(app).get('/benchmarks/glue?split=all').expect(200);
    expect(all.text).toContain('dev and test results are not comparable');
  });

  test('when SuperGLUE is opened, then GPT-3’s few-shot tasks recompute its published 71.8', async () => {
    const res = await request(app).get('/benchmarks/superglue').expect(200);
    const gpt3 = rows(res.text).find((r) => r[1] === 'GPT-3 175B')!;
    expect(gpt3[2]).toBe('71.79 computed');
    expect(gpt3[3]).toMatch(/71.8 official.*-0.01 consistent/);
  });

  test('when MMLU is opened, then category columns and the published average show, ranked', async () => {
    const res = await request(app).get('/benchmarks/mmlu?split=all').expect(200);
    const table = rows(res.text);
    expect(table[0]![1]).toBe('Yi-34B');
    expect(table[0]![2]).toContain('76.3 published');
    const unifiedqa = table.find((r) => r[1] === 'UnifiedQA')!;
    expect(unifiedqa.slice(4, 8)).toEqual(['40.2', '45.6', '56.6', '54.6']);
  });

  test('when the suite is sorted by a task column, then rows follow that column', async () => {
    const res = await request(app)
      .get('/benchmarks/glue?sort=glue-cola%7Cmcc&order=desc')
      .expect(200);
    const table = rows(res.text);
    expect(table.slice(0, 2).map((r) => r[1])).toEqual(['BERT-large', 'BERT-base']);
  });
});

describe('dataset leaderboards', () => {
  test('when GSM8K is opened, then claims are ranked by accuracy with their setting', async () => {
    const res = await request(app).get('/benchmarks/gsm8k').expect(200);
    const table = rows(res.text);
    expect(table.map((r) => [r[0], r[1], r[2], r[6]])).toEqual([
      ['1', 'Yi-34B-Chat', '75.97', '4-shot'],
      ['2', 'Yi-34B-Chat', '71.65', '0-shot'],
      ['3', 'Yi-6B-Chat', '44.88', '4-shot'],
      ['4', 'Yi-6B-Chat', '38.44', '0-shot'],
    ]);
  });

  test('when filtered by n-shot, then only that setting shows, and the URL keeps the state', async () => {
    const res = await request(app).get('/benchmarks/gsm8k?shots=0').expect(200);
    expect(rows(res.text).map((r) => r[2])).toEqual(['71.65', '38.44']);
    expect(res.text).toContain(
      'href="/benchmarks/gsm8k?split=unknown&amp;shots=0&amp;metric=accuracy&amp;sort=value',
    );
  });

  test('when sorted by value ascending, then the order flips but ranks stay', async () => {
    const res = await request(app).get('/benchmarks/gsm8k?sort=value&order=asc').expect(200);
    expect(rows(res.text).map((r) => r[0])).toEqual(['4', '3', '2', '1']);
  });

  test('when filters use dates, roles, adaptation and model size, then they narrow the ranking', async () => {
    const sst = (q: string) => request(app).get(`/benchmarks/glue-sst2?split=dev${q}`).expect(200);
    expect(rows((await sst('')).text)).toHaveLength(8);
    expect(rows((await sst('&adaptation=lora')).text).map((r) => r[2])).toEqual(['94.2']);
    expect(rows((await sst('&role=proposed')).text).map((r) => r[2])).toEqual([
      '96.1',
      '95.8',
      '94.2',
    ]);
    expect(rows((await sst('&from=2023')).text).map((r) => r[2])).toEqual(['96.1', '95.8']);
    // DeBERTaV3-base (184M) drops out; the six RoBERTa-base (125M) rows stay.
    expect(rows((await sst('&maxParams=150M')).text).map((r) => r[11])).toEqual(
      Array(6).fill('125M'),
    );
  });

  test('when two values tie, then they share a rank', async () => {
    const res = await request(app).get('/benchmarks/glue-sst2?split=dev').expect(200);
    const ranks = rows(res.text)
      .filter((r) => r[2] === '94.2')
      .map((r) => r[0]);
    expect(ranks).toEqual(['4', '4', '4']);
    expect(rows(res.text).find((r) => r[2] === '94')![0]).toBe('7');
  });

  test('when a metric is lower-is-better, then it ranks ascending', async () => {
    const metric = await database.db
      .insertInto('metric')
      .values({
        slug: 'test-error-rate',
        name: 'Error rate',
        direction: 'lower',
        scale: 'percent',
        min_value: 0,
        max_value: 100,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const benchmark = await database.db
      .insertInto('benchmark')
      .values({
        slug: 'test-errors',
        name: 'Errors',
        kind: 'dataset',
        parent_id: null,
        task_type: null,
        description: null,
        url: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('benchmark_metric')
      .values({ benchmark_id: benchmark.id, metric_id: metric.id, is_primary: true })
      .execute();
    const paper = await buildPaper(database.db, {
      title: 'Error paper',
      published_on: '2024-01-01',
    });
    const model = await database.db
      .insertInto('model')
      .values({ name: 'Err-Model', family: null, parameter_count: null, base_model_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [value, variant] of [
      [12.5, 'a'],
      [7.25, 'b'],
      [30, 'c'],
    ] as const) {
      await buildClaim(database.db, {
        benchmark: 'test-errors',
        metric: 'test-error-rate',
        paper_id: paper,
        model_id: model.id,
        value,
        stderr: 0.5,
        variant,
        role: 'proposed',
        locator: 'Table 1',
      });
    }
    const res = await request(app).get('/benchmarks/test-errors').expect(200);
    expect(rows(res.text).map((r) => [r[0], r[2]])).toEqual([
      ['1', '7.25 ± 0.5'],
      ['2', '12.5 ± 0.5'],
      ['3', '30 ± 0.5'],
    ]);
  });
});

describe('conflicting claims', () => {
  test('when two papers report different values for the same model and setting, then the entry carries a badge with the spread and both sources', async () => {
    const other = await database.db
      .insertInto('paper')
      .values({
        title: 'A reproduction of GSM8K results',
        arxiv_id: '2601.00042',
        published_on: '2026-01-05',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const original = await database.db
      .selectFrom('claim as c')
      .innerJoin('model as m', 'm.id', 'c.model_id')
      .innerJoin('benchmark as b', 'b.id', 'c.benchmark_id')
      .selectAll('c')
      .where('m.name', '=', 'Yi-6B-Chat')
      .where('b.slug', '=', 'gsm8k')
      .where('c.n_shot', '=', 4)
      .executeTakeFirstOrThrow();
    const { id: _id, created_at: _c, updated_at: _u, reviewed_at: _r, ...copy } = original;
    await database.db
      .insertInto('claim')
      .values({ ...copy, paper_id: other.id, value: 40.1, role: 'reproduction' })
      .execute();

    const res = await request(app).get('/benchmarks/gsm8k').expect(200);
    expect(res.text).toContain('conflicting claims</span> spread 4.78');
    expect(res.text).toMatch(
      /<a href="\/papers\/\d+">Yi: Open Foundation Models by 01.AI<\/a>: 44.88/,
    );
    expect(res.text).toContain(
      `<a href="/papers/${other.id}">A reproduction of GSM8K results</a>: 40.1`,
    );
    // Within the rounding tolerance two papers agree: PubMedBERT 81.16 vs 81.1 is no conflict.
    const blurb = await request(app).get('/benchmarks/blurb').expect(200);
    expect(blurb.text).not.toContain('conflicting claims</span>');
  });
});

describe('charts', () => {
  test('when a leaderboard has dated claims, then a SOTA chart is embedded with points linking to papers', async () => {
    const res = await request(app).get('/benchmarks/blurb').expect(200);
    const config = chartConfig(res.text, 'sota-chart');
    const points = config.data.datasets.flatMap((d) => d.data);
    expect(points.length).toBeGreaterThanOrEqual(13);
    expect(points.every((p) => /^\/papers\/\d+$/.test(p.href))).toBe(true);
    expect(res.text).toContain('<script src="/static/js/charts.js" defer></script>');
    expect(res.text).not.toMatch(/<script>(?!<\/script>)/);
  });

  test('when entries report trainable parameters, then a Pareto chart with a log axis is embedded', async () => {
    const res = await request(app).get('/benchmarks/glue?split=dev').expect(200);
    const config = chartConfig(res.text, 'pareto-chart') as unknown as {
      options: { scales: { x: { type: string } } };
      data: { datasets: { label: string; data: { x: number; y: number }[] }[] };
    };
    expect(config.options.scales.x.type).toBe('logarithmic');
    // No dev entry has an official GLUE score, so the plot uses the average the PEFT table shares.
    expect(res.text).toContain(
      '8-task average, pairs averaged (AdaLoRA&#39;s All Ave.) (paper&#39;s own average)',
    );
    const labels = config.data.datasets.map((d) => d.label);
    expect(labels).toEqual(expect.arrayContaining(['LoRA', 'AdaLoRA', 'Adapters', 'BitFit']));
    const adalora = config.data.datasets.find((d) => d.label === 'AdaLoRA')!;
    expect(adalora.data.map((p) => [p.x, p.y])).toEqual(
      expect.arrayContaining([
        [1_270_000, 89.31],
        [320_000, 88.86],
      ]),
    );
  });
});

describe('hostile leaderboard URLs', () => {
  test.each([
    '?split=train&shots=-1&cot=maybe&adaptation=magic&role=x&from=yesterday&to=%00&minParams=lots&sort=%3Cscript%3E&order=sideways&page=0&perPage=99999',
    '?split=test&split=dev&metric=accuracy&metric=nope&page=999',
    '?sort=glue-cola%7C%3Cimg%20src%3Dx%3E',
  ])('when the query is %s, then the page still renders with defaults', async (query) => {
    const res = await request(app).get(`/benchmarks/glue${query}`).expect(200);
    expect(res.text).not.toContain('<script>');
    expect(res.text).not.toContain('<img src=x>');
  });
});
