import { z } from 'zod';
import { ADAPTATIONS, ROLES, SPLITS } from '../../claims/claim.table';
import {
  ImportError,
  parseJsonText,
  type ImportBundle,
  type ModelInput,
  type ParsedImport,
} from '../import.types';

/** Bumped only when a change would make an older reader misread a dump. */
export const LEDGER_SCHEMA_VERSION = 1;
export const LEDGER_KIND = 'benchledger.ledger';

export interface LedgerMetric {
  slug: string;
  name: string;
  direction: 'higher' | 'lower';
  scale: 'percent' | 'correlation' | 'raw';
  min: number | null;
  max: number | null;
}

export interface LedgerBenchmark {
  slug: string;
  name: string;
  kind: 'suite' | 'group' | 'dataset';
  parent: string | null;
  taskType: string | null;
  scored: boolean;
  description: string | null;
  url: string | null;
  /** Allowed metrics by slug; the first is the primary one. */
  metrics: string[];
}

export interface LedgerRecipe {
  slug: string;
  benchmark: string;
  name: string;
  official: boolean;
  computable: boolean;
  description: string;
  definition: unknown;
}

export type LedgerModel = ModelInput;

export interface LedgerPaper {
  /** The paper's id in the exporting ledger: claims refer to it, an importer assigns its own. */
  ref: number;
  kind: 'paper' | 'run';
  arxivId: string | null;
  title: string;
  authors: string[];
  publishedOn: string | null;
  datePrecision: 'day' | 'month' | 'year';
  venue: string | null;
  url: string | null;
  runDetails: Record<string, unknown> | null;
}

export interface LedgerClaim {
  id: number;
  paper: number;
  model: string;
  benchmark: string;
  metric: string;
  recipe: string | null;
  value: number;
  stderr: number | null;
  setting: {
    split: (typeof SPLITS)[number];
    nShot: number | null;
    chainOfThought: boolean | null;
    adaptation: (typeof ADAPTATIONS)[number];
    trainableParams: number | null;
    variant: string;
    notes: string | null;
  };
  role: (typeof ROLES)[number];
  provenance: {
    locator: string | null;
    quote: string | null;
    reference: string | null;
    notes: string | null;
    confidence: 'high' | 'medium' | 'low' | null;
  };
  status: 'approved';
  submitter: string;
  createdAt: string;
  reviewedAt: string | null;
}

const nullableString = z.string().nullable();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');

const modelSchema = z.object({
  name: z.string().min(1).max(200),
  family: nullableString.default(null),
  parameterCount: z.number().int().positive().nullable().default(null),
  baseModel: nullableString.default(null),
  aliases: z.array(z.string().min(1).max(300)).default([]),
});

const paperSchema = z.object({
  ref: z.number().int(),
  kind: z.enum(['paper', 'run']),
  arxivId: nullableString,
  title: z.string().min(1).max(500),
  authors: z.array(z.string()),
  publishedOn: date.nullable(),
  datePrecision: z.enum(['day', 'month', 'year']),
  venue: nullableString,
  url: nullableString,
  runDetails: z.record(z.string(), z.unknown()).nullable().default(null),
});

const claimSchema = z.object({
  id: z.number().int().optional(),
  paper: z.number().int(),
  model: z.string(),
  benchmark: z.string(),
  metric: z.string(),
  recipe: nullableString,
  value: z.number(),
  stderr: z.number().nullable(),
  setting: z.object({
    split: z.enum(SPLITS),
    nShot: z.number().int().nullable(),
    chainOfThought: z.boolean().nullable(),
    adaptation: z.enum(ADAPTATIONS),
    trainableParams: z.number().int().nullable(),
    variant: z.string(),
    notes: nullableString,
  }),
  role: z.enum(ROLES),
  provenance: z.object({
    locator: nullableString,
    quote: nullableString,
    reference: nullableString,
    notes: nullableString,
    confidence: z.enum(['high', 'medium', 'low']).nullable(),
  }),
});

/** What an importer needs of a dump; the catalogue sections are informative, checked by slug. */
const ledgerSchema = z.object({
  schemaVersion: z.literal(LEDGER_SCHEMA_VERSION, {
    error: `schemaVersion must be ${LEDGER_SCHEMA_VERSION}`,
  }),
  models: z.array(modelSchema).default([]),
  papers: z.array(paperSchema),
  claims: z.array(claimSchema),
});

/** Lists zod issues as "path: message", at most `limit` of them. */
export function describeIssues(error: z.ZodError, limit = 20): string[] {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
      .join('');
    return `${path || '(file)'}: ${issue.message}`;
  });
  if (error.issues.length > limit) lines.push(`… and ${error.issues.length - limit} more`);
  return lines;
}

export function looksLikeLedger(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'schemaVersion' in data && 'claims' in data;
}

/** Our own dump → bundles, one per paper, in the order the dump lists them. */
export function parseLedgerJson(text: string): ParsedImport {
  return fromLedgerData(parseJsonText(text));
}

export function fromLedgerData(data: unknown): ParsedImport {
  const parsed = ledgerSchema.safeParse(data);
  if (!parsed.success) {
    throw new ImportError(
      'The file is not a benchledger ledger dump:',
      describeIssues(parsed.error),
    );
  }
  const { papers, claims, models } = parsed.data;
  const bundles = new Map<number, ImportBundle>();
  for (const p of papers) {
    bundles.set(p.ref, {
      paper: {
        kind: p.kind,
        arxivId: p.arxivId,
        title: p.title,
        authors: p.authors,
        publishedOn: p.publishedOn,
        datePrecision: p.datePrecision,
        venue: p.venue,
        url: p.url,
        runDetails: p.runDetails,
      },
      claims: [],
    });
  }
  const problems: string[] = [];
  for (const [index, c] of claims.entries()) {
    const bundle = bundles.get(c.paper);
    if (!bundle) {
      problems.push(`claims[${index}].paper: no paper with ref ${c.paper} in the file`);
      continue;
    }
    bundle.claims.push({
      where: `claims[${index}]${c.id === undefined ? '' : ` (id ${c.id})`}`,
      claim: {
        model: c.model,
        benchmark: c.benchmark,
        metric: c.metric,
        recipe: c.recipe,
        value: c.value,
        stderr: c.stderr,
        split: c.setting.split,
        nShot: c.setting.nShot,
        chainOfThought: c.setting.chainOfThought,
        adaptation: c.setting.adaptation,
        trainableParams: c.setting.trainableParams,
        variant: c.setting.variant,
        settingNotes: c.setting.notes,
        role: c.role,
        locator: c.provenance.locator,
        quote: c.provenance.quote,
        reference: c.provenance.reference,
        notes: c.provenance.notes,
        confidence: c.provenance.confidence,
      },
    });
  }
  if (problems.length)
    throw new ImportError('The dump refers to papers it does not contain:', problems);
  return { format: 'ledger', bundles: [...bundles.values()], models, skipped: [] };
}
