/** Display-ready view models for the paste pages: the grid, the mapping controls, the preview. */
import { ROLES } from '../claims/claim.contract';
import { ADAPTATION_LABELS, ADAPTATIONS, SPLITS } from '../claims/claim.setting';
import { errorSummary, fieldId, type SummaryItem } from '../http/form';
import {
  benchmarkGroups,
  control,
  labelFor,
  metricOptions,
  options,
  paperControls,
  recipeOptions,
  type Choices,
  type ControlSpec,
} from '../submissions/submission.form';
import type { PaperFieldName } from '../submissions/submission.schema';
import { rowModel, type CellProblem } from './claims';
import { FORMAT_NAMES, TABLE_FORMATS, type Grid, type TableFormat } from './grid';
import { COLUMN_USE_LABELS, COLUMN_USES, type Mapping } from './mapping';
import type { PasteContext, PasteReview } from './paste.service';
import { headerTexts, type SuggestionNotes } from './suggest';

export interface PasteValues {
  table: string;
  format: TableFormat | 'auto';
  arxivId: string;
  locator: string;
}

export const FORMAT_CHOICES = [
  { value: 'auto', label: 'Recognise it' },
  ...TABLE_FORMATS.map((value) => ({ value, label: FORMAT_NAMES[value] })),
];

const MAX_SAMPLES = 3;

const cotOptions = (blank = 'As the table') => [
  {
    label: null,
    options: options([
      ['', blank],
      ['yes', 'Yes'],
      ['no', 'No'],
    ]),
  },
];

/** The grid as the page shows it: numbered rows and columns, header rows marked. */
export function gridView(grid: Grid, headerRows: number) {
  return {
    columns: Array.from({ length: grid.width }, (_, c) => c + 1),
    rows: grid.rows.map((row, r) => ({
      number: r + 1,
      header: r < headerRows,
      cells: row.cells,
    })),
  };
}

const rowLabels: Record<string, string> = {
  skip: 'Leave this row out',
  model: 'Model',
  role: 'Role in the paper',
  adaptation: 'Adaptation',
  split: 'Split',
  nShot: 'Shots',
  chainOfThought: 'Chain of thought',
  trainableParams: 'Trainable params',
};
const columnLabels: Record<string, string> = {
  use: 'Holds',
  benchmark: 'Benchmark',
  metric: 'Metric',
  metric2: 'Second metric (a/b)',
  recipe: 'Averaging recipe',
  nShot: 'Shots',
  chainOfThought: 'Chain of thought',
};
const settingLabels: Record<string, string> = {
  model: 'Every row is the model',
  split: 'Split',
  nShot: 'Shots',
  chainOfThought: 'Chain of thought',
  adaptation: 'Adaptation',
  locator: 'Where in the paper',
  headerRows: 'Header rows',
};

/** `tableRows.3.model` → "Row 4, Model"; `columns.2.metric` → "Column 3, Metric". */
export function pasteLabel(key: string): string {
  const [first, index, field] = key.split('.');
  if (first === 'tableRows') return `Row ${Number(index) + 1}, ${rowLabels[field!] ?? field}`;
  if (first === 'columns' && index !== undefined) {
    return `Column ${Number(index) + 1}, ${columnLabels[field!] ?? field}`;
  }
  if (first === 'columns') return 'Columns';
  if (first === 'setting') return settingLabels[index!] ?? index ?? '';
  if (first === 'headerRows') return settingLabels.headerRows!;
  return labelFor(key);
}

export function mappingPage(input: {
  grid: Grid;
  mapping: Mapping;
  notes: SuggestionNotes;
  errors: Record<string, string>;
  context: PasteContext;
  choices: Choices;
  paper: Record<PaperFieldName, string>;
  table: string;
}) {
  const { grid, mapping, notes, errors, context, choices } = input;
  const headers = headerTexts(grid, Math.max(0, mapping.headerRows));
  const benchmarks = benchmarkGroups(choices);
  const metrics = metricOptions(choices.catalogue);
  const recipes = recipeOptions(choices);
  const column = (index: number) => {
    const values = mapping.columns[index]!;
    const at = (field: keyof typeof values, spec: ControlSpec) =>
      control(
        `columns[c${index}][${field}]`,
        `columns.${index}.${field}`,
        values[field],
        errors,
        spec,
      );
    const samples = grid.rows
      .slice(Math.max(0, mapping.headerRows))
      .map((row) => row.cells[index]!.text)
      .filter(Boolean)
      .slice(0, MAX_SAMPLES);
    return {
      index,
      number: index + 1,
      header: headers[index] || '(no header)',
      samples,
      note: notes.columns[index] ?? '',
      claim: values.use === 'claim',
      controls: [
        at('use', {
          label: columnLabels.use!,
          kind: 'select',
          groups: [
            { label: null, options: options(COLUMN_USES.map((u) => [u, COLUMN_USE_LABELS[u]])) },
          ],
        }),
        at('benchmark', { label: columnLabels.benchmark!, kind: 'select', groups: benchmarks }),
        at('metric', {
          label: columnLabels.metric!,
          kind: 'select',
          groups: [{ label: null, options: metrics }],
        }),
        at('metric2', {
          label: columnLabels.metric2!,
          kind: 'select',
          groups: [
            { label: null, options: [{ ...metrics[0]!, label: 'None' }, ...metrics.slice(1)] },
          ],
        }),
        at('recipe', {
          label: columnLabels.recipe!,
          kind: 'select',
          groups: [{ label: null, options: recipes }],
        }),
        at('nShot', { label: columnLabels.nShot!, inputmode: 'numeric', maxlength: 5 }),
        at('chainOfThought', {
          label: columnLabels.chainOfThought!,
          kind: 'select',
          groups: cotOptions(),
        }),
      ],
    };
  };
  const row = (index: number) => {
    const values = mapping.rows[index]!;
    const model = rowModel(grid, mapping, index, context.suggest.models);
    const at = (field: Exclude<keyof typeof values, 'skip'>, spec: ControlSpec) =>
      control(
        `tableRows[r${index}][${field}]`,
        `tableRows.${index}.${field}`,
        values[field],
        errors,
        spec,
      );
    const fromTable = (pairs: Array<[string, string]>) => [
      { label: null, options: options([['', 'As the table'], ...pairs]) },
    ];
    return {
      index,
      number: index + 1,
      header: index < mapping.headerRows,
      label: model.asRead || grid.rows[index]!.cells.find((c) => c.text)?.text || '(empty)',
      note: notes.rows[index] ?? '',
      skip: {
        id: fieldId(`tableRows.${index}.skip`),
        name: `tableRows[r${index}][skip]`,
        checked: values.skip,
      },
      modelHint: model.known
        ? `As read: ${model.asRead || '—'} → ${model.name} (in the ledger).`
        : model.name
          ? `As read: ${model.name} (a new model).`
          : 'No model name in the table: give one.',
      controls: [
        at('model', { label: rowLabels.model!, maxlength: 200, list: 'model-names' }),
        at('role', {
          label: rowLabels.role!,
          kind: 'select',
          groups: [{ label: null, options: options(ROLES.map((r) => [r, r])) }],
        }),
        at('adaptation', {
          label: rowLabels.adaptation!,
          kind: 'select',
          groups: fromTable(ADAPTATIONS.map((a) => [a, ADAPTATION_LABELS[a]])),
        }),
        at('split', {
          label: rowLabels.split!,
          kind: 'select',
          groups: fromTable(SPLITS.map((s) => [s, s])),
        }),
        at('nShot', { label: rowLabels.nShot!, inputmode: 'numeric', maxlength: 5 }),
        at('chainOfThought', {
          label: rowLabels.chainOfThought!,
          kind: 'select',
          groups: cotOptions(),
        }),
        at('trainableParams', {
          label: rowLabels.trainableParams!,
          maxlength: 40,
        }),
      ],
    };
  };
  const setting = mapping.setting;
  const at = (field: keyof typeof setting, spec: ControlSpec) =>
    control(`setting[${field}]`, `setting.${field}`, setting[field], errors, {
      ...spec,
      hint: notes.setting[field] || spec.hint || null,
    });
  return {
    errors,
    grid: gridView(grid, Math.max(0, mapping.headerRows)),
    formatName: FORMAT_NAMES[grid.format],
    format: grid.format,
    caption: grid.caption,
    table: input.table,
    paper: paperControls(input.paper, errors),
    headerRows: control('headerRows', 'headerRows', String(mapping.headerRows), errors, {
      label: settingLabels.headerRows!,
      inputmode: 'numeric',
      maxlength: 3,
      hint: 'Rows at the top that name the columns; they are not read as claims.',
    }),
    setting: [
      at('locator', { label: settingLabels.locator!, maxlength: 200, hint: 'e.g. Table 2' }),
      at('split', {
        label: settingLabels.split!,
        kind: 'select',
        groups: [{ label: null, options: options(SPLITS.map((s) => [s, s])) }],
      }),
      at('adaptation', {
        label: settingLabels.adaptation!,
        kind: 'select',
        groups: [
          { label: null, options: options(ADAPTATIONS.map((a) => [a, ADAPTATION_LABELS[a]])) },
        ],
      }),
      at('nShot', { label: settingLabels.nShot!, inputmode: 'numeric', maxlength: 5 }),
      at('chainOfThought', {
        label: settingLabels.chainOfThought!,
        kind: 'select',
        groups: cotOptions('Not stated'),
      }),
      at('model', {
        label: settingLabels.model!,
        maxlength: 200,
        list: 'model-names',
        hint: 'When the rows name methods (LoRA, BitFit …) applied to one model.',
      }),
    ],
    columns: mapping.columns.map((_, index) => column(index)),
    rows: mapping.rows.map((_, index) => row(index)),
  };
}

/** The mapping and the paper as hidden fields, so the preview can go back or go on. */
export function hiddenFields(
  mapping: Mapping,
  paper: Record<PaperFieldName, string>,
  format: TableFormat,
): Array<[string, string]> {
  const fields: Array<[string, string]> = [
    ['format', format],
    ['headerRows', String(mapping.headerRows)],
  ];
  mapping.columns.forEach((column, c) => {
    for (const [key, value] of Object.entries(column as Record<keyof typeof column, string>)) {
      if (value !== '') fields.push([`columns[c${c}][${key}]`, value]);
    }
  });
  mapping.rows.forEach((row, r) => {
    for (const [key, value] of Object.entries(row)) {
      if (key === 'skip') {
        if (value) fields.push([`tableRows[r${r}][skip]`, 'yes']);
      } else if (value !== '') fields.push([`tableRows[r${r}][${key}]`, String(value)]);
    }
  });
  for (const [key, value] of Object.entries(
    mapping.setting as Record<keyof typeof mapping.setting, string>,
  )) {
    fields.push([`setting[${key}]`, value]);
  }
  for (const [key, value] of Object.entries(paper)) if (value) fields.push([key, value]);
  return fields;
}

export interface PreviewRow {
  where: string;
  cell: string;
  model: string;
  benchmark: string;
  metric: string;
  value: string;
  setting: string;
  status: 'new' | 'duplicate' | 'invalid';
  messages: string[];
  conflicts: Array<{ paperId: number; paperTitle: string; value: number; difference: number }>;
}

export function previewPage(review: PasteReview, context: PasteContext) {
  const { catalogue } = context;
  const benchmarkName = (slug: string) => catalogue.benchmarks.get(slug)?.name ?? slug;
  const metricName = (slug: string) => catalogue.metrics.get(slug)?.name ?? slug;
  const rows: PreviewRow[] = review.items.map((item) => {
    const v = item.claim.values;
    const setting = [
      v.split,
      v.nShot ? `${v.nShot}-shot` : null,
      v.chainOfThought === 'yes' ? 'CoT' : v.chainOfThought === 'no' ? 'no CoT' : null,
      (ADAPTATION_LABELS as Partial<Record<string, string>>)[v.adaptation] ?? v.adaptation,
      v.trainableParams ? `${v.trainableParams} trainable` : null,
      v.role,
      v.locator || null,
    ].filter(Boolean);
    return {
      where: `Row ${item.claim.row + 1}, column ${item.claim.column + 1}`,
      cell: item.claim.cell,
      model: v.model,
      benchmark: benchmarkName(v.benchmark),
      metric: v.recipe ? (catalogue.recipes.get(v.recipe)?.name ?? v.recipe) : metricName(v.metric),
      value: v.stderr ? `${v.value} ± ${v.stderr}` : v.value,
      setting: setting.join(' · '),
      status: item.status,
      messages: item.messages,
      conflicts: item.conflicts,
    };
  });
  const problems = review.problems.map((p: CellProblem) => ({
    where: `Row ${p.row + 1}, column ${p.column + 1}`,
    message: p.message,
  }));
  return {
    rows,
    problems,
    summary: reviewSummary(review, 'preview'),
    counts: review.counts,
    conflicts: rows.some((r) => r.conflicts.length > 0),
    errors: review.errors,
  };
}

/**
 * Every problem of a review, for the error summary at the top of a page: on the preview each links
 * to its claim, on the mapping page (where the paper fields are) to the row it comes from.
 */
export function reviewSummary(review: PasteReview, page: 'preview' | 'mapping'): SummaryItem[] {
  const where = (row: number, column: number) => `Row ${row + 1}, column ${column + 1}`;
  const rowLink = (row: number) => `#row-${row + 1}`;
  return [
    ...review.problems.map((p) => ({
      href: page === 'preview' ? '#problems' : rowLink(p.row),
      text: `${where(p.row, p.column)}: ${p.message}`,
    })),
    ...errorSummary(review.errors, pasteLabel).map((item) =>
      page === 'preview' && item.href !== '#confirm' ? { ...item, href: '#claims' } : item,
    ),
    ...review.items.flatMap((item, index) =>
      item.status === 'invalid'
        ? [
            {
              href: page === 'preview' ? `#claim-${index + 1}` : rowLink(item.claim.row),
              text: `${where(item.claim.row, item.claim.column)}: ${item.messages.join(' ')}`,
            },
          ]
        : [],
    ),
  ];
}
