/**
 * One mapper per direction between a stored claim and everything else: the public JSON, the dump,
 * a CSV row and the form's values out; an import, a CSV row or a form into an input; an input into
 * a row to insert or the changes of an edit. Setting fields are mapped field by field from
 * SETTING_FIELDS, so a new setting field needs no change here.
 */
import {
  CONFIDENCES,
  ROLES,
  type ClaimInput,
  type ClaimStatus,
  type LedgerClaim,
  type Provenance,
  type PublicClaim,
} from './claim.contract';
import type { ClaimIdentityRow, ClaimSubjectRow, ClaimView } from './claim.repository';
import {
  buildSetting,
  FORM_SETTING_FIELDS,
  SETTING_FIELD_NAMES,
  SETTING_FIELDS,
  SETTING_SPECS,
  settingColumns,
  settingFromColumns,
  settingOf,
  settingText,
  type FormSettingField,
  type Setting,
} from './claim.setting';
import type { Claim, ClaimUpdate, NewClaim } from './claim.table';
import {
  choiceText,
  optionalChoiceText,
  optionalText,
  readNumber,
  type TextRead,
} from './claim.text';

const provenanceOf = (c: Provenance): Provenance => ({
  locator: c.locator,
  quote: c.quote,
  reference: c.reference,
  notes: c.notes,
  confidence: c.confidence,
});

/** A stored claim in the API and the view exports. */
export function toPublicClaim(c: ClaimView): PublicClaim {
  return {
    id: c.id,
    paper: {
      id: c.paperId,
      title: c.paperTitle,
      arxivId: c.paperArxivId,
      date: c.paperDate,
      datePrecision: c.paperDatePrecision,
      url: c.paperUrl,
    },
    model: { id: c.modelId, name: c.modelName, parameterCount: c.modelParameterCount },
    benchmark: { id: c.benchmarkId, slug: c.benchmarkSlug, name: c.benchmarkName },
    metric: { slug: c.metricSlug, name: c.metricName, direction: c.metricDirection },
    recipe:
      c.recipeSlug === null
        ? null
        : {
            slug: c.recipeSlug,
            name: c.recipeName ?? c.recipeSlug,
            official: c.recipeOfficial === true,
          },
    value: c.value,
    stderr: c.stderr,
    setting: { ...settingOf(c), notes: c.settingNotes },
    role: c.role,
    provenance: provenanceOf(c),
    status: c.status,
  };
}

/** A stored claim in the dump: names and slugs instead of ids, its paper by `ref`. */
export function toLedgerClaim(
  c: ClaimView & { submitter: string; reviewedAt: Date | null },
): LedgerClaim {
  return {
    id: c.id,
    paper: c.paperId,
    model: c.modelName,
    benchmark: c.benchmarkSlug,
    metric: c.metricSlug,
    recipe: c.recipeSlug,
    value: c.value,
    stderr: c.stderr,
    setting: { ...settingOf(c), notes: c.settingNotes },
    role: c.role,
    provenance: provenanceOf(c),
    status: 'approved',
    submitter: c.submitter,
    createdAt: c.createdAt.toISOString(),
    reviewedAt: c.reviewedAt ? c.reviewedAt.toISOString() : null,
  };
}

/** A claim of the dump, or of any file in its shape, as an input for the import checks. */
export function fromLedgerClaim(
  c: Pick<
    LedgerClaim,
    'model' | 'benchmark' | 'metric' | 'recipe' | 'value' | 'stderr' | 'role'
  > & {
    setting: Setting & { notes: string | null };
    provenance: Provenance;
  },
): ClaimInput {
  return {
    model: c.model,
    benchmark: c.benchmark,
    metric: c.metric,
    recipe: c.recipe,
    value: c.value,
    stderr: c.stderr,
    ...settingOf(c.setting),
    settingNotes: c.setting.notes,
    role: c.role,
    ...provenanceOf(c.provenance),
  };
}

/** The claim's own CSV columns, after the paper's; an export writes them in this order. */
export const CLAIM_CSV_COLUMNS: readonly string[] = [
  'model',
  'benchmark',
  'metric',
  'recipe',
  'value',
  'stderr',
  ...SETTING_FIELD_NAMES.map((field) => SETTING_FIELDS[field].csv),
  'setting_notes',
  'role',
  'locator',
  'quote',
  'reference',
  'notes',
  'confidence',
];

export type CsvCell = string | number | null;

/**
 * The value, its role and provenance as the claim table names its columns; the CSV names them
 * the same.
 */
const ownColumns = (
  c: Pick<ClaimInput, 'value' | 'stderr' | 'settingNotes' | 'role' | keyof Provenance>,
) => ({
  value: c.value,
  stderr: c.stderr,
  setting_notes: c.settingNotes,
  role: c.role,
  locator: c.locator,
  quote: c.quote,
  reference: c.reference,
  notes: c.notes,
  confidence: c.confidence,
});

/** A stored claim as the CSV cells an import reads back. */
export function toCsvCells(c: ClaimView): Record<string, CsvCell> {
  const cells: Record<string, CsvCell> = {
    model: c.modelName,
    benchmark: c.benchmarkSlug,
    metric: c.metricSlug,
    recipe: c.recipeSlug,
    ...ownColumns(c),
  };
  for (const field of SETTING_FIELD_NAMES) cells[SETTING_FIELDS[field].csv] = settingText(field, c);
  return cells;
}

/** How a CSV reader hands over one row: its cells by column, and where to report a problem. */
export interface CsvRow {
  cell: (column: string) => string;
  problem: (column: string, message: string) => void;
}

const roleText = choiceText(ROLES, 'proposed');
const confidenceText = optionalChoiceText(CONFIDENCES);

/**
 * A CSV row as an input. A cell that cannot be read is reported and read as unstated; the rest
 * still goes through the claim schema and the catalogue checks.
 */
export function fromCsvCells({ cell, problem }: CsvRow): ClaimInput {
  const read = <T>(column: string, result: TextRead<T>, fallback: T): T => {
    if ('value' in result) return result.value;
    problem(column, result.problem);
    return fallback;
  };
  const text = (column: string) => read(column, optionalText.read(cell(column)), null);
  for (const column of ['model', 'benchmark', 'metric'])
    if (!cell(column).trim()) problem(column, 'this cell is empty');
  const value = read('value', readNumber(cell('value'), { percent: true }), null);
  if (value === null && !cell('value').trim()) problem('value', 'the value is empty');
  return {
    model: cell('model').trim(),
    benchmark: cell('benchmark').trim(),
    metric: cell('metric').trim(),
    recipe: text('recipe'),
    value: value ?? Number.NaN,
    stderr: read('stderr', readNumber(cell('stderr')), null),
    ...buildSetting((field) => {
      const spec = SETTING_SPECS[field];
      return read(spec.csv, spec.text.read(cell(spec.csv)), spec.unstated);
    }),
    settingNotes: text('setting_notes'),
    role: read('role', roleText.read(cell('role')), 'proposed'),
    locator: text('locator'),
    quote: text('quote'),
    reference: text('reference'),
    notes: text('notes'),
    confidence: read('confidence', confidenceText.read(cell('confidence')), null),
  };
}

/** The fields of one claim row of the submission and edit forms, in page order. */
export const FORM_FIELDS = [
  'model',
  'benchmark',
  'metric',
  'recipe',
  'value',
  'stderr',
  ...FORM_SETTING_FIELDS,
  'role',
  'locator',
  'quote',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
/** A claim row as the form holds it: one string per field. */
export type FormValues = Record<FormField, string>;

const formSettingValues = (text: (field: FormSettingField) => string) =>
  Object.fromEntries(FORM_SETTING_FIELDS.map((field) => [field, text(field)])) as Record<
    FormSettingField,
    string
  >;

/** A stored claim as the edit form shows it. */
export function toFormValues(c: ClaimView): FormValues {
  return {
    model: c.modelName,
    benchmark: c.benchmarkSlug,
    metric: c.metricSlug,
    recipe: c.recipeSlug ?? '',
    value: String(c.value),
    stderr: c.stderr === null ? '' : String(c.stderr),
    ...formSettingValues((field) => settingText(field, c)),
    role: c.role,
    locator: c.locator ?? '',
    quote: c.quote ?? '',
  };
}

/** An empty row of the form. */
export function blankFormValues(): FormValues {
  return {
    model: '',
    benchmark: '',
    metric: '',
    recipe: '',
    value: '',
    stderr: '',
    ...formSettingValues((field) => SETTING_FIELDS[field].form.blank),
    role: 'proposed',
    locator: '',
    quote: '',
  };
}

/**
 * A form row as the claim schema reads it. Text that is no number (or no choice) is passed on as
 * typed, so the schema answers with the field's own message; what the form does not ask for is
 * unstated.
 */
export function fromFormValues(values: FormValues): Record<keyof ClaimInput, unknown> {
  const lenient = <T>(text: string, result: TextRead<T>): T | string =>
    'value' in result ? result.value : text;
  const shown = new Set<string>(FORM_SETTING_FIELDS);
  return {
    model: values.model,
    benchmark: values.benchmark,
    metric: values.metric,
    recipe: values.recipe,
    value: values.value === '' ? null : lenient(values.value, readNumber(values.value)),
    stderr: lenient(values.stderr, readNumber(values.stderr)),
    ...buildSetting((field) => {
      const spec = SETTING_SPECS[field];
      if (!shown.has(field)) return spec.unstated;
      const text = values[field as FormSettingField];
      // The schema reports what the text codec could not read.
      return lenient(text, spec.text.read(text)) as Setting[typeof field];
    }),
    settingNotes: null,
    role: values.role,
    locator: values.locator,
    quote: values.quote,
    reference: null,
    notes: null,
    confidence: null,
  };
}

/**
 * An edit replaces what the form shows; everything else (the variant, the setting as printed,
 * the reference, notes and confidence) keeps its stored value.
 */
export function editedInput(stored: Claim, edit: ClaimInput): ClaimInput {
  const setting = settingFromColumns(stored);
  return {
    ...edit,
    ...buildSetting((field) =>
      (FORM_SETTING_FIELDS as string[]).includes(field) ? edit[field] : setting[field],
    ),
    settingNotes: stored.setting_notes,
    reference: stored.reference,
    notes: stored.notes,
    confidence: stored.confidence,
  };
}

/** The catalogue and ledger ids an input resolves to. */
export interface ClaimIds {
  modelId: number;
  benchmarkId: number;
  metricId: number;
  recipeId: number | null;
}

/** What a claim is about, as the claim_identity index has it (less the paper). */
export function toSubjectRow(c: Setting & ClaimIds): ClaimSubjectRow {
  return {
    model_id: c.modelId,
    benchmark_id: c.benchmarkId,
    metric_id: c.metricId,
    recipe_id: c.recipeId,
    ...settingColumns(c),
  };
}

export const toIdentityRow = (paperId: number, c: Setting & ClaimIds): ClaimIdentityRow => ({
  paper_id: paperId,
  ...toSubjectRow(c),
});

/** Every column an input decides, for an insert or an edit. */
function claimColumns(c: ClaimInput & ClaimIds) {
  return { ...toSubjectRow(c), ...ownColumns(c) };
}

/** A new claim's row. */
export function toNewClaim(
  c: ClaimInput & ClaimIds,
  record: {
    paperId: number;
    status: ClaimStatus;
    submitter: string;
    now: Date;
    submissionId: number | null;
  },
): NewClaim {
  return {
    ...claimColumns(c),
    paper_id: record.paperId,
    status: record.status,
    review_note: null,
    submitter: record.submitter,
    created_at: record.now,
    updated_at: record.now,
    reviewed_at: record.status === 'approved' ? record.now : null,
    submission_id: record.submissionId,
  };
}

/** The changes of an edit (see `editedInput` for what an edit keeps). */
export function toClaimChanges(c: ClaimInput & ClaimIds, now: Date): ClaimUpdate {
  return { ...claimColumns(c), updated_at: now };
}
