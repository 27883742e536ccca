import fc from 'fast-check';
import { ADMIN_ENV, useMigratedApp } from '../support/app';
import { formBody, tableCounts, visitor, type Agent } from '../support/forms';

let session: { agent: Agent; token: string };

const { database, app } = useMigratedApp({ env: ADMIN_ENV, rateLimits: { submissions: 100_000 } });

beforeAll(async () => {
  session = await visitor(app, '/submit/table');
});

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    'claim',
    'model',
    'params',
    'size',
    'glue-sst2',
    'accuracy',
    'glue',
    '__proto__',
    '-1',
    '1e9',
    'yes',
  ),
);
const value = fc.oneof(
  { weight: 5, arbitrary: text },
  { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.constantFrom('c0', 'c1', 'r0', 'r1', '0', 'use'), text),
  },
);
const table = fc.oneof(
  fc.constant('Model,SST-2,CoLA\nBERT,93.5,52.1\nGPT,91.3/90.0,-'),
  fc.constant('Model & SST-2 \\\\ \\midrule\nBERT & 93.5$\\pm$0.1 \\\\'),
  fc.string({ maxLength: 60 }),
);
/** A body as a broken or hostile client might post it to any step of the paste flow. */
const body = fc.record({
  table,
  format: value,
  headerRows: value,
  title: value,
  arxivId: value,
  confirm: value,
  mapped: value,
  columns: fc.oneof(
    value,
    fc.dictionary(
      fc.constantFrom('c0', 'c1', 'c2'),
      fc.dictionary(
        fc.constantFrom('use', 'benchmark', 'metric', 'metric2', 'recipe', 'nShot'),
        value,
      ),
    ),
  ),
  tableRows: fc.oneof(
    value,
    fc.dictionary(
      fc.constantFrom('r0', 'r1', 'r2'),
      fc.dictionary(fc.constantFrom('skip', 'model', 'role', 'nShot', 'trainableParams'), value),
    ),
  ),
  setting: fc.oneof(
    value,
    fc.dictionary(fc.constantFrom('split', 'adaptation', 'nShot', 'model', 'locator'), value),
  ),
});

test('when any body is posted to any step of the paste flow, then the answer is a page or a redirect, never a 500, and only a clean submission stores anything', async () => {
  await fc.assert(
    fc.asyncProperty(
      body,
      fc.constantFrom(
        '/submit/table/paste',
        '/submit/table/paste/preview',
        '/submit/table/paste/submit',
      ),
      async (fields, step) => {
        const before = await tableCounts(database.db);
        const response = await session.agent
          .post(step)
          .type('form')
          .send(formBody({ _csrf: session.token, ...fields }));
        expect([200, 303, 413, 422]).toContain(response.status);
        if (response.status !== 303) expect(await tableCounts(database.db)).toEqual(before);
      },
    ),
    { numRuns: 80, interruptAfterTimeLimit: 40_000 },
  );
});
