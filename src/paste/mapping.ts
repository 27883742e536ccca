/**
 * How a grid becomes claims: what each column holds, which rows to leave out, and the setting the
 * table shares (with per-column and per-row overrides). Every value is the form's text, so a
 * mapping page re-renders exactly what the user chose; `validateMapping` checks it.
 */
import type { Catalogue } from '../benchmarks/benchmark.repository';
import { ROLES } from '../claims/claim.contract';
import { ADAPTATIONS, SPLITS } from '../claims/claim.setting';
import { readCount } from './cell';
import type { Grid } from './grid';

export const COLUMN_USES = ['', 'model', 'size', 'params', 'claim'] as const;
export type ColumnUse = (typeof COLUMN_USES)[number];

export const COLUMN_USE_LABELS: Record<ColumnUse, string> = {
  '': 'Leave out',
  model: 'Model or method names',
  size: 'Model size (added to the name)',
  params: 'Trainable parameters',
  claim: 'A benchmark score',
};

export interface ColumnMapping {
  use: ColumnUse;
  benchmark: string;
  metric: string;
  /** The second metric of cells printed as a pair (MNLI 84.6/83.4: matched/mismatched). */
  metric2: string;
  recipe: string;
  nShot: string;
  chainOfThought: string;
}

export interface RowMapping {
  skip: boolean;
  /** Empty: the model as read from the table (or the table's one model). */
  model: string;
  role: string;
  /** Empty: the table's setting. */
  adaptation: string;
  split: string;
  nShot: string;
  chainOfThought: string;
  trainableParams: string;
}

export interface TableSetting {
  /** Every row is this model (the rows name methods applied to it); empty: the model column. */
  model: string;
  split: string;
  nShot: string;
  chainOfThought: string;
  adaptation: string;
  locator: string;
}

export interface Mapping {
  headerRows: number;
  columns: ColumnMapping[];
  rows: RowMapping[];
  setting: TableSetting;
}

export const blankColumn = (): ColumnMapping => ({
  use: '',
  benchmark: '',
  metric: '',
  metric2: '',
  recipe: '',
  nShot: '',
  chainOfThought: '',
});

export const blankRowMapping = (): RowMapping => ({
  skip: false,
  model: '',
  role: 'proposed',
  adaptation: '',
  split: '',
  nShot: '',
  chainOfThought: '',
  trainableParams: '',
});

export const blankSetting = (): TableSetting => ({
  model: '',
  split: 'unknown',
  nShot: '',
  chainOfThought: '',
  adaptation: 'unknown',
  locator: '',
});

const MAX_TEXT = 200;

const text = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, 400) : '');

/** A posted object (a form's fields, a nested group of them), or an empty one. */
export const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/**
 * Entries keyed `c0`, `c1` … (columns) or `r0`, `r1` … (rows): qs would compact numeric keys with
 * gaps into a shorter array, and rows without controls (header rows) leave gaps.
 */
const indexed = (value: unknown, prefix: 'c' | 'r', length: number) => {
  const fields = record(value);
  return Array.from({ length }, (_, i) => record(fields[`${prefix}${i}`]));
};

function pick<T extends object>(blank: T, fields: Record<string, unknown>): T {
  const out = { ...blank } as Record<string, unknown>;
  for (const key of Object.keys(blank)) {
    if (typeof out[key] === 'string') out[key] = text(fields[key]);
  }
  return out as T;
}

/** The mapping as posted; anything missing or of the wrong type reads as empty. */
export function readMappingForm(body: unknown, grid: Grid): Mapping {
  const fields = record(body);
  const headerRows = text(fields.headerRows);
  return {
    // Anything but a row number reads as -1, which validateMapping reports.
    headerRows: /^\d{1,3}$/.test(headerRows) ? Math.min(Number(headerRows), grid.rows.length) : -1,
    columns: indexed(fields.columns, 'c', grid.width).map((column) => {
      const mapped = pick(blankColumn(), column);
      return {
        ...mapped,
        use: (COLUMN_USES as readonly string[]).includes(mapped.use) ? mapped.use : '',
      };
    }),
    rows: indexed(fields.tableRows, 'r', grid.rows.length).map((row) => ({
      ...pick(blankRowMapping(), row),
      skip: row.skip === 'yes',
    })),
    setting: pick(blankSetting(), record(fields.setting)),
  };
}

export type MappingErrors = Record<string, string>;

const isCount = (value: string) => value === '' || readCount(value).kind === 'count';
const isShots = (value: string) => value === '' || /^\d{1,5}$/.test(value);
const isCot = (value: string) => ['', 'yes', 'no'].includes(value);

/** Every problem of a mapping, keyed by its field (`columns.3.metric`, `tableRows.5.model`). */
export function validateMapping(mapping: Mapping, grid: Grid, catalogue: Catalogue): MappingErrors {
  const errors: MappingErrors = {};
  if (mapping.headerRows < 0 || mapping.headerRows >= grid.rows.length) {
    errors.headerRows = `Give a number of header rows from 0 to ${grid.rows.length - 1}.`;
  }
  const uses = mapping.columns.map((c) => c.use);
  for (const use of ['model', 'size', 'params'] as const) {
    if (uses.filter((u) => u === use).length > 1) {
      const index = uses.lastIndexOf(use);
      errors[`columns.${index}.use`] =
        `Only one column can hold ${use === 'model' ? 'the model names' : use === 'size' ? 'the model size' : 'the trainable parameters'}.`;
    }
  }
  if (!uses.includes('claim')) errors.columns = 'Map at least one column to a benchmark score.';
  mapping.columns.forEach((column, index) => {
    const at = (field: string) => `columns.${index}.${field}`;
    if (!isShots(column.nShot)) errors[at('nShot')] = 'Enter the shots as a whole number.';
    if (!isCot(column.chainOfThought)) errors[at('chainOfThought')] = 'Choose yes, no or blank.';
    if (column.use !== 'claim') return;
    const benchmark = catalogue.benchmarks.get(column.benchmark);
    if (!benchmark) {
      errors[at('benchmark')] = 'Choose the benchmark this column holds.';
      return;
    }
    const allowed = catalogue.allowed.get(benchmark.slug) ?? [];
    const names = allowed.map((slug) => catalogue.metrics.get(slug)?.name ?? slug).join(', ');
    if (!allowed.includes(column.metric)) {
      errors[at('metric')] = `Choose a metric of ${benchmark.name}: ${names}.`;
    }
    if (column.metric2 && (!allowed.includes(column.metric2) || column.metric2 === column.metric)) {
      errors[at('metric2')] =
        `The second metric must be another metric of ${benchmark.name} (${names}), or none.`;
    }
    const recipe = column.recipe ? catalogue.recipes.get(column.recipe) : undefined;
    if (benchmark.kind === 'suite' && (!recipe || recipe.benchmark !== benchmark.slug)) {
      errors[at('recipe')] =
        `A score for all of ${benchmark.name} needs the averaging recipe it follows.`;
    } else if (benchmark.kind !== 'suite' && column.recipe) {
      errors[at('recipe')] = `Only a whole suite takes an averaging recipe.`;
    }
  });
  const setting = mapping.setting;
  if (!(SPLITS as readonly string[]).includes(setting.split)) {
    errors['setting.split'] = 'Choose test, dev or unknown.';
  }
  if (!(ADAPTATIONS as readonly string[]).includes(setting.adaptation)) {
    errors['setting.adaptation'] = 'Choose an adaptation method.';
  }
  if (!isShots(setting.nShot)) errors['setting.nShot'] = 'Enter the shots as a whole number.';
  if (!isCot(setting.chainOfThought)) errors['setting.chainOfThought'] = 'Choose yes, no or blank.';
  if (setting.locator.length > MAX_TEXT) errors['setting.locator'] = 'At most 200 characters.';
  if (setting.model.length > MAX_TEXT) errors['setting.model'] = 'At most 200 characters.';
  mapping.rows.forEach((row, index) => {
    if (index < mapping.headerRows || row.skip) return;
    const at = (field: string) => `tableRows.${index}.${field}`;
    if (row.model.length > MAX_TEXT) errors[at('model')] = 'At most 200 characters.';
    if (!(ROLES as readonly string[]).includes(row.role)) errors[at('role')] = 'Choose a role.';
    if (row.adaptation && !(ADAPTATIONS as readonly string[]).includes(row.adaptation)) {
      errors[at('adaptation')] = 'Choose an adaptation method.';
    }
    if (row.split && !(SPLITS as readonly string[]).includes(row.split)) {
      errors[at('split')] = 'Choose test, dev or unknown.';
    }
    if (!isShots(row.nShot)) errors[at('nShot')] = 'Enter the shots as a whole number.';
    if (!isCot(row.chainOfThought)) errors[at('chainOfThought')] = 'Choose yes, no or blank.';
    if (!isCount(row.trainableParams)) {
      errors[at('trainableParams')] = 'Write the count as 1.33M, 7B or 125000.';
    }
  });
  return errors;
}
