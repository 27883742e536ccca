/**
 * A leaderboard's filters, in one place: the query parameters (which feed the OpenAPI document),
 * how they narrow the claims, which choices the claims offer, and the controls a page shows.
 */
import { z } from 'zod';
import { ROLES } from '../claims/claim.contract';
import type { ClaimView } from '../claims/claim.repository';
import {
  ADAPTATION_LABELS,
  ADAPTATIONS,
  SAMPLING,
  SPLITS,
  type Split,
} from '../claims/claim.setting';
import { firstValue as first, queryEnum, queryString } from '../http/query';

const dateBound = (description: string) =>
  z
    .preprocess(
      first,
      z
        .string()
        .trim()
        .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
        .catch('')
        .default(''),
    )
    .meta({ description });

/** '7B', '340M', '1.5e9' or a plain count → parameters; anything else → no bound. */
export function parseParamCount(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*([kmbt])?\s*$/i.exec(text);
  if (!match) return null;
  const scale = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 }[(match[2] ?? '').toLowerCase()] ?? 1;
  const value = Number(match[1]) * scale;
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** The filter parameters of a leaderboard URL; a value that makes no sense means "any". */
export const filterQuery = {
  split: queryEnum(['', ...SPLITS, 'all'] as const, '').meta({
    description:
      'test, dev, unknown or all; by default test, else the split there is. Dev and test are never mixed unless all.',
  }),
  shots: z
    .preprocess(
      first,
      z
        .string()
        .regex(/^(none|\d{1,4})$/)
        .catch('')
        .default(''),
    )
    .meta({ description: 'A number of shots, or none for claims that do not state it.' }),
  cot: queryEnum(['any', 'yes', 'no', 'unstated'] as const, 'any').meta({
    description: 'Chain-of-thought.',
  }),
  sampling: z
    .preprocess(
      first,
      z
        .string()
        .trim()
        .toLowerCase()
        .refine((s) => s === 'none' || SAMPLING.test(s))
        .catch('')
        .default(''),
    )
    .meta({
      description:
        'A sampling protocol (greedy, maj@K, pass@K, e.g. maj@100), or none for claims that do not state it.',
    }),
  adaptation: queryEnum(['any', ...ADAPTATIONS] as const, 'any').meta({
    description: 'Adaptation method.',
  }),
  role: queryEnum(['any', ...ROLES] as const, 'any').meta({
    description: 'The claim’s role in its paper.',
  }),
  from: dateBound('Paper date from (YYYY, YYYY-MM or YYYY-MM-DD).'),
  to: dateBound('Paper date to (YYYY, YYYY-MM or YYYY-MM-DD).'),
  minParams: queryString(20).meta({ description: 'Smallest model size, e.g. 340M.' }),
  maxParams: queryString(20).meta({ description: 'Largest model size, e.g. 7B.' }),
};

type FilterQuery = { [K in keyof typeof filterQuery]: z.output<(typeof filterQuery)[K]> };

/** The filters a leaderboard was computed with, the split resolved. */
export const filtersSchema = z
  .object({
    split: z.enum([...SPLITS, 'all']),
    shots: z.string(),
    cot: z.enum(['any', 'yes', 'no', 'unstated']),
    sampling: z.string(),
    adaptation: z.enum(['any', ...ADAPTATIONS]),
    role: z.enum(['any', ...ROLES]),
    from: z.string(),
    to: z.string(),
    minParams: z.string(),
    maxParams: z.string(),
  })
  .meta({ id: 'filters' });
export type Filters = z.output<typeof filtersSchema>;

/** Values a shared URL leaves out, because they are what an empty parameter means. */
export const FILTER_DEFAULTS: Partial<Filters> = { cot: 'any', adaptation: 'any', role: 'any' };

/** What the claims in view offer to filter by. */
export interface FilterOptions {
  splits: { value: Split; count: number }[];
  shots: number[];
  samplings: string[];
  adaptations: ClaimView['adaptation'][];
}

export function filterOptions(claims: ClaimView[]): FilterOptions {
  const splitCounts = new Map<Split, number>();
  for (const c of claims) splitCounts.set(c.split, (splitCounts.get(c.split) ?? 0) + 1);
  return {
    splits: SPLITS.filter((s) => splitCounts.has(s)).map((value) => ({
      value,
      count: splitCounts.get(value)!,
    })),
    shots: [...new Set(claims.flatMap((c) => (c.nShot === null ? [] : [c.nShot])))].sort(
      (a, b) => a - b,
    ),
    samplings: [
      ...new Set(claims.flatMap((c) => (c.sampling === null ? [] : [c.sampling]))),
    ].sort(),
    adaptations: [...new Set(claims.map((c) => c.adaptation))],
  };
}

/** Dev and test are never mixed unless asked: the default split is test, else what there is. */
export function resolveFilters(query: FilterQuery, options: FilterOptions): Filters {
  const split = query.split === '' ? (options.splits[0]?.value ?? 'test') : query.split;
  return {
    split,
    shots: query.shots,
    cot: query.cot,
    sampling: query.sampling,
    adaptation: query.adaptation,
    role: query.role,
    from: query.from,
    to: query.to,
    minParams: query.minParams,
    maxParams: query.maxParams,
  };
}

/** A date bound of 'YYYY' or 'YYYY-MM' covers the whole year or month. */
function dateBounds(filters: Filters): { from: string | null; to: string | null } {
  const from = filters.from
    ? filters.from.padEnd(10, filters.from.length === 4 ? '-01-01' : '-01')
    : null;
  let to: string | null = null;
  if (filters.to.length === 10) to = filters.to;
  else if (filters.to.length === 7) to = `${filters.to}-31`;
  else if (filters.to.length === 4) to = `${filters.to}-12-31`;
  return { from, to };
}

export function matchesFilters(claim: ClaimView, filters: Filters): boolean {
  if (filters.split !== 'all' && claim.split !== filters.split) return false;
  if (filters.shots === 'none' && claim.nShot !== null) return false;
  if (/^\d+$/.test(filters.shots) && claim.nShot !== Number(filters.shots)) return false;
  if (filters.cot === 'yes' && claim.chainOfThought !== true) return false;
  if (filters.cot === 'no' && claim.chainOfThought !== false) return false;
  if (filters.cot === 'unstated' && claim.chainOfThought !== null) return false;
  if (filters.sampling === 'none' && claim.sampling !== null) return false;
  if (filters.sampling && filters.sampling !== 'none' && claim.sampling !== filters.sampling)
    return false;
  if (filters.adaptation !== 'any' && claim.adaptation !== filters.adaptation) return false;
  if (filters.role !== 'any' && claim.role !== filters.role) return false;
  const { from, to } = dateBounds(filters);
  if ((from || to) && !claim.paperDate) return false;
  if (from && claim.paperDate! < from) return false;
  if (to && claim.paperDate! > to) return false;
  const min = parseParamCount(filters.minParams);
  const max = parseParamCount(filters.maxParams);
  if ((min || max) && claim.modelParameterCount === null) return false;
  if (min && claim.modelParameterCount! < min) return false;
  if (max && claim.modelParameterCount! > max) return false;
  return true;
}

export interface FilterChoice {
  value: string;
  label: string;
  selected: boolean;
}

/** One control of the filter form, ready to print. */
export type FilterControl =
  | { kind: 'select'; name: string; label: string; choices: FilterChoice[] }
  | {
      kind: 'input';
      name: string;
      label: string;
      value: string;
      placeholder: string;
      pattern: string | null;
      inputmode: 'numeric' | null;
    };

const select = (
  name: keyof Filters,
  label: string,
  current: string,
  choices: [string, string][],
): FilterControl => ({
  kind: 'select',
  name,
  label,
  choices: choices.map(([value, text]) => ({ value, label: text, selected: value === current })),
});

const DATE = { pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', inputmode: 'numeric' as const };

/** The filter form's controls, each choice labelled, the current one selected. */
export function filterControls(filters: Filters, options: FilterOptions): FilterControl[] {
  const splits: [string, string][] = options.splits.map((s) => [
    s.value,
    `${s.value} (${s.count})`,
  ]);
  if (filters.split !== 'all' && !options.splits.some((s) => s.value === filters.split))
    splits.push([filters.split, `${filters.split} (0)`]);
  const adaptations = [...options.adaptations];
  if (filters.adaptation !== 'any' && !adaptations.includes(filters.adaptation))
    adaptations.push(filters.adaptation);
  const input = (
    name: keyof Filters,
    label: string,
    placeholder: string,
    extra: Partial<{ pattern: string; inputmode: 'numeric' }> = {},
  ): FilterControl => ({
    kind: 'input',
    name,
    label,
    value: filters[name],
    placeholder,
    pattern: extra.pattern ?? null,
    inputmode: extra.inputmode ?? null,
  });
  return [
    select('split', 'Split', filters.split, [...splits, ['all', 'all splits (mixed)']]),
    select('shots', 'Shots', filters.shots, [
      ['', 'any'],
      ...options.shots.map((n): [string, string] => [String(n), `${n}-shot`]),
      ['none', 'not stated'],
    ]),
    select('cot', 'Chain-of-thought', filters.cot, [
      ['any', 'any'],
      ['yes', 'yes'],
      ['no', 'no'],
      ['unstated', 'not stated'],
    ]),
    select('sampling', 'Sampling', filters.sampling, [
      ['', 'any'],
      ...[...new Set([...options.samplings, filters.sampling])]
        .filter((s) => s && s !== 'none')
        .map((s): [string, string] => [s, s]),
      ['none', 'not stated'],
    ]),
    select('adaptation', 'Adaptation', filters.adaptation, [
      ['any', 'any'],
      ...adaptations.map((a): [string, string] => [a, ADAPTATION_LABELS[a]]),
    ]),
    select('role', 'Role', filters.role, [
      ['any', 'any'],
      ...ROLES.map((r): [string, string] => [r, r]),
    ]),
    input('from', 'Paper date from', 'YYYY or YYYY-MM-DD', DATE),
    input('to', 'to', 'YYYY or YYYY-MM-DD', DATE),
    input('minParams', 'Model size at least', 'e.g. 1B, 340M'),
    input('maxParams', 'at most', 'e.g. 10B'),
  ];
}
