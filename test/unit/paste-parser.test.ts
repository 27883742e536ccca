import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { PASTE_LIMITS, PasteError, type Grid } from '../../src/paste/grid';
import { detectFormat, parseTable } from '../../src/paste/parse-table';

const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '../fixtures/paste', name), 'utf8');
const texts = (grid: Grid) => grid.rows.map((row) => row.cells.map((cell) => cell.text));

/** The PasteError a paste raises, or a failure if it is read. */
function refusal(text: string, format: Parameters<typeof parseTable>[1] = 'auto'): PasteError {
  try {
    parseTable(text, format);
  } catch (error) {
    if (error instanceof PasteError) return error;
    throw error;
  }
  throw new Error('the paste was read');
}

describe("BERT's GLUE test table as LaTeX", () => {
  const grid = parseTable(fixture('bert-glue-test.tex'));

  test('when it is read, then the comments, rules and float around the tabular are left out and every cell is plain text', () => {
    expect(grid.format).toBe('latex');
    expect(grid.width).toBe(10);
    expect(texts(grid)).toEqual([
      ['System', 'MNLI-(m/mm)', 'QQP', 'QNLI', 'SST-2', 'CoLA', 'STS-B', 'MRPC', 'RTE', 'Average'],
      ['System', '392k', '363k', '108k', '67k', '8.5k', '5.7k', '3.5k', '2.5k', 'Average'],
      [
        'Pre-OpenAI SOTA',
        '80.6/80.1',
        '66.1',
        '82.3',
        '93.2',
        '35.0',
        '81.0',
        '86.0',
        '61.7',
        '74.0',
      ],
      [
        'BiLSTM+ELMo+Attn',
        '76.4/76.1',
        '64.8',
        '79.8',
        '90.4',
        '36.0',
        '73.3',
        '84.9',
        '56.8',
        '71.0',
      ],
      ['OpenAI GPT', '82.1/81.4', '70.3', '87.4', '91.3', '45.4', '80.0', '82.3', '56.0', '75.1'],
      ['BERT BASE', '84.6/83.4', '71.2', '90.5', '93.5', '52.1', '85.8', '88.9', '66.4', '79.6'],
      ['BERT LARGE', '86.7/85.9', '72.1', '92.7', '94.9', '60.5', '86.5', '89.3', '70.1', '82.1'],
    ]);
  });

  test('when a header cell is a \\multirow inside a \\multicolumn, then it fills the empty cell below it, marked as a copy', () => {
    expect(grid.rows[1]!.cells[0]).toMatchObject({ text: 'System', spanned: true });
    expect(grid.rows[0]!.cells[0]).toMatchObject({ text: 'System', spanned: false });
  });

  test('when rows are set in bold, then the text is plain and the cell is marked bold', () => {
    expect(grid.rows[6]!.cells.slice(1).every((c) => c.bold)).toBe(true);
    expect(grid.rows[5]!.cells.some((c) => c.bold)).toBe(false);
  });

  test('when the table has \\midrule after two header rows, then those two rows are the header and the rule is noted', () => {
    expect(grid.headerRows).toBe(2);
    expect(grid.rows.map((r) => r.ruleAbove)).toEqual([
      true,
      false,
      true,
      false,
      false,
      true,
      false,
    ]);
    expect(grid.rows.map((r) => r.line)).toEqual([8, 9, 11, 12, 13, 15, 16]);
  });

  test('when the float has a caption, then it is read as text without its footnote, links as their address', () => {
    expect(grid.caption).toMatch(/^GLUE Test results, scored by the evaluation server/);
    expect(grid.caption).toContain(
      'F1 scores are reported for QQP and MRPC, Spearman correlations are reported for STS-B',
    );
    expect(grid.caption).toContain(
      'scored by the evaluation server (https://gluebenchmark.com/leaderboard).',
    );
    expect(grid.caption).not.toMatch(/footnote|faq|\\/);
  });
});

describe('LaTeX cell markup', () => {
  const one = (cell: string) =>
    parseTable(`\\begin{tabular}{ll}\na & ${cell}\n\\\\ \\end{tabular}`).rows[0]!.cells[1]!;

  test.each([
    ['84.6$\\pm$0.3', '84.6±0.3'],
    ['84.6 $\\pm$ 0.3', '84.6 ± 0.3'],
    ['84.6$_{\\pm 0.3}$', '84.6 ±0.3'],
    ['88.1$^\\dagger$', '88.1†'],
    ['88.1$^{*}$', '88.1*'],
    ['88.1\\textsuperscript{a}', '88.1^a'],
    ['\\textbf{88.1}', '88.1'],
    ['{\\bf 88.1}', '88.1'],
    ['\\underline{88.1}', '88.1'],
    ['\\textcolor{red}{88.1}', '88.1'],
    ['\\cellcolor{gray!20}88.1', '88.1'],
    ['85.3\\%', '85.3%'],
    ['85.3 % a comment', '85.3'],
    ['BERT$_{\\rm LARGE}$~\\cite{devlin2019}', 'BERT LARGE'],
    ['\\makecell{MNLI\\\\(m/mm)}', 'MNLI (m/mm)'],
    ['\\begin{tabular}[c]{@{}c@{}}MNLI\\\\m/mm\\end{tabular}', 'MNLI m/mm'],
    ['--', '–'],
    ['\\bertbase', 'bertbase'],
    ['\\best{88.1}', '88.1'],
  ])('when a cell holds %s, then it reads as "%s"', (cell, text) => {
    expect(one(cell).text).toBe(text);
  });

  test.each([
    ['\\textbf{88.1}', { bold: true, underline: false }],
    ['\\underline{88.1}', { bold: false, underline: true }],
    ['$\\mathbf{88.1}$', { bold: true, underline: false }],
    ['88.1', { bold: false, underline: false }],
  ])('when a cell holds %s, then its style is noted', (cell, style) => {
    expect(one(cell)).toMatchObject(style);
  });

  test('when a header spans columns with \\multicolumn and a \\cmidrule sits under it, then its text repeats over the span and the rule is dropped', () => {
    const grid = parseTable(
      [
        '\\begin{tabular}{lcc}',
        '\\toprule',
        ' & \\multicolumn{2}{c}{MNLI} \\\\ \\cmidrule(lr){2-3}',
        'Model & m & mm \\\\ \\hline',
        'BERT & 84.6 & 83.4 \\\\[2pt]',
        '\\bottomrule',
        '\\end{tabular}',
      ].join('\n'),
    );
    expect(texts(grid)).toEqual([
      ['', 'MNLI', 'MNLI'],
      ['Model', 'm', 'mm'],
      ['BERT', '84.6', '83.4'],
    ]);
    expect(grid.rows[0]!.cells[2]!.spanned).toBe(true);
    expect(grid.headerRows).toBe(2);
  });

  test('when a \\multirow spans upwards (a negative count), then it fills the empty cells above it', () => {
    const grid = parseTable('& 7B & 35.1 \\\\\n\\multirow{-2}{*}{LLaMA} & 13B & 46.9 \\\\');
    expect(texts(grid)).toEqual([
      ['LLaMA', '7B', '35.1'],
      ['LLaMA', '13B', '46.9'],
    ]);
  });

  test('when only the rows are pasted, without \\begin{tabular}, then they are read', () => {
    expect(texts(parseTable('BERT & 84.6 \\\\ \\hline\nGPT & 82.1 \\\\'))).toEqual([
      ['BERT', '84.6'],
      ['GPT', '82.1'],
    ]);
  });

  test('when rows have fewer cells than the widest, then they are padded with empty cells', () => {
    expect(texts(parseTable('a & b & c \\\\\nd \\\\'))).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
    ]);
  });
});

describe("AdaLoRA's GLUE dev table as Markdown", () => {
  const grid = parseTable(fixture('adalora-glue-dev.md'));

  test('when it is read, then the header is the row above the separator and the text above the table is its caption', () => {
    expect(grid.format).toBe('markdown');
    expect(grid.width).toBe(11);
    expect(grid.headerRows).toBe(1);
    expect(texts(grid)[0]).toEqual([
      'Method',
      '# Params',
      'MNLI m/mm',
      'SST-2 Acc',
      'CoLA Mcc',
      'QQP Acc/F1',
      'QNLI Acc',
      'RTE Acc',
      'MRPC Acc',
      'STS-B Corr',
      'All Ave.',
    ]);
    expect(grid.caption).toMatch(
      /^Table 1: Results with DeBERTaV3-base on GLUE development set\. The best results on each dataset are shown in bold\./,
    );
  });

  test('when cells are bold, carry ± or a subscript, then the text is plain and bold is noted', () => {
    expect(texts(grid)[6]).toEqual([
      'AdaLoRA',
      '1.27M',
      '90.76/90.79',
      '96.10±0.09',
      '71.45±0.92',
      '92.23/89.74',
      '94.55±0.11',
      '88.09±0.81',
      '90.69±0.47',
      '91.84±0.06',
      '89.31',
    ]);
    expect(grid.rows[6]!.cells.slice(2).every((c) => c.bold)).toBe(true);
    expect(grid.rows[5]!.cells[0]!.text).toBe('LoRA r=8');
    expect(grid.rows[1]!.cells[2]!.text).toBe('–');
  });

  test('when a cell has an escaped pipe, HTML or entities, then they read as text', () => {
    const grid = parseTable(
      '| a | b |\n|---|---|\n| x \\| y | 88.1&plusmn;0.2<sup>&dagger;</sup> |',
    );
    expect(texts(grid)[1]).toEqual(['x | y', '88.1±0.2†']);
  });
});

describe('a TSV copied from the GLUE leaderboard (an HTML table)', () => {
  const grid = parseTable(fixture('glue-leaderboard.tsv'));

  test('when it is read, then every tab is a cell boundary, empty cells included', () => {
    expect(grid.format).toBe('tsv');
    expect(grid.width).toBe(15);
    expect(grid.headerRows).toBeNull();
    expect(texts(grid)[3]).toEqual([
      '',
      'Jacob Devlin',
      'BERT: 24-layers, 16-heads, 1024-hidden',
      '',
      '80.5',
      '60.5',
      '94.9',
      '89.3/85.4',
      '87.6/86.5',
      '72.1/89.3',
      '86.7',
      '85.9',
      '92.7',
      '70.1',
      '65.1',
    ]);
    expect(texts(grid)[2]!.slice(1, 5)).toEqual([
      'Microsoft D365 AI & MSR AI',
      'MT-DNN',
      '',
      '82.7',
    ]);
  });

  test('when comma-separated text quotes a cell with commas, then the quotes are honoured', () => {
    expect(texts(parseTable('Model,MNLI\n"BERT, large",86.7'))).toEqual([
      ['Model', 'MNLI'],
      ['BERT, large', '86.7'],
    ]);
  });
});

describe('recognising the format', () => {
  test.each([
    ['\\begin{tabular}{ll} a & b \\\\ \\end{tabular}', 'latex'],
    ['a & b \\\\', 'latex'],
    ['| a | b |\n|---|---|\n| 1 | 2 |', 'markdown'],
    ['a | b\n--|--\n1 | 2', 'markdown'],
    ['a\tb\n1\t2', 'tsv'],
    ['a,b\n1,2', 'csv'],
  ] as const)('when the paste is %j, then it is read as %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});

describe('pastes that cannot be read', () => {
  test.each([
    [
      'an unbalanced \\begin',
      '\\begin{tabular}{ll}\na & b \\\\\n',
      /^Line 1: \\begin\{tabular\} has no \\end\{tabular\}\.$/,
    ],
    [
      'a mismatched \\end',
      '\\begin{table}\n\\begin{tabular}{ll}\na & b \\\\\n\\end{table}',
      /^Line 4: \\end\{table\} does not match \\begin\{tabular\} on line 2\.$/,
    ],
    [
      'an unclosed brace',
      'a & \\textbf{b \\\\\nc & d \\\\',
      /^Line 1: This opening brace \{ is never closed\.$/,
    ],
    [
      'a stray closing brace',
      'a & b} \\\\',
      /^Line 1: This closing brace \} has no opening brace\.$/,
    ],
    [
      'a control character',
      'a & b \\\\\nc & d\u0007 \\\\',
      /^Line 2: Character 6 is a control character \(U\+0007\)/,
    ],
    [
      'a \\multicolumn without a count',
      'a & b \\\\\n\\multicolumn{x}{c}{y} & z \\\\',
      /^Row 2, column 1 \(line 2\): \\multicolumn needs a count between 1 and 40/,
    ],
    ['nothing', '   \n ', /^Paste a table first\.$/],
    ['prose', 'We fine-tune BERT on GLUE.', /^This does not look like a table/],
  ])('when the paste has %s, then the message says what and where', (_, text, message) => {
    const error = refusal(text);
    expect(error.describe()).toMatch(message);
    expect(error.status).toBe(422);
  });

  test('when braces are nested 50 000 deep, then the paste is refused at the depth limit without overflowing the stack', () => {
    const deep = `a & ${'{'.repeat(49_990)}x${'}'.repeat(49_990)} \\\\`;
    const started = Date.now();
    const error = refusal(deep);
    expect(error.message).toMatch(/nested more than 16 levels deep/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('when the paste is longer than the limit, then it is refused with 413 and its length', () => {
    const error = refusal('a,b\n'.repeat(PASTE_LIMITS.chars / 4 + 1));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/^The paste is 100004 characters long; at most 100000/);
  });

  test('when the table has more rows or columns than one paste may hold, then it is refused with 413 naming the limit', () => {
    const rows = refusal(Array.from({ length: 301 }, (_, i) => `m${i},1`).join('\n'));
    expect(rows.status).toBe(413);
    expect(rows.describe()).toMatch(/^Row 301 \(line 301\): The table has 301 rows; at most 300/);
    const columns = refusal(Array.from({ length: 41 }, (_, i) => `c${i}`).join(','));
    expect(columns.status).toBe(413);
    expect(columns.message).toMatch(/41 columns; at most 40/);
  });

  test('when a cell is longer than a table cell may be, then the cell is named', () => {
    expect(refusal(`a,b\nx,${'9'.repeat(600)}`).describe()).toMatch(
      /^Row 2, column 2 \(line 2\): This cell holds 600 characters/,
    );
  });

  test('when any text at all is pasted, then it is read or refused with a PasteError, never another error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.stringMatching(/^[\\{}&$^_%a-z0-9 \n[\]|\t,]{0,300}$/),
        ),
        (text) => {
          try {
            const grid = parseTable(text);
            expect(grid.rows.length).toBeGreaterThan(0);
          } catch (error) {
            if (!(error instanceof PasteError)) throw error;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
