import { z } from 'zod';

export const MODEL_LIMITS = { name: 200, alias: 300 } as const;

const name = z.string().trim().min(1).max(MODEL_LIMITS.name);
const aliases = z.array(z.string().trim().min(1).max(MODEL_LIMITS.alias));
const parameterCount = z.int().positive().nullable();

/** A model in the API and the exports, with its aliases and base model. */
export const modelSchema = z
  .object({
    id: z.int(),
    name,
    family: z.string().nullable(),
    parameterCount,
    baseModel: z.object({ id: z.int(), name }).nullable(),
    aliases,
  })
  .meta({ id: 'model' });

export const modelListItemSchema = z
  .object({
    id: z.int(),
    name,
    family: z.string().nullable(),
    parameterCount,
    aliases,
    claimCount: z.int().min(0),
    benchmarkCount: z.int().min(0),
  })
  .meta({ id: 'modelListItem' });

/** A model in the dump and in imports: named, not numbered; its base model by name. */
export const ledgerModelSchema = z
  .object({
    name,
    family: z.string().nullable().default(null),
    parameterCount: parameterCount.default(null),
    baseModel: z.string().nullable().default(null).meta({ description: "the base model's name" }),
    aliases: aliases.default([]),
  })
  .meta({ id: 'ledgerModel' });
export type LedgerModel = z.output<typeof ledgerModelSchema>;

/** What a claim shows of its model. */
export const modelRefSchema = z.object({ id: z.int(), name, parameterCount });

export type PublicModel = z.output<typeof modelSchema>;
export type ModelListItemDocument = z.output<typeof modelListItemSchema>;
