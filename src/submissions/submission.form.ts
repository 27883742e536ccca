import type { Catalogue } from '../benchmarks/benchmark.repository';
import { ROLES } from '../claims/claim.contract';
import { FORM_FIELDS, type FormField, type FormValues } from '../claims/claim.mappers';
import {
  FORM_SETTING_FIELDS,
  SETTING_FIELDS,
  type FormSettingField,
} from '../claims/claim.setting';
import { errorSummary, fieldId, type SummaryItem } from '../http/form';
import type { BenchmarkOption } from './submission.repository';
import { PAPER_FIELDS, type PaperFieldName } from './submission.schema';

export interface Option {
  value: string;
  label: string;
  selected: boolean;
  data: Record<string, string>;
}

/** Everything a view needs to print one labelled input, its hint and its error. */
export interface Control {
  id: string;
  name: string;
  label: string;
  kind: 'text' | 'select' | 'textarea' | 'email' | 'url';
  value: string;
  required: boolean;
  hint: string | null;
  error: string | null;
  describedBy: string | null;
  inputmode: 'decimal' | 'numeric' | null;
  maxlength: number | null;
  list: string | null;
  autocomplete: string | null;
  groups: Array<{ label: string | null; options: Option[] }>;
  wide: boolean;
  /** A table's next row starts with this control's value. */
  repeat: boolean;
}

export interface Choices {
  benchmarks: BenchmarkOption[];
  catalogue: Catalogue;
}

export type ControlSpec = Partial<
  Omit<Control, 'id' | 'name' | 'value' | 'error' | 'describedBy'>
> & {
  label: string;
};

export function control(
  name: string,
  key: string,
  value: string,
  errors: Record<string, string>,
  spec: ControlSpec,
): Control {
  const id = fieldId(key);
  const error = errors[key] ?? null;
  const hint = spec.hint ?? null;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return {
    id,
    name,
    value,
    error,
    describedBy: describedBy || null,
    kind: spec.kind ?? 'text',
    label: spec.label,
    required: spec.required ?? false,
    hint,
    inputmode: spec.inputmode ?? null,
    maxlength: spec.maxlength ?? null,
    list: spec.list ?? null,
    autocomplete: spec.autocomplete ?? null,
    groups: (spec.groups ?? []).map((group) => ({
      label: group.label,
      options: group.options.map((option) => ({ ...option, selected: option.value === value })),
    })),
    wide: spec.wide ?? false,
    repeat: spec.repeat ?? false,
  };
}

export const options = (
  pairs: Array<[string, string]>,
  data: Record<string, string> = {},
): Option[] => pairs.map(([value, label]) => ({ value, label, selected: false, data }));

export function benchmarkGroups(choices: Choices): Control['groups'] {
  const groups: Control['groups'] = [
    { label: null, options: options([['', 'Choose a benchmark']]) },
  ];
  for (const benchmark of choices.benchmarks) {
    let group = groups.at(-1)!;
    if (group.label !== benchmark.rootName) {
      group = { label: benchmark.rootName, options: [] };
      groups.push(group);
    }
    const label =
      benchmark.kind === 'suite'
        ? `${benchmark.name} (whole suite)`
        : benchmark.parentName && benchmark.parentName !== benchmark.rootName
          ? `${benchmark.parentName} · ${benchmark.name}`
          : benchmark.name;
    group.options.push({
      value: benchmark.slug,
      label,
      selected: false,
      data: { metrics: (choices.catalogue.allowed.get(benchmark.slug) ?? []).join(' ') },
    });
  }
  return groups;
}

export function metricOptions(catalogue: Catalogue): Option[] {
  const used = new Set([...catalogue.allowed.values()].flat());
  const metrics = [...catalogue.metrics.values()].filter((m) => used.has(m.slug));
  return [
    ...options([['', 'Choose a metric']]),
    ...metrics.map((m) => ({
      value: m.slug,
      label: m.scale === 'percent' ? `${m.name} (%)` : m.name,
      selected: false,
      data: {},
    })),
  ];
}

export function recipeOptions(choices: Choices): Option[] {
  const names = new Map(choices.benchmarks.map((b) => [b.slug, b.name]));
  return [
    ...options([['', 'None (a single dataset)']]),
    ...[...choices.catalogue.recipes.values()].map((r) => ({
      value: r.slug,
      label: `${names.get(r.benchmark) ?? r.benchmark}: ${r.name}`,
      selected: false,
      data: { benchmark: r.benchmark },
    })),
  ];
}

const settingLabels = Object.fromEntries(
  FORM_SETTING_FIELDS.map((field) => [field, SETTING_FIELDS[field].label]),
) as Record<FormSettingField, string>;

export const FIELD_LABELS: Record<
  FormField | PaperFieldName | 'confirm' | 'form' | 'rows',
  string
> = {
  model: 'Model',
  benchmark: 'Benchmark',
  metric: 'Metric',
  recipe: 'Averaging recipe',
  value: 'Value',
  stderr: 'Std. error',
  ...settingLabels,
  role: 'Role in the paper',
  locator: 'Where in the paper',
  quote: 'Quote (optional)',
  arxivId: 'arXiv id',
  title: 'Title',
  authors: 'Authors',
  publishedOn: 'First submitted',
  venue: 'Venue',
  url: 'Link',
  submitterName: 'Your name',
  submitterEmail: 'Your email',
  confirm: 'Confirmation',
  form: 'Submission',
  rows: 'Claims',
};

/** The labelled control of one setting field, as its spec in the claim contract describes it. */
function settingControl(field: FormSettingField): ControlSpec {
  const { label, form } = SETTING_FIELDS[field];
  const spec: ControlSpec = { label, repeat: form.repeat };
  if ('choices' in form) {
    spec.kind = 'select';
    spec.groups = [{ label: null, options: options(form.choices.map(([v, l]) => [v, l])) }];
  }
  if ('hint' in form) spec.hint = form.hint;
  if ('inputmode' in form) spec.inputmode = form.inputmode;
  if ('maxlength' in form) spec.maxlength = form.maxlength;
  return spec;
}

/** The labelled controls of one claim row, named `rows[key][field]`. */
export function rowControls(
  key: string,
  values: FormValues,
  errors: Record<string, string>,
  choices: Choices,
): Control[] {
  const at = (field: FormField, spec: ControlSpec) =>
    control(`rows[${key}][${field}]`, `rows.${key}.${field}`, values[field], errors, spec);
  return [
    at('model', {
      label: FIELD_LABELS.model,
      required: true,
      maxlength: 200,
      list: 'model-names',
      hint: 'Pick a known model or type a new name.',
      wide: true,
      repeat: true,
    }),
    at('benchmark', {
      label: FIELD_LABELS.benchmark,
      kind: 'select',
      required: true,
      groups: benchmarkGroups(choices),
      wide: true,
    }),
    at('metric', {
      label: FIELD_LABELS.metric,
      kind: 'select',
      required: true,
      groups: [{ label: null, options: metricOptions(choices.catalogue) }],
    }),
    at('value', {
      label: FIELD_LABELS.value,
      required: true,
      inputmode: 'decimal',
      maxlength: 40,
      hint: 'As printed: 85.3 for 85.3%.',
    }),
    at('stderr', { label: FIELD_LABELS.stderr, inputmode: 'decimal', maxlength: 40 }),
    at('recipe', {
      label: FIELD_LABELS.recipe,
      kind: 'select',
      groups: [{ label: null, options: recipeOptions(choices) }],
      hint: 'Only for a score over a whole suite.',
    }),
    ...FORM_SETTING_FIELDS.map((field) => at(field, settingControl(field))),
    at('role', {
      label: FIELD_LABELS.role,
      kind: 'select',
      groups: [{ label: null, options: options(ROLES.map((r) => [r, r])) }],
      repeat: true,
    }),
    at('locator', {
      label: FIELD_LABELS.locator,
      maxlength: 200,
      hint: 'e.g. Table 2, p. 6',
      repeat: true,
    }),
    at('quote', { label: FIELD_LABELS.quote, maxlength: 500, wide: true }),
  ];
}

export function paperControls(
  values: Record<PaperFieldName, string>,
  errors: Record<string, string>,
): Record<PaperFieldName, Control> {
  const at = (field: PaperFieldName, spec: Omit<ControlSpec, 'label'>) =>
    control(field, field, values[field], errors, { ...spec, label: FIELD_LABELS[field] });
  return {
    arxivId: at('arxivId', {
      maxlength: 60,
      hint: 'e.g. 2106.09685. If the paper is already in the ledger, the fields below can stay empty.',
    }),
    title: at('title', { maxlength: 500, hint: 'Needed when the paper is new to the ledger.' }),
    authors: at('authors', { kind: 'textarea', hint: 'Separated by commas or new lines.' }),
    publishedOn: at('publishedOn', {
      maxlength: 20,
      hint: 'First submission: YYYY-MM-DD, YYYY-MM or YYYY.',
    }),
    venue: at('venue', { maxlength: 200 }),
    url: at('url', { kind: 'url', maxlength: 1000 }),
    submitterName: at('submitterName', {
      maxlength: 200,
      autocomplete: 'name',
      hint: 'Optional; kept with the claims.',
    }),
    submitterEmail: at('submitterEmail', {
      kind: 'email',
      maxlength: 320,
      autocomplete: 'email',
      hint: 'Optional; only moderators see it, to ask about the claims.',
    }),
  };
}

/** `rows.3.value` → "Row 4, Value"; `title` → "Title". */
export function labelFor(key: string): string {
  const [first, rowKey, field] = key.split('.');
  if (first === 'rows' && rowKey !== undefined && field !== undefined) {
    return `Row ${Number(rowKey) + 1}, ${fieldLabel(field)}`;
  }
  return first === undefined ? '' : fieldLabel(first);
}

/** The label of a form field by its name; an unknown name is its own label. */
export function fieldLabel(name: string): string {
  return (FIELD_LABELS as Partial<Record<string, string>>)[name] ?? name;
}

export function summaryOf(
  errors: Record<string, string>,
  label: (key: string) => string = labelFor,
): SummaryItem[] {
  // Messages follow the page order: paper fields, then rows in order, then the confirmation.
  const rank = (key: string) => {
    const paper = PAPER_FIELDS.indexOf(key as PaperFieldName);
    if (paper >= 0) return [0, paper, 0];
    const [first, row, field] = key.split('.');
    if (first === 'rows' && row !== undefined) {
      return [1, Number(row), FORM_FIELDS.indexOf(field as FormField)];
    }
    return [key === 'confirm' ? 2 : -1, 0, 0];
  };
  const ordered = Object.fromEntries(
    Object.entries(errors).sort(([a], [b]) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
    }),
  );
  return errorSummary(ordered, label);
}
