import seedClaims from '../../seeds/data/seed-claims.json';
import seedPapers from '../../seeds/data/seed-papers.json';
import { seedCatalogue, seedLedger } from '../../src/db/seed';
import { useSeededApp } from '../support/app';

const { database, report } = useSeededApp();

async function claimCounts() {
  const rows = await database.db
    .selectFrom('claim as c')
    .innerJoin('benchmark as b', 'b.id', 'c.benchmark_id')
    .select(['b.slug', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('b.slug')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.slug, r.n]));
}

async function findClaim(filter: {
  arxiv: string;
  model: string;
  benchmark: string;
  metric: string;
  trainable?: number;
}) {
  let query = database.db
    .selectFrom('claim as c')
    .innerJoin('paper as p', 'p.id', 'c.paper_id')
    .innerJoin('model as m', 'm.id', 'c.model_id')
    .innerJoin('benchmark as b', 'b.id', 'c.benchmark_id')
    .innerJoin('metric as mt', 'mt.id', 'c.metric_id')
    .leftJoin('aggregate_recipe as r', 'r.id', 'c.recipe_id')
    .selectAll('c')
    .select(['r.slug as recipe'])
    .where('p.arxiv_id', '=', filter.arxiv)
    .where('m.name', '=', filter.model)
    .where('b.slug', '=', filter.benchmark)
    .where('mt.slug', '=', filter.metric);
  if (filter.trainable) query = query.where('c.trainable_params', '=', filter.trainable);
  return query.execute();
}

describe('seeding the demo ledger', () => {
  test('when seeded, then every seed paper is present, plus the five cited sources', async () => {
    const rows = await database.db
      .selectFrom('paper')
      .select(['arxiv_id', 'title', 'authors'])
      .execute();
    const byId = new Map(rows.map((r) => [r.arxiv_id, r]));
    for (const paper of seedPapers) {
      expect(byId.get(paper.arxiv_id)?.title).toBe(paper.title);
      expect(byId.get(paper.arxiv_id)?.authors).toEqual(paper.authors);
    }
    for (const cited of ['1810.04805', '1901.11504', '1905.10425', '2009.03300', '2203.15827']) {
      expect(byId.has(cited)).toBe(true);
    }
    expect(rows).toHaveLength(seedPapers.length + 5);
    expect(report.papers).toEqual({ total: 67, added: 67 });
  });

  test('when seeded, then the claims per benchmark are as mapped', async () => {
    expect(report.claims).toEqual({ records: 220, mapped: 166, added: 166, alreadyPresent: 0 });
    const counts = await claimCounts();
    expect(counts).toMatchObject({
      blurb: 13,
      'blurb-bc5-chem': 2,
      'blurb-bioasq': 2,
      glue: 23,
      'glue-mnli': 15,
      'glue-cola': 5,
      'glue-wnli': 1,
      superglue: 4,
      'superglue-cb': 2,
      'superglue-record': 2,
      mmlu: 9,
      'mmlu-stem': 3,
      'mmlu-professional-medicine': 2,
      gsm8k: 4,
    });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(166);
    expect(counts).toEqual(report.perBenchmark);
    const statuses = await database.db.selectFrom('claim').select('status').distinct().execute();
    expect(statuses).toEqual([{ status: 'approved' }]);
  });

  test('when a figure is traced to its table, then value, setting and provenance match the source', async () => {
    const [chem] = await findClaim({
      arxiv: '2007.15779',
      model: 'PubMedBERT',
      benchmark: 'blurb-bc5-chem',
      metric: 'f1-entity',
    });
    expect(chem).toMatchObject({
      value: 93.33,
      split: 'test',
      locator: 'Table 6',
      adaptation: 'full_ft',
      role: 'proposed',
    });

    const [blurb] = await findClaim({
      arxiv: '2007.15779',
      model: 'PubMedBERT',
      benchmark: 'blurb',
      metric: 'score',
    });
    expect(blurb).toMatchObject({ value: 81.16, recipe: 'blurb-official', locator: 'Table 6' });

    const [cola] = await findClaim({
      arxiv: '2303.10512',
      model: 'DeBERTaV3-base',
      benchmark: 'glue-cola',
      metric: 'mcc',
      trainable: 1_270_000,
    });
    expect(cola).toMatchObject({
      value: 71.45,
      split: 'dev',
      adaptation: 'adalora',
      locator: 'Table 1',
    });

    const lora = await findClaim({
      arxiv: '2303.10512',
      model: 'DeBERTaV3-base',
      benchmark: 'glue',
      metric: 'score',
      trainable: 1_330_000,
    });
    expect(lora).toHaveLength(1);
    expect(lora[0]).toMatchObject({
      value: 88.34,
      adaptation: 'lora',
      variant: 'r=8',
      recipe: 'glue-8-task-pair-mean',
    });

    const cb = await findClaim({
      arxiv: '2005.14165',
      model: 'GPT-3 175B',
      benchmark: 'superglue-cb',
      metric: 'f1',
    });
    expect(cb[0]).toMatchObject({
      value: 52,
      n_shot: 32,
      adaptation: 'in_context',
      locator: 'Table 3.8',
    });

    const gsm = await findClaim({
      arxiv: '2403.04652',
      model: 'Yi-34B-Chat',
      benchmark: 'gsm8k',
      metric: 'accuracy',
    });
    expect(gsm.map((c) => [c.n_shot, c.value]).sort()).toEqual([
      [0, 71.65],
      [4, 75.97],
    ]);
    expect(gsm[0]).toMatchObject({ split: 'unknown', locator: 'README — Chat model performance' });

    const bertAverage = await findClaim({
      arxiv: '1810.04805',
      model: 'BERT-large',
      benchmark: 'glue',
      metric: 'score',
    });
    expect(Object.fromEntries(bertAverage.map((c) => [c.recipe, c.value]))).toEqual({
      'glue-official': 80.5,
      'glue-bert-average': 82.1,
    });
  });

  test('when model names vary between records, then they are merged under one model with aliases', async () => {
    const pubmed = await database.db
      .selectFrom('model as m')
      .leftJoin('model_alias as a', 'a.model_id', 'm.id')
      .select(['m.id', 'a.alias'])
      .where('m.name', '=', 'PubMedBERT')
      .execute();
    expect(pubmed.map((r) => r.alias).sort()).toEqual([
      'PubMedBERT (uncased)',
      'PubMedBERT (uncased, PubMed abstracts; BERT-Base size)',
      'PubMedBERT-base (as reported in LinkBERT Table 7)',
    ]);
  });

  test('when a record cannot be mapped, then the report lists it with its reason', () => {
    expect(report.skipped).toHaveLength(54);
    const records = seedClaims.length;
    expect(report.skipped.filter((s) => s.source === 'seed-claims.json').length).toBe(
      records - 144,
    );
    const gsm = report.skipped.find((s) => s.arxivId === '2403.15042' && s.benchmark === 'GSM8K');
    expect(gsm?.reason).toMatch(/not a score on the benchmark/);
    const xsum = report.skipped.find((s) => s.benchmark === 'XSum');
    expect(xsum?.reason).toBe('benchmark "XSum" is not in the catalogue');
    const abstract = report.skipped.find((s) => s.benchmark === null);
    expect(abstract?.reason).toMatch(/names no benchmark/);
    for (const skipped of report.skipped) expect(skipped.reason.length).toBeGreaterThan(10);
  });

  test('when seeded twice, then nothing changes', async () => {
    const snapshot = async () => ({
      claims: await database.db.selectFrom('claim').selectAll().orderBy('id').execute(),
      papers: await database.db
        .selectFrom('paper')
        .select(['id', 'arxiv_id', 'title'])
        .orderBy('id')
        .execute(),
      models: await database.db.selectFrom('model').select(['id', 'name']).orderBy('id').execute(),
      aliases: await database.db.selectFrom('model_alias').selectAll().orderBy('alias').execute(),
      events: await database.db.selectFrom('audit_event').select('id').execute(),
      benchmarks: await database.db.selectFrom('benchmark').selectAll().orderBy('id').execute(),
    });
    const before = await snapshot();
    await seedCatalogue(database.db);
    const again = await seedLedger(database.db);
    expect(again.claims).toEqual({ records: 220, mapped: 166, added: 0, alreadyPresent: 166 });
    expect(again.papers.added).toBe(0);
    expect(await snapshot()).toEqual(before);
    expect(before.events).toHaveLength(166);
  });
});
