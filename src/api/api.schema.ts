import { z } from 'zod';
import { pageParams, queryString } from '../http/query';

export const claimListQuery = z.object({
  benchmark: queryString(80).meta({ description: 'A benchmark slug.' }),
  model: queryString(12).meta({ description: 'A model id.' }),
  paper: queryString(40).meta({ description: 'A paper id or arXiv id.' }),
  ...pageParams(50),
});

export const pageQuery = z.object(pageParams(100));

export const claimIdParam = z.coerce.number().int().min(1).max(2147483647);
