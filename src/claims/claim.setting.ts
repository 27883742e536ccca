import { z } from 'zod';
import type { ClaimTable } from './claim.table';
import {
  choiceText,
  countText,
  flagText,
  formatCount,
  plainText,
  wholeNumberText,
  type TextCodec,
} from './claim.text';

export const SPLITS = ['test', 'dev', 'unknown'] as const;
export type Split = (typeof SPLITS)[number];

export const ADAPTATIONS = [
  'full_ft',
  'lora',
  'adalora',
  'adapter',
  'prefix_tuning',
  'prompt_tuning',
  'bitfit',
  'in_context',
  'other',
  'unknown',
] as const;
export type Adaptation = (typeof ADAPTATIONS)[number];

export const ADAPTATION_LABELS: Record<Adaptation, string> = {
  full_ft: 'Full fine-tuning',
  lora: 'LoRA',
  adalora: 'AdaLoRA',
  adapter: 'Adapters',
  prefix_tuning: 'Prefix tuning',
  prompt_tuning: 'Prompt tuning',
  bitfit: 'BitFit',
  in_context: 'In-context / frozen',
  other: 'Other',
  unknown: 'Not stated',
};

export const SETTING_LIMITS = { variant: 200, nShot: 10000, trainableParams: 1e15 } as const;

/** greedy, or maj@K / pass@K with K from 1: the migration's CHECK says the same. */
export const SAMPLING = /^(greedy|(maj|pass)@[1-9]\d{0,5})$/;

/**
 * The setting a value was measured in. Two claims of one paper, model, benchmark, metric and
 * recipe are the same claim exactly when their settings are equal; claims of different papers in
 * equal settings are compared, and conflict when their values disagree.
 */
export const settingSchema = z.object({
  split: z.enum(SPLITS, { error: 'Choose test, dev or unknown.' }),
  nShot: z
    .number({ error: 'Enter the number of shots as a whole number.' })
    .int('Enter the number of shots as a whole number.')
    .min(0, 'Shots cannot be negative.')
    .max(SETTING_LIMITS.nShot, `At most ${SETTING_LIMITS.nShot} shots.`)
    .nullable(),
  chainOfThought: z.boolean({ error: 'Choose yes, no or not stated.' }).nullable(),
  /** How answers were sampled: greedy decoding, majority vote over K samples, or pass@K. */
  sampling: z
    .string({ error: 'Write the sampling as greedy, maj@K or pass@K.' })
    .regex(
      SAMPLING,
      'Write the sampling as greedy, maj@K or pass@K (K a whole number), e.g. maj@8.',
    )
    .nullable(),
  adaptation: z.enum(ADAPTATIONS, { error: 'Choose an adaptation method.' }),
  trainableParams: z
    .number({ error: 'Enter trainable parameters as a number.' })
    .int('Enter trainable parameters as a whole number (e.g. 1330000).')
    .positive('Trainable parameters must be more than zero.')
    .max(SETTING_LIMITS.trainableParams, 'That is more parameters than any model has.')
    .nullable(),
  /** Distinguishes settings the other fields cannot, e.g. 'r=8' or 'strict-match'. */
  variant: z
    .string()
    .trim()
    .max(
      SETTING_LIMITS.variant,
      `The variant must be at most ${SETTING_LIMITS.variant} characters.`,
    ),
});

export type Setting = z.output<typeof settingSchema>;
export type SettingField = keyof Setting;

/** How a setting field is typed into the submission form. */
export interface SettingFormSpec {
  /** A select's options, value and label; a text input when absent. */
  choices?: readonly (readonly [string, string])[];
  hint?: string;
  inputmode?: 'decimal' | 'numeric';
  maxlength?: number;
  /** What a new, empty row starts with. */
  blank: string;
  /** A table's next row starts with the previous row's value: a table repeats its setting. */
  repeat: boolean;
}

/**
 * What a field tells: the split; the protocol a value was measured with (shots, chain of thought,
 * …), which must match for two values to be compared at all; or the method that produced it
 * (adaptation, budget, variant), which is what a comparison sets side by side.
 */
export type SettingAspect = 'split' | 'protocol' | 'method';

export interface SettingFieldSpec<T> {
  aspect: SettingAspect;
  /** The value when a source does not say. */
  unstated: T;
  /** The CSV column, in imports and exports. */
  csv: string;
  label: string;
  text: TextCodec<T>;
  /** Null when the form does not ask for it. */
  form: SettingFormSpec | null;
  /** How a page prints the value by itself, e.g. in a leaderboard column. */
  show(value: T): string;
  /** Its tag in a claim's setting line ("5-shot", "1.33M trainable"), or null for none. */
  tag(value: T): string | null;
  /** Its phrase in a setting label ("5-shot", "LoRA (1.33M params)"), or null for none. */
  phrase(value: T, setting: Setting): string | null;
  /** A leaderboard column, sortable by the named key; null when the page shows it elsewhere. */
  column: { heading: string; sort: string | null; numeric: boolean } | null;
}

const orDash = (text: string | null) => text ?? '—';

/** "Maj@8" and LLaMA's "maj1@8" read as maj@8; the schema says what else is wrong. */
const samplingText: TextCodec<string | null> = {
  read: (text) => ({
    value:
      text
        .trim()
        .toLowerCase()
        .replace(/\s+/g, '')
        .replace(/^maj1@/, 'maj@') || null,
  }),
  write: (sampling) => sampling ?? '',
};
const shots = (n: number | null) => (n === null ? null : `${n}-shot`);
const cot = (value: boolean | null) => (value === null ? null : value ? 'CoT' : 'no CoT');

const choices = <T extends string>(values: readonly T[], label: (value: T) => string = (v) => v) =>
  values.map((value) => [value, label(value)] as const);

/** Every setting field, in the order the JSON, the CSV and the form list them. */
export const SETTING_FIELDS = {
  split: {
    aspect: 'split',
    unstated: 'unknown',
    csv: 'split',
    label: 'Split',
    text: choiceText(SPLITS, 'unknown'),
    form: { choices: choices(SPLITS), blank: 'test', repeat: true },
    show: (split) => split,
    tag: (split) => split,
    phrase: (split) => (split === 'unknown' ? null : split),
    column: { heading: 'Split', sort: null, numeric: false },
  },
  nShot: {
    aspect: 'protocol',
    unstated: null,
    csv: 'n_shot',
    label: 'Shots',
    text: wholeNumberText,
    form: { inputmode: 'numeric', maxlength: 20, blank: '', repeat: true },
    show: (n) => orDash(shots(n)),
    tag: shots,
    phrase: shots,
    column: { heading: 'Shots', sort: 'shots', numeric: false },
  },
  chainOfThought: {
    aspect: 'protocol',
    unstated: null,
    csv: 'chain_of_thought',
    label: 'Chain of thought',
    text: flagText,
    form: {
      choices: [
        ['', 'Not stated'],
        ['yes', 'Yes'],
        ['no', 'No'],
      ],
      blank: '',
      repeat: true,
    },
    show: (value) => (value === null ? '—' : value ? 'yes' : 'no'),
    tag: (value) => (value ? 'CoT' : null),
    phrase: cot,
    column: { heading: 'CoT', sort: null, numeric: false },
  },
  sampling: {
    aspect: 'protocol',
    unstated: null,
    csv: 'sampling',
    label: 'Sampling',
    text: samplingText,
    form: {
      maxlength: 20,
      hint: 'greedy, maj@K or pass@K, e.g. maj@8; empty when not stated',
      blank: '',
      repeat: true,
    },
    show: (sampling) => sampling ?? '—',
    tag: (sampling) => sampling,
    phrase: (sampling) => sampling,
    column: { heading: 'Sampling', sort: null, numeric: false },
  },
  adaptation: {
    aspect: 'method',
    unstated: 'unknown',
    csv: 'adaptation',
    label: 'Adaptation',
    text: choiceText(ADAPTATIONS, 'unknown'),
    form: {
      choices: choices(ADAPTATIONS, (a) => ADAPTATION_LABELS[a]),
      blank: 'unknown',
      repeat: true,
    },
    show: (adaptation) => ADAPTATION_LABELS[adaptation],
    tag: (adaptation) => ADAPTATION_LABELS[adaptation],
    phrase: (adaptation, { trainableParams }) =>
      adaptation === 'unknown'
        ? null
        : trainableParams === null
          ? ADAPTATION_LABELS[adaptation]
          : `${ADAPTATION_LABELS[adaptation]} (${formatCount(trainableParams)} params)`,
    column: { heading: 'Adaptation', sort: null, numeric: false },
  },
  trainableParams: {
    aspect: 'method',
    unstated: null,
    csv: 'trainable_params',
    label: 'Trainable params',
    text: countText,
    form: { maxlength: 40, hint: 'e.g. 1330000 or 1.33M', blank: '', repeat: false },
    show: (count) => (count ? formatCount(count) : '—'),
    tag: (count) => (count ? `${formatCount(count)} trainable` : null),
    // With a method, the budget is part of the method's phrase.
    phrase: (count, { adaptation }) =>
      count === null || adaptation !== 'unknown' ? null : `${formatCount(count)} trainable params`,
    column: { heading: 'Trainable', sort: 'trainable', numeric: true },
  },
  variant: {
    aspect: 'method',
    unstated: '',
    csv: 'variant',
    label: 'Variant',
    text: plainText,
    form: null,
    show: (variant) => variant,
    tag: (variant) => variant || null,
    phrase: (variant) => variant.trim() || null,
    // The model column shows it, next to the model's name.
    column: null,
  },
} satisfies { [F in SettingField]: SettingFieldSpec<Setting[F]> };

/** The same table, typed per field for code that handles any field. */
export const SETTING_SPECS: { [F in SettingField]: SettingFieldSpec<Setting[F]> } = SETTING_FIELDS;

export const SETTING_FIELD_NAMES = Object.keys(SETTING_FIELDS) as SettingField[];

/** The setting fields the submission form asks for. */
export type FormSettingField = {
  [F in SettingField]: (typeof SETTING_FIELDS)[F]['form'] extends null ? never : F;
}[SettingField];

export const FORM_SETTING_FIELDS = SETTING_FIELD_NAMES.filter(
  (field): field is FormSettingField => SETTING_FIELDS[field].form !== null,
);

/** Each setting field's column in the claim table; every one is part of the claim identity. */
export const SETTING_COLUMN = {
  split: 'split',
  nShot: 'n_shot',
  chainOfThought: 'chain_of_thought',
  sampling: 'sampling',
  adaptation: 'adaptation',
  trainableParams: 'trainable_params',
  variant: 'variant',
} as const satisfies Record<SettingField, keyof ClaimTable>;

/** A setting as the claim table stores it. */
export type SettingColumns = {
  [F in SettingField as (typeof SETTING_COLUMN)[F]]: Setting[F];
};

export function settingColumns(setting: Setting): SettingColumns {
  return Object.fromEntries(
    SETTING_FIELD_NAMES.map((field) => [SETTING_COLUMN[field], setting[field]]),
  ) as SettingColumns;
}

export function settingFromColumns(row: SettingColumns): Setting {
  return Object.fromEntries(
    SETTING_FIELD_NAMES.map((field) => [field, row[SETTING_COLUMN[field]]]),
  ) as Setting;
}

/** The setting of a source that says nothing about it. */
export const unstatedSetting = (): Setting =>
  buildSetting((field) => SETTING_SPECS[field].unstated);

/** Builds a setting field by field, e.g. from the cells of a CSV row. */
export function buildSetting(read: <F extends SettingField>(field: F) => Setting[F]): Setting {
  return Object.fromEntries(SETTING_FIELD_NAMES.map((field) => [field, read(field)])) as Setting;
}

/** The setting fields of anything that carries them (a claim view, an input, a row). */
export function settingOf(claim: Setting): Setting {
  return Object.fromEntries(SETTING_FIELD_NAMES.map((field) => [field, claim[field]])) as Setting;
}

/**
 * The columns that make two stored claims the same claim: the claim_identity unique index
 * (`nulls not distinct`) lists exactly these, and a test holds the two together.
 */
export const CLAIM_IDENTITY_COLUMNS = [
  'paper_id',
  'model_id',
  'benchmark_id',
  'metric_id',
  'recipe_id',
  ...Object.values(SETTING_COLUMN),
] as const satisfies readonly (keyof ClaimTable)[];

/** One setting field as text: its CSV cell and form value. */
export function settingText<F extends SettingField>(field: F, setting: Pick<Setting, F>): string {
  const spec: SettingFieldSpec<Setting[F]> = SETTING_SPECS[field];
  return spec.text.write(setting[field]);
}

/** A stable key: claims with equal keys were measured in the same setting. */
export function settingKey(setting: Setting): string {
  // Encoded so that a '|' typed into a variant cannot make two settings share a key.
  return SETTING_FIELD_NAMES.map((field) =>
    encodeURIComponent(settingText(field, setting).trim()),
  ).join('|');
}

export const sameSetting = (a: Setting, b: Setting): boolean => settingKey(a) === settingKey(b);

/** What a claim is about, besides its paper: the rest of the claim_identity index. */
export interface ClaimSubject extends Setting {
  modelId: number;
  benchmarkId: number;
  metricId: number;
  recipeId: number | null;
}

/**
 * Claims with equal subject keys measure one thing in one setting (papers may differ). A model
 * not stored yet is keyed by its name.
 */
export const subjectKey = (
  claim: Omit<ClaimSubject, 'modelId'> & { modelId: number | string },
): string =>
  [claim.modelId, claim.benchmarkId, claim.metricId, claim.recipeId ?? '-', settingKey(claim)].join(
    '|',
  );

/** One setting field's phrase, e.g. "5-shot", or null when it says nothing. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- F pairs the field with its spec's value type
export function settingPhrase<F extends SettingField>(field: F, setting: Setting): string | null {
  const spec: SettingFieldSpec<Setting[F]> = SETTING_SPECS[field];
  return spec.phrase(setting[field], setting);
}

/** One setting field's tag in a claim's setting line, or null when it has none. */
export function settingTag<F extends SettingField>(
  field: F,
  setting: Pick<Setting, F>,
): string | null {
  const spec: SettingFieldSpec<Setting[F]> = SETTING_SPECS[field];
  return spec.tag(setting[field]);
}

/** How a page prints one setting field by itself. */
export function showSetting<F extends SettingField>(field: F, setting: Pick<Setting, F>): string {
  const spec: SettingFieldSpec<Setting[F]> = SETTING_SPECS[field];
  return spec.show(setting[field]);
}

/** A short label such as "test · 5-shot · CoT · LoRA (1.33M params) · r=8". */
export function settingLabel(setting: Setting): string {
  return SETTING_FIELD_NAMES.map((field) => settingPhrase(field, setting))
    .filter((phrase): phrase is string => phrase !== null)
    .join(' · ');
}

/** The setting with only the fields of the given aspects kept, the others unstated. */
export function settingAspects(setting: Setting, aspects: readonly SettingAspect[]): Setting {
  return Object.fromEntries(
    SETTING_FIELD_NAMES.map((field) => {
      const spec = SETTING_SPECS[field];
      return [field, aspects.includes(spec.aspect) ? setting[field] : spec.unstated];
    }),
  ) as Setting;
}
