import { z } from 'zod';

/** The first of a repeated query value (?q=a&q=b), or the value itself. */
export const firstValue = (value: unknown): unknown =>
  Array.isArray(value) ? (value as unknown[])[0] : value;

/** Query values may arrive repeated (?q=a&q=b); a view reads the first and ignores the rest. */
export const queryString = (max = 200) =>
  z.preprocess(
    firstValue,
    z
      .string()
      .overwrite((s) => s.trim().slice(0, max))
      .catch('')
      .default(''),
  );

export const queryEnum = <const T extends readonly [string, ...string[]]>(
  values: T,
  fallback: T[number],
) => z.preprocess(firstValue, z.enum(values).catch(fallback).default(fallback));

export const queryInt = (min: number, max: number, fallback: number) =>
  z.preprocess(
    firstValue,
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
