/**
 * The paste flow's checks and its one write. The preview runs, in one pass, every check the table
 * form runs (the row schema, the catalogue, duplicates within the paste and in the ledger, near
 * conflicts with other papers) and stores nothing; the submission hands the new claims to the
 * table form's own `submitClaims`, which checks them again and stores them in one transaction.
 */
import { loadCatalogue, type Catalogue } from '../benchmarks/benchmark.repository';
import { checkAgainstCatalogue, resolveClaim } from '../claims/claim-input';
import type { ClaimInput } from '../claims/claim.contract';
import { findExistingClaim, findNearConflicts, type NearConflict } from '../claims/claim.service';
import type { DB } from '../db/database';
import { findPaperByArxivId } from '../papers/paper.repository';
import { fieldErrors } from '../http/form';
import { fieldLabel } from '../submissions/submission.form';
import {
  MAX_ROWS,
  rowSchema,
  submissionSchema,
  type SubmissionForm,
} from '../submissions/submission.schema';
import { checkPaper, identityKey, submitClaims } from '../submissions/submission.service';
import { buildClaims, type CellProblem, type PastedClaim } from './claims';
import type { Grid } from './grid';
import type { Mapping } from './mapping';
import { findModelsByKeys, listBenchmarkInfo, listRecipeInfo } from './paste.repository';
import { modelKeyCandidates, type SuggestContext } from './suggest';

export interface PasteContext {
  catalogue: Catalogue;
  suggest: SuggestContext;
}

export type PaperFields = Omit<SubmissionForm, 'rows'>;

const paperSchema = (today: Date) => submissionSchema(today).omit({ rows: true });

/** The arXiv id as the form normalises it (version dropped), or null. */
export function normaliseArxivId(text: string): string | null {
  const parsed = submissionSchema(new Date()).shape.arxivId.safeParse(text);
  return parsed.success ? parsed.data : null;
}

export async function loadPasteContext(
  db: DB,
  grid: Grid,
  paper: { arxivId: string | null; title: string },
): Promise<PasteContext> {
  const [catalogue, benchmarks, recipes, models, known] = await Promise.all([
    loadCatalogue(db),
    listBenchmarkInfo(db),
    listRecipeInfo(db),
    findModelsByKeys(db, modelKeyCandidates(grid)),
    paper.arxivId ? findPaperByArxivId(db, paper.arxivId) : undefined,
  ]);
  return {
    catalogue,
    suggest: { benchmarks, recipes, models, paperTitle: known?.title ?? (paper.title || null) },
  };
}

export type ItemStatus = 'new' | 'duplicate' | 'invalid';

export interface PreviewItem {
  claim: PastedClaim;
  input: ClaimInput | null;
  status: ItemStatus;
  messages: string[];
  existingClaimId: number | null;
  conflicts: NearConflict[];
}

export interface PasteReview {
  items: PreviewItem[];
  problems: CellProblem[];
  /** Paper fields, `form` (the paste as a whole) and `confirm`. */
  errors: Record<string, string>;
  paper: PaperFields | null;
  counts: Record<ItemStatus | 'conflicts', number>;
}

const label = fieldLabel;

function count(items: PreviewItem[]): PasteReview['counts'] {
  return {
    new: items.filter((i) => i.status === 'new').length,
    duplicate: items.filter((i) => i.status === 'duplicate').length,
    invalid: items.filter((i) => i.status === 'invalid').length,
    conflicts: items.filter((i) => i.conflicts.length > 0).length,
  };
}

export const isClean = (review: PasteReview) =>
  review.problems.length === 0 &&
  Object.keys(review.errors).length === 0 &&
  review.counts.invalid === 0 &&
  review.counts.new > 0;

/** Every claim the paste would create, each checked as the table form checks it; nothing stored. */
export async function reviewPaste(
  db: DB,
  grid: Grid,
  mapping: Mapping,
  context: PasteContext,
  body: Record<string, unknown>,
  now = new Date(),
): Promise<PasteReview> {
  const { claims, problems } = buildClaims(grid, mapping, context.suggest.models);
  const errors: Record<string, string> = {};
  const paper = paperSchema(now).safeParse(body);
  if (!paper.success) Object.assign(errors, fieldErrors(paper.error));
  if (claims.length === 0 && problems.length === 0) {
    errors.form = 'The mapping gives no claims: map a column to a benchmark and keep some rows.';
  }
  if (claims.length > MAX_ROWS) {
    errors.form = `The paste gives ${claims.length} claims; one submission takes at most ${MAX_ROWS}. Leave some rows or columns out and send the rest separately.`;
  }
  let paperId: number | null = null;
  if (paper.success) {
    const checked = await checkPaper(db, paper.data);
    paperId = checked.paperId;
    Object.assign(errors, checked.errors);
  }
  const seen = new Map<string, PastedClaim>();
  const items: PreviewItem[] = [];
  for (const claim of claims) {
    const item: PreviewItem = {
      claim,
      input: null,
      status: 'invalid',
      messages: [],
      existingClaimId: null,
      conflicts: [],
    };
    items.push(item);
    const parsed = rowSchema.safeParse(claim.values);
    if (!parsed.success) {
      for (const [field, message] of Object.entries(fieldErrors(parsed.error))) {
        item.messages.push(`${label(field)}: ${message}`);
      }
      continue;
    }
    const catalogueErrors = checkAgainstCatalogue(context.catalogue, parsed.data);
    for (const [field, message] of Object.entries(catalogueErrors)) {
      item.messages.push(`${label(field)}: ${message}`);
    }
    if (item.messages.length) continue;
    item.input = parsed.data;
    const resolved = await resolveClaim(db, context.catalogue, parsed.data);
    const identity = identityKey(resolved);
    const earlier = seen.get(identity);
    if (earlier) {
      item.messages.push(
        `The same claim as row ${earlier.row + 1}, column ${earlier.column + 1}: leave one of them out.`,
      );
      continue;
    }
    seen.set(identity, claim);
    const existing = await findExistingClaim(db, paperId, resolved);
    if (existing) {
      item.status = 'duplicate';
      item.existingClaimId = existing.id;
      item.messages.push(
        `Already in the ledger as claim #${existing.id} (${existing.status}); it will not be stored again.`,
      );
      continue;
    }
    item.status = 'new';
    item.conflicts = await findNearConflicts(db, paperId, resolved);
  }
  return {
    items,
    problems,
    errors,
    paper: paper.success ? paper.data : null,
    counts: count(items),
  };
}

export type PasteOutcome =
  { kind: 'stored'; token: string; claimIds: number[] } | { kind: 'invalid'; review: PasteReview };

/** Sends the new claims of a clean review through the table form's submission: one pending set. */
export async function submitPaste(
  db: DB,
  review: PasteReview,
  confirm: boolean,
  now = new Date(),
): Promise<PasteOutcome> {
  if (!isClean(review) || !review.paper) return { kind: 'invalid', review };
  const fresh = review.items.filter((item) => item.status === 'new');
  const form: SubmissionForm = {
    ...review.paper,
    confirm,
    rows: Object.fromEntries(fresh.map((item, k) => [String(k), item.input!])),
  };
  const outcome = await submitClaims(db, form, now);
  if (outcome.kind === 'stored') {
    return { kind: 'stored', token: outcome.token, claimIds: outcome.claimIds };
  }
  const errors: Record<string, string> = {};
  for (const [key, message] of Object.entries(outcome.errors)) {
    const [first, index, field] = key.split('.');
    const item = first === 'rows' ? fresh[Number(index)] : undefined;
    if (item) {
      item.status = 'invalid';
      item.messages.push(`${label(field ?? '')}: ${message}`);
    } else {
      errors[key] = message;
    }
  }
  for (const conflict of outcome.conflicts) {
    const item = fresh[Number(conflict.rowKey)];
    if (item && !item.conflicts.some((c) => c.claimId === conflict.claimId)) {
      item.conflicts.push(conflict);
    }
  }
  const items = review.items;
  return { kind: 'invalid', review: { ...review, errors, counts: count(items) } };
}
