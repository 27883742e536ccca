import { z } from 'zod';
import { pageParams, queryEnum, searchParams } from '../http/query';
import { PAPER_SORTS } from './paper.repository';

export const paperListQuery = z.object({
  ...searchParams('desc'),
  sort: queryEnum(PAPER_SORTS, 'date').meta({ description: 'date, title or claims.' }),
  ...pageParams(25),
});
