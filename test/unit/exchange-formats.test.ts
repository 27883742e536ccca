import fs from 'node:fs';
import path from 'node:path';
import { parseClaimsCsv, parsePaperDate, toCsv } from '../../src/exchange/formats/csv';
import { detectFormat, parseImportFile } from '../../src/exchange/formats/detect';
import { parseLedgerJson } from '../../src/exchange/formats/ledger-json';
import { lookupTask, parseLmEval, parseModelArgs } from '../../src/exchange/formats/lm-eval';
import { parseMetricValue, parsePapersWithCode } from '../../src/exchange/formats/papers-with-code';
import { ImportError, type ParsedImport } from '../../src/exchange/import.types';

const fixture = (name: string) =>
  fs.readFileSync(path.resolve(__dirname, '../fixtures', name), 'utf8');
const claimsOf = (parsed: ParsedImport) =>
  parsed.bundles.flatMap((b) => b.claims.map((c) => c.claim));

describe('lm-evaluation-harness results', () => {
  const mmlu = parseLmEval(fixture('lm-eval-mmlu.json'));
  const claims = claimsOf(mmlu);

  test('when a run has all 57 MMLU subjects and the groups, then every subject and the matching groups become claims of one run', () => {
    expect(mmlu.bundles).toHaveLength(1);
    const subjects = claims.filter(
      (c) =>
        c.benchmark.startsWith('mmlu-') &&
        !['mmlu-humanities', 'mmlu-social-sciences'].includes(c.benchmark),
    );
    expect(subjects).toHaveLength(57);
    expect(claims.find((c) => c.benchmark === 'mmlu-anatomy')).toBeDefined();
    expect(claims.find((c) => c.benchmark === 'mmlu')).toMatchObject({
      recipe: 'mmlu-average',
      metric: 'accuracy',
      split: 'test',
      nShot: 5,
    });
    expect(claims.map((c) => c.benchmark)).toEqual(
      expect.arrayContaining(['mmlu-humanities', 'mmlu-social-sciences']),
    );
  });

  test('when the harness groups differ from MMLU’s own categories (anatomy), then mmlu_stem and mmlu_other are skipped with the reason', () => {
    const reasons = Object.fromEntries(mmlu.skipped.map((s) => [s.where, s.reason]));
    expect(reasons['results.mmlu_stem']).toMatch(/anatomy/);
    expect(reasons['results.mmlu_other']).toMatch(/anatomy/);
    expect(claims.some((c) => c.benchmark === 'mmlu-stem' || c.benchmark === 'mmlu-other')).toBe(
      false,
    );
  });

  test('when values are proportions, then they become percents and the stderr is kept', () => {
    const data = JSON.parse(fixture('lm-eval-mmlu.json'));
    const raw = data.results.mmlu_anatomy;
    const anatomy = claims.find((c) => c.benchmark === 'mmlu-anatomy')!;
    expect(anatomy.value).toBeCloseTo(raw['acc,none'] * 100, 6);
    expect(anatomy.stderr).toBeCloseTo(raw['acc_stderr,none'] * 100, 6);
    expect(anatomy).toMatchObject({
      adaptation: 'in_context',
      role: 'reproduction',
      nShot: 5,
      model: 'meta-llama/Llama-2-7b-hf',
    });
  });

  test('when the run is described, then the source is a run with model, revision, harness version and date', () => {
    const paper = mmlu.bundles[0]!.paper;
    expect(paper.kind).toBe('run');
    expect(paper.publishedOn).toBe('2024-06-10');
    expect(paper.runDetails).toMatchObject({
      model: 'meta-llama/Llama-2-7b-hf',
      revision: '01c7f73d771dfac7d292323805ebc428287df4f9',
      harnessVersion: '5c3e8f2',
    });
    expect(paper.title).toContain('meta-llama/Llama-2-7b-hf');
  });

  test('when a GLUE run is read, then tasks map onto the GLUE datasets on the dev split and gsm8k filters become variants', () => {
    const glue = parseLmEval(fixture('lm-eval-glue.json'));
    const c = claimsOf(glue);
    const find = (benchmark: string, metric: string, variant = '') =>
      c.find((x) => x.benchmark === benchmark && x.metric === metric && x.variant === variant);
    expect(find('glue-cola', 'mcc')).toMatchObject({ value: 5.12, split: 'dev', nShot: 0 });
    expect(find('glue-mrpc', 'f1')?.value).toBeCloseTo(81.22);
    expect(find('glue-mrpc', 'accuracy')?.value).toBeCloseTo(68.38);
    expect(find('glue-qqp', 'f1')).toBeDefined();
    expect(find('glue-mnli', 'accuracy-matched')?.value).toBeCloseTo(35.62);
    expect(find('glue-mnli', 'accuracy-mismatched')?.value).toBeCloseTo(35.97);
    expect(find('gsm8k', 'accuracy', 'strict-match')).toMatchObject({
      value: 1.97,
      split: 'test',
      nShot: 5,
      chainOfThought: false,
    });
    expect(find('gsm8k', 'accuracy', 'flexible-extract')?.value).toBeCloseTo(2.65);
    expect(glue.skipped.map((s) => s.where)).toContain('results.hellaswag');
  });

  test('when the harness config says how answers were generated, then the claims carry the sampling; when it does not, nothing is assumed', () => {
    const data = JSON.parse(fixture('lm-eval-glue.json'));
    const sampling = (parsed: ParsedImport, variant: string) =>
      claimsOf(parsed).find((c) => c.benchmark === 'gsm8k' && c.variant === variant)?.sampling;
    // The fixture's gsm8k config has no generation settings: not stated.
    expect(sampling(parseLmEval(JSON.stringify(data)), 'strict-match')).toBeNull();
    expect(
      claimsOf(parseLmEval(JSON.stringify(data))).find((c) => c.benchmark === 'glue-cola')
        ?.sampling,
    ).toBeNull();
    // The harness's gsm8k: one greedy generation per question.
    data.configs.gsm8k.generation_kwargs = { do_sample: false, temperature: 0 };
    expect(sampling(parseLmEval(JSON.stringify(data)), 'strict-match')).toBe('greedy');
    // Self-consistency: 64 samples, a majority vote over all of them and over the first 8.
    data.configs.gsm8k.repeats = 64;
    data.configs.gsm8k.generation_kwargs = { do_sample: true, temperature: 0.2 };
    data.configs.gsm8k.filter_list = [
      { name: 'score-first', filter: [{ function: 'regex' }, { function: 'take_first' }] },
      { name: 'maj@64', filter: [{ function: 'regex' }, { function: 'majority_vote' }] },
      {
        name: 'maj@8',
        filter: [{ function: 'take_first_k', k: 8 }, { function: 'majority_vote' }],
      },
    ];
    data.results.gsm8k = {
      'exact_match,score-first': 0.31,
      'exact_match,maj@64': 0.42,
      'exact_match,maj@8': 0.38,
    };
    const parsed = parseLmEval(JSON.stringify(data));
    expect(sampling(parsed, 'maj@64')).toBe('maj@64');
    expect(sampling(parsed, 'maj@8')).toBe('maj@8');
    expect(sampling(parsed, 'score-first')).toBeNull();
  });

  test('when the file is the older flat format, then hendrycksTest subjects map and acc_norm is skipped', () => {
    const old = parseLmEval(fixture('lm-eval-old-flat.json'));
    const c = claimsOf(old);
    expect(c).toHaveLength(6);
    expect(c.find((x) => x.benchmark === 'mmlu-anatomy')).toMatchObject({ nShot: 5, stderr: 4 });
    expect(old.skipped.some((s) => s.where.includes('acc_norm'))).toBe(true);
    expect(old.skipped.some((s) => s.where === 'results.lambada_openai')).toBe(true);
    expect(old.bundles[0]!.paper.publishedOn).toBeNull();
  });

  test.each([
    ['cola', 'glue-cola'],
    ['mnli_mismatch', 'glue-mnli'],
    ['hendrycksTest-virology', 'mmlu-virology'],
    ['mmlu_high_school_us_history', 'mmlu-high-school-us-history'],
  ])('when the task is %s, then it maps to %s', (task, benchmark) => {
    const found = lookupTask(task);
    expect(found && 'benchmark' in found ? found.benchmark : null).toBe(benchmark);
  });

  test('when model_args has several keys, then each is read', () => {
    expect(parseModelArgs('pretrained=org/name,revision=main,dtype=float16')).toEqual({
      pretrained: 'org/name',
      revision: 'main',
      dtype: 'float16',
    });
  });
});

describe('Papers with Code evaluation tables', () => {
  const pwc = parsePapersWithCode(fixture('pwc-evaluation-tables.json'));
  const claims = claimsOf(pwc);

  test.each([
    ['85.3', { value: 85.3, spread: null, percentSign: false }],
    ['85.3%', { value: 85.3, spread: null, percentSign: true }],
    ['0.853', { value: 0.853, spread: null, percentSign: false }],
    ['85.3 ± 0.2', { value: 85.3, spread: 0.2, percentSign: false }],
    ['85.3 (±0.2)', { value: 85.3, spread: 0.2, percentSign: false }],
  ])('when a metric reads %p, then it parses', (text, expected) => {
    expect(parseMetricValue(text)).toEqual(expected);
  });

  test('when a metric is not a number, then it does not parse', () => {
    expect(parseMetricValue('-')).toBeUndefined();
    expect(parseMetricValue('339m')).toBeUndefined();
  });

  test('when datasets map, then rows become claims with arXiv ids, subtasks included', () => {
    const roberta = pwc.bundles.find((b) => b.paper.arxivId === '1907.11692')!;
    expect(roberta.claims.map((c) => [c.claim.metric, c.claim.value])).toEqual([
      ['accuracy-matched', 90.8],
      ['accuracy-mismatched', 90.2],
    ]);
    expect(claims.find((c) => c.benchmark === 'glue-rte')?.value).toBe(92.5);
    expect(claims.find((c) => c.model === 'XLNet (single model)')).toMatchObject({
      value: 97,
      variant: 'additional data',
    });
    expect(claims.find((c) => c.benchmark === 'glue-stsb' && c.metric === 'pearson')?.value).toBe(
      87.6,
    );
    expect(claims.find((c) => c.benchmark === 'gsm8k')).toMatchObject({ value: 74.4, stderr: 0.2 });
  });

  test('when datasets or values do not map, then each is reported with its reason', () => {
    const text = pwc.skipped.map((s) => `${s.where}: ${s.reason}`).join('\n');
    expect(text).toMatch(/SNLI.*no counterpart/);
    expect(text).toMatch(/SQuAD1\.1.*no counterpart/);
    expect(text).toMatch(/“-” is not a number/);
  });
});

describe('CSV, one claim per row', () => {
  test('when a paper’s table is read, then rows group under one paper with month precision', () => {
    const parsed = parseClaimsCsv(fixture('paper-table.csv'));
    expect(parsed.bundles).toHaveLength(1);
    expect(parsed.bundles[0]!.paper).toMatchObject({
      arxivId: '1907.11692',
      publishedOn: '2019-07-01',
      datePrecision: 'month',
    });
    expect(parsed.bundles[0]!.paper.authors).toHaveLength(4);
    expect(parsed.bundles[0]!.claims).toHaveLength(12);
    expect(parsed.bundles[0]!.claims[0]!.claim).toMatchObject({
      model: 'RoBERTa-large',
      benchmark: 'glue-mnli',
      value: 90.2,
      split: 'dev',
      adaptation: 'full_ft',
      confidence: 'high',
    });
  });

  test.each([
    ['model,benchmark,metric\nX,glue-cola,mcc\n', /missing column value/],
    [
      'paper_title,model,benchmark,metric,value,colour\nP,X,glue-cola,mcc,60,red\n',
      /unknown column colour/,
    ],
    [
      'paper_title,model,benchmark,metric,value\nP,X,glue-cola,mcc,abc\n',
      /row 2, value: "abc" is not a number/,
    ],
    [
      'paper_title,model,benchmark,metric,value,split\nP,X,glue-cola,mcc,60,validation\n',
      /row 2, split/,
    ],
    ['paper_title,model,benchmark,metric,value\n', /no rows/],
    ['paper_title,model,benchmark,metric,value\n"P,X,glue-cola,mcc,60\n', /could not be read/],
  ])('when the CSV is %p, then it fails with a clear message', (text, message) => {
    expect(() => parseClaimsCsv(text)).toThrow(message);
  });

  test.each([
    ['2019', { publishedOn: '2019-01-01', datePrecision: 'year' }],
    ['2019-07', { publishedOn: '2019-07-01', datePrecision: 'month' }],
    ['2019-07-26', { publishedOn: '2019-07-26', datePrecision: 'day' }],
  ])('when a paper date reads %s, then it keeps its precision', (text, expected) => {
    expect(parsePaperDate(text)).toEqual(expected);
  });
});

describe('CSV cells a spreadsheet would run as formulas', () => {
  test('when a text cell starts with = + - or @, then the export marks it as text and the import takes the mark off', () => {
    const csv = toCsv(
      ['paper_title', 'model', 'benchmark', 'metric', 'value', 'notes'],
      [
        {
          paper_title: 'P',
          model: '=HYPERLINK("x")',
          benchmark: 'glue-cola',
          metric: 'mcc',
          value: -3.5,
          notes: '@SUM(A1)',
        },
      ],
    );
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).toContain(`'@SUM(A1)`);
    expect(csv).toContain(',-3.5,');
    const claim = parseClaimsCsv(csv).bundles[0]!.claims[0]!.claim;
    expect(claim).toMatchObject({ model: '=HYPERLINK("x")', value: -3.5, notes: '@SUM(A1)' });
  });
});

describe('detecting the format', () => {
  test.each([
    ['lm-eval-mmlu.json', 'lm-eval'],
    ['lm-eval-old-flat.json', 'lm-eval'],
    ['pwc-evaluation-tables.json', 'papers-with-code'],
    ['paper-table.csv', 'csv'],
  ])('when the file is %s, then it is read as %s', (name, format) => {
    expect(detectFormat(fixture(name), name)).toBe(format);
  });

  test('when the JSON is truncated, then the error says so', () => {
    const text = fixture('lm-eval-glue.json');
    expect(() => parseImportFile(text.slice(0, text.length / 2), { fileName: 'x.json' })).toThrow(
      /not valid JSON.*truncated/s,
    );
  });

  test('when the JSON is an unknown shape, then the error names the formats', () => {
    expect(() => parseImportFile('{"hello": 1}')).toThrow(ImportError);
  });

  test('when a ledger dump has a claim of the wrong type, then the error gives its path', () => {
    const dump = { schemaVersion: 1, papers: [], claims: [{ paper: 1, value: 'high' }] };
    expect(() => parseLedgerJson(JSON.stringify(dump))).toThrow(/claims\[0\]\.value/);
  });

  test('when a dump was written before the sampling field existed, then its claims read as not stating it', () => {
    const paper = {
      ref: 1,
      kind: 'paper',
      arxivId: null,
      title: 'An older dump',
      authors: [],
      publishedOn: null,
      datePrecision: 'day',
      venue: null,
      url: null,
    };
    const claim = {
      paper: 1,
      model: 'M',
      benchmark: 'gsm8k',
      metric: 'accuracy',
      recipe: null,
      value: 50,
      stderr: null,
      setting: {
        split: 'test',
        nShot: 8,
        chainOfThought: null,
        adaptation: 'in_context',
        trainableParams: null,
        variant: '',
        notes: null,
      },
      role: 'proposed',
      provenance: { locator: null, quote: null, reference: null, notes: null, confidence: null },
    };
    const parsed = parseLedgerJson(
      JSON.stringify({ schemaVersion: 1, papers: [paper], claims: [claim] }),
    );
    expect(claimsOf(parsed)[0]).toMatchObject({ nShot: 8, sampling: null });
  });

  test('when a ledger dump has another schemaVersion, then it is refused', () => {
    expect(() => parseLedgerJson('{"schemaVersion": 2, "papers": [], "claims": []}')).toThrow(
      /schemaVersion must be 1/,
    );
  });
});
