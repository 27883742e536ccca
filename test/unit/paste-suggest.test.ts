import fs from 'node:fs';
import path from 'node:path';
import { buildClaims } from '../../src/paste/claims';
import { parseTable } from '../../src/paste/parse-table';
import { suggestMapping, type Suggestion } from '../../src/paste/suggest';
import { catalogueContext } from '../support/paste-context';

const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '../fixtures/paste', name), 'utf8');

/** Each column as "use benchmark metric[/metric2] [recipe]", for readable expectations. */
const columns = ({ mapping }: Suggestion) =>
  mapping.columns.map((c) =>
    [c.use || 'skip', c.benchmark, [c.metric, c.metric2].filter(Boolean).join('/'), c.recipe]
      .filter(Boolean)
      .join(' '),
  );

const BERT_TITLE =
  'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding';

describe("suggestions for BERT's GLUE test table", () => {
  const grid = parseTable(fixture('bert-glue-test.tex'));
  const suggestion = suggestMapping(
    grid,
    catalogueContext({ models: ['BERT-base', 'BERT-large'], paperTitle: BERT_TITLE }),
  );

  test('when the headers name GLUE tasks and the caption names their metrics, then every column is mapped as the paper reports it', () => {
    expect(suggestion.mapping.headerRows).toBe(2);
    expect(columns(suggestion)).toEqual([
      'model',
      'claim glue-mnli accuracy-matched/accuracy-mismatched',
      'claim glue-qqp f1',
      'claim glue-qnli accuracy',
      'claim glue-sst2 accuracy',
      'claim glue-cola mcc',
      'claim glue-stsb spearman',
      'claim glue-mrpc f1',
      'claim glue-rte accuracy',
      'claim glue score glue-bert-average',
    ]);
    expect(suggestion.notes.columns[6]).toBe('STS-B; the caption names the metric.');
  });

  test('when the "Average" column is the mean of the nine columns, then it maps to the BERT-average recipe, found by recomputing it, not to the official GLUE score', () => {
    expect(suggestion.notes.columns[9]).toBe(
      "BERT paper's Average (9 columns, no WNLI): it reproduces the printed average in 4 of 5 rows.",
    );
  });

  test("when the paper's title names BERT, then the BERT rows are the paper's proposal and the others baselines", () => {
    expect(suggestion.mapping.rows.map((r) => [r.skip, r.role])).toEqual([
      [false, 'proposed'],
      [false, 'proposed'],
      [false, 'baseline'],
      [false, 'baseline'],
      [false, 'baseline'],
      [false, 'proposed'],
      [false, 'proposed'],
    ]);
  });

  test('when the caption says "Test results", then the split is test; GLUE results are suggested as fine-tuned, with the reason', () => {
    expect(suggestion.mapping.setting).toMatchObject({
      split: 'test',
      adaptation: 'full_ft',
      nShot: '',
      chainOfThought: '',
      model: '',
    });
    expect(suggestion.notes.setting.adaptation).toMatch(/fine-tuned as a rule/);
  });

  test('when the suggested mapping is used as it is, then BERT-base and BERT-large give the ten claims of Table 1 each, under their ledger names', () => {
    const { claims, problems } = buildClaims(
      grid,
      suggestion.mapping,
      catalogueContext({ models: ['BERT-base', 'BERT-large'] }).models,
    );
    expect(problems).toEqual([]);
    const bertBase = claims.filter((c) => c.values.model === 'BERT-base');
    expect(
      bertBase.map((c) => [c.values.benchmark, c.values.metric, c.values.recipe, c.values.value]),
    ).toEqual([
      ['glue-mnli', 'accuracy-matched', '', '84.6'],
      ['glue-mnli', 'accuracy-mismatched', '', '83.4'],
      ['glue-qqp', 'f1', '', '71.2'],
      ['glue-qnli', 'accuracy', '', '90.5'],
      ['glue-sst2', 'accuracy', '', '93.5'],
      ['glue-cola', 'mcc', '', '52.1'],
      ['glue-stsb', 'spearman', '', '85.8'],
      ['glue-mrpc', 'f1', '', '88.9'],
      ['glue-rte', 'accuracy', '', '66.4'],
      ['glue', 'score', 'glue-bert-average', '79.6'],
    ]);
    expect(claims.filter((c) => c.values.model === 'BERT-large')).toHaveLength(10);
    expect(claims).toHaveLength(50);
  });
});

describe("suggestions for AdaLoRA's GLUE dev table (Markdown)", () => {
  const grid = parseTable(fixture('adalora-glue-dev.md'));
  const suggestion = suggestMapping(
    grid,
    catalogueContext({
      models: ['DeBERTaV3-base'],
      paperTitle: 'AdaLoRA: Adaptive Budget Allocation for Parameter-Efficient Fine-Tuning',
    }),
  );

  test('when headers carry metric words (m/mm, Acc/F1, Mcc, Corr), then each column gets those metrics, and "# Params" the trainable parameters', () => {
    expect(columns(suggestion)).toEqual([
      'model',
      'params',
      'claim glue-mnli accuracy-matched/accuracy-mismatched',
      'claim glue-sst2 accuracy',
      'claim glue-cola mcc',
      'claim glue-qqp accuracy/f1',
      'claim glue-qnli accuracy',
      'claim glue-rte accuracy',
      'claim glue-mrpc accuracy',
      'claim glue-stsb pearson-spearman-mean',
      'claim glue score glue-8-task-pair-mean',
    ]);
  });

  test('when the rows name methods and the caption names a ledger model, then the table is that model and each row gets its method', () => {
    expect(suggestion.mapping.setting).toMatchObject({
      model: 'DeBERTaV3-base',
      split: 'dev',
      adaptation: 'unknown',
      locator: 'Table 1',
    });
    expect(suggestion.mapping.rows.slice(1).map((r) => `${r.adaptation} ${r.role}`)).toEqual([
      'full_ft baseline',
      'bitfit baseline',
      'adapter baseline',
      'adapter baseline',
      'lora baseline',
      'adalora proposed',
      'adapter baseline',
      'adapter baseline',
      'adapter baseline',
      'adapter baseline',
      'lora baseline',
      'adalora proposed',
    ]);
  });

  test('when the suggestion is used, then ± becomes the standard error, "–" gives no claim and the parameter column fills every claim of its row', () => {
    const { claims, problems } = buildClaims(grid, suggestion.mapping, new Map());
    expect(problems).toEqual([]);
    const adalora = claims.filter((c) => c.row === 6);
    expect(adalora.map((c) => [c.values.metric, c.values.value, c.values.stderr])).toEqual([
      ['accuracy-matched', '90.76', ''],
      ['accuracy-mismatched', '90.79', ''],
      ['accuracy', '96.10', '0.09'],
      ['mcc', '71.45', '0.92'],
      ['accuracy', '92.23', ''],
      ['f1', '89.74', ''],
      ['accuracy', '94.55', '0.11'],
      ['accuracy', '88.09', '0.81'],
      ['accuracy', '90.69', '0.47'],
      ['pearson-spearman-mean', '91.84', '0.06'],
      ['score', '89.31', ''],
    ]);
    expect(new Set(adalora.map((c) => c.values.trainableParams))).toEqual(new Set(['1270000']));
    expect(new Set(adalora.map((c) => `${c.values.model} ${c.values.adaptation}`))).toEqual(
      new Set(['DeBERTaV3-base adalora']),
    );
    // Ten baseline rows print only their average: one claim each.
    expect(claims.filter((c) => c.row !== 6 && c.row !== 12)).toHaveLength(10);
  });
});

describe('suggestions for a TSV copied from the GLUE leaderboard', () => {
  const grid = parseTable(fixture('glue-leaderboard.tsv'));
  const suggestion = suggestMapping(grid, catalogueContext());

  test('when "Model" and a submitter\'s "Name" are both there, then "Model" holds the models; "Score" is the official GLUE score because it recomputes; a/b cells are pairs in the order the leaderboard prints', () => {
    expect(suggestion.mapping.headerRows).toBe(1);
    expect(columns(suggestion)).toEqual([
      'skip',
      'skip',
      'model',
      'skip',
      'claim glue score glue-official',
      'claim glue-cola mcc',
      'claim glue-sst2 accuracy',
      'claim glue-mrpc f1/accuracy',
      'claim glue-stsb pearson/spearman',
      'claim glue-qqp f1/accuracy',
      'claim glue-mnli accuracy-matched',
      'claim glue-mnli accuracy-mismatched',
      'claim glue-qnli accuracy',
      'claim glue-rte accuracy',
      'claim glue-wnli accuracy',
    ]);
  });
});

describe('headers and cells as papers print them', () => {
  const suggest = (text: string, options: Parameters<typeof catalogueContext>[0] = {}) =>
    suggestMapping(parseTable(text), catalogueContext(options));

  test.each([
    ['MNLI-m', 'claim glue-mnli accuracy-matched'],
    ['MNLI-mm', 'claim glue-mnli accuracy-mismatched'],
    ['MNLI (Acc)', 'claim glue-mnli accuracy-matched'],
    ['SST-2', 'claim glue-sst2 accuracy'],
    ['SST2', 'claim glue-sst2 accuracy'],
    ['STS-B (Pearson)', 'claim glue-stsb pearson'],
    ['STS-B P/S', 'claim glue-stsb pearson/spearman'],
    ['QQP', 'claim glue-qqp f1'],
    ['QQP Acc', 'claim glue-qqp accuracy'],
    ['CoLA', 'claim glue-cola mcc'],
    ['BC5-chem', 'claim blurb-bc5-chem f1-entity'],
    ['BC5CDR-chem (F1)', 'claim blurb-bc5-chem f1-entity'],
    ['NCBI-disease', 'claim blurb-ncbi-disease f1-entity'],
    ['BIOSSES (Corr)', 'claim blurb-biosses pearson'],
    ['PubMedQA', 'claim blurb-pubmedqa accuracy'],
    ['GSM8K', 'claim gsm8k accuracy'],
    ['BoolQ', 'claim superglue-boolq accuracy'],
  ])('when a column is headed "%s", then it maps to %s', (header, expected) => {
    expect(columns(suggest(`Model,${header}\nX,84.6`))[1]).toBe(expected);
  });

  test('when a column is headed "MMLU" next to other benchmarks, then it is MMLU\'s published average', () => {
    const suggestion = suggest('Model,MMLU,GSM8K\nLLaMA 65B,63.4,50.9');
    expect(columns(suggestion)).toEqual([
      'model',
      'claim mmlu accuracy mmlu-average',
      'claim gsm8k accuracy',
    ]);
  });

  test('when MMLU categories are columns, then "STEM" and "Other" map only because the table is about MMLU, and an "Average" that no recipe reproduces is left out with a note', () => {
    const suggestion = suggest(
      [
        'Table 3: MMLU five-shot accuracy.',
        '',
        '| Model | Humanities | STEM | Social Sciences | Other | Average |',
        '|---|---|---|---|---|---|',
        '| LLaMA 7B | 34.0 | 30.5 | 38.3 | 38.1 | 35.1 |',
      ].join('\n'),
    );
    expect(columns(suggestion)).toEqual([
      'model',
      'claim mmlu-humanities accuracy',
      'claim mmlu-stem accuracy',
      'claim mmlu-social-sciences accuracy',
      'claim mmlu-other accuracy',
      'skip',
    ]);
    expect(suggestion.notes.columns[5]).toMatch(/^No recipe in the catalogue reproduces/);
    expect(suggestion.mapping.setting.locator).toBe('Table 3');
    expect(suggestion.mapping.setting.nShot).toBe('');
    expect(columns(suggest('Model,STEM,Other\nX,1,2'))).toEqual(['model', 'skip', 'skip']);
  });

  test('when an "Avg." column equals the official GLUE score, then it is still not mapped to it: only "Score" or the suite\'s name may be', () => {
    const row = 'BERT-large,80.5,60.5,94.9,89.3/85.4,87.6/86.5,72.1/89.3,86.7/85.9,92.7,70.1,65.1';
    const header = 'CoLA,SST-2,MRPC,STS-B,QQP,MNLI,QNLI,RTE,WNLI';
    expect(columns(suggest(`Model,Avg.,${header}\n${row}`))[1]).toBe('skip');
    expect(columns(suggest(`Model,GLUE score,${header}\n${row}`))[1]).toBe(
      'claim glue score glue-official',
    );
  });

  test('when a column header gives shots and chain of thought, then that column carries them', () => {
    const suggestion = suggest('Model,GSM8K (8-shot CoT),MMLU (5-shot)\nX,56.8,63.4');
    expect(suggestion.mapping.columns.map((c) => [c.nShot, c.chainOfThought])).toEqual([
      ['', ''],
      ['8', 'yes'],
      ['5', ''],
    ]);
  });

  test('when a size column sits next to the model names, then the size joins the name and the ledger spelling is used', () => {
    const grid = parseTable('Model,Size,MMLU\nLLaMA,7B,35.1\nLLaMA,13B,46.9');
    const suggestion = suggestMapping(grid, catalogueContext({ models: ['LLaMA-7B'] }));
    expect(columns(suggestion).slice(0, 2)).toEqual(['model', 'size']);
    const { claims } = buildClaims(
      grid,
      suggestion.mapping,
      catalogueContext({ models: ['LLaMA-7B'] }).models,
    );
    expect(claims.map((c) => c.values.model)).toEqual(['LLaMA-7B', 'LLaMA 13B']);
  });

  test('when a row is a heading across the table or has no numbers, then it is left out with the reason', () => {
    const suggestion = suggest(
      [
        'Model & MNLI & SST-2 \\\\ \\midrule',
        '\\multicolumn{3}{l}{\\textit{Base models}} \\\\',
        'BERT-base & 84.6 & 93.5 \\\\',
        'Ours (in progress) & - & - \\\\',
      ].join('\n'),
    );
    expect(suggestion.mapping.rows.map((r) => r.skip)).toEqual([false, true, false, true]);
    expect(suggestion.notes.rows).toEqual([
      'Header row.',
      'A heading across the table.',
      '',
      'No numbers in the mapped columns.',
    ]);
  });

  test('when a row says "(ours)", then it is the proposal even without the paper\'s title', () => {
    const suggestion = suggest('Model,SST-2\nBERT (ours),93.5\nGPT,91.3', { paperTitle: 'A: b' });
    expect(suggestion.mapping.rows.slice(1).map((r) => r.role)).toEqual(['proposed', 'baseline']);
  });
});

describe('cells that do not fit their column', () => {
  const grid = parseTable('Model,MNLI,SST-2,# Params\nA,84.6,93.5x,0.08%\nB,84.6/83.4,-,1M');
  const suggestion = suggestMapping(grid, catalogueContext());

  test('when a cell is unreadable, holds a pair in a one-metric column or a share for a count, then each is a problem naming its row and column', () => {
    suggestion.mapping.columns[1]!.metric2 = '';
    const { problems, claims } = buildClaims(grid, suggestion.mapping, new Map());
    expect(problems.map((p) => [p.row + 1, p.column + 1, p.message.slice(0, 40)])).toEqual([
      [2, 4, `"0.08%" is a share of the model's parame`],
      [2, 3, '"93.5x" is not a number we can read; wri'],
      [3, 2, '"84.6/83.4" holds two numbers, but the c'],
    ]);
    expect(claims.map((c) => `${c.row + 1}:${c.column + 1}`)).toEqual(['2:2']);
  });

  test('when a row overrides the table, then its value wins over the column and the table', () => {
    const mapping = structuredClone(suggestion.mapping);
    mapping.setting.nShot = '0';
    mapping.columns[1]!.nShot = '5';
    mapping.rows[1]!.nShot = '3';
    mapping.rows[1]!.trainableParams = '2M';
    const { claims } = buildClaims(grid, mapping, new Map());
    expect(claims.filter((c) => c.column === 1).map((c) => [c.row, c.values.nShot])).toEqual([
      [1, '3'],
    ]);
    expect(claims.find((c) => c.row === 1)!.values.trainableParams).toBe('2M');
  });
});
