import request from 'supertest';
import type { NewClaim } from '../../src/claims/claim.table';
import { useSeededApp } from '../support/app';
import * as factories from '../support/factories';
import { chartConfig as readChart } from '../support/html';

const unique = factories.unique;
const modelId = (name: string) => factories.modelIdOf(db, name);
const paperId = (arxivId: string) => factories.paperIdOf(db, arxivId);
const buildPaper = (title = unique('Replication study')) => factories.buildPaper(db, { title });
const buildClaim = (overrides: Partial<NewClaim> & { benchmark: string; metric: string }) =>
  factories.buildClaim(db, overrides);
const chartConfig = (html: string) =>
  readChart<{
    type: string;
    data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] };
  }>(html);

const { db, app } = useSeededApp();

function expectStrictCspFriendly(html: string) {
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  expect(html).not.toMatch(/\sstyle=/);
}

describe('model pages', () => {
  test('when /models is opened, then models are listed by name with claim counts and pages', async () => {
    const { n } = await db
      .selectFrom('model')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await request(app).get('/models').expect(200).expect('Content-Type', /html/);
    expect(res.text).toContain(`${n} models`);
    expect(res.text).toContain(`Page 1 of ${Math.ceil(n / 25)}`);
    const deberta = await modelId('DeBERTaV3-base');
    expect(res.text).toMatch(
      new RegExp(
        `<a href="/models/${deberta}">DeBERTaV3-base</a>[\\s\\S]*?<td>DeBERTa</td>\\s*<td class="num">184M</td>\\s*<td class="num">9</td>\\s*<td class="num">32</td>`,
      ),
    );
    expect(res.text).toMatch(/<a href="\/models" aria-current=page>Models<\/a>/);
    expect(res.text).toContain('<a href="/compare" >Compare</a>');
    const names = [...res.text.matchAll(/<a href="\/models\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(names).toHaveLength(25);
    const byName = [...names].sort((a, b) => a!.toLowerCase().localeCompare(b!.toLowerCase()));
    expect(names).toEqual(byName);
    expect(names.indexOf('BERT-base')).toBeLessThan(names.indexOf('BERT-large'));
    const last = await request(app).get('/models?page=2').expect(200);
    expect(last.text).toContain('>Yi-6B-Chat</a>');
    expectStrictCspFriendly(res.text);
  });

  test('when models are sorted by claims, then the one with most approved claims comes first', async () => {
    const res = await request(app).get('/models?sort=claims&order=desc&perPage=3').expect(200);
    const names = [...res.text.matchAll(/<a href="\/models\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(names[0]).toBe('DeBERTaV3-base');
    expect(names).toHaveLength(3);
  });

  test('when models are searched by an alias or a family, then only matches are shown', async () => {
    const byAlias = await request(app).get('/models?q=HAdapter').expect(200);
    expect(byAlias.text).toContain('1 model matching');
    expect(byAlias.text).toContain('>DeBERTaV3-base</a>');
    const byFamily = await request(app).get('/models?q=t5').expect(200);
    expect(byFamily.text).toContain('1 model matching');
    expect(byFamily.text).toContain('>UnifiedQA</a>');
    const byAny = await request(app).get('/models?q=linkbert').expect(200);
    expect(byAny.text).toContain('3 models matching');
    expect(byAny.text).toContain('>BioLinkBERT-large</a>');
    expect(byAny.text).toContain('PubMedBERT-base (as reported in LinkBERT Table 7)');
    const none = await request(app).get('/models?q=no+such+model+zzz').expect(200);
    expect(none.text).toContain('No models match');
  });

  test('when a model search holds HTML or LIKE wildcards, then it is escaped and matched literally', async () => {
    const res = await request(app).get('/models').query({ q: '<script>x</script>%_' }).expect(200);
    expect(res.text).not.toContain('<script>x</script>');
    expect(res.text).toContain('&lt;script&gt;x&lt;/script&gt;%_');
    expect(res.text).toContain('No models match');
    await request(app).get('/models?q=a&q=b&page=-1&perPage=zz&sort=evil&order=up').expect(200);
  });

  test('when DeBERTaV3-base is opened, then its metadata and every adaptation claim from AdaLoRA show', async () => {
    const id = await modelId('DeBERTaV3-base');
    const adalora = await paperId('2303.10512');
    const res = await request(app).get(`/models/${id}`).expect(200);
    expect(res.text).toContain('<h1>DeBERTaV3-base</h1>');
    expect(res.text).toContain('32 approved claims from 1 source');
    expect(res.text).toContain('<dt>Family</dt><dd>DeBERTa</dd>');
    expect(res.text).toContain('<dt>Parameters</dt><dd>184M</dd>');
    for (const alias of ['LoRA r=8 (DeBERTaV3-base)', 'HAdapter (DeBERTaV3-base)']) {
      expect(res.text).toContain(`<li>${alias}</li>`);
    }
    for (const method of ['AdaLoRA', 'LoRA', 'BitFit', 'Adapters', 'Full fine-tuning']) {
      expect(res.text).toContain(`<span class="tag">${method}</span>`);
    }
    for (const value of ['89.31', '88.34', '86.02', '88.24', '88.09', '71.45']) {
      expect(res.text).toContain(`<td class="num">${value}</td>`);
    }
    expect(res.text).toContain("(paper's own average)");
    expect(res.text).toContain(`<a href="/papers/${adalora}">Adaptive Budget Allocation`);
    expect(res.text).toContain('2023-03-18 · arXiv 2303.10512');
    expect(res.text).toContain('<span class="locator">Table 1</span>');
    expect(res.text).toContain(`href="/compare?model=${id}">Compare its 5 adaptation methods`);
    expect(res.text).not.toContain('class="badge-conflict"');

    const chart = chartConfig(res.text);
    expect(chart.type).toBe('bar');
    expect(chart.data.labels).toEqual([
      "GLUE (8-task average, pairs averaged (AdaLoRA's All Ave.))",
      'CoLA',
      'SST-2',
      'QQP',
      'MNLI',
      'QNLI',
      'RTE',
    ]);
    const adaloraSeries = chart.data.datasets.find((d) => d.label === 'dev · AdaLoRA');
    expect(adaloraSeries?.data).toEqual([89.31, 71.45, 96.1, 89.74, 90.76, 94.55, 88.09]);
    const lora = chart.data.datasets.find((d) => d.label === 'dev · LoRA');
    expect(lora?.data).toEqual([88.34, null, null, null, null, null, null]);
    expect(res.text).toContain('<summary>Data table</summary>');
    expect(res.text).toContain(
      '<script src="/static/vendor/chart.umd.min.js" defer></script>\n<script src="/static/vendor/chartjs-adapter-date-fns.bundle.min.js" defer></script>\n<script src="/static/js/charts.js" defer></script>',
    );
    expectStrictCspFriendly(res.text);
  });

  test('when PubMedBERT is opened, then its two BLURB scores 81.16 and 81.1 show and do not conflict', async () => {
    const id = await modelId('PubMedBERT');
    const gu = await paperId('2007.15779');
    const linkbert = await paperId('2203.15827');
    const res = await request(app).get(`/models/${id}`).expect(200);
    expect(res.text).toContain('15 approved claims from 2 sources');
    expect(res.text).toContain('<td class="num">81.16</td>');
    expect(res.text).toContain('<td class="num">81.1</td>');
    expect(res.text).toContain(`<a href="/papers/${gu}">Domain-Specific Language Model`);
    expect(res.text).toContain(`<a href="/papers/${linkbert}">LinkBERT`);
    expect(res.text).toContain('<span class="locator">Table 7</span>');
    expect(res.text).not.toContain('class="badge-conflict"');
    expect(res.text).toContain('their values agree within 0.1');
    const chart = chartConfig(res.text);
    expect(chart.data.labels[0]).toBe('BLURB');
    expect(chart.data.datasets).toHaveLength(1);
    expect(chart.data.datasets[0]!.label).toBe('test · Full fine-tuning');
    expect(chart.data.datasets[0]!.data[0]).toBe(81.16);
  });

  test('when a second paper claims a different value in the same setting, then the page shows the conflict with its spread and both papers', async () => {
    const model = await modelId('BioLinkBERT-large');
    const linkbert = await paperId('2203.15827');
    const title = unique('A replication of BioLinkBERT');
    const replication = await buildPaper(title);
    const claim = await buildClaim({
      paper_id: replication,
      model_id: model,
      benchmark: 'blurb-bc5-chem',
      metric: 'f1-entity',
      value: 92.5,
      locator: 'Table 3',
    });

    const res = await request(app).get(`/models/${model}`).expect(200);
    expect(res.text).toContain('<span class="badge-conflict">1 conflict</span>');
    expect(res.text).toContain('<h2 id="conflicts-heading">Conflicting claims (1)</h2>');
    expect(res.text).toMatch(
      /<article id="conflict-1" class="conflict">[\s\S]*?<span class="badge-conflict">conflicting claims<\/span>\s*<a href="\/benchmarks\/blurb-bc5-chem">BC5-chem<\/a> · F1 \(entity-level\) · test · Full fine-tuning/,
    );
    expect(res.text).toContain('Spread <strong class="spread">1.54</strong> (92.5 to 94.04)');
    const conflict = res.text.slice(res.text.indexOf('id="conflict-1"'));
    expect(conflict).toContain(`<a href="/papers/${linkbert}">LinkBERT`);
    expect(conflict).toContain(`<a href="/papers/${replication}">${title}</a>`);
    expect(res.text.match(/href="#conflict-1" class="badge-conflict">conflict<\/a>/g)).toHaveLength(
      2,
    );

    const stored = await db
      .selectFrom('claim')
      .select(['value', 'status'])
      .where('id', '=', claim)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ value: 92.5, status: 'approved' });
  });

  test('when a pending claim differs, then it is neither listed nor counted as a conflict', async () => {
    const model = await modelId('BERT-Tiny');
    const before = await request(app).get(`/models/${model}`).expect(200);
    expect(before.text).toContain('1 approved claim from 1 source');
    const [existing] = await db
      .selectFrom('claim')
      .innerJoin('benchmark', 'benchmark.id', 'claim.benchmark_id')
      .innerJoin('metric', 'metric.id', 'claim.metric_id')
      .select(['benchmark.slug as benchmark', 'metric.slug as metric', 'claim.split'])
      .where('claim.model_id', '=', model)
      .execute();
    await buildClaim({
      model_id: model,
      benchmark: existing!.benchmark,
      metric: existing!.metric,
      split: existing!.split,
      value: 1,
      status: 'pending',
    });
    const after = await request(app).get(`/models/${model}`).expect(200);
    expect(after.text).toContain('1 approved claim from 1 source');
    expect(after.text).not.toContain('class="badge-conflict"');
  });

  test('when a model does not exist or the id is malformed, then the 404 page is shown', async () => {
    for (const key of ['999999', '0', '99999999999999999999', 'abc', '1.5', '-1', '%3Cscript%3E']) {
      const res = await request(app).get(`/models/${key}`).expect(404);
      expect(res.text).toContain('The model was not found');
      expect(res.text).not.toContain('<script>');
    }
  });

  test('when a model name holds HTML, then every page prints it escaped', async () => {
    const name = `<img src=x onerror=alert(1)> ${unique('x')}`;
    const model = await db
      .insertInto('model')
      .values({ name, family: '<b>fam</b>', parameter_count: 1000, base_model_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('model_alias')
      .values({ alias: `<i>${name}</i>`, model_id: model.id })
      .execute();
    await buildClaim({ model_id: model.id, benchmark: 'glue-cola', metric: 'mcc', value: 1.5 });
    const escaped = name.replace('<', '&lt;').replace('>', '&gt;');

    const page = await request(app).get(`/models/${model.id}`).expect(200);
    expect(page.text).not.toContain('<img');
    expect(page.text).not.toContain('<b>fam</b>');
    expect(page.text).toContain(`<h1>${escaped}</h1>`);
    expect(page.text).toContain('&lt;b&gt;fam&lt;/b&gt;');
    expect(page.text).toContain(`<li>&lt;i&gt;${escaped}&lt;/i&gt;</li>`);
    expect(chartConfig(page.text).data.labels).toEqual(['CoLA']);
    expect(page.text).toContain(`<title>${escaped} · benchledger</title>`);

    const list = await request(app).get('/models').query({ q: 'onerror' }).expect(200);
    expect(list.text).not.toContain('<img src=x');
    expect(list.text).toContain(`<a href="/models/${model.id}">${escaped}</a>`);
    expectStrictCspFriendly(page.text);
  });
});
