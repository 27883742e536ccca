import { z } from 'zod';
import { pageParams, queryEnum, searchParams } from '../http/query';
import { MODEL_SORTS } from './model.repository';

export const modelListQuery = z.object({
  ...searchParams('asc'),
  sort: queryEnum(MODEL_SORTS, 'name').meta({ description: 'name, claims or params.' }),
  ...pageParams(25),
});
