import request from 'supertest';
import { useSeededApp } from '../support/app';
import { modelIdOf, unique } from '../support/factories';
import { chartConfig as readChart } from '../support/html';

const { db, app } = useSeededApp();

const modelId = (name: string) => modelIdOf(db, name);
const chartConfig = (html: string) =>
  readChart<{
    type: string;
    data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] };
  }>(html);

/** The cells of the comparison table's row for a benchmark, as text. */
function tableRow(html: string, benchmark: string): string {
  const start = html.indexOf(`">${benchmark}</a></th>`);
  if (start === -1) throw new Error(`no row for ${benchmark}`);
  return html.slice(start, html.indexOf('</tr>', start));
}

const compare = (query: string) => request(app).get(`/compare?${query}`);

describe('compare', () => {
  test('when two models are compared, then their shared test-split benchmarks show side by side with the best marked and a chart', async () => {
    const pubmed = await modelId('PubMedBERT');
    const linkbert = await modelId('BioLinkBERT-large');
    const res = await compare(`models=${pubmed}&models=${linkbert}`).expect(200);
    expect(res.text).toContain(
      '<title>Compare PubMedBERT vs BioLinkBERT-large · benchledger</title>',
    );
    expect(res.text).toContain('Split: <span class="tag split-test">test</span>');
    expect(res.text).toContain(`<a href="/models/${pubmed}">PubMedBERT</a></th>`);

    const chem = tableRow(res.text, 'BC5-chem');
    expect(chem).toContain('F1 (entity-level)');
    expect(chem).toMatch(/<td class="num">\s*93\.33/);
    expect(chem).toMatch(
      /<td class="num best">\s*<strong>94\.04<\/strong> <span class="tag best">best<\/span>/,
    );
    const blurb = tableRow(res.text, 'BLURB');
    expect(blurb).toMatch(/<td class="num">\s*81\.16/);
    expect(blurb).toContain('also: 81.1');
    expect(blurb).toMatch(/<strong>84\.3<\/strong>/);

    const chart = chartConfig(res.text);
    expect(chart.type).toBe('bar');
    expect(chart.data.datasets.map((d) => d.label)).toEqual(['PubMedBERT', 'BioLinkBERT-large']);
    expect(chart.data.labels).toHaveLength(14);
    const chemIndex = chart.data.labels.indexOf('BC5-chem · F1 (entity-level)');
    expect(chart.data.datasets[0]!.data[chemIndex]).toBe(93.33);
    expect(chart.data.datasets[1]!.data[chemIndex]).toBe(94.04);
    expect(chart.data.datasets[0]!.data[0]).toBe(81.16);

    expect(res.text).toContain('Left out for lack of a shared benchmark');
    expect(res.text).toContain('<summary>BioLinkBERT-large: 1 claim</summary>');
    expect(res.text).toContain('MMLU Professional medicine</a> · Accuracy: 50.7');
    expect(res.text).toContain('<summary>Data table</summary>');
    expect(res.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(res.text).not.toMatch(/\sstyle=/);
  });

  test('when adaptation methods on DeBERTaV3-base are compared, then the shared GLUE average of each shows on the dev split', async () => {
    const deberta = await modelId('DeBERTaV3-base');
    const res = await compare(
      `model=${deberta}&adaptations=full_ft&adaptations=lora&adaptations=adalora&adaptations=adapter&adaptations=bitfit`,
    ).expect(200);
    expect(res.text).toContain('nothing is shared on the test split, so the dev split is shown');
    const glue = tableRow(res.text, 'GLUE');
    expect(glue).toContain("(paper's own average)");
    const cells = [...glue.matchAll(/<td class="num( best)?">\s*(?:<strong>)?([\d.]+)/g)].map(
      (m) => [m[2], Boolean(m[1])],
    );
    expect(cells).toEqual([
      ['88.09', false],
      ['88.34', false],
      ['89.31', true],
      ['88.24', false],
      ['86.02', false],
    ]);
    expect(glue).toContain('also: 88.15 (330K trainable params · r=2)');
    expect(glue).toContain('also: 88.86 (320K trainable params)');

    const chart = chartConfig(res.text);
    expect(chart.data.labels).toEqual([
      "GLUE · 8-task average, pairs averaged (AdaLoRA's All Ave.)",
    ]);
    expect(chart.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Full fine-tuning', [88.09]],
      ['LoRA', [88.34]],
      ['AdaLoRA', [89.31]],
      ['Adapters', [88.24]],
      ['BitFit', [86.02]],
    ]);
    expect(res.text).toContain('<summary>AdaLoRA: 20 claims</summary>');
    expect(res.text).toMatch(
      /CoLA<\/a> · Matthews corr\.: 71\.45 <small class="muted">\(1\.27M trainable params\)/,
    );
  });

  test('when the test split is asked for explicitly and nothing is shared there, then the page says so and links the split that is', async () => {
    const deberta = await modelId('DeBERTaV3-base');
    const res = await compare(
      `model=${deberta}&adaptations=lora&adaptations=adalora&split=test`,
    ).expect(200);
    expect(res.text).toContain('They share no benchmark and metric on the test split.');
    expect(res.text).toContain(
      `<a href="/compare?model=${deberta}&amp;adaptations=lora&amp;adaptations=adalora&amp;split=dev">dev (1 row)</a>`,
    );
    expect(res.text).not.toContain('data-chart=');
  });

  test('when fewer than two models or methods are chosen, then a form and a helpful message show', async () => {
    const empty = await request(app).get('/compare').expect(200);
    expect(empty.text).toContain('Choose two or more models to compare them side by side.');
    expect(empty.text).toContain('<form method="get" action="/compare" class="compare-form">');
    expect(empty.text).toMatch(
      /<label for="models-0">Model 1<\/label>\s*<select id="models-0" name="models">/,
    );
    expect(empty.text).toMatch(/<option value="\d+">DeBERTaV3-base \(32\)<\/option>/);
    expect(empty.text).toContain(
      '<input type="checkbox" name="adaptations" value="lora"> <span>LoRA</span>',
    );

    const pubmed = await modelId('PubMedBERT');
    const one = await compare(`models=${pubmed}&models=${pubmed}`).expect(200);
    expect(one.text).toContain('Choose at least one more model to compare with PubMedBERT.');
    expect(one.text).toContain(`<option value="${pubmed}" selected>PubMedBERT (15)</option>`);

    const deberta = await modelId('DeBERTaV3-base');
    const methods = await compare(`model=${deberta}&adaptations=lora`).expect(200);
    expect(methods.text).toContain(
      'Choose two or more adaptation methods to compare on DeBERTaV3-base: the ledger holds its claims for Full fine-tuning, LoRA, AdaLoRA, Adapters and BitFit.',
    );
    expect(methods.text).toContain(
      '<input type="checkbox" name="adaptations" value="lora" checked> <span>LoRA</span> <small class="muted">(2 claims)</small>',
    );
    expect(methods.text).toContain('<span>AdaLoRA</span> <small class="muted">(22 claims)</small>');

    const single = await compare(`model=${pubmed}`).expect(200);
    expect(single.text).toContain('one adaptation method only (Full fine-tuning)');
  });

  test('when the query is hostile or malformed, then a friendly 422 page shows the problems escaped', async () => {
    const res = await compare('models=abc&models=%3Cscript%3E').expect(422);
    expect(res.text).toContain('Some of the request could not be used');
    expect(res.text).toContain('“abc” is not a model id.');
    expect(res.text).toContain('“&lt;script&gt;” is not a model id.');
    expect(res.text).not.toContain('“<script>”');
    expect(res.text).toContain('Choose two or more models');

    const methods = await compare(
      'model=%22%3E%3Cb%3E&adaptations=%3Ci%3Elora&adaptations=lora&split=%3Cu%3E',
    ).expect(422);
    expect(methods.text).toContain('“&#34;&gt;&lt;b&gt;” is not a model id.');
    expect(methods.text).toContain('“&lt;i&gt;lora” is not an adaptation method.');
    expect(methods.text).toContain('“&lt;u&gt;” is not a split');
    expect(methods.text).not.toMatch(/<(b|i|u)>/);

    const unknown = await compare('models=99999999&models=2147483647').expect(422);
    expect(unknown.text).toContain('No model has id 99999999.');
    expect(unknown.text).toContain('No model has id 2147483647.');

    const ids = await db.selectFrom('model').select('id').orderBy('id').limit(12).execute();
    const capped = await compare(ids.map((m) => `models=${m.id}`).join('&')).expect(422);
    expect(capped.text).toContain('At most 8 models can be compared at once');
    expect(capped.text.match(/<option value="\d+" selected>/g)).toHaveLength(8);

    for (const query of ['models[]=1&models[]=2', 'models=&models=', 'split=dev&split=test', '']) {
      await compare(query).expect(200);
    }
  });

  test('when a compared model has an HTML name, then the table, form and chart data carry it escaped', async () => {
    const name = `<img src=x onerror=alert(1)> ${unique('x')}`;
    const model = await db
      .insertInto('model')
      .values({ name, family: null, parameter_count: null, base_model_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const paper = await db
      .insertInto('paper')
      .values({ title: `Hostile names ${unique('x')}`, authors: [] })
      .returning('id')
      .executeTakeFirstOrThrow();
    const chem = await db
      .selectFrom('benchmark')
      .innerJoin('benchmark_metric', 'benchmark_metric.benchmark_id', 'benchmark.id')
      .select(['benchmark.id as benchmarkId', 'benchmark_metric.metric_id as metricId'])
      .where('benchmark.slug', '=', 'blurb-bc5-chem')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('claim')
      .values({
        paper_id: paper.id,
        model_id: model.id,
        benchmark_id: chem.benchmarkId,
        metric_id: chem.metricId,
        recipe_id: null,
        value: 90.01,
        stderr: 0.2,
        split: 'test',
        n_shot: null,
        chain_of_thought: null,
        adaptation: 'full_ft',
        trainable_params: null,
        setting_notes: null,
        role: 'proposed',
        locator: '<b>Table 1</b>',
        quote: null,
        reference: null,
        notes: null,
        confidence: 'high',
        review_note: null,
        submitter: 'test',
        status: 'approved',
      })
      .execute();
    const pubmed = await modelId('PubMedBERT');

    const res = await compare(`models=${model.id}&models=${pubmed}`).expect(200);
    expect(res.text).not.toContain('<img');
    expect(res.text).not.toContain('<b>Table 1</b>');
    const escaped = name.replace('<', '&lt;').replace('>', '&gt;');
    expect(res.text).toContain(`<a href="/models/${model.id}">${escaped}</a></th>`);
    expect(res.text).toContain(`<option value="${model.id}" selected>${escaped} (1)</option>`);
    expect(tableRow(res.text, 'BC5-chem')).toMatch(/<td class="num">\s*90\.01 ± 0\.2/);
    const chart = chartConfig(res.text);
    expect(chart.data.datasets.map((d) => d.label)).toEqual([name, 'PubMedBERT']);
    expect(chart.data.labels).toEqual(['BC5-chem · F1 (entity-level)']);
  });
});
