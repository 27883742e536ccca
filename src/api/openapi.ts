import { z } from 'zod';
import { benchmarkDetailSchema, benchmarkSummarySchema } from '../benchmarks/benchmark.contract';
import { claimSchema } from '../claims/claim.contract';
import {
  leaderboardDocumentSchema,
  SCHEMA_VERSION,
  toJsonSchema,
} from '../exchange/exchange.contract';
import { leaderboardQuery } from '../leaderboards/leaderboards.schema';
import { modelListItemSchema } from '../models/model.contract';
import { modelListQuery } from '../models/models.schema';
import { paperListItemSchema } from '../papers/paper.contract';
import { paperListQuery } from '../papers/papers.schema';
import {
  leaderboardPageSchema,
  leaderboardRowSchema,
  linksSchema,
  modelWithClaimsSchema,
  paginationSchema,
  paperWithClaimsSchema,
} from './api.contract';
import { claimListQuery, pageQuery } from './api.schema';

interface Parameter {
  name: string;
  in: 'path' | 'query';
  description: string;
  schema: Record<string, unknown>;
}

export interface RouteDoc {
  path: string;
  summary: string;
  description: string;
  parameters: Parameter[];
  /** A component of the contract (a schema with an id), or null for non-JSON answers. */
  data: { schema: z.ZodType; list: boolean } | null;
  /** What else the answer carries next to `data`. */
  extra?: Record<string, z.ZodType>;
  paginated: boolean;
  contentType: string;
  example: string;
}

const COMPONENTS = '#/components/schemas/';
const uri = (id: string) => `${COMPONENTS}${id}`;

/** The component a contract schema is, by the id it was registered with. */
export function componentId(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id !== 'string') throw new Error('a route answers with a schema that has no id');
  return id;
}

const ref = (schema: z.ZodType) => ({ $ref: uri(componentId(schema)) });

/** JSON Schema of a contract schema for this document: shared parts as components. */
const jsonSchema = (schema: z.ZodType): Record<string, unknown> => {
  const { $schema: _dialect, ...json } = toJsonSchema(schema, { uri });
  return json;
};

const path = (name: string, description: string): Parameter => ({
  name,
  in: 'path',
  description,
  schema: { type: 'string' },
});

/** A route's query parameters, from the zod schema that parses them. */
function queryParameters(query: z.ZodObject): Parameter[] {
  return Object.entries(query.shape).map(([name, field]) => {
    const { description = '', ...schema } = jsonSchema(field as z.ZodType) as {
      description?: string;
    } & Record<string, unknown>;
    return { name, in: 'query', description, schema };
  });
}

const route = (r: Omit<RouteDoc, 'contentType'> & { contentType?: string }): RouteDoc => ({
  contentType: 'application/json',
  ...r,
});

/** The API and export routes, as data: the OpenAPI document and the docs page both come from it. */
export const ROUTES: RouteDoc[] = [
  route({
    path: '/api/papers',
    summary: 'List papers and evaluation runs',
    description:
      'Papers and runs, searchable by title, author or arXiv id; sorted by date, title or number of approved claims.',
    parameters: queryParameters(paperListQuery),
    data: { schema: paperListItemSchema, list: true },
    paginated: true,
    example: '/api/papers?q=bert&perPage=5',
  }),
  route({
    path: '/api/papers/{key}',
    summary: 'One paper with its approved claims',
    description: 'The key is the numeric id or the arXiv id. Claims are in the paper page’s order.',
    parameters: [path('key', 'Numeric id or arXiv id, e.g. 1810.04805.')],
    data: { schema: paperWithClaimsSchema, list: false },
    paginated: false,
    example: '/api/papers/1810.04805',
  }),
  route({
    path: '/api/models',
    summary: 'List models',
    description: 'Models with their aliases and claim counts; sorted by name, claims or size.',
    parameters: queryParameters(modelListQuery),
    data: { schema: modelListItemSchema, list: true },
    paginated: true,
    example: '/api/models?q=bert',
  }),
  route({
    path: '/api/models/{id}',
    summary: 'One model with its approved claims',
    description: 'The model, its aliases and base model, and every approved claim about it.',
    parameters: [path('id', 'Numeric model id.')],
    data: { schema: modelWithClaimsSchema, list: false },
    paginated: false,
    example: '/api/models/1',
  }),
  route({
    path: '/api/benchmarks',
    summary: 'List the catalogue',
    description:
      'Suites, groups and datasets in catalogue order with approved claim counts (rolled up to parents).',
    parameters: queryParameters(pageQuery),
    data: { schema: benchmarkSummarySchema, list: true },
    paginated: true,
    example: '/api/benchmarks',
  }),
  route({
    path: '/api/benchmarks/{slug}',
    summary: 'One benchmark',
    description:
      'A benchmark with its allowed metrics (primary first), aggregate recipes and members.',
    parameters: [path('slug', 'e.g. glue, glue-cola, mmlu-anatomy, gsm8k.')],
    data: { schema: benchmarkDetailSchema, list: false },
    paginated: false,
    example: '/api/benchmarks/glue',
  }),
  route({
    path: '/api/benchmarks/{slug}/leaderboard',
    summary: 'A leaderboard',
    description:
      'Exactly the rows the leaderboard page shows, with the same filters, recipes, ranking and sort, one page at a time. `leaderboard` describes the view (filters as resolved, columns of a suite, recipes); `data` holds dataset rows (a ranked claim) or suite rows (an entry with per-task cells and published aggregates).',
    parameters: [path('slug', 'The benchmark slug.'), ...queryParameters(leaderboardQuery)],
    data: { schema: leaderboardRowSchema, list: true },
    extra: { leaderboard: leaderboardPageSchema },
    paginated: true,
    example: '/api/benchmarks/glue-cola/leaderboard?split=all&sort=value',
  }),
  route({
    path: '/api/claims',
    summary: 'List approved claims',
    description: 'Approved claims in id order, optionally of one benchmark, model or paper.',
    parameters: queryParameters(claimListQuery),
    data: { schema: claimSchema, list: true },
    paginated: true,
    example: '/api/claims?benchmark=glue-cola',
  }),
  route({
    path: '/api/claims/{id}',
    summary: 'One approved claim',
    description: 'A claim with its paper, model, benchmark, metric, setting and provenance.',
    parameters: [path('id', 'Numeric claim id.')],
    data: { schema: claimSchema, list: false },
    paginated: false,
    example: '/api/claims/1',
  }),
  route({
    path: '/api/openapi.json',
    summary: 'This document',
    description: 'The OpenAPI 3.1 description of the API.',
    parameters: [],
    data: null,
    paginated: false,
    example: '/api/openapi.json',
  }),
  route({
    path: '/export/ledger.json',
    summary: 'The whole ledger',
    description:
      'Catalogue, models with aliases, papers and every approved claim, streamed (docs/ledger.schema.json, schemaVersion 1). Import it with `npm run import` or the import page.',
    parameters: [],
    data: null,
    paginated: false,
    example: '/export/ledger.json',
  }),
  route({
    path: '/benchmarks/{slug}.json',
    summary: 'Export a leaderboard as JSON',
    description:
      'The leaderboard page’s whole filtered result (not one page), same filters and order. Also /benchmarks/{slug}.csv.',
    parameters: [
      path('slug', 'The benchmark slug.'),
      ...queryParameters(leaderboardQuery).filter((p) => p.name !== 'page' && p.name !== 'perPage'),
    ],
    data: { schema: leaderboardDocumentSchema, list: false },
    paginated: false,
    example: '/benchmarks/glue.json?split=dev',
  }),
];

const ERROR = {
  description: 'An error',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

function responseSchema(r: RouteDoc): Record<string, unknown> {
  if (!r.data) return { type: 'object' };
  const item = ref(r.data.schema);
  const data = r.data.list ? { type: 'array', items: item } : item;
  if (r.path.startsWith('/benchmarks/')) return item;
  return {
    type: 'object',
    required: ['schemaVersion', 'data'],
    properties: {
      schemaVersion: { const: SCHEMA_VERSION },
      ...Object.fromEntries(
        Object.entries(r.extra ?? {}).map(([key, schema]) => [key, ref(schema)]),
      ),
      data,
      ...(r.paginated ? { pagination: ref(paginationSchema), links: ref(linksSchema) } : {}),
    },
  };
}

/** Every component the routes answer with, generated from the contract. */
function components(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: 'draft-2020-12',
    uri,
  }) as { schemas: Record<string, Record<string, unknown>> };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]),
  );
}

/** The OpenAPI 3.1 document; its schemas are the contract's. */
export function openApiDocument() {
  const paths: Record<string, unknown> = {};
  for (const r of ROUTES) {
    paths[r.path] = {
      get: {
        summary: r.summary,
        description: r.description,
        parameters: r.parameters.map((p) => ({ ...p, required: p.in === 'path' })),
        responses: {
          '200': {
            description: r.summary,
            headers: {
              ETag: {
                description: 'Send it back as If-None-Match to get 304 when nothing changed.',
                schema: { type: 'string' },
              },
            },
            content: { [r.contentType]: { schema: responseSchema(r) } },
          },
          '304': { description: 'Not modified (If-None-Match matched the ETag).' },
          ...(r.parameters.some((p) => p.in === 'path') ? { '404': ERROR } : {}),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'benchledger read API',
      version: String(SCHEMA_VERSION),
      description:
        'Read-only JSON over the ledger: papers, models, benchmarks, leaderboards and claims. Every document carries schemaVersion 1; lists are paginated with page and perPage and link to the next page; every answer has an ETag for conditional GET; errors are {"error": {"code", "message"}}.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: { schemas: components() },
  };
}

/** What the docs page prints, route by route. */
export function routeDocs() {
  return ROUTES.map((r) => ({
    ...r,
    answers: r.data ? `${componentId(r.data.schema)}${r.data.list ? '[]' : ''}` : null,
  }));
}
