/**
 * The documents the ledger hands out: view exports (and the API's data), and the full dump. Their
 * JSON Schemas in docs/ are generated from these (`npm run schemas`); a test fails when the
 * committed files differ from what these generate.
 */
import { z } from 'zod';
import {
  ledgerBenchmarkSchema,
  ledgerMetricSchema,
  ledgerRecipeSchema,
} from '../benchmarks/benchmark.contract';
import { claimSchema, ledgerClaimSchema } from '../claims/claim.contract';
import {
  datasetLeaderboardSchema,
  suiteLeaderboardSchema,
} from '../leaderboards/leaderboard.contract';
import { ledgerModelSchema, modelListItemSchema, modelSchema } from '../models/model.contract';
import { ledgerPaperSchema, paperListItemSchema, paperSchema } from '../papers/paper.contract';

/** Every public JSON document carries it; bumped only for changes that break a reader. */
export const SCHEMA_VERSION = 1;
export const LEDGER_KIND = 'benchledger.ledger';

const versioned = <K extends string>(kind: K) => ({
  schemaVersion: z.literal(SCHEMA_VERSION),
  kind: z.literal(kind),
});

/** What /benchmarks/:slug.json returns: the whole filtered leaderboard. */
export const leaderboardDocumentSchema = z
  .union([
    datasetLeaderboardSchema.extend(versioned('leaderboard')),
    suiteLeaderboardSchema.extend(versioned('leaderboard')),
  ])
  .meta({ id: 'leaderboardDocument' });

export const paperDocumentSchema = z
  .object({ ...versioned('paper'), paper: paperSchema, claims: z.array(claimSchema) })
  .meta({ id: 'paperDocument' });

export const modelDocumentSchema = z
  .object({ ...versioned('model'), model: modelSchema, claims: z.array(claimSchema) })
  .meta({ id: 'modelDocument' });

export const papersDocumentSchema = z
  .object({ ...versioned('papers'), total: z.int().min(0), papers: z.array(paperListItemSchema) })
  .meta({ id: 'papersDocument' });

export const modelsDocumentSchema = z
  .object({ ...versioned('models'), total: z.int().min(0), models: z.array(modelListItemSchema) })
  .meta({ id: 'modelsDocument' });

/** What /benchmarks/:slug.json, /papers/:key.json, /models/:id.json and the lists return. */
export const exportDocumentSchema = z.union([
  leaderboardDocumentSchema,
  paperDocumentSchema,
  modelDocumentSchema,
  papersDocumentSchema,
  modelsDocumentSchema,
]);

/** The whole ledger, as GET /export/ledger.json streams it and the imports read it. */
export const ledgerDocumentSchema = z.object({
  ...versioned(LEDGER_KIND),
  exportedAt: z.iso.datetime(),
  metrics: z.array(ledgerMetricSchema),
  benchmarks: z.array(ledgerBenchmarkSchema),
  recipes: z.array(ledgerRecipeSchema),
  models: z.array(ledgerModelSchema),
  papers: z.array(ledgerPaperSchema),
  claims: z.array(ledgerClaimSchema),
});

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * JSON Schema (draft 2020-12) of a contract schema, with `$ref`s to the components it shares
 * (those with an id). The bounds zod gives every integer and the pattern it adds to every ISO
 * date say nothing a reader needs, so they are left out.
 */
export function toJsonSchema(schema: z.ZodType, options: { uri?: (id: string) => string } = {}) {
  return z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    unrepresentable: 'throw',
    ...options,
    override: ({ jsonSchema }) => tidy(jsonSchema),
  });
}

function tidy(json: Record<string, unknown>): void {
  if (json.type === 'integer') {
    if (json.minimum === -MAX_SAFE) delete json.minimum;
    if (json.maximum === MAX_SAFE) delete json.maximum;
  }
  if (json.format === 'date' || json.format === 'date-time') delete json.pattern;
}

/** The files in docs/, by name, exactly as `npm run schemas` writes them. */
export function jsonSchemaFiles(): Record<string, Record<string, unknown>> {
  const file = (head: { $id: string; title: string; description: string }, schema: z.ZodType) => {
    const json = toJsonSchema(schema);
    return { $schema: json.$schema, ...head, ...json };
  };
  return {
    'export.schema.json': file(
      {
        $id: 'https://benchledger.example/schemas/export.schema.json',
        title: `benchledger view exports and API documents, schemaVersion ${SCHEMA_VERSION}`,
        description:
          'What /benchmarks/:slug.json, /papers.json, /papers/:key.json, /models.json and /models/:id.json return: exactly the rows the page shows, with the same filters and order, but every row rather than one page. The read API under /api returns the same presenters inside a paginated envelope. Generated from src/ by `npm run schemas`.',
      },
      exportDocumentSchema,
    ),
    'ledger.schema.json': file(
      {
        $id: 'https://benchledger.example/schemas/ledger.schema.json',
        title: `benchledger ledger dump, schemaVersion ${SCHEMA_VERSION}`,
        description:
          "The whole ledger: the catalogue (metrics, benchmarks, aggregate recipes), every model with its aliases, every source (paper or evaluation run) and every approved claim with its setting and provenance. Written by GET /export/ledger.json, read by `npm run import` and the import page. Claims refer to papers by `ref` (the paper's id in the exporting ledger) and to models, benchmarks, metrics and recipes by name or slug. Generated from src/ by `npm run schemas`.",
      },
      ledgerDocumentSchema,
    ),
  };
}
