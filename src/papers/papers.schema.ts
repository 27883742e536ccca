import { z } from 'zod';
import { queryEnum, queryInt, queryString } from '../http/query';
import { PAPER_SORTS } from './paper.repository';

export const paperListQuery = z.object({
  q: queryString(200),
  sort: queryEnum(PAPER_SORTS, 'date'),
  order: queryEnum(['asc', 'desc'] as const, 'desc'),
  page: queryInt(1, 100000, 1),
  perPage: queryInt(1, 200, 25),
});
