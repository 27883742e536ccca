import { createHash, randomBytes } from 'node:crypto';
import { loadCatalogue } from '../benchmarks/benchmark.repository';
import { checkAgainstCatalogue, resolveClaim, type ResolvedClaim } from '../claims/claim-input';
import {
  findExistingClaim,
  findNearConflicts,
  writeClaims,
  type NearConflict,
} from '../claims/claim.service';
import { subjectKey } from '../claims/claim.setting';
import type { DB } from '../db/database';
import { findOrCreatePaper, findPaperByArxivId } from '../papers/paper.repository';
import {
  findPaperIdByTitle,
  findSubmissionByTokenHash,
  insertSubmission,
} from './submission.repository';
import type { SubmissionForm } from './submission.schema';

export interface RowConflict extends NearConflict {
  rowKey: string;
  rowNumber: number;
}

export type SubmissionOutcome =
  | { kind: 'stored'; token: string; submissionId: number; claimIds: number[] }
  | { kind: 'invalid'; errors: Record<string, string>; conflicts: RowConflict[] };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The link token: 192 random bits, URL-safe. */
export const newToken = () => randomBytes(24).toString('base64url');

const rowNumber = (key: string) => Number(key) + 1;

/** Two rows of one submission are the same claim when their subjects are (one paper). */
export const identityKey = (claim: ResolvedClaim): string =>
  subjectKey({ ...claim, modelId: claim.modelId ?? `new:${claim.model.toLowerCase()}` });

class RolledBack extends Error {
  constructor(readonly errors: Record<string, string>) {
    super('submission rolled back');
  }
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

async function findPaperId(db: DB, form: PaperNaming): Promise<number | null> {
  if (form.arxivId) return (await findPaperByArxivId(db, form.arxivId))?.id ?? null;
  return findPaperIdByTitle(db, form.title);
}

type PaperNaming = Pick<SubmissionForm, 'arxivId' | 'title'>;

/** The paper a submission names, if the ledger has it, and what is missing to add it if not. */
export async function checkPaper(
  db: DB,
  form: PaperNaming,
): Promise<{ paperId: number | null; errors: Record<string, string> }> {
  const paperId = await findPaperId(db, form);
  const errors: Record<string, string> = {};
  if (paperId === null && !form.title) {
    if (form.arxivId) {
      errors.title = `arXiv ${form.arxivId} is not in the ledger yet: give the paper's title to add it.`;
    } else {
      errors.arxivId = 'Give the arXiv id of the paper, or the title of a paper without one.';
    }
  }
  return { paperId, errors };
}

/**
 * Checks a parsed submission against the catalogue and the ledger, then stores the paper (if new),
 * the submission and every claim as pending in one transaction, or nothing at all.
 */
export async function submitClaims(
  db: DB,
  form: SubmissionForm,
  now = new Date(),
): Promise<SubmissionOutcome> {
  const catalogue = await loadCatalogue(db);
  const errors: Record<string, string> = {};
  const rows = Object.entries(form.rows);
  for (const [key, input] of rows) {
    for (const [field, message] of Object.entries(checkAgainstCatalogue(catalogue, input))) {
      errors[`rows.${key}.${field}`] = message;
    }
  }
  const { paperId, errors: paperErrors } = await checkPaper(db, form);
  Object.assign(errors, paperErrors);
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors, conflicts: [] };

  const resolved: Array<[string, ResolvedClaim]> = [];
  const seen = new Map<string, string>();
  for (const [key, input] of rows) {
    const claim = await resolveClaim(db, catalogue, input);
    const identity = identityKey(claim);
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      errors[`rows.${key}.model`] =
        `Row ${rowNumber(key)} is the same claim as row ${rowNumber(earlier)}; remove one of them.`;
    }
    seen.set(identity, key);
    const existing = await findExistingClaim(db, paperId, claim);
    if (existing) {
      errors[`rows.${key}.model`] =
        `Already in the ledger as claim #${existing.id} (${existing.status}); it was not stored again.`;
    }
    resolved.push([key, claim]);
  }
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors, conflicts: [] };

  if (!form.confirm) {
    const conflicts: RowConflict[] = [];
    for (const [key, claim] of resolved) {
      for (const conflict of await findNearConflicts(db, paperId, claim)) {
        conflicts.push({ ...conflict, rowKey: key, rowNumber: rowNumber(key) });
      }
    }
    if (conflicts.length > 0) {
      const rowsInConflict = new Set(conflicts.map((c) => c.rowKey)).size;
      errors.confirm =
        rowsInConflict === 1
          ? 'Another paper reports a different value for this claim. Check it against the paper, then confirm.'
          : `Other papers report different values for ${rowsInConflict} of these claims. Check them against the paper, then confirm.`;
      return { kind: 'invalid', errors, conflicts };
    }
  }

  const token = newToken();
  try {
    return await db.transaction().execute(async (trx) => {
      const submissionId = await insertSubmission(trx, {
        tokenHash: hashToken(token),
        name: form.submitterName || null,
        email: form.submitterEmail || null,
        now,
      });
      const storedPaperId = await findOrCreatePaper(trx, {
        kind: 'paper',
        arxivId: form.arxivId,
        title: form.title,
        authors: form.authors,
        publishedOn: form.publishedOn.publishedOn,
        datePrecision: form.publishedOn.datePrecision,
        venue: form.venue || null,
        url: form.url || null,
      });
      const result = await writeClaims(
        trx,
        storedPaperId,
        resolved.map(([, claim]) => claim),
        {
          status: 'pending',
          submitter: form.submitterName || 'anonymous',
          action: 'submit',
          reason: null,
          now,
          submissionId,
        },
      );
      if (result.duplicates.length > 0) {
        throw new RolledBack(
          Object.fromEntries(
            result.duplicates.map((index) => [
              `rows.${resolved[index]![0]}.model`,
              'This claim was stored by someone else a moment ago; it was not stored again.',
            ]),
          ),
        );
      }
      return {
        kind: 'stored' as const,
        token,
        submissionId,
        claimIds: result.created,
      };
    });
  } catch (error) {
    if (error instanceof RolledBack)
      return { kind: 'invalid', errors: error.errors, conflicts: [] };
    // A concurrent submission of the same claim or paper: report it, as a duplicate would be.
    if (isUniqueViolation(error)) {
      return {
        kind: 'invalid',
        errors: { form: 'Some of these claims were stored by someone else a moment ago.' },
        conflicts: [],
      };
    }
    throw error;
  }
}

export async function findSubmissionByToken(db: DB, token: string) {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return undefined;
  return findSubmissionByTokenHash(db, hashToken(token));
}
