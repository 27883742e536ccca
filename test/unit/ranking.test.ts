import {
  CONFLICT_THRESHOLD,
  detectConflicts,
  type ConflictCandidate,
} from '../../src/claims/claim.conflicts';
import { settingKey, settingLabel, type Setting } from '../../src/claims/claim.setting';
import { formatCount as formatParams } from '../../src/claims/claim.text';
import { rankEntries } from '../../src/leaderboards/ranking';

interface Row {
  name: string;
  score: number | null;
}

const rows = (...scores: (number | null)[]): Row[] =>
  scores.map((score, i) => ({ name: `m${i}`, score }));

const ranks = (ranked: { entry: Row; rank: number | null }[]) =>
  ranked.map(({ entry, rank }) => [entry.name, rank]);

describe('rankEntries', () => {
  it('when scores tie, then they share a rank and the next rank skips (1, 2, 2, 4)', () => {
    const ranked = rankEntries(rows(80, 90, 85, 85), (e) => e.score, 'higher');
    expect(ranks(ranked)).toEqual([
      ['m1', 1],
      ['m2', 2],
      ['m3', 2],
      ['m0', 4],
    ]);
  });

  it('when lower is better, then the smallest score ranks first', () => {
    const ranked = rankEntries(rows(3.2, 1.5, 2.8), (e) => e.score, 'lower');
    expect(ranks(ranked)).toEqual([
      ['m1', 1],
      ['m2', 2],
      ['m0', 3],
    ]);
  });

  it('when an entry has no score, then it comes last without a rank', () => {
    const ranked = rankEntries(rows(null, 70, Number.NaN, 75), (e) => e.score, 'higher');
    expect(ranks(ranked)).toEqual([
      ['m3', 1],
      ['m1', 2],
      ['m0', null],
      ['m2', null],
    ]);
  });

  it('when scores differ only by float noise, then they tie', () => {
    const ranked = rankEntries(rows(0.1 + 0.2, 0.3, 0.2), (e) => e.score, 'higher');
    expect(ranks(ranked)).toEqual([
      ['m0', 1],
      ['m1', 1],
      ['m2', 3],
    ]);
  });

  it('when scores differ by more than 1e-9, then they do not tie', () => {
    const ranked = rankEntries(rows(80, 80 + 1e-6), (e) => e.score, 'higher');
    expect(ranks(ranked)).toEqual([
      ['m1', 1],
      ['m0', 2],
    ]);
  });

  it('when there are no entries, then the ranking is empty', () => {
    expect(rankEntries([], () => 1, 'higher')).toEqual([]);
  });

  it('when ranking, then the input array is left as it was', () => {
    const input = rows(1, 3, 2);
    rankEntries(input, (e) => e.score, 'higher');
    expect(input.map((e) => e.score)).toEqual([1, 3, 2]);
  });
});

let nextId = 1;
const claim = (overrides: Partial<ConflictCandidate>): ConflictCandidate => ({
  id: nextId++,
  paperId: 1,
  modelId: 10,
  benchmarkId: 20,
  metricId: 30,
  recipeId: null,
  split: 'test',
  nShot: null,
  chainOfThought: null,
  sampling: null,
  adaptation: 'full_ft',
  trainableParams: null,
  variant: '',
  value: 80,
  ...overrides,
});

describe('detectConflicts', () => {
  it('when two papers print 81.16 and 81.1, then it is rounding, not a conflict', () => {
    const claims = [claim({ paperId: 1, value: 81.16 }), claim({ paperId: 2, value: 81.1 })];
    expect(detectConflicts(claims, CONFLICT_THRESHOLD)).toEqual([]);
  });

  it('when two papers differ by exactly the threshold, then it is not a conflict', () => {
    const claims = [claim({ paperId: 1, value: 80.5 }), claim({ paperId: 2, value: 80.6 })];
    expect(detectConflicts(claims)).toEqual([]);
  });

  it('when two papers differ by just over the threshold, then it is a conflict', () => {
    const a = claim({ paperId: 1, value: 80.5 });
    const b = claim({ paperId: 2, value: 80.61 });
    const [conflict, ...rest] = detectConflicts([a, b]);
    expect(rest).toEqual([]);
    expect(conflict).toMatchObject({
      min: 80.5,
      max: 80.61,
      claimIds: [a.id, b.id],
      paperIds: [1, 2],
    });
    expect(conflict!.spread).toBeCloseTo(0.11, 9);
  });

  it('when two papers print 81.16 and 80.5, then it is a conflict listing both', () => {
    const a = claim({ paperId: 7, value: 81.16, recipeId: 3 });
    const b = claim({ paperId: 4, value: 80.5, recipeId: 3 });
    const c = claim({ paperId: 9, value: 81.1, recipeId: 3 });
    expect(detectConflicts([a, b, c])).toEqual([
      {
        key: `10|20|30|3|test||||full_ft||`,
        spread: expect.closeTo(0.66, 9),
        min: 80.5,
        max: 81.16,
        claimIds: [a.id, b.id, c.id],
        paperIds: [4, 7, 9],
        claims: [a, b, c],
      },
    ]);
  });

  it('when the differing values come from one paper, then it is not a conflict between papers', () => {
    const claims = [
      claim({ paperId: 1, value: 80.0 }),
      claim({ paperId: 1, value: 80.2 }),
      claim({ paperId: 2, value: 80.1 }),
    ];
    expect(detectConflicts(claims)).toEqual([]);
  });

  it.each([
    ['model', { modelId: 11 }],
    ['benchmark', { benchmarkId: 21 }],
    ['metric', { metricId: 31 }],
    ['recipe', { recipeId: 1 }],
    ['setting', { split: 'dev' as const }],
    ['sampling (LLaMA’s maj1@1 and maj1@k, k=100)', { sampling: 'maj@100' }],
  ])('when the claims differ in %s, then they are not compared', (_, overrides) => {
    const claims = [
      claim({ paperId: 1, value: 70 }),
      claim({ paperId: 2, value: 90, ...overrides }),
    ];
    expect(detectConflicts(claims)).toEqual([]);
  });

  it('when there are several conflicts, then the largest spread comes first', () => {
    const claims = [
      claim({ paperId: 1, modelId: 1, value: 80 }),
      claim({ paperId: 2, modelId: 1, value: 81 }),
      claim({ paperId: 1, modelId: 2, value: 80 }),
      claim({ paperId: 2, modelId: 2, value: 85 }),
    ];
    expect(detectConflicts(claims).map((c) => c.spread)).toEqual([5, 1]);
  });

  it('when a threshold is given, then it replaces the default', () => {
    const claims = [claim({ paperId: 1, value: 80 }), claim({ paperId: 2, value: 80.3 })];
    expect(detectConflicts(claims, 0.5)).toEqual([]);
    expect(detectConflicts(claims, 0.2)).toHaveLength(1);
  });
});

const setting = (overrides: Partial<Setting>): Setting => ({
  split: 'test',
  nShot: null,
  chainOfThought: null,
  sampling: null,
  adaptation: 'unknown',
  trainableParams: null,
  variant: '',
  ...overrides,
});

describe('settingKey and settingLabel', () => {
  it.each([
    [
      setting({
        nShot: 5,
        chainOfThought: true,
        adaptation: 'lora',
        trainableParams: 1_330_000,
        variant: 'r=8',
      }),
      'test|5|yes||lora|1330000|r%3D8',
      'test · 5-shot · CoT · LoRA (1.33M params) · r=8',
    ],
    [
      setting({ split: 'dev', adaptation: 'full_ft' }),
      'dev||||full_ft||',
      'dev · Full fine-tuning',
    ],
    [
      setting({ nShot: 8, chainOfThought: true, sampling: 'maj@100', adaptation: 'in_context' }),
      'test|8|yes|maj%40100|in_context||',
      'test · 8-shot · CoT · maj@100 · In-context / frozen',
    ],
    [
      setting({ nShot: 8, chainOfThought: false, adaptation: 'in_context', variant: 'maj@1' }),
      'test|8|no||in_context||maj%401',
      'test · 8-shot · no CoT · In-context / frozen · maj@1',
    ],
    [setting({ split: 'unknown', nShot: 0 }), 'unknown|0|||unknown||', '0-shot'],
    [
      setting({ adaptation: 'adalora', trainableParams: 1_270_000 }),
      'test||||adalora|1270000|',
      'test · AdaLoRA (1.27M params)',
    ],
    [
      setting({ trainableParams: 355e6 }),
      'test||||unknown|355000000|',
      'test · 355M trainable params',
    ],
  ])('when the setting is %o, then key is %p and label %p', (s, key, label) => {
    expect(settingKey(s)).toBe(key);
    expect(settingLabel(s)).toBe(label);
  });

  it('when only the variant differs, then the keys differ', () => {
    expect(settingKey(setting({ variant: 'r=8' }))).not.toBe(
      settingKey(setting({ variant: 'r=16' })),
    );
  });

  it('when a variant holds the separator, then it cannot collide with another field', () => {
    const tricky = settingKey(setting({ variant: 'a|b' }));
    expect(tricky.split('|')).toHaveLength(7);
  });

  it('when 0-shot and unstated shots are compared, then they are different settings', () => {
    expect(settingKey(setting({ nShot: 0 }))).not.toBe(settingKey(setting({ nShot: null })));
  });

  it('when a variant has surrounding spaces, then they do not change the key', () => {
    expect(settingKey(setting({ variant: ' r=8 ' }))).toBe(settingKey(setting({ variant: 'r=8' })));
  });
});

describe('formatParams', () => {
  it.each([
    [1_330_000, '1.33M'],
    [355_000_000, '355M'],
    [0.8e6, '800K'],
    [7e9, '7B'],
    [175e9, '175B'],
    [999_999, '1M'],
    [800, '800'],
    [1_234_567, '1.23M'],
  ])('when %p parameters are shown, then they read %p', (count, text) => {
    expect(formatParams(count)).toBe(text);
  });
});
