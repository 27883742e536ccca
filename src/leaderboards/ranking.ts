import type { Adaptation, Split } from '../claims/claim.table';
import { ADAPTATION_LABELS } from '../claims/claim.table';

export type Direction = 'higher' | 'lower';

const EPSILON = 1e-9;

/** The rounding tolerance: two papers printing 81.16 and 81.1 for one result do not conflict. */
export const CONFLICT_THRESHOLD = 0.1;

export interface RankedEntry<T> {
  entry: T;
  rank: number | null;
}

/**
 * Best first, competition ranking (1, 2, 2, 4) with scores within 1e-9 tied; entries without a
 * score come last with rank null. Ties keep their input order.
 */
export function rankEntries<T>(
  entries: T[],
  score: (entry: T) => number | null,
  direction: Direction,
): RankedEntry<T>[] {
  const scored: { entry: T; score: number }[] = [];
  const unscored: T[] = [];
  for (const entry of entries) {
    const value = score(entry);
    if (value === null || !Number.isFinite(value)) unscored.push(entry);
    else scored.push({ entry, score: value });
  }
  const sign = direction === 'higher' ? -1 : 1;
  scored.sort((a, b) => sign * (a.score - b.score));

  const ranked: RankedEntry<T>[] = [];
  let leader: number | undefined;
  let rank = 0;
  scored.forEach((item, i) => {
    // Compare with the first of a tie so that near-equal values cannot chain into one tie.
    if (leader === undefined || Math.abs(item.score - leader) > EPSILON) {
      leader = item.score;
      rank = i + 1;
    }
    ranked.push({ entry: item.entry, rank });
  });
  return [...ranked, ...unscored.map((entry) => ({ entry, rank: null }))];
}

export interface ConflictCandidate {
  id: number;
  paperId: number;
  modelId: number;
  benchmarkId: number;
  metricId: number;
  recipeId: number | null;
  settingKey: string;
  value: number;
}

export interface Conflict {
  key: string;
  spread: number;
  min: number;
  max: number;
  claimIds: number[];
  paperIds: number[];
}

const conflictKey = (claim: ConflictCandidate): string =>
  [claim.modelId, claim.benchmarkId, claim.metricId, claim.recipeId ?? '-', claim.settingKey].join(
    '|',
  );

// Two values from the same paper (a typo, a re-run) are not a disagreement between papers.
const papersDisagree = (claims: ConflictCandidate[], threshold: number): boolean =>
  claims.some((a) =>
    claims.some(
      (b) => a.paperId !== b.paperId && Math.abs(a.value - b.value) > threshold + EPSILON,
    ),
  );

/**
 * Groups claims by model, benchmark, metric, recipe and setting; a group conflicts when claims
 * from two different papers differ by more than `threshold`. Largest spread first.
 */
export function detectConflicts(
  claims: ConflictCandidate[],
  threshold: number = CONFLICT_THRESHOLD,
): Conflict[] {
  const groups = new Map<string, ConflictCandidate[]>();
  for (const claim of claims) {
    const key = conflictKey(claim);
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }

  const conflicts: Conflict[] = [];
  for (const [key, group] of groups) {
    if (!papersDisagree(group, threshold)) continue;
    const values = group.map((claim) => claim.value);
    const min = Math.min(...values);
    const max = Math.max(...values);
    conflicts.push({
      key,
      spread: max - min,
      min,
      max,
      claimIds: group.map((claim) => claim.id).sort((a, b) => a - b),
      paperIds: [...new Set(group.map((claim) => claim.paperId))].sort((a, b) => a - b),
    });
  }
  return conflicts.sort((a, b) => b.spread - a.spread || a.key.localeCompare(b.key));
}

/** A stored claim as conflict detection needs it; ClaimView and its extensions all fit. */
export interface ClaimForConflicts extends Setting {
  id: number;
  paperId: number;
  modelId: number;
  benchmarkId: number;
  metricId: number;
  recipeId: number | null;
  value: number;
}

/** detectConflicts over whole claims: each conflict comes back with the claims it groups. */
export function findClaimConflicts<C extends ClaimForConflicts>(
  claims: C[],
  threshold: number = CONFLICT_THRESHOLD,
): (Conflict & { claims: C[] })[] {
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  return detectConflicts(
    claims.map((claim) => ({
      id: claim.id,
      paperId: claim.paperId,
      modelId: claim.modelId,
      benchmarkId: claim.benchmarkId,
      metricId: claim.metricId,
      recipeId: claim.recipeId,
      settingKey: settingKey(claim),
      value: claim.value,
    })),
    threshold,
  ).map((conflict) => ({ ...conflict, claims: conflict.claimIds.map((id) => byId.get(id)!) }));
}

export interface Setting {
  split: Split;
  nShot: number | null;
  chainOfThought: boolean | null;
  adaptation: Adaptation;
  trainableParams: number | null;
  variant: string;
}

const flag = (value: boolean | null, yes: string, no: string): string =>
  value === null ? '' : value ? yes : no;

/** A stable key: claims with equal keys were measured in a comparable setting. */
export function settingKey(setting: Setting): string {
  return [
    setting.split,
    setting.nShot ?? '',
    flag(setting.chainOfThought, 'cot', 'no-cot'),
    setting.adaptation,
    setting.trainableParams ?? '',
    // Encoded so that a '|' typed into a variant cannot make two settings share a key.
    encodeURIComponent(setting.variant.trim()),
  ].join('|');
}

const PARAM_UNITS: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** 1330000 → "1.33M", 355e6 → "355M", 800 → "800". */
export function formatParams(count: number): string {
  const rounded = Number(count.toPrecision(3));
  for (const [size, unit] of PARAM_UNITS) {
    if (Math.abs(rounded) >= size) return `${rounded / size}${unit}`;
  }
  return String(rounded);
}

/** A short label such as "test · 5-shot · CoT · LoRA (1.33M params) · r=8". */
export function settingLabel(setting: Setting): string {
  const parts: string[] = [];
  if (setting.split !== 'unknown') parts.push(setting.split);
  if (setting.nShot !== null) parts.push(`${setting.nShot}-shot`);
  const cot = flag(setting.chainOfThought, 'CoT', 'no CoT');
  if (cot) parts.push(cot);
  const params = setting.trainableParams === null ? '' : formatParams(setting.trainableParams);
  if (setting.adaptation !== 'unknown') {
    const method = ADAPTATION_LABELS[setting.adaptation];
    parts.push(params ? `${method} (${params} params)` : method);
  } else if (params) {
    parts.push(`${params} trainable params`);
  }
  const variant = setting.variant.trim();
  if (variant) parts.push(variant);
  return parts.join(' · ');
}
