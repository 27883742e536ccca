import { z } from 'zod';
import { ADAPTATIONS, ROLES } from '../claims/claim.table';
import { queryEnum, queryInt, queryString } from '../http/query';

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** '7B', '340M', '1.5e9' or a plain count → parameters; anything else → no bound. */
export function parseParamCount(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*([kmbt])?\s*$/i.exec(text);
  if (!match) return null;
  const scale = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 }[(match[2] ?? '').toLowerCase()] ?? 1;
  const value = Number(match[1]) * scale;
  return Number.isFinite(value) && value > 0 ? value : null;
}

const dateBound = z.preprocess(
  first,
  z
    .string()
    .trim()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .catch('')
    .default(''),
);

/** Every view's state lives in its URL; a value that makes no sense falls back to the default. */
export const leaderboardQuery = z.object({
  split: queryEnum(['', 'test', 'dev', 'unknown', 'all'] as const, ''),
  shots: z.preprocess(
    first,
    z
      .string()
      .regex(/^(none|\d{1,4})$/)
      .catch('')
      .default(''),
  ),
  cot: queryEnum(['any', 'yes', 'no', 'unstated'] as const, 'any'),
  adaptation: queryEnum(['any', ...ADAPTATIONS] as const, 'any'),
  role: queryEnum(['any', ...ROLES] as const, 'any'),
  from: dateBound,
  to: dateBound,
  minParams: queryString(20),
  maxParams: queryString(20),
  metric: queryString(60),
  sort: queryString(80),
  order: queryEnum(['', 'asc', 'desc'] as const, ''),
  page: queryInt(1, 100000, 1),
  perPage: queryInt(1, 200, 50),
});

export type LeaderboardQuery = z.infer<typeof leaderboardQuery>;
