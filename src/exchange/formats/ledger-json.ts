import { z } from 'zod';
import { ledgerClaimSchema } from '../../claims/claim.contract';
import { fromLedgerClaim } from '../../claims/claim.mappers';
import { unstatedSetting } from '../../claims/claim.setting';
import { ledgerModelSchema } from '../../models/model.contract';
import { ledgerPaperSchema } from '../../papers/paper.contract';
import { SCHEMA_VERSION } from '../exchange.contract';
import { ImportError, parseJsonText, type ImportBundle, type ParsedImport } from '../import.types';

// A dump written before a setting field existed does not have it: the field is unstated.
const settingAsRead = z.preprocess(
  (setting) =>
    typeof setting === 'object' && setting !== null
      ? { ...unstatedSetting(), ...setting }
      : setting,
  ledgerClaimSchema.shape.setting,
);

/** What an importer needs of a claim; the review fields of the dump are informative. */
const claimAsRead = ledgerClaimSchema
  .pick({
    model: true,
    benchmark: true,
    metric: true,
    recipe: true,
    value: true,
    stderr: true,
    role: true,
    provenance: true,
    paper: true,
  })
  .extend({ id: z.int().optional(), setting: settingAsRead });

/** What an importer needs of a dump; the catalogue sections are informative, checked by slug. */
const ledgerSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION, {
    error: `schemaVersion must be ${SCHEMA_VERSION}`,
  }),
  models: z.array(ledgerModelSchema).default([]),
  papers: z.array(
    ledgerPaperSchema.extend({ runDetails: ledgerPaperSchema.shape.runDetails.default(null) }),
  ),
  claims: z.array(claimAsRead),
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
      claim: fromLedgerClaim(c),
    });
  }
  if (problems.length)
    throw new ImportError('The dump refers to papers it does not contain:', problems);
  return { format: 'ledger', bundles: [...bundles.values()], models, skipped: [] };
}
