/**
 * The claim contract: the one definition of a claim's shape. The TypeScript types, the JSON
 * Schemas in docs/ (`npm run schemas`) and the OpenAPI components are all generated from these.
 */
import { z } from 'zod';
import {
  benchmarkRefSchema,
  metricRefSchema,
  recipeRefSchema,
  slugSchema,
} from '../benchmarks/benchmark.contract';
import { MODEL_LIMITS, modelRefSchema } from '../models/model.contract';
import { paperRefSchema } from '../papers/paper.contract';
import { settingSchema } from './claim.setting';

export const ROLES = ['proposed', 'baseline', 'ablation', 'reproduction'] as const;
export type Role = (typeof ROLES)[number];

export const STATUSES = ['pending', 'approved', 'rejected', 'retracted'] as const;
export type ClaimStatus = (typeof STATUSES)[number];

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const CLAIM_LIMITS = {
  settingNotes: 2000,
  locator: 200,
  quote: 500,
  reference: 1000,
  notes: 2000,
} as const;

const text = (max: number, label: string) =>
  z.string().max(max, `${label} must be at most ${max} characters.`).nullable();

const value = z.number({ error: 'Enter the value as a number.' });
const stderr = z
  .number({ error: 'Enter the standard error as a number.' })
  .min(0, 'A standard error cannot be negative.')
  .nullable();
const settingNotes = text(CLAIM_LIMITS.settingNotes, 'Setting notes');
const role = z.enum(ROLES, { error: 'Choose the claim’s role in the paper.' });

/** Where in the source the value is printed, and how sure the reader was. */
export const provenanceSchema = z
  .object({
    locator: text(CLAIM_LIMITS.locator, 'The locator').meta({
      description: 'e.g. "Table 2, p. 6"',
    }),
    quote: text(CLAIM_LIMITS.quote, 'The quote'),
    reference: text(CLAIM_LIMITS.reference, 'The reference'),
    notes: text(CLAIM_LIMITS.notes, 'Notes'),
    confidence: z.enum(CONFIDENCES).nullable(),
  })
  .meta({ id: 'provenance' });
export type Provenance = z.output<typeof provenanceSchema>;

/** The provenance of a source that gives none. */
export const noProvenance = (): Provenance => ({
  locator: null,
  quote: null,
  reference: null,
  notes: null,
  confidence: null,
});

/** The setting as documents carry it: the identity fields and the setting as printed. */
export const claimSettingSchema = settingSchema
  .extend({
    notes: settingNotes.meta({ description: 'the setting as the source prints it' }),
  })
  .meta({ id: 'setting' });

/** A claim in the API and the view exports: numbers with names, paper, setting and provenance. */
export const claimSchema = z
  .object({
    id: z.int(),
    paper: paperRefSchema,
    model: modelRefSchema,
    benchmark: benchmarkRefSchema,
    metric: metricRefSchema,
    recipe: recipeRefSchema.nullable(),
    value,
    stderr,
    setting: claimSettingSchema,
    role,
    provenance: provenanceSchema,
    status: z.enum(STATUSES),
  })
  .meta({ id: 'claim' });
export type PublicClaim = z.output<typeof claimSchema>;

/** A claim in the dump: catalogue entries by slug, its paper by the dump's `ref`. */
export const ledgerClaimSchema = z
  .object({
    id: z.int(),
    paper: z.int().meta({ description: 'the ref of a paper in this file' }),
    model: z.string().min(1).max(MODEL_LIMITS.name),
    benchmark: slugSchema,
    metric: slugSchema,
    recipe: slugSchema
      .nullable()
      .meta({ description: 'the averaging recipe of a suite-level score' }),
    value,
    stderr,
    setting: claimSettingSchema,
    role,
    provenance: provenanceSchema,
    status: z.literal('approved'),
    submitter: z.string(),
    createdAt: z.iso.datetime(),
    reviewedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ledgerClaim' });
export type LedgerClaim = z.output<typeof ledgerClaimSchema>;

/** Trims text and reads an empty field as not given. */
const blankAsNull = (value: unknown) => (typeof value === 'string' ? value.trim() || null : value);

const optionalText = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsNull, schema);

/**
 * One claim as a form, an import or an edit hands it over, before the catalogue is consulted:
 * the catalogue entries by slug, the model by name or alias. Every message is the one the
 * submitter sees next to the field.
 */
export const claimInputSchema = z.object({
  model: z
    .string()
    .trim()
    .min(1, 'Name the model.')
    .max(MODEL_LIMITS.name, `The model name must be at most ${MODEL_LIMITS.name} characters.`),
  benchmark: z.string().trim().min(1, 'Choose a benchmark.').max(80),
  metric: z.string().trim().min(1, 'Choose a metric.').max(80),
  recipe: optionalText(z.string().max(80).nullable()),
  value,
  stderr,
  ...settingSchema.shape,
  settingNotes: optionalText(settingNotes),
  role,
  locator: optionalText(provenanceSchema.shape.locator),
  quote: optionalText(provenanceSchema.shape.quote),
  reference: optionalText(provenanceSchema.shape.reference),
  notes: optionalText(provenanceSchema.shape.notes),
  confidence: provenanceSchema.shape.confidence,
});
export type ClaimInput = z.output<typeof claimInputSchema>;
