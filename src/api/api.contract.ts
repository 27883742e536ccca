import { z } from 'zod';
import { claimSchema } from '../claims/claim.contract';
import {
  datasetLeaderboardSchema,
  datasetRowSchema,
  suiteLeaderboardSchema,
  suiteRowSchema,
} from '../leaderboards/leaderboard.contract';
import { modelSchema } from '../models/model.contract';
import { paperSchema } from '../papers/paper.contract';

/** The documents the read API answers with, besides the contract's own components. */

export const paperWithClaimsSchema = paperSchema
  .extend({ claims: z.array(claimSchema) })
  .meta({ id: 'paperWithClaims' });

export const modelWithClaimsSchema = modelSchema
  .extend({ claims: z.array(claimSchema) })
  .meta({ id: 'modelWithClaims' });

/** A page of a leaderboard's rows: dataset rows or suite rows. */
export const leaderboardRowSchema = z
  .union([datasetRowSchema, suiteRowSchema])
  .meta({ id: 'leaderboardRow' });

/** The leaderboard a page of rows belongs to: filters, sort, columns and recipes. */
export const leaderboardPageSchema = z
  .union([
    datasetLeaderboardSchema.omit({ rows: true }),
    suiteLeaderboardSchema.omit({ rows: true }),
  ])
  .meta({ id: 'leaderboardPage' });

export const paginationSchema = z
  .object({
    page: z.int().min(1),
    perPage: z.int().min(1),
    total: z.int().min(0),
    pages: z.int().min(1),
  })
  .meta({ id: 'pagination' });

export const linksSchema = z
  .object({ self: z.string(), next: z.string().nullable(), prev: z.string().nullable() })
  .meta({ id: 'links' });
