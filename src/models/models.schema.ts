import { z } from 'zod';
import { queryEnum, queryInt, queryString } from '../http/query';
import { MODEL_SORTS } from './model.repository';

export const modelListQuery = z.object({
  q: queryString(200),
  sort: queryEnum(MODEL_SORTS, 'name'),
  order: queryEnum(['asc', 'desc'] as const, 'asc'),
  page: queryInt(1, 100000, 1),
  perPage: queryInt(1, 200, 25),
});
