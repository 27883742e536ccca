import fs from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import seedClaims from '../../seeds/data/seed-claims.json';
import supplementaryClaims from '../../seeds/data/supplementary-claims.json';
import { mapSeedClaim, type MappedClaim, type SeedClaimRecord } from '../../seeds/ledger';
import { claimViews } from '../../src/claims/claim.repository';
import { ensureModel } from '../../src/models/model.repository';
import { ADMIN_ENV, buildTestApp, useSeededApp } from '../support/app';
import { createMigratedDatabase, type TestDatabase } from '../support/database';
import { decodeEntities } from '../support/html';
import { encodeFields, formFields, withFields, type Fields } from '../support/html-form';
import {
  csrfTokenIn,
  formBody,
  tableCounts,
  uniqueArxivId,
  uniqueName,
  visitor,
} from '../support/forms';

const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '../fixtures/paste', name), 'utf8');
const BERT_TABLE = fixture('bert-glue-test.tex');

const { database, app } = useSeededApp({ env: ADMIN_ENV, rateLimits: { submissions: 1000 } });

type Session = Awaited<ReturnType<typeof visitor>>;

/** The paste box's form, posted as a browser would. */
async function paste(
  fields: { table: string; arxivId?: string; locator?: string; format?: string },
  session?: Session,
  on: Express = app,
) {
  const { agent, token } = session ?? (await visitor(on, '/submit/table'));
  const response = await agent
    .post('/submit/table/paste')
    .type('form')
    .send(formBody({ _csrf: token, ...fields }));
  return { response, session: { agent, token } };
}

/** Posts a page's form as it stands, with some fields changed: a user confirming or editing it. */
async function post(
  session: Session,
  page: string,
  from: string,
  changes: Record<string, string | null> = {},
  to = from,
) {
  const fields: Fields = withFields(formFields(page, from), changes);
  return session.agent.post(to).type('form').send(encodeFields(fields));
}

const confirmMapping = (session: Session, page: string, changes = {}) =>
  post(session, page, '/submit/table/paste/preview', changes);
const send = (session: Session, page: string, changes = {}) =>
  post(session, page, '/submit/table/paste/submit', changes);

interface PreviewedClaim {
  status: string;
  model: string;
  benchmark: string;
  metric: string;
  value: string;
  check: string;
}

/** The preview's claims table, read back from the page. */
function previewedClaims(html: string): PreviewedClaim[] {
  const rows = [...html.matchAll(/<tr id="claim-\d+" class="claim-(\w+)">([\s\S]*?)<\/tr>/g)];
  return rows.map(([, status, row]) => {
    const cells = [...row!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, cell]) =>
      decodeEntities(
        cell!
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    );
    return {
      status: status!,
      model: cells[1]!,
      benchmark: cells[2]!,
      metric: cells[3]!,
      value: cells[4]!,
      check: cells[6]!,
    };
  });
}

/** Stored claims with the names and slugs a comparison needs, through the shared claim view. */
async function claimsOf(db: TestDatabase['db'], ids: number[]) {
  const rows = await claimViews(db)
    .where('c.id', 'in', ids.length ? ids : [-1])
    .orderBy('c.id')
    .execute();
  return rows.map((c) => ({
    ...c,
    model: c.modelName,
    benchmark: c.benchmarkSlug,
    metric: c.metricSlug,
    recipe: c.recipeSlug,
  }));
}

/** The seed ledger's claims from BERT's Table 1 for BERT-base and BERT-large, as the seed maps them. */
function bertTableOneInSeed(): MappedClaim[] {
  return (
    [...(seedClaims as SeedClaimRecord[]), ...(supplementaryClaims as SeedClaimRecord[])]
      .filter((r) => r.arxiv_id === '1810.04805' && r.source_locator === 'Table 1')
      .map(mapSeedClaim)
      .flatMap((result) => (result.ok ? [result.claim] : []))
      .filter((c) => ['BERT-base', 'BERT-large'].includes(c.model.name))
      // The official 80.5 is quoted from the text (section 4.1), not printed in the table.
      .filter((c) => c.recipe !== 'glue-official')
  );
}

const FIELDS = [
  'model',
  'benchmark',
  'metric',
  'recipe',
  'value',
  'stderr',
  'split',
  'nShot',
  'chainOfThought',
  'adaptation',
  'trainableParams',
  'variant',
  'role',
  'locator',
] as const;

const pick = (source: object, fields: readonly string[]) =>
  Object.fromEntries(
    fields.flatMap((f) => (f in source ? [[f, (source as Record<string, unknown>)[f]]] : [])),
  ) as Record<(typeof FIELDS)[number], unknown> & {
    model: string;
    benchmark: string;
    metric: string;
    recipe: string | null;
  };

const identity = (c: { model: string; benchmark: string; metric: string; recipe: string | null }) =>
  `${c.model}|${c.benchmark}|${c.metric}|${c.recipe ?? ''}`;

describe('the paste box', () => {
  test('when the table form is opened, then it offers the paste box, posting to /submit/table/paste, with no inline script', async () => {
    const page = await request(app).get('/submit/table');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(
      /<form method="post" action="\/submit\/table\/paste" class="paste-form"/,
    );
    expect(page.text).toMatch(/<textarea id="paste-table" name="table"/);
    expect(page.text).toContain('<script src="/static/js/paste-preview.js" defer></script>');
    expect(page.text).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|\sstyle=/);
    expect((await request(app).get('/submit/table/paste')).status).toBe(200);
  });
});

describe("pasting BERT's GLUE test table as LaTeX (done when)", () => {
  test('when the suggested mapping is confirmed once on the seeded ledger, then the preview finds every BERT-base and BERT-large claim the seed holds, field by field, and sending stores only the baselines', async () => {
    const before = await tableCounts(database.db);
    const { response: mapping, session } = await paste({
      table: BERT_TABLE,
      arxivId: '1810.04805',
      locator: 'Table 1',
    });
    expect(mapping.status).toBe(200);
    expect(mapping.text).toContain('Read as a LaTeX tabular: 7 rows × 10 columns');

    const preview = await confirmMapping(session, mapping.text);
    expect(preview.status).toBe(200);
    expect(decodeEntities(preview.text)).toMatch(
      /<strong>30<\/strong> new claims to send for review, <strong>20<\/strong> already in the ledger/,
    );
    const claims = previewedClaims(preview.text);
    const bert = claims.filter((c) => c.model === 'BERT-base' || c.model === 'BERT-large');
    expect(bert).toHaveLength(20);
    expect(bert.every((c) => c.status === 'duplicate')).toBe(true);
    const ids = bert.map((c) => Number(/claim #(\d+) \(approved\)/.exec(c.check)![1]));
    const stored = await claimsOf(database.db, ids);
    expect(stored).toHaveLength(20);
    for (const [index, shown] of bert.entries()) {
      const claim = stored.find((s) => s.id === ids[index])!;
      expect({
        model: shown.model,
        benchmark: shown.benchmark,
        metric: shown.metric,
        value: Number(shown.value),
      }).toEqual({
        model: claim.model,
        benchmark: claim.benchmarkName,
        metric: claim.recipeName ?? claim.metricName,
        value: claim.value,
      });
      expect(claim).toMatchObject({
        paperArxivId: '1810.04805',
        locator: 'Table 1',
        split: 'test',
      });
    }
    const expected = bertTableOneInSeed();
    expect(new Set(stored.map(identity))).toEqual(
      new Set(expected.map((c) => identity({ ...c, model: c.model.name }))),
    );

    const sent = await send(session, preview.text);
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toMatch(/^\/submissions\/[A-Za-z0-9_-]{32}\?new=1$/);
    const after = await tableCounts(database.db);
    expect(after.claim - before.claim).toBe(30);
    expect(after.submission - before.submission).toBe(1);
    expect(after.model - before.model).toBe(3);
    const link = await session.agent.get(sent.headers.location!);
    expect(link.text.match(/status-pending/g)).toHaveLength(30);
    expect(link.text).not.toContain('BERT-large');
  });

  test("when the same paste is sent to a ledger that knows the BERT models but not their claims, then the stored BERT-base and BERT-large claims equal the seed ledger's field by field", async () => {
    const fresh = await createMigratedDatabase();
    try {
      await ensureModel(fresh.db, { name: 'BERT-base' });
      await ensureModel(fresh.db, { name: 'BERT-large' });
      const freshApp = buildTestApp(fresh, { rateLimits: { submissions: 1000 } });
      const { response: mapping, session } = await paste(
        { table: BERT_TABLE, arxivId: '1810.04805', locator: 'Table 1' },
        undefined,
        freshApp,
      );
      expect(mapping.status).toBe(200);
      // A new paper: the mapping page asks for its title, which is all the user adds.
      const preview = await confirmMapping(session, mapping.text, {
        title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      });
      expect(preview.status).toBe(200);
      const sent = await send(session, preview.text);
      expect(sent.status).toBe(303);

      const ids = (await fresh.db.selectFrom('claim').select('id').execute()).map((c) => c.id);
      const stored = (await claimsOf(fresh.db, ids)).filter((c) =>
        ['BERT-base', 'BERT-large'].includes(c.model),
      );
      const expected = bertTableOneInSeed();
      expect(stored).toHaveLength(20);
      expect(expected).toHaveLength(20);
      // Every field the paste carries; the seed's notes, reference and confidence it does not.
      const fromSeed = expected.map((c) => ({
        ...pick(c, FIELDS),
        model: c.model.name,
        // Widened so that the pasted claims (whose stderr is read from the database) compare.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        stderr: null as unknown,
      }));
      const fromPaste = stored.map((c) => pick(c, FIELDS));
      const sorted = (list: typeof fromSeed) =>
        [...list].sort((a, b) => identity(a).localeCompare(identity(b)));
      expect(sorted(fromPaste)).toEqual(sorted(fromSeed));
      expect(stored.every((c) => c.status === 'pending')).toBe(true);
    } finally {
      await fresh.drop();
    }
  });
});

describe("AdaLoRA's GLUE dev table as Markdown", () => {
  test('when it is pasted for its paper, then the AdaLoRA rows are recognised as the claims the seed holds (DeBERTaV3-base with AdaLoRA and its parameter count)', async () => {
    const { response: mapping, session } = await paste({
      table: fixture('adalora-glue-dev.md'),
      arxivId: '2303.10512',
    });
    expect(mapping.status).toBe(200);
    const preview = await confirmMapping(session, mapping.text);
    expect(preview.status).toBe(200);
    const claims = previewedClaims(preview.text);
    const adalora = claims.filter(
      (c) => c.model === 'DeBERTaV3-base' && c.check.includes('claim #'),
    );
    // 11 claims for each AdaLoRA budget, and the Full FT and BitFit averages.
    expect(adalora).toHaveLength(24);
    const stored = await claimsOf(
      database.db,
      adalora.map((c) => Number(/claim #(\d+)/.exec(c.check)![1])),
    );
    expect(new Set(stored.map((c) => c.adaptation))).toEqual(
      new Set(['adalora', 'full_ft', 'bitfit']),
    );
    expect(new Set(stored.map((c) => c.split))).toEqual(new Set(['dev']));
  });
});

describe('what the preview checks, all at once', () => {
  const newPaper = () => ({ arxivId: uniqueArxivId(), locator: 'Table 2' });

  test('when cells cannot be read, a value looks like a proportion and a row repeats another, then every problem is listed with its row and column, and nothing can be sent', async () => {
    const model = uniqueName('Paste');
    const before = await tableCounts(database.db);
    const table = `Model,SST-2,CoLA\n${model},93.5x,0.52\n${model},93.5,52.1\n${model},93.5,-`;
    const { response: mapping, session } = await paste({ table, ...newPaper() });
    const preview = await confirmMapping(session, mapping.text, { title: 'Checks at once' });
    expect(preview.status).toBe(422);
    const text = decodeEntities(preview.text);
    expect(text).toContain(
      'Row 2, column 2: "93.5x" is not a number we can read; write it as 84.6, 84.6/83.4 or 90.9±0.3, or "-" for none.',
    );
    expect(text).toContain(
      'Row 4, column 2: The same claim as row 3, column 2: leave one of them out.',
    );
    expect(text).not.toContain('Send ');
    const sent = await send(session, preview.text);
    expect(sent.status).toBe(422);
    expect(await tableCounts(database.db)).toEqual(before);
  });

  test('when a percent metric is given as a proportion, then the preview asks "did you mean" with the form\'s own message', async () => {
    const { response: mapping, session } = await paste({
      table: `Model,SST-2\n${uniqueName('Proportion')},0.935`,
      ...newPaper(),
    });
    const preview = await confirmMapping(session, mapping.text, { title: 'Proportions' });
    expect(preview.status).toBe(422);
    expect(decodeEntities(preview.text)).toContain(
      'Value: 0.935 looks like a proportion — did you mean 93.5? Accuracy is given in percent (0–100).',
    );
  });

  test('when another paper reports a different value for the same claim, then the preview shows it and sending needs the confirmation', async () => {
    const before = await tableCounts(database.db);
    const { response: mapping, session } = await paste({
      table: 'Model,SST-2\nBERT-large,91.0',
      ...newPaper(),
    });
    const preview = await confirmMapping(session, mapping.text, {
      title: 'A replication',
      'setting[split]': 'test',
    });
    expect(preview.status).toBe(200);
    expect(decodeEntities(preview.text)).toMatch(/reports 94\.9 \(-3\.9\)/);
    const refused = await send(session, preview.text);
    expect(refused.status).toBe(422);
    expect(decodeEntities(refused.text)).toContain(
      'Another paper reports a different value for this claim. Check it against the paper, then confirm.',
    );
    expect(await tableCounts(database.db)).toEqual(before);
    const sent = await send(session, preview.text, { confirm: 'yes' });
    expect(sent.status).toBe(303);
    expect((await tableCounts(database.db)).claim).toBe(before.claim + 1);
  });

  test("when the paper is neither in the ledger nor named, then the mapping page comes back with the message and the claims' own problems", async () => {
    const { response: mapping, session } = await paste({
      table: 'Model,SST-2,CoLA\nX,93.5y,52.1',
    });
    const again = await confirmMapping(session, mapping.text);
    expect(again.status).toBe(422);
    const text = decodeEntities(again.text);
    expect(text).toContain('Give the arXiv id of the paper, or the title of a paper without one.');
    expect(text).toContain('Row 2, column 2: "93.5y" is not a number we can read');
    expect(text).toContain('<h1>Map the pasted table</h1>');
  });

  test('when the mapping leaves no benchmark column or picks a metric the benchmark does not use, then the mapping page says so per field', async () => {
    const { response: mapping, session } = await paste({ table: 'Model,SST-2\nX,93.5' });
    const none = await confirmMapping(session, mapping.text, { 'columns[c1][use]': '' });
    expect(none.status).toBe(422);
    expect(decodeEntities(none.text)).toContain('Map at least one column to a benchmark score.');
    const wrong = await confirmMapping(session, mapping.text, { 'columns[c1][metric]': 'mcc' });
    expect(wrong.status).toBe(422);
    expect(decodeEntities(wrong.text)).toContain(
      'Column 2, Metric: Choose a metric of SST-2: Accuracy.',
    );
  });

  test('when the user goes back from the preview to change the mapping, then the page keeps their choices rather than the suggestion', async () => {
    const { response: mapping, session } = await paste({
      table: 'Model,QQP\nX,70.1',
      ...newPaper(),
    });
    const preview = await confirmMapping(session, mapping.text, {
      title: 'Back and forth',
      'columns[c1][metric]': 'accuracy',
    });
    expect(preview.status).toBe(200);
    const back = await post(
      session,
      preview.text,
      '/submit/table/paste/submit',
      {},
      '/submit/table/paste',
    );
    expect(back.status).toBe(200);
    const fields = formFields(back.text, '/submit/table/paste/preview');
    expect(fields).toContainEqual(['columns[c1][metric]', 'accuracy']);
    expect(fields).toContainEqual(['title', 'Back and forth']);
  });

  test('when a cell or header holds markup, then every page prints it escaped', async () => {
    const { response: mapping, session } = await paste({
      table: 'Model,<b>SST-2</b>\n<script>alert(1)</script>,93.5',
    });
    expect(mapping.status).toBe(200);
    expect(mapping.text).not.toContain('<script>alert(1)');
    expect(mapping.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const preview = await confirmMapping(session, mapping.text, { title: 'Escaping' });
    expect(preview.text).not.toContain('<script>alert(1)');
  });
});

describe('hostile pastes', () => {
  const cases: Array<[string, string, number, RegExp]> = [
    [
      'larger than a paste may be',
      'a,b\n'.repeat(40_000),
      413,
      /The paste is 160000 characters long; at most 100000/,
    ],
    [
      'braces nested 40 000 deep',
      `a & ${'{'.repeat(40_000)}x${'}'.repeat(40_000)} \\\\`,
      422,
      /Line 1: Braces or environments are nested more than 16 levels deep/,
    ],
    [
      'an unbalanced \\begin',
      '\\begin{table}\n\\begin{tabular}{ll}\na & b \\\\\n\\end{tabular}',
      422,
      /Line 1: \\begin\{table\} has no \\end\{table\}\./,
    ],
    [
      'control characters',
      'Model,SST-2\nX\u0000,93.5\u001b',
      422,
      /Line 2: Character 2 is a control character \(U\+0000\)/,
    ],
    ['no table at all', 'Just some words.', 422, /This does not look like a table/],
  ];

  test.each(cases)(
    'when a paste has %s, then every step answers 4xx with the reason and where, and stores nothing',
    async (_, table, status, message) => {
      const before = await tableCounts(database.db);
      const { agent, token } = await visitor(app, '/submit/table');
      for (const step of [
        '/submit/table/paste',
        '/submit/table/paste/preview',
        '/submit/table/paste/submit',
      ]) {
        const response = await agent
          .post(step)
          .type('form')
          .send(formBody({ _csrf: token, table, title: 'Hostile', 'columns[c1][use]': 'claim' }));
        expect(response.status).toBe(status);
        expect(decodeEntities(response.text)).toMatch(message);
        expect(response.text).toContain('<textarea id="paste-table" name="table"');
      }
      const json = await agent
        .post('/submit/table/paste.json')
        .set('X-CSRF-Token', token)
        .send({ table });
      expect(json.status).toBe(status);
      expect(json.body.error.message).toMatch(message);
      expect(await tableCounts(database.db)).toEqual(before);
    },
  );

  test('when the body is larger than any form may be, then it is refused with 413 before it is read', async () => {
    const { agent, token } = await visitor(app, '/submit/table');
    const response = await agent
      .post('/submit/table/paste')
      .type('form')
      .send(formBody({ _csrf: token, table: 'x'.repeat(1_200_000) }));
    expect(response.status).toBe(413);
  });

  test("when the paste comes without the form's CSRF token, then it is refused", async () => {
    const response = await request(app)
      .post('/submit/table/paste.json')
      .send({ table: 'a,b\n1,2' });
    expect(response.status).toBe(403);
  });
});

describe('the live preview behind the paste box', () => {
  test('when the script sends the paste, then it gets the format, the size, the header rows and the first rows', async () => {
    const { agent, token } = await visitor(app, '/submit/table');
    const response = await agent
      .post('/submit/table/paste.json')
      .set('X-CSRF-Token', token)
      .send({ table: BERT_TABLE, format: 'auto' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      format: 'latex',
      formatName: 'LaTeX tabular',
      rows: 7,
      columns: 10,
      headerRows: 2,
    });
    expect(response.body.preview[5]).toEqual([
      'BERT BASE',
      '84.6/83.4',
      '71.2',
      '90.5',
      '93.5',
      '52.1',
      '85.8',
      '88.9',
      '66.4',
      '79.6',
    ]);
  });
});

describe('several app processes over one database', () => {
  test('when each step of the flow is served by a different app, then it still works: the state travels in the form', async () => {
    const second = buildTestApp(database, { env: ADMIN_ENV, rateLimits: { submissions: 1000 } });
    const model = uniqueName('TwoProcesses');
    const opened = await request(app).get('/submit/table');
    const cookie = (opened.headers['set-cookie'] as unknown as string[])
      .map((c) => c.split(';')[0])
      .join('; ');
    const mapping = await request(app)
      .post('/submit/table/paste')
      .set('Cookie', cookie)
      .type('form')
      .send(
        formBody({
          _csrf: csrfTokenIn(opened.text),
          table: `Model,CoLA\n${model},61.2`,
          arxivId: uniqueArxivId(),
        }),
      );
    expect(mapping.status).toBe(200);
    const preview = await request(second)
      .post('/submit/table/paste/preview')
      .set('Cookie', cookie)
      .type('form')
      .send(
        encodeFields(
          withFields(formFields(mapping.text, '/submit/table/paste/preview'), {
            title: 'Two processes',
          }),
        ),
      );
    expect(preview.status).toBe(200);
    const sent = await request(app)
      .post('/submit/table/paste/submit')
      .set('Cookie', cookie)
      .type('form')
      .send(encodeFields(formFields(preview.text, '/submit/table/paste/submit')));
    expect(sent.status).toBe(303);
    const stored = await database.db
      .selectFrom('claim as c')
      .innerJoin('model as m', 'm.id', 'c.model_id')
      .select(['c.value', 'c.status'])
      .where('m.name', '=', model)
      .execute();
    expect(stored).toEqual([{ value: 61.2, status: 'pending' }]);
  });
});
