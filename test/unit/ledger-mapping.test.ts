import { BENCHMARKS, RECIPES } from '../../seeds/catalogue';
import { MMLU_CATEGORIES } from '../../src/benchmarks/mmlu';
import {
  mapSeedClaim,
  paperDate,
  parseAdaptation,
  parseNShot,
  parseSampling,
  parseTrainableParams,
  type SeedClaimRecord,
} from '../../seeds/ledger';

const record = (overrides: Partial<SeedClaimRecord>): SeedClaimRecord => ({
  paper_title: 'A paper',
  arxiv_id: '2303.10512',
  paper_date: '2023-03-18',
  benchmark: 'GLUE',
  dataset_or_task: 'CoLA',
  split: 'dev',
  model: 'AdaLoRA (DeBERTaV3-base)',
  setting: 'AdaLoRA; 1.27M trainable parameters; DeBERTaV3-base; mean of 5 seeds',
  metric: 'Matthews corr',
  value: 71.45,
  source_locator: 'Table 1',
  reference: 'ref',
  notes: null,
  confidence: 'high',
  ...overrides,
});

describe('the catalogue', () => {
  test('GLUE has 9 scored tasks and AX unscored; BLURB 13 datasets in 6 task types; MMLU 57 subjects in 4 categories', () => {
    const children = (parent: string) => BENCHMARKS.filter((b) => b.parent === parent);
    expect(children('glue').filter((b) => b.scored)).toHaveLength(9);
    expect(
      children('glue')
        .filter((b) => !b.scored)
        .map((b) => b.name),
    ).toEqual(['AX (diagnostic)']);
    expect(children('blurb')).toHaveLength(13);
    expect(new Set(children('blurb').map((b) => b.taskType)).size).toBe(6);
    expect(children('superglue').filter((b) => b.scored)).toHaveLength(8);
    expect(Object.values(MMLU_CATEGORIES).flatMap((c) => c.subjects)).toHaveLength(57);
    expect(
      BENCHMARKS.filter((b) => b.slug.startsWith('mmlu-') && b.kind === 'dataset'),
    ).toHaveLength(57);
  });

  test('every recipe member names a catalogue benchmark and one of its metrics', () => {
    const bySlug = new Map(BENCHMARKS.map((b) => [b.slug, b]));
    for (const recipe of RECIPES) {
      for (const group of recipe.definition.groups) {
        for (const member of group.members) {
          const benchmark = bySlug.get(member.benchmark);
          expect(benchmark).toBeDefined();
          for (const set of member.metrics)
            for (const m of set) expect(benchmark!.metrics).toContain(m);
        }
      }
    }
  });
});

describe('mapping a seed record', () => {
  test('when a PEFT row names method and base model, then the model is the base model and the method the adaptation', () => {
    const result = mapSeedClaim(record({}));
    expect(result).toMatchObject({
      ok: true,
      claim: {
        model: { name: 'DeBERTaV3-base', alias: 'AdaLoRA (DeBERTaV3-base)' },
        benchmark: 'glue-cola',
        metric: 'mcc',
        adaptation: 'adalora',
        trainableParams: 1_270_000,
        split: 'dev',
        role: 'proposed',
      },
    });
  });

  test('when a single MNLI accuracy is given, then it is read as matched accuracy and the note says so', () => {
    const result = mapSeedClaim(record({ dataset_or_task: 'MNLI', metric: 'Accuracy' }));
    expect(result.ok && result.claim.metric).toBe('accuracy-matched');
    expect(result.ok && result.claim.notes).toMatch(/matched accuracy/);
  });

  test.each([
    [{ benchmark: null }, /names no benchmark/],
    [{ benchmark: 'XSum' }, /not in the catalogue/],
    [{ metric: "improvement 'up to' (%), over regular fine-tuning" }, /not a score/],
    [{ dataset_or_task: 'SQuAD' }, /not a GLUE dataset/],
    [{ model: 'Unknown model' }, /no normalisation rule/],
    [{ metric: 'Micro F1' }, /not used by glue-cola/],
  ])('when a record has %p, then it is skipped with a reason', (change, reason) => {
    const result = mapSeedClaim(record(change));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  test('when an unstated split is recorded, then it maps to unknown and keeps the wording', () => {
    const result = mapSeedClaim(
      record({ split: 'unspecified in README (base-size models; probably dev)' }),
    );
    expect(result.ok && result.claim.split).toBe('unknown');
    expect(result.ok && result.claim.notes).toContain('probably dev');
  });
});

describe('parsing a free-text setting', () => {
  test.each([
    ['chat model (SFT), 5-shot', 5],
    ['chat model (SFT), 0-shot', 0],
    ['few-shot, K=32, no gradient updates', 32],
    ['few-shot (number of shots not re-verified)', null],
    ['full fine-tuning', null],
  ])('n-shot of %p is %p', (setting, expected) => expect(parseNShot(setting)).toBe(expected));

  test.each([
    ['LoRA (rank 8); 1.33M trainable parameters', 1_330_000],
    ['BitFit; 0.1M trainable parameters', 100_000],
    ['full fine-tuning; 184M trainable parameters', 184_000_000],
    ['LoRA; 0.5% of pretrained parameters tuned', null],
  ])('trainable parameters of %p are %p', (setting, expected) =>
    expect(parseTrainableParams(setting)).toBe(expected),
  );

  test.each([
    ['few-shot, K=32, no gradient updates', 'in_context'],
    ['full fine-tuning (as Table 6)', 'full_ft'],
    ['Prefix tuning; 0.5% of pretrained parameters tuned', 'prefix_tuning'],
    ['human annotators', 'other'],
    ['as listed on the README leaderboard (settings not stated there)', 'unknown'],
  ])('adaptation of %p is %p', (setting, expected) =>
    expect(parseAdaptation(setting)).toBe(expected),
  );

  test.each([
    // LLaMA, Table 7 (as seeds/data records it): maj1@1 and maj1@k with k=100.
    ['few-shot in-context, single sample (no majority voting)', 'maj@1'],
    ['few-shot in-context, maj1@k with k=100', 'maj@100'],
    ['8-shot, maj1@1 (top-1)', 'maj@1'],
    ['instruction-tuned, 8-shot chain-of-thought, em_maj1@1', 'maj@1'],
    ['pretrained model, 8-shot, maj@8', 'maj@8'],
    ['zero-shot CoT + self-consistency (40 paths)', 'maj@40'],
    ['pretrained base model, 5-shot, greedy decoding', 'greedy'],
    ['fine-tuned on MetaMathQA, pass@1', 'pass@1'],
    ['few-shot PoT with self-consistency decoding', null],
    ['chat model (SFT), 4-shot', null],
  ])('sampling of %p is %p', (setting, expected) => expect(parseSampling(setting)).toBe(expected));

  test('when a seed record states greedy decoding, then its claim carries the sampling', () => {
    const result = mapSeedClaim(
      record({
        setting: 'pretrained base model, 5-shot, greedy decoding',
        model: 'Yi-34B (base)',
        arxiv_id: '2403.04652',
        benchmark: 'GSM8K',
        dataset_or_task: 'GSM8K',
        metric: 'Accuracy',
      }),
    );
    expect(result.ok && result.claim).toMatchObject({ sampling: 'greedy', nShot: 5 });
  });

  test('a paper date keeps its precision; a missing one falls back to the arXiv month', () => {
    expect(paperDate('2020-07-31', '2007.15779')).toEqual({
      publishedOn: '2020-07-31',
      precision: 'day',
    });
    expect(paperDate('2019-05', '1905.10425')).toEqual({
      publishedOn: '2019-05-01',
      precision: 'month',
    });
    expect(paperDate(null, '2409.17115')).toEqual({
      publishedOn: '2024-09-01',
      precision: 'month',
    });
  });
});
