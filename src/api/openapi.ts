import exportSchema from '../../docs/export.schema.json';
import { ADAPTATIONS, ROLES } from '../claims/claim.table';

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
  /** A component of docs/export.schema.json, or null for non-JSON answers. */
  data: { schema: string; list: boolean } | null;
  paginated: boolean;
  contentType: string;
  example: string;
}

const str = (description: string, extra: Record<string, unknown> = {}) => ({
  description,
  schema: { type: 'string', ...extra },
});
const query = (
  name: string,
  description: string,
  schema: Record<string, unknown> = { type: 'string' },
): Parameter => ({ name, in: 'query', description, schema });
const path = (name: string, description: string): Parameter => ({
  name,
  in: 'path',
  ...str(description),
});

const PAGING: Parameter[] = [
  query('page', 'Page number, from 1.', { type: 'integer', minimum: 1, default: 1 }),
  query('perPage', 'Items per page (at most 200).', { type: 'integer', minimum: 1, maximum: 200 }),
];
const LIST_SEARCH: Parameter[] = [
  query('q', 'Search text.'),
  query('order', 'Sort direction.', { enum: ['asc', 'desc'] }),
];
const LEADERBOARD: Parameter[] = [
  query(
    'split',
    'test, dev, unknown or all; by default test, else the split there is. Dev and test are never mixed unless all.',
    { enum: ['', 'test', 'dev', 'unknown', 'all'] },
  ),
  query('shots', 'A number of shots, or none for claims that do not state it.'),
  query('cot', 'Chain-of-thought.', { enum: ['any', 'yes', 'no', 'unstated'] }),
  query('adaptation', 'Adaptation method.', { enum: ['any', ...ADAPTATIONS] }),
  query('role', 'The claim’s role in its paper.', { enum: ['any', ...ROLES] }),
  query('from', 'Paper date from (YYYY, YYYY-MM or YYYY-MM-DD).'),
  query('to', 'Paper date to (YYYY, YYYY-MM or YYYY-MM-DD).'),
  query('minParams', 'Smallest model size, e.g. 340M.'),
  query('maxParams', 'Largest model size, e.g. 7B.'),
  query('metric', 'Dataset leaderboards: the metric to rank by (default: the primary one).'),
  query(
    'sort',
    'rank, value, model, paper, date, shots, trainable, params, or a suite column benchmark|metric.',
  ),
  query('order', 'Sort direction.', { enum: ['', 'asc', 'desc'] }),
];

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
    parameters: [
      ...LIST_SEARCH,
      query('sort', 'date, title or claims.', { enum: ['date', 'title', 'claims'] }),
      ...PAGING,
    ],
    data: { schema: 'paperListItem', list: true },
    paginated: true,
    example: '/api/papers?q=bert&perPage=5',
  }),
  route({
    path: '/api/papers/{key}',
    summary: 'One paper with its approved claims',
    description: 'The key is the numeric id or the arXiv id. Claims are in the paper page’s order.',
    parameters: [path('key', 'Numeric id or arXiv id, e.g. 1810.04805.')],
    data: { schema: 'paper', list: false },
    paginated: false,
    example: '/api/papers/1810.04805',
  }),
  route({
    path: '/api/models',
    summary: 'List models',
    description: 'Models with their aliases and claim counts; sorted by name, claims or size.',
    parameters: [
      ...LIST_SEARCH,
      query('sort', 'name, claims or params.', { enum: ['name', 'claims', 'params'] }),
      ...PAGING,
    ],
    data: { schema: 'modelListItem', list: true },
    paginated: true,
    example: '/api/models?q=bert',
  }),
  route({
    path: '/api/models/{id}',
    summary: 'One model with its approved claims',
    description: 'The model, its aliases and base model, and every approved claim about it.',
    parameters: [path('id', 'Numeric model id.')],
    data: { schema: 'model', list: false },
    paginated: false,
    example: '/api/models/1',
  }),
  route({
    path: '/api/benchmarks',
    summary: 'List the catalogue',
    description:
      'Suites, groups and datasets in catalogue order with approved claim counts (rolled up to parents).',
    parameters: PAGING,
    data: { schema: 'benchmark', list: true },
    paginated: true,
    example: '/api/benchmarks',
  }),
  route({
    path: '/api/benchmarks/{slug}',
    summary: 'One benchmark',
    description:
      'A benchmark with its allowed metrics (primary first), aggregate recipes and members.',
    parameters: [path('slug', 'e.g. glue, glue-cola, mmlu-anatomy, gsm8k.')],
    data: { schema: 'benchmark', list: false },
    paginated: false,
    example: '/api/benchmarks/glue',
  }),
  route({
    path: '/api/benchmarks/{slug}/leaderboard',
    summary: 'A leaderboard',
    description:
      'Exactly the rows the leaderboard page shows, with the same filters, recipes, ranking and sort, one page at a time. `leaderboard` describes the view (filters as resolved, columns of a suite, recipes); `data` holds dataset rows (a ranked claim) or suite rows (an entry with per-task cells and published aggregates).',
    parameters: [path('slug', 'The benchmark slug.'), ...LEADERBOARD, ...PAGING],
    data: { schema: 'datasetRow', list: true },
    paginated: true,
    example: '/api/benchmarks/glue-cola/leaderboard?split=all&sort=value',
  }),
  route({
    path: '/api/claims',
    summary: 'List approved claims',
    description: 'Approved claims in id order, optionally of one benchmark, model or paper.',
    parameters: [
      query('benchmark', 'A benchmark slug.'),
      query('model', 'A model id.'),
      query('paper', 'A paper id or arXiv id.'),
      ...PAGING,
    ],
    data: { schema: 'claim', list: true },
    paginated: true,
    example: '/api/claims?benchmark=glue-cola',
  }),
  route({
    path: '/api/claims/{id}',
    summary: 'One approved claim',
    description: 'A claim with its paper, model, benchmark, metric, setting and provenance.',
    parameters: [path('id', 'Numeric claim id.')],
    data: { schema: 'claim', list: false },
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
    parameters: [path('slug', 'The benchmark slug.'), ...LEADERBOARD],
    data: { schema: 'leaderboardDocument', list: false },
    paginated: false,
    example: '/benchmarks/glue.json?split=dev',
  }),
];

const COMPONENT_REF = /#\/\$defs\//g;
const asComponents = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value).replace(COMPONENT_REF, '#/components/schemas/')) as T;

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
  const item = { $ref: `#/components/schemas/${r.data.schema}` };
  const data = r.data.list ? { type: 'array', items: item } : item;
  if (r.path.startsWith('/benchmarks/')) return item;
  return {
    type: 'object',
    required: ['schemaVersion', 'data'],
    properties: {
      schemaVersion: { const: 1 },
      data,
      ...(r.paginated
        ? {
            pagination: { $ref: '#/components/schemas/pagination' },
            links: { $ref: '#/components/schemas/links' },
          }
        : {}),
    },
  };
}

/** The OpenAPI 3.1 document; its schemas are those of docs/export.schema.json. */
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
      version: '1',
      description:
        'Read-only JSON over the ledger: papers, models, benchmarks, leaderboards and claims. Every document carries schemaVersion 1; lists are paginated with page and perPage and link to the next page; every answer has an ETag for conditional GET; errors are {"error": {"code", "message"}}.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: {
        ...asComponents(exportSchema.$defs),
        pagination: {
          type: 'object',
          required: ['page', 'perPage', 'total', 'pages'],
          properties: {
            page: { type: 'integer' },
            perPage: { type: 'integer' },
            total: { type: 'integer' },
            pages: { type: 'integer' },
          },
        },
        links: {
          type: 'object',
          required: ['self', 'next', 'prev'],
          properties: {
            self: { type: 'string' },
            next: { type: ['string', 'null'] },
            prev: { type: ['string', 'null'] },
          },
        },
      },
    },
  };
}

/** What the docs page prints, route by route. */
export function routeDocs(): RouteDoc[] {
  return ROUTES;
}
