import { approvedClaimsForPaper, type ClaimView } from '../claims/claim.repository';
import type { DB } from '../db/database';
import { HttpError } from '../http/http-error';
import { findPaper } from './paper.repository';
import type { Paper } from './paper.table';

export interface LoadedPaper {
  paper: Paper;
  /** Its approved claims, in catalogue order. */
  claims: ClaimView[];
}

/** A paper (by id or arXiv id) and its approved claims: the page, its exports and the API. */
export async function loadPaper(db: DB, key: string): Promise<LoadedPaper> {
  const paper = await findPaper(db, key);
  if (!paper) throw HttpError.notFound('The paper');
  return { paper, claims: await approvedClaimsForPaper(db, paper.id) };
}
