import { z } from 'zod';

/** Query values may arrive repeated (?q=a&q=b); a view reads the first and ignores the rest. */
export const queryString = (max = 200) =>
  z.preprocess(
    (value) => (Array.isArray(value) ? value[0] : value),
    z
      .string()
      .overwrite((s) => s.trim().slice(0, max))
      .catch('')
      .default(''),
  );

export const queryEnum = <const T extends readonly [string, ...string[]]>(
  values: T,
  fallback: T[number],
) =>
  z.preprocess(
    (value) => (Array.isArray(value) ? value[0] : value),
    z.enum(values).catch(fallback).default(fallback),
  );

export const queryInt = (min: number, max: number, fallback: number) =>
  z.preprocess(
    (value) => (Array.isArray(value) ? value[0] : value),
    z.coerce.number().int().min(min).max(max).catch(fallback).default(fallback),
  );

/** The paging parameters every list shares. */
export const pageParams = (perPage: number) => ({
  page: queryInt(1, 100000, 1).meta({ description: 'Page number, from 1.' }),
  perPage: queryInt(1, 200, perPage).meta({ description: 'Items per page (at most 200).' }),
});

/** A list's search text and sort direction. */
export const searchParams = (order: 'asc' | 'desc') => ({
  q: queryString(200).meta({ description: 'Search text.' }),
  order: queryEnum(['asc', 'desc'] as const, order).meta({ description: 'Sort direction.' }),
});
