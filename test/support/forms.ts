import type { Express } from 'express';
import request from 'supertest';
import type { DB } from '../../src/db/database';
import { ADMIN_PASSWORD, ADMIN_USER } from './app';

/** Encodes nested fields the way a browser sends the forms: `rows[0][model]=…`. */
export function formBody(fields: Record<string, unknown>): string {
  const params = new URLSearchParams();
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) value.forEach((item, i) => add(`${name}[${i}]`, item));
    else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) add(`${name}[${key}]`, item);
    } else params.append(name, typeof value === 'string' ? value : JSON.stringify(value));
  };
  for (const [name, value] of Object.entries(fields)) add(name, value);
  return params.toString();
}

/** The CSRF token a page put in its forms. */
export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1]!;
}

export type Agent = ReturnType<typeof request.agent>;

/** An agent (cookie jar) that has loaded a page, and the CSRF token that page carried. */
export async function visitor(app: Express, path = '/submit/claim') {
  const agent = request.agent(app);
  const page = await agent.get(path);
  return { agent, token: csrfTokenIn(page.text) };
}

/** An agent signed in as the admin, with a CSRF token bound to its session. */
export async function signedInAdmin(app: Express) {
  const { agent, token } = await visitor(app, '/login');
  const login = await agent
    .post('/login')
    .type('form')
    .send(formBody({ _csrf: token, user: ADMIN_USER, password: ADMIN_PASSWORD }));
  if (login.status !== 303) throw new Error(`sign-in failed with ${login.status}`);
  const page = await agent.get('/moderation');
  return { agent, token: csrfTokenIn(page.text) };
}

let unique = 0;
/** A model name no other test uses. */
export const uniqueName = (prefix: string) =>
  `${prefix}-${process.pid}-${Date.now().toString(36)}-${(unique += 1)}`;

/** A fresh arXiv id per call, from a range the seed data does not use. */
export const uniqueArxivId = () => `2512.${90000 + (unique += 1)}`;

export const validRow = (overrides: Record<string, string> = {}) => ({
  model: 'BERT-large',
  benchmark: 'glue-sst2',
  metric: 'accuracy',
  recipe: '',
  value: '91.7',
  stderr: '',
  split: 'test',
  nShot: '',
  chainOfThought: '',
  adaptation: 'full_ft',
  trainableParams: '',
  role: 'proposed',
  locator: 'Table 2',
  quote: '',
  ...overrides,
});

export const validPaper = (overrides: Record<string, string> = {}) => ({
  arxivId: uniqueArxivId(),
  title: 'A paper about submissions',
  authors: 'Ada Lovelace, Alan Turing',
  publishedOn: '2025-03-14',
  venue: '',
  url: '',
  submitterName: '',
  submitterEmail: '',
  ...overrides,
});

export async function tableCounts(db: DB) {
  const count = async (table: 'claim' | 'paper' | 'model' | 'submission' | 'audit_event') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    claim: await count('claim'),
    paper: await count('paper'),
    model: await count('model'),
    submission: await count('submission'),
    audit_event: await count('audit_event'),
  };
}
