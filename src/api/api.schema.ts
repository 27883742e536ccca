import { z } from 'zod';
import { queryInt, queryString } from '../http/query';

export const claimListQuery = z.object({
  benchmark: queryString(80),
  model: queryString(12),
  paper: queryString(40),
  page: queryInt(1, 100000, 1),
  perPage: queryInt(1, 200, 50),
});

export const pageQuery = z.object({
  page: queryInt(1, 100000, 1),
  perPage: queryInt(1, 200, 100),
});

export const claimIdParam = z.coerce.number().int().min(1).max(2147483647);
