import request from 'supertest';
import { ADMIN_ENV, buildTestApp, useSeededApp } from '../support/app';
import { formBody, tableCounts, uniqueName, validPaper, validRow, visitor } from '../support/forms';

const { database, app } = useSeededApp({ env: ADMIN_ENV, rateLimits: { submissions: 1000 } });

async function submit(
  path: '/submit/claim' | '/submit/table',
  fields: Record<string, unknown>,
  session?: Awaited<ReturnType<typeof visitor>>,
) {
  const { agent, token } = session ?? (await visitor(app, path));
  const response = await agent
    .post(path)
    .type('form')
    .send(formBody({ _csrf: token, ...fields }));
  return { response, agent, token };
}

describe('the submission forms', () => {
  test.each(['/submit', '/submit/claim', '/submit/table'])(
    'when %s is opened, then it renders with labelled fields and a CSRF token',
    async (path) => {
      const response = await request(app).get(path);
      expect(response.status).toBe(200);
      if (path !== '/submit') {
        expect(response.text).toContain('name="_csrf"');
        expect(response.text).toContain('<label for="rows-0-value">');
        expect(response.text).toContain('<label for="arxivId">');
        expect(response.text).toContain('src="/static/js/submission-form.js"');
        expect(response.text).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|\sstyle=/);
      }
    },
  );

  test('when the table form is opened, then only metrics of a benchmark are listed on its option', async () => {
    const response = await request(app).get('/submit/table');
    expect(response.text).toMatch(/<option value="glue-cola" data-metrics="mcc">/);
    expect(response.text).toContain('name="rows[4][model]"');
  });
});

describe('a valid submission', () => {
  test('when one claim is submitted, then it is stored pending with its paper, submission and audit event, and the link shows it', async () => {
    const model = uniqueName('Single');
    const before = await tableCounts(database.db);
    const { response, agent } = await submit('/submit/claim', {
      ...validPaper({ arxivId: '2512.80001v3', title: 'One claim paper', submitterName: 'Grace' }),
      rows: [validRow({ model, value: '93.1', stderr: '0.2', nShot: '0', chainOfThought: 'no' })],
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(/^\/submissions\/[A-Za-z0-9_-]{32}\?new=1$/);

    const after = await tableCounts(database.db);
    expect(after).toEqual({
      claim: before.claim + 1,
      paper: before.paper + 1,
      model: before.model + 1,
      submission: before.submission + 1,
      audit_event: before.audit_event + 1,
    });
    const paper = await database.db
      .selectFrom('paper')
      .selectAll()
      .where('arxiv_id', '=', '2512.80001')
      .executeTakeFirstOrThrow();
    expect(paper).toMatchObject({
      title: 'One claim paper',
      authors: ['Ada Lovelace', 'Alan Turing'],
      published_on: '2025-03-14',
    });
    const claim = await database.db
      .selectFrom('claim')
      .innerJoin('model', 'model.id', 'claim.model_id')
      .selectAll('claim')
      .where('model.name', '=', model)
      .executeTakeFirstOrThrow();
    expect(claim).toMatchObject({
      paper_id: paper.id,
      value: 93.1,
      stderr: 0.2,
      n_shot: 0,
      chain_of_thought: false,
      status: 'pending',
      submitter: 'Grace',
      locator: 'Table 2',
    });
    expect(claim.submission_id).not.toBeNull();
    const events = await database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('claim_id', '=', claim.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'submit', actor: 'Grace', before: null });
    expect(events[0]!.after).toMatchObject({ value: 93.1, status: 'pending' });

    const page = await agent.get(response.headers.location!);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain(model);
    expect(page.text).toContain('status-pending');
    expect(page.text).toContain('Keep this link');

    // Pending claims are on no public page.
    for (const path of ['/benchmarks/glue-sst2?split=all', `/papers/${paper.id}`]) {
      expect((await request(app).get(path)).text).not.toContain(model);
    }
    expect((await request(app).get(`/claims/${claim.id}/history`)).status).toBe(404);
  });

  test('when a table is submitted for a paper already in the ledger, then every row is stored in one submission and blank rows are ignored', async () => {
    const existing = await database.db
      .selectFrom('paper')
      .select(['id', 'arxiv_id'])
      .where('arxiv_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const model = uniqueName('Table');
    const before = await tableCounts(database.db);
    const blank = { ...validRow(), model: '', benchmark: '', metric: '', value: '', locator: '' };
    const { response } = await submit('/submit/table', {
      ...validPaper({ arxivId: existing.arxiv_id!, title: '', authors: '', publishedOn: '' }),
      rows: [
        validRow({ model, benchmark: 'glue-cola', metric: 'mcc', value: '-3.5' }),
        validRow({ model, benchmark: 'glue-sst2', metric: 'accuracy', value: '94.0' }),
        blank,
        validRow({
          model,
          benchmark: 'glue-mrpc',
          metric: 'f1',
          value: '90.1',
          adaptation: 'lora',
          trainableParams: '1.33M',
        }),
        validRow({
          model,
          benchmark: 'glue',
          metric: 'score',
          recipe: 'glue-official',
          value: '81',
        }),
        blank,
      ],
    });
    expect(response.status).toBe(303);
    const after = await tableCounts(database.db);
    expect(after.claim).toBe(before.claim + 4);
    expect(after.paper).toBe(before.paper);
    expect(after.submission).toBe(before.submission + 1);
    expect(after.audit_event).toBe(before.audit_event + 4);
    const claims = await database.db
      .selectFrom('claim')
      .innerJoin('model', 'model.id', 'claim.model_id')
      .select(['claim.paper_id', 'claim.value', 'claim.trainable_params', 'claim.submission_id'])
      .where('model.name', '=', model)
      .orderBy('claim.id')
      .execute();
    expect(claims.map((c) => c.value)).toEqual([-3.5, 94, 90.1, 81]);
    expect(new Set(claims.map((c) => c.submission_id)).size).toBe(1);
    expect(claims.every((c) => c.paper_id === existing.id)).toBe(true);
    expect(Number(claims[2]!.trainable_params)).toBe(1330000);
  });
});

describe('an invalid submission', () => {
  const cases: Array<[string, Record<string, string>, Record<string, string>, string, string]> = [
    [
      'a proportion for a percent metric',
      {},
      { value: '0.853' },
      'rows-0-value',
      'did you mean 85.3?',
    ],
    ['a value over 100', {}, { value: '100.5' }, 'rows-0-value', 'between 0 and 100'],
    ['no value', {}, { value: '' }, 'rows-0-value', 'Enter the value as a number.'],
    [
      'a word for the value',
      {},
      { value: 'ninety' },
      'rows-0-value',
      'Enter the value as a number.',
    ],
    ['Infinity', {}, { value: '1e400' }, 'rows-0-value', 'Enter the value as a number.'],
    [
      'a metric of another benchmark',
      {},
      { metric: 'mcc' },
      'rows-0-metric',
      'not a metric of SST-2',
    ],
    ['an unknown benchmark', {}, { benchmark: 'imagenet' }, 'rows-0-benchmark', 'not a benchmark'],
    ['no model', {}, { model: '' }, 'rows-0-model', 'Name the model.'],
    ['a negative stderr', {}, { stderr: '-1' }, 'rows-0-stderr', 'cannot be negative'],
    ['fractional shots', {}, { nShot: '2.5' }, 'rows-0-nShot', 'whole number'],
    ['an unknown split', {}, { split: 'train' }, 'rows-0-split', 'Choose test, dev or unknown.'],
    [
      'a bad chain-of-thought choice',
      {},
      { chainOfThought: 'maybe' },
      'rows-0-chainOfThought',
      'Choose yes, no or not stated.',
    ],
    ['an unknown role', {}, { role: 'hero' }, 'rows-0-role', 'role in the paper'],
    [
      'a suite score without a recipe',
      {},
      { benchmark: 'glue', metric: 'score' },
      'rows-0-recipe',
      'needs the averaging recipe',
    ],
    [
      'a long locator',
      {},
      { locator: 'x'.repeat(201) },
      'rows-0-locator',
      'at most 200 characters',
    ],
    ['a long quote', {}, { quote: 'q'.repeat(501) }, 'rows-0-quote', 'at most 500 characters'],
    [
      'zero trainable parameters',
      {},
      { trainableParams: '0' },
      'rows-0-trainableParams',
      'more than zero',
    ],
    ['a malformed arXiv id', { arxivId: '1234.5' }, {}, 'arxivId', 'Enter an arXiv id such as'],
    ['an impossible date', { publishedOn: '2025-02-30' }, {}, 'publishedOn', 'does not exist'],
    ['a date in the future', { publishedOn: '2999-01-01' }, {}, 'publishedOn', 'in the future'],
    ['a date in another format', { publishedOn: '14/03/2025' }, {}, 'publishedOn', 'YYYY-MM-DD'],
    ['a javascript: link', { url: 'javascript:alert(1)' }, {}, 'url', 'starting with https://'],
    [
      'a bad email',
      { submitterEmail: 'not-an-email' },
      {},
      'submitterEmail',
      'Enter an email address',
    ],
    ['a long title', { title: 't'.repeat(501) }, {}, 'title', 'at most 500 characters'],
    ['a new arXiv id without a title', { title: '' }, {}, 'title', 'give the paper&#39;s title'],
  ];

  test.each(cases)(
    'when the form has %s, then it is re-rendered with 422, the message at the field, the values kept, and nothing stored',
    async (_name, paperChanges, rowChanges, fieldId, message) => {
      const before = await tableCounts(database.db);
      const model = uniqueName('Invalid');
      const row = validRow({ model, ...rowChanges });
      const { response } = await submit('/submit/claim', {
        ...validPaper(paperChanges),
        rows: [row],
      });
      expect(response.status).toBe(422);
      expect(response.text).toContain('id="error-summary"');
      expect(response.text).toContain(`href="#${fieldId}"`);
      expect(response.text).toContain(`id="${fieldId}-error"`);
      expect(response.text).toContain(message);
      expect(response.text).toMatch(new RegExp(`id="${fieldId}"[^>]*aria-invalid="true"`));
      expect(response.text).toMatch(
        new RegExp(`id="${fieldId}"[^>]*aria-describedby="[^"]*${fieldId}-error`),
      );
      if (!('model' in rowChanges)) expect(response.text).toContain(`value="${model}"`);
      expect(await tableCounts(database.db)).toEqual(before);
    },
  );

  test('when one row of a table is invalid, then no row is stored and each message names its row', async () => {
    const before = await tableCounts(database.db);
    const model = uniqueName('AllOrNone');
    const { response } = await submit('/submit/table', {
      ...validPaper(),
      rows: [
        validRow({ model }),
        validRow({ model, benchmark: 'glue-cola', metric: 'mcc', value: '150' }),
        validRow({ model, benchmark: 'glue-qnli', value: '0.9' }),
      ],
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain('Row 2, Value: Matthews corr. must be between -100 and 100');
    expect(response.text).toContain('Row 3, Value: 0.9 looks like a proportion');
    expect(response.text).toContain('There are 2 problems');
    expect(await tableCounts(database.db)).toEqual(before);
  });

  test('when two rows of a table are the same claim, then the second is reported and nothing is stored', async () => {
    const before = await tableCounts(database.db);
    const model = uniqueName('Twice');
    const { response } = await submit('/submit/table', {
      ...validPaper(),
      rows: [validRow({ model }), validRow({ model, value: '92.0' })],
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain('Row 2 is the same claim as row 1');
    expect(await tableCounts(database.db)).toEqual(before);
  });

  test('when the table has no filled row, then it asks for one', async () => {
    const before = await tableCounts(database.db);
    const { response } = await submit('/submit/table', { ...validPaper(), rows: [] });
    expect(response.status).toBe(422);
    expect(response.text).toContain('Fill in at least one claim.');
    expect(await tableCounts(database.db)).toEqual(before);
  });

  test('when the single-claim form is sent several rows, then it refuses them', async () => {
    const before = await tableCounts(database.db);
    const model = uniqueName('Many');
    const { response } = await submit('/submit/claim', {
      ...validPaper(),
      rows: [validRow({ model }), validRow({ model, benchmark: 'glue-qnli' })],
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain('use the table form');
    expect(await tableCounts(database.db)).toEqual(before);
  });
});

describe('duplicates and near-conflicts', () => {
  test('when a claim already stored is submitted again, then it is reported and not stored twice', async () => {
    const model = uniqueName('Dup');
    const paper = validPaper();
    const first = await submit('/submit/claim', { ...paper, rows: [validRow({ model })] });
    expect(first.response.status).toBe(303);
    const before = await tableCounts(database.db);
    const second = await submit('/submit/claim', {
      ...paper,
      title: '',
      rows: [validRow({ model, locator: 'Table 9' })],
    });
    expect(second.response.status).toBe(422);
    expect(second.response.text).toMatch(/Already in the ledger as claim #\d+ \(pending\)/);
    expect(await tableCounts(database.db)).toEqual(before);
  });

  test('when another paper reports a different value for the same claim, then the submitter must confirm before it is stored', async () => {
    const stored = await database.db
      .selectFrom('claim as c')
      .innerJoin('model as m', 'm.id', 'c.model_id')
      .innerJoin('benchmark as b', 'b.id', 'c.benchmark_id')
      .innerJoin('metric as mt', 'mt.id', 'c.metric_id')
      .select(['m.name as model', 'b.slug as benchmark', 'mt.slug as metric', 'c.value', 'c.split'])
      .select(['c.n_shot', 'c.chain_of_thought', 'c.adaptation', 'c.trainable_params'])
      .where('c.status', '=', 'approved')
      .where('c.recipe_id', 'is', null)
      .where('c.variant', '=', '')
      .where('b.slug', '=', 'glue-sst2')
      .where('mt.scale', '=', 'percent')
      .orderBy('c.id')
      .executeTakeFirstOrThrow();
    const row = validRow({
      model: stored.model,
      benchmark: stored.benchmark,
      metric: stored.metric,
      value: String(stored.value > 50 ? stored.value - 5 : stored.value + 5),
      split: stored.split,
      nShot: stored.n_shot === null ? '' : String(stored.n_shot),
      chainOfThought:
        stored.chain_of_thought === null ? '' : stored.chain_of_thought ? 'yes' : 'no',
      adaptation: stored.adaptation,
      trainableParams: stored.trainable_params === null ? '' : String(stored.trainable_params),
    });
    const paper = validPaper({ title: 'A conflicting paper' });
    const before = await tableCounts(database.db);
    const session = await visitor(app);
    const first = await submit('/submit/claim', { ...paper, rows: [row] }, session);
    expect(first.response.status).toBe(422);
    expect(first.response.text).toContain('Other papers report different values');
    expect(first.response.text).toContain('id="confirm"');
    expect(first.response.text).toContain('href="#confirm"');
    expect(await tableCounts(database.db)).toEqual(before);

    const confirmed = await submit(
      '/submit/claim',
      { ...paper, rows: [row], confirm: 'yes' },
      session,
    );
    expect(confirmed.response.status).toBe(303);
    expect((await tableCounts(database.db)).claim).toBe(before.claim + 1);
  });
});

describe('the submitter link', () => {
  test('when a token is unknown or malformed, then the page is not found', async () => {
    for (const token of ['A'.repeat(32), 'short', '../../etc/passwd', '%00']) {
      expect((await request(app).get(`/submissions/${token}`)).status).toBe(404);
    }
  });

  test('when submissions come too fast, then the rate limit answers 429 and stores nothing', async () => {
    const limited = buildTestApp(database, { env: ADMIN_ENV, rateLimits: { submissions: 2 } });
    const { agent, token } = await visitor(limited);
    const send = () =>
      agent
        .post('/submit/claim')
        .type('form')
        .send(formBody({ _csrf: token, ...validPaper({ arxivId: 'bad' }), rows: [validRow()] }));
    expect((await send()).status).toBe(422);
    expect((await send()).status).toBe(422);
    const before = await tableCounts(database.db);
    const third = await send();
    expect(third.status).toBe(429);
    expect(third.text).toContain('Too many submissions');
    expect(await tableCounts(database.db)).toEqual(before);
  });
});
