import { z } from 'zod';
import {
  benchmarkKindRefSchema,
  metricRefSchema,
  recipeSchema,
  slugSchema,
} from '../benchmarks/benchmark.contract';
import { conflictSchema } from '../claims/claim.conflicts';
import { claimSchema } from '../claims/claim.contract';
import { modelRefSchema } from '../models/model.contract';
import { paperRefSchema } from '../papers/paper.contract';
import { filtersSchema } from './leaderboard.filters';

const rank = z.int().min(1).nullable().meta({ description: 'null for entries without a score' });
const setting = z.string().meta({ description: 'the setting as a label, e.g. "test · 5-shot"' });

/** A dataset leaderboard's row: one ranked claim. */
export const datasetRowSchema = z
  .object({
    rank,
    setting,
    conflict: conflictSchema.nullable(),
    claim: claimSchema,
  })
  .meta({ id: 'datasetRow' });

/** A suite leaderboard's row: a paper's entry for one model and setting. */
export const suiteRowSchema = z
  .object({
    rank,
    paper: paperRefSchema.pick({ id: true, title: true, date: true, datePrecision: true }),
    model: modelRefSchema,
    setting,
    score: z.number().nullable().meta({
      description:
        'the official score recomputed from the tasks, else the published official score',
    }),
    scoreSource: z.enum(['computed', 'published']).nullable(),
    official: z.discriminatedUnion('complete', [
      z.object({ complete: z.literal(true), score: z.number() }),
      z.object({ complete: z.literal(false), missing: z.array(z.string()) }),
    ]),
    cells: z
      .record(
        z.string(),
        z.object({ claimId: z.int(), value: z.number(), stderr: z.number().nullable() }),
      )
      .meta({ description: 'keyed benchmark/metric, e.g. glue-cola/mcc' }),
    published: z.array(
      z.object({
        claimId: z.int(),
        recipe: slugSchema,
        recipeName: z.string(),
        official: z.boolean(),
        value: z.number(),
        recomputed: z.number().nullable(),
        delta: z.number().nullable(),
        verdict: z.enum(['consistent', 'rounding', 'inconsistent']).nullable(),
      }),
    ),
    conflict: conflictSchema.nullable(),
  })
  .meta({ id: 'suiteRow' });

const leaderboardFields = {
  benchmark: benchmarkKindRefSchema,
  filters: filtersSchema,
  sort: z.string(),
  order: z.enum(['asc', 'desc']),
  total: z.int().min(0).meta({ description: 'rows of the whole filtered result' }),
};

export const datasetLeaderboardSchema = z
  .object({
    leaderboard: z.literal('dataset'),
    ...leaderboardFields,
    metric: metricRefSchema.nullable(),
    metrics: z.array(z.object({ slug: slugSchema, name: z.string(), claims: z.int().min(0) })),
    rows: z.array(datasetRowSchema),
  })
  .meta({ id: 'datasetLeaderboard' });

export const suiteLeaderboardSchema = z
  .object({
    leaderboard: z.literal('suite'),
    ...leaderboardFields,
    officialRecipe: recipeSchema.nullable(),
    recipes: z.array(recipeSchema),
    columns: z.array(
      z.object({
        benchmark: slugSchema,
        name: z.string(),
        metrics: z.array(z.object({ slug: slugSchema, name: z.string(), key: z.string() })),
      }),
    ),
    rows: z.array(suiteRowSchema),
  })
  .meta({ id: 'suiteLeaderboard' });

export type DatasetLeaderboardDocument = z.output<typeof datasetLeaderboardSchema>;
export type SuiteLeaderboardDocument = z.output<typeof suiteLeaderboardSchema>;
