import { z } from 'zod';
import { subjectKey, type ClaimSubject } from './claim.setting';

/** The rounding tolerance: two papers printing 81.16 and 81.1 for one result do not conflict. */
export const CONFLICT_THRESHOLD = 0.1;

const EPSILON = 1e-9;

/** A stored claim as conflict detection needs it; ClaimView and its extensions all fit. */
export interface ConflictCandidate extends ClaimSubject {
  id: number;
  paperId: number;
  value: number;
}

export interface Conflict<C extends ConflictCandidate = ConflictCandidate> {
  key: string;
  spread: number;
  min: number;
  max: number;
  claimIds: number[];
  paperIds: number[];
  /** The group's claims, in id order. */
  claims: C[];
}

const differ = (a: number, b: number, threshold: number) => Math.abs(a - b) > threshold + EPSILON;

// Two values from the same paper (a typo, a re-run) are not a disagreement between papers.
const papersDisagree = (claims: ConflictCandidate[], threshold: number): boolean =>
  claims.some((a) =>
    claims.some((b) => a.paperId !== b.paperId && differ(a.value, b.value, threshold)),
  );

/**
 * Groups claims by model, benchmark, metric, recipe and setting (the claim identity without the
 * paper); a group conflicts when claims from two different papers differ by more than
 * `threshold`. Largest spread first.
 */
export function detectConflicts<C extends ConflictCandidate>(
  claims: C[],
  threshold: number = CONFLICT_THRESHOLD,
): Conflict<C>[] {
  const groups = new Map<string, C[]>();
  for (const claim of claims) {
    const key = subjectKey(claim);
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }

  const conflicts: Conflict<C>[] = [];
  for (const [key, group] of groups) {
    if (!papersDisagree(group, threshold)) continue;
    const values = group.map((claim) => claim.value);
    const min = Math.min(...values);
    const max = Math.max(...values);
    const sorted = [...group].sort((a, b) => a.id - b.id);
    conflicts.push({
      key,
      spread: max - min,
      min,
      max,
      claimIds: sorted.map((claim) => claim.id),
      paperIds: [...new Set(group.map((claim) => claim.paperId))].sort((a, b) => a - b),
      claims: sorted,
    });
  }
  return conflicts.sort((a, b) => b.spread - a.spread || a.key.localeCompare(b.key));
}

/**
 * Of the stored claims on the same subject (other papers, same setting), those a new value
 * disagrees with: a submitter sees them before confirming.
 */
export function disagreeingWith<C extends { value: number }>(
  value: number,
  stored: C[],
  threshold: number = CONFLICT_THRESHOLD,
): C[] {
  return stored.filter((claim) => differ(claim.value, value, threshold));
}

/** A conflict as a row of a leaderboard shows it: the spread and a link to each source. */
export const conflictSchema = z
  .object({
    spread: z.number(),
    min: z.number(),
    max: z.number(),
    sources: z.array(z.object({ paperId: z.int(), paperTitle: z.string(), value: z.number() })),
  })
  .meta({ id: 'conflict' });
export type ConflictBadge = z.output<typeof conflictSchema>;

/** Each conflicting claim's badge, by claim id. */
export function conflictBadges(
  claims: (ConflictCandidate & { paperTitle: string })[],
): Map<number, ConflictBadge> {
  const badges = new Map<number, ConflictBadge>();
  for (const conflict of detectConflicts(claims)) {
    const badge: ConflictBadge = {
      spread: conflict.spread,
      min: conflict.min,
      max: conflict.max,
      sources: conflict.claims.map((c) => ({
        paperId: c.paperId,
        paperTitle: c.paperTitle,
        value: c.value,
      })),
    };
    for (const id of conflict.claimIds) badges.set(id, badge);
  }
  return badges;
}
