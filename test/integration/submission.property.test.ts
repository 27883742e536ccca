import fc from 'fast-check';
import { ADMIN_ENV, useSeededApp } from '../support/app';
import { formBody, tableCounts, validPaper, validRow, visitor, type Agent } from '../support/forms';

let session: { agent: Agent; token: string };

const { database, app } = useSeededApp({ env: ADMIN_ENV, rateLimits: { submissions: 100_000 } });

beforeAll(async () => {
  session = await visitor(app);
});

const RUN = { numRuns: 60, interruptAfterTimeLimit: 40_000 } as const;

/** Values a hostile or broken client might put in any field. */
const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'; drop table claim; --",
    "1' or '1'='1",
    '\u0000',
    '\u202e\u0301',
    '𝟠𝟝.𝟛',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '-0',
    '0x1F',
    '85,3',
    '85.3%',
    ' 85.3 ',
    '-1',
    '-100.5',
    '1e-400',
    '100000000000000000000',
    '0.853',
    '2026-13-45',
    '9999.99999v9',
    'arXiv:2106.09685v2',
    '__proto__',
    'constructor',
  ),
  fc.double().map(String),
  fc.integer().map(String),
);

/** A field's value: usually text, sometimes repeated, nested, empty or absent. */
const hostileValue = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.array(hostileText, { minLength: 2, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', '0', '__proto__'), hostileText) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const ROW_FIELDS = Object.keys(validRow());
const PAPER_FIELDS = Object.keys(validPaper());

/** A mostly valid row with some fields replaced by hostile values, so checks past the first run. */
const hostileRow = fc
  .record({
    changes: fc.dictionary(fc.constantFrom(...ROW_FIELDS), hostileValue, { maxKeys: 4 }),
    drop: fc.subarray(ROW_FIELDS, { maxLength: 3 }),
  })
  .map(({ changes, drop }) => {
    const row: Record<string, unknown> = { ...validRow(), ...changes };
    return Object.fromEntries(Object.entries(row).filter(([field]) => !drop.includes(field)));
  });

const hostileSubmission = fc.record({
  paper: fc.dictionary(fc.constantFrom(...PAPER_FIELDS), hostileValue, { maxKeys: 4 }),
  rows: fc.oneof(
    fc.array(hostileRow, { minLength: 1, maxLength: 4 }),
    fc.dictionary(fc.constantFrom('0', '1', '25', '9999', 'x', '-1'), hostileRow, { maxKeys: 3 }),
    hostileValue,
  ),
  // A row that would be valid on its own makes the all-or-nothing rule visible.
  withValidRow: fc.boolean(),
});

/**
 * Whether the submission can be stored at all: the generated input is valid only by accident, so
 * a stored row is accepted only when the response says so (303) — never with an error status.
 */
async function post(path: string, body: string) {
  return session.agent
    .post(path)
    .type('form')
    .send(`_csrf=${encodeURIComponent(session.token)}&${body}`);
}

describe('hostile input to the submission forms', () => {
  test.each(['/submit/claim', '/submit/table'])(
    'when random and hostile fields are posted to %s, then the answer is never a 500 and a refused submission stores nothing',
    async (path) => {
      await fc.assert(
        fc.asyncProperty(hostileSubmission, async ({ paper, rows, withValidRow }) => {
          const fields: Record<string, unknown> = { ...validPaper(), ...paper };
          fields.title =
            typeof fields.title === 'string' && fields.title ? fields.title : 'Hostile';
          let rowsValue: unknown = rows;
          if (withValidRow && Array.isArray(rows)) rowsValue = [validRow(), ...rows];
          fields.rows = rowsValue;
          const before = await tableCounts(database.db);
          const response = await post(path, formBody(fields));
          expect(response.status).not.toBeGreaterThanOrEqual(500);
          expect([303, 413, 422]).toContain(response.status);
          const after = await tableCounts(database.db);
          if (response.status !== 303) expect(after).toEqual(before);
        }),
        RUN,
      );
    },
  );

  test('when any single field of a valid claim is made hostile, then the claim is either stored whole or not at all, never with a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROW_FIELDS),
        fc.constantFrom('NaN', 'Infinity', '-5', '101', '1e400', '', '<b>x</b>', "' or 1=1 --"),
        async (field, value) => {
          const before = await tableCounts(database.db);
          const response = await post(
            '/submit/claim',
            formBody({ ...validPaper(), rows: [validRow({ [field]: value })] }),
          );
          expect([303, 422]).toContain(response.status);
          const after = await tableCounts(database.db);
          expect(after.claim).toBe(before.claim + (response.status === 303 ? 1 : 0));
        },
      ),
      RUN,
    );
  });

  test('when a 1 MB string is sent in any field, then the answer is 413 or 422 and nothing is stored', async () => {
    const fields = ['title', 'authors', 'rows[0][model]', 'rows[0][quote]', 'rows[0][value]'];
    // Over the body limit once encoded (413), and just under it (the field's length check: 422).
    for (const huge of ['é<script>'.repeat(120_000), 'a'.repeat(900_000)]) {
      for (const field of fields) {
        const before = await tableCounts(database.db);
        const body = formBody({ ...validPaper(), rows: [validRow()] }).replace(
          new RegExp(`(^|&)${encodeURIComponent(field).replace(/[[\]]/g, '\\$&')}=[^&]*`),
          '',
        );
        const response = await post(
          '/submit/table',
          `${body}&${encodeURIComponent(field)}=${encodeURIComponent(huge)}`,
        );
        expect(response.status).toBe(huge.length > 1_000_000 ? 413 : 422);
        expect(await tableCounts(database.db)).toEqual(before);
      }
    }
  });

  test('when JSON of any shape is posted, then the answer is never a 500 and nothing is stored', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const before = await tableCounts(database.db);
        const response = await session.agent
          .post('/submit/table')
          .set('x-csrf-token', session.token)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(value));
        expect(response.status).toBeLessThan(500);
        expect(await tableCounts(database.db)).toEqual(before);
      }),
      RUN,
    );
  });
});
