import { z } from 'zod';

/** Query values may arrive repeated (?q=a&q=b); a view reads the first and ignores the rest. */
export const queryString = (max = 200) =>
  z.preprocess(
    (value) => (Array.isArray(value) ? value[0] : value),
    z
      .string()
      .transform((s) => s.trim().slice(0, max))
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
