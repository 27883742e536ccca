import type { RecipeDefinition } from '../../src/benchmarks/benchmark.contract';
import { RECIPES } from '../../seeds/catalogue';
import {
  compareToPublished,
  computeAggregate,
  matchesAtPrecision,
  publishedDecimals,
  roundHalfEven,
  roundHalfUp,
  valueKey,
} from '../../src/leaderboards/recipes';

const recipe = (slug: string): RecipeDefinition => {
  const found = RECIPES.find((r) => r.slug === slug);
  if (!found) throw new Error(`no recipe ${slug}`);
  return found.definition;
};

/** Values as [benchmark, metric, value] rows, the way a paper's table reads. */
const values = (rows: [string, string, number][]): Map<string, number> =>
  new Map(rows.map(([benchmark, metric, value]) => [valueKey(benchmark, metric), value]));

const scoreOf = (slug: string, rows: [string, string, number][]): number => {
  const result = computeAggregate(recipe(slug), values(rows));
  if (!result.complete) throw new Error(`incomplete: ${result.missing.join('; ')}`);
  return result.score;
};

const without = (rows: [string, string, number][], benchmark: string) =>
  rows.filter(([b]) => b !== benchmark);

const BERT_LARGE_GLUE_TEST: [string, string, number][] = [
  ['glue-cola', 'mcc', 60.5],
  ['glue-sst2', 'accuracy', 94.9],
  ['glue-mrpc', 'f1', 89.3],
  ['glue-mrpc', 'accuracy', 85.4],
  ['glue-stsb', 'pearson', 87.6],
  ['glue-stsb', 'spearman', 86.5],
  ['glue-qqp', 'f1', 72.1],
  ['glue-qqp', 'accuracy', 89.3],
  ['glue-mnli', 'accuracy-matched', 86.7],
  ['glue-mnli', 'accuracy-mismatched', 85.9],
  ['glue-qnli', 'accuracy', 92.7],
  ['glue-rte', 'accuracy', 70.1],
  ['glue-wnli', 'accuracy', 65.1],
];

const bertTable1 = (columns: number[]): [string, string, number][] => {
  const [mnliM, mnliMm, qqp, qnli, sst2, cola, stsb, mrpc, rte] = columns;
  return [
    ['glue-mnli', 'accuracy-matched', mnliM!],
    ['glue-mnli', 'accuracy-mismatched', mnliMm!],
    ['glue-qqp', 'f1', qqp!],
    ['glue-qnli', 'accuracy', qnli!],
    ['glue-sst2', 'accuracy', sst2!],
    ['glue-cola', 'mcc', cola!],
    ['glue-stsb', 'spearman', stsb!],
    ['glue-mrpc', 'f1', mrpc!],
    ['glue-rte', 'accuracy', rte!],
  ];
};

const BLURB_METRICS: [string, string][] = [
  ['blurb-bc5-chem', 'f1-entity'],
  ['blurb-bc5-disease', 'f1-entity'],
  ['blurb-ncbi-disease', 'f1-entity'],
  ['blurb-bc2gm', 'f1-entity'],
  ['blurb-jnlpba', 'f1-entity'],
  ['blurb-ebm-pico', 'f1-macro-word'],
  ['blurb-chemprot', 'f1-micro'],
  ['blurb-ddi', 'f1-micro'],
  ['blurb-gad', 'f1-micro'],
  ['blurb-biosses', 'pearson'],
  ['blurb-hoc', 'f1-micro'],
  ['blurb-pubmedqa', 'accuracy'],
  ['blurb-bioasq', 'accuracy'],
];

const blurbRow = (scores: number[]): [string, string, number][] =>
  BLURB_METRICS.map(([benchmark, metric], i) => [benchmark, metric, scores[i]!]);

// Gu et al. 2020, Table 6, and Yasunaga et al. 2022 (LinkBERT), Table 7.
const PUBMEDBERT = [
  93.33, 85.62, 87.82, 84.52, 79.1, 73.38, 77.24, 82.36, 83.96, 92.3, 82.32, 55.84, 87.56,
];
const BIOLINKBERT_LARGE = [
  94.04, 86.39, 88.76, 85.18, 80.06, 74.19, 79.98, 83.35, 84.9, 93.63, 84.87, 72.18, 94.82,
];

describe('computeAggregate with the catalogue recipes', () => {
  const published: {
    name: string;
    recipe: string;
    rows: [string, string, number][];
    published: string;
    expected: number;
  }[] = [
    {
      name: 'GLUE official, BERT-large test (STS-B as Pearson and Spearman)',
      recipe: 'glue-official',
      rows: BERT_LARGE_GLUE_TEST,
      published: '80.5',
      expected: 724.7 / 9,
    },
    {
      name: 'GLUE official, STS-B given only as the Pearson–Spearman mean',
      recipe: 'glue-official',
      rows: [
        ...without(BERT_LARGE_GLUE_TEST, 'glue-stsb'),
        ['glue-stsb', 'pearson-spearman-mean', 87.05],
      ],
      published: '80.5',
      expected: 724.7 / 9,
    },
    {
      name: "BERT paper's average, BERT-large",
      recipe: 'glue-bert-average',
      rows: bertTable1([86.7, 85.9, 72.1, 92.7, 94.9, 60.5, 86.5, 89.3, 70.1]),
      published: '82.1',
      expected: 738.7 / 9,
    },
    {
      name: "BERT paper's average, BERT-base",
      recipe: 'glue-bert-average',
      rows: bertTable1([84.6, 83.4, 71.2, 90.5, 93.5, 52.1, 85.8, 88.9, 66.4]),
      published: '79.6',
      expected: 716.4 / 9,
    },
    {
      name: 'AdaLoRA All Ave., DeBERTaV3-base 1.27M dev',
      recipe: 'glue-8-task-pair-mean',
      rows: [
        ['glue-mnli', 'accuracy-matched', 90.76],
        ['glue-mnli', 'accuracy-mismatched', 90.79],
        ['glue-sst2', 'accuracy', 96.1],
        ['glue-cola', 'mcc', 71.45],
        ['glue-qqp', 'accuracy', 92.23],
        ['glue-qqp', 'f1', 89.74],
        ['glue-qnli', 'accuracy', 94.55],
        ['glue-rte', 'accuracy', 88.09],
        ['glue-mrpc', 'accuracy', 90.69],
        ['glue-stsb', 'pearson-spearman-mean', 91.84],
      ],
      published: '89.31',
      expected: 89.31,
    },
    {
      name: 'ERNIE-Gram, one metric per task',
      recipe: 'glue-8-task-single-metric',
      rows: [
        ['glue-mnli', 'accuracy-matched', 89.1],
        ['glue-qnli', 'accuracy', 93.2],
        ['glue-qqp', 'accuracy', 92.2],
        ['glue-sst2', 'accuracy', 95.6],
        ['glue-cola', 'mcc', 68.6],
        ['glue-mrpc', 'accuracy', 90.7],
        ['glue-rte', 'accuracy', 83.8],
        ['glue-stsb', 'pearson', 91.3],
      ],
      published: '88.1',
      expected: 88.0625,
    },
    {
      name: 'BLURB, PubMedBERT (Gu et al. Table 6)',
      recipe: 'blurb-official',
      rows: blurbRow(PUBMEDBERT),
      published: '81.16',
      expected: (86.078 + 73.38 + 243.56 / 3 + 92.3 + 82.32 + 71.7) / 6,
    },
    {
      name: 'BLURB, BioLinkBERT-large (LinkBERT Table 7)',
      recipe: 'blurb-official',
      rows: blurbRow(BIOLINKBERT_LARGE),
      published: '84.30',
      expected: (86.886 + 74.19 + 248.23 / 3 + 93.63 + 84.87 + 83.5) / 6,
    },
    {
      name: 'SuperGLUE, GPT-3 few-shot test (Table 3.8)',
      recipe: 'superglue-official',
      rows: [
        ['superglue-boolq', 'accuracy', 76.4],
        ['superglue-cb', 'accuracy', 75.6],
        ['superglue-cb', 'f1', 52.0],
        ['superglue-copa', 'accuracy', 92.0],
        ['superglue-rte', 'accuracy', 69.0],
        ['superglue-wic', 'accuracy', 49.4],
        ['superglue-wsc', 'accuracy', 80.1],
        ['superglue-multirc', 'f1a', 75.4],
        ['superglue-multirc', 'em', 30.5],
        ['superglue-record', 'f1', 91.1],
        ['superglue-record', 'em', 90.2],
      ],
      published: '71.8',
      expected: 574.3 / 8,
    },
  ];

  it.each(published)(
    'when the claims are $name, then the score matches the published $published',
    ({ recipe: slug, rows, published: figure, expected }) => {
      const score = scoreOf(slug, rows);
      expect(score).toBeCloseTo(expected, 9);
      expect(compareToPublished(score, Number(figure)).verdict).toBe('consistent');
      expect(matchesAtPrecision(score, figure)).toBe(true);
    },
  );

  it('when every member is present, then each group score is reported', () => {
    const result = computeAggregate(recipe('blurb-official'), values(blurbRow(PUBMEDBERT)));
    expect(result).toMatchObject({ complete: true });
    if (!result.complete) return;
    expect(result.groups.map((g) => g.label)).toEqual([
      'Named entity recognition',
      'PICO extraction',
      'Relation extraction',
      'Sentence similarity',
      'Document classification',
      'Question answering',
    ]);
    expect(result.groups[0]!.score).toBeCloseTo(86.078, 9);
    expect(result.groups[5]!.score).toBeCloseTo(71.7, 9);
  });

  it('when BLURB is taken as the flat mean of its 13 datasets, then it misses the published 81.16', () => {
    const flat = PUBMEDBERT.reduce((sum, x) => sum + x, 0) / PUBMEDBERT.length;
    expect(flat).toBeCloseTo(81.95, 9);
    expect(compareToPublished(flat, 81.16).verdict).toBe('inconsistent');
    expect(scoreOf('blurb-official', blurbRow(PUBMEDBERT))).toBeCloseTo(81.1608, 4);
  });

  it('when BioLinkBERT-large is scored, then its published 84.30 is reproduced from Table 7', () => {
    const score = scoreOf('blurb-official', blurbRow(BIOLINKBERT_LARGE));
    expect(score).toBeCloseTo(84.3032, 4);
    const { delta, verdict } = compareToPublished(score, 84.3);
    expect(delta).toBeCloseTo(0.0032, 4);
    expect(verdict).toBe('consistent');
    expect(matchesAtPrecision(score, '84.30')).toBe(true);
  });

  it('when WNLI is missing, then the GLUE score is incomplete and names it', () => {
    const result = computeAggregate(
      recipe('glue-official'),
      values(without(BERT_LARGE_GLUE_TEST, 'glue-wnli')),
    );
    expect(result).toEqual({ complete: false, missing: ['glue-wnli (accuracy)'] });
  });

  it('when one metric of a pair is missing, then the member names the lacking metric', () => {
    const rows = BERT_LARGE_GLUE_TEST.filter(([b, m]) => !(b === 'glue-mrpc' && m === 'accuracy'));
    expect(computeAggregate(recipe('glue-official'), values(rows))).toEqual({
      complete: false,
      missing: ['glue-mrpc (accuracy)'],
    });
  });

  it('when STS-B has neither complete set, then both alternatives are listed', () => {
    const rows = BERT_LARGE_GLUE_TEST.filter(([b, m]) => !(b === 'glue-stsb' && m === 'spearman'));
    expect(computeAggregate(recipe('glue-official'), values(rows))).toEqual({
      complete: false,
      missing: ['glue-stsb (spearman, or pearson-spearman-mean)'],
    });
  });

  it('when both sets of a member are present, then the first set is used', () => {
    const rows: [string, string, number][] = [
      ...BERT_LARGE_GLUE_TEST,
      ['glue-stsb', 'pearson-spearman-mean', 0],
    ];
    expect(scoreOf('glue-official', rows)).toBeCloseTo(724.7 / 9, 9);
  });

  it('when a benchmark is listed twice with different metrics, then each counts as a member', () => {
    const rows = bertTable1([86.7, 85.9, 72.1, 92.7, 94.9, 60.5, 86.5, 89.3, 70.1]);
    const result = computeAggregate(
      recipe('glue-bert-average'),
      values(rows.filter(([, m]) => m !== 'accuracy-mismatched')),
    );
    expect(result).toEqual({ complete: false, missing: ['glue-mnli (accuracy-mismatched)'] });
  });

  it('when a value is NaN, then it counts as missing', () => {
    const rows: [string, string, number][] = [
      ...without(BERT_LARGE_GLUE_TEST, 'glue-wnli'),
      ['glue-wnli', 'accuracy', Number.NaN],
    ];
    expect(computeAggregate(recipe('glue-official'), values(rows))).toMatchObject({
      complete: false,
      missing: ['glue-wnli (accuracy)'],
    });
  });

  it('when the four MMLU categories are given, then the category mean is their plain mean', () => {
    const rows: [string, string, number][] = [
      ['mmlu-stem', 'accuracy', 60.1],
      ['mmlu-humanities', 'accuracy', 70.2],
      ['mmlu-social-sciences', 'accuracy', 80.3],
      ['mmlu-other', 'accuracy', 75.4],
    ];
    expect(scoreOf('mmlu-category-mean', rows)).toBeCloseTo(71.5, 9);
    expect(computeAggregate(recipe('mmlu-category-mean'), values(rows.slice(1)))).toEqual({
      complete: false,
      missing: ['mmlu-stem (accuracy)'],
    });
  });

  it('when a recipe has an empty group, then it is rejected as malformed', () => {
    expect(() => computeAggregate({ groups: [{ label: 'x', members: [] }] }, new Map())).toThrow(
      RangeError,
    );
    expect(() => computeAggregate({ groups: [] }, new Map())).toThrow(RangeError);
  });
});

describe('compareToPublished', () => {
  it.each([
    [81.16, 81.16, 'consistent'],
    [81.21, 81.16, 'consistent'],
    [81.11, 81.16, 'consistent'],
    [80.55, 80.5, 'consistent'],
    [80.45, 80.5, 'consistent'],
    [81.22, 81.16, 'rounding'],
    [80.6, 80.5, 'rounding'],
    [80.4, 80.5, 'rounding'],
    [81.27, 81.16, 'inconsistent'],
    [80.61, 80.5, 'inconsistent'],
    [81.95, 81.16, 'inconsistent'],
  ] as const)('when computed is %p and published %p, then the verdict is %p', (c, p, verdict) => {
    expect(compareToPublished(c, p).verdict).toBe(verdict);
  });

  it('when the computed value is lower, then delta is negative', () => {
    expect(compareToPublished(88.0625, 88.1).delta).toBeCloseTo(-0.0375, 12);
  });
});

describe('rounding helpers', () => {
  it.each([
    [0.125, 2, 0.13, 0.12],
    [0.135, 2, 0.14, 0.14],
    [2.675, 2, 2.68, 2.68],
    [2.665, 2, 2.67, 2.66],
    [1.005, 2, 1.01, 1.0],
    [80.45, 1, 80.5, 80.4],
    [80.55, 1, 80.6, 80.6],
    [88.0625, 1, 88.1, 88.1],
    [88.0625, 3, 88.063, 88.062],
    [2.5, 0, 3, 2],
    [3.5, 0, 4, 4],
    [-2.5, 0, -3, -2],
    [-0.125, 2, -0.13, -0.12],
    [81.16078, 2, 81.16, 81.16],
    [12.3, 3, 12.3, 12.3],
    [1e-7, 2, 0, 0],
  ])(
    'when %p is rounded to %p digits, then half-up gives %p and half-even %p',
    (x, d, up, even) => {
      expect(roundHalfUp(x, d)).toBe(up);
      expect(roundHalfEven(x, d)).toBe(even);
    },
  );

  it('when a mean carries float noise below a tie, then it still rounds as the decimal tie', () => {
    const mean = (88.0625 * 8 - 1e-13) / 8;
    expect(mean).not.toBe(88.0625);
    expect(roundHalfUp(mean, 3)).toBe(88.063);
  });

  it('when digits are not a small non-negative integer, then it throws', () => {
    expect(() => roundHalfUp(1, -1)).toThrow(RangeError);
    expect(() => roundHalfEven(1, 1.5)).toThrow(RangeError);
  });

  it('when the value is not finite, then it is returned unchanged', () => {
    expect(roundHalfUp(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(roundHalfEven(Number.NaN, 2)).toBeNaN();
  });
});

describe('matchesAtPrecision', () => {
  it.each([
    [81.16078, '81.16', true],
    [84.30322, '84.30', true],
    [84.30322, 84.3, true],
    [84.30322, '84.3', true],
    [84.30322, '84.303', true],
    [84.30322, '84.31', false],
    [88.0625, '88.1', true],
    [88.0625, '88.06', true],
    [88.0625, '88.063', true],
    [88.0625, '88.062', true],
    [88.0625, '88.064', false],
    [80.45, '80.4', true],
    [80.45, '80.5', true],
    [80.46, '80.4', false],
    [724.7 / 9, '80.5', true],
    [724.7 / 9, 81, true],
    [724.7 / 9, '80', false],
  ] as const)('when %p is published as %p, then it matches: %p', (computed, published, ok) => {
    expect(matchesAtPrecision(computed, published)).toBe(ok);
  });

  it.each([
    ['84.30', 2],
    [' 84.30 ', 2],
    ['80', 0],
    ['.5', 1],
    ['-1.250', 3],
    [84.3, 1],
    [1e-7, 7],
    [1e21, 0],
  ] as const)('when the published figure is %p, then it shows %p decimals', (figure, decimals) => {
    expect(publishedDecimals(figure)).toBe(decimals);
  });

  it('when the published figure is not a plain number, then it throws', () => {
    expect(() => publishedDecimals('84.3%')).toThrow(RangeError);
    expect(() => publishedDecimals('')).toThrow(RangeError);
    expect(() => publishedDecimals(Number.NaN)).toThrow(RangeError);
  });
});
