import request from 'supertest';
import { ADMIN_ENV, useMigratedApp } from '../support/app';
import type { TestDatabase } from '../support/database';
import {
  csrfTokenIn,
  formBody,
  signedInAdmin,
  tableCounts,
  uniqueArxivId,
  uniqueName,
  validPaper,
  validRow,
  visitor,
} from '../support/forms';
import { schemaValidator } from '../support/schemas';

/*
 * The sampling protocol end to end: typed into the table form, approved, filtered and shown on
 * the leaderboard, exported as CSV and JSON, read through the API, and imported into another
 * ledger from both the CSV and the dump. LLaMA's GSM8K figures: 50.9 at maj1@1, 69.7 at maj1@k
 * with k=100.
 */

const { database: source, app } = useMigratedApp({
  env: ADMIN_ENV,
  rateLimits: { submissions: 1000 },
});
const { database: target, app: targetApp } = useMigratedApp({ env: ADMIN_ENV });
const model = uniqueName('LLaMA-65B');
const validExport = schemaValidator('export.schema.json');

const gsm8k = (overrides: Record<string, string>) =>
  validRow({
    model,
    benchmark: 'gsm8k',
    metric: 'accuracy',
    split: 'test',
    nShot: '8',
    adaptation: 'in_context',
    locator: 'Table 7',
    ...overrides,
  });

async function submit(rows: Record<string, string>[], paper = validPaper()) {
  const { agent, token } = await visitor(app, '/submit/table');
  return agent
    .post('/submit/table')
    .type('form')
    .send(formBody({ _csrf: token, ...paper, rows }));
}

async function claimsOf(db: TestDatabase) {
  return db.db
    .selectFrom('claim as c')
    .innerJoin('model as m', 'm.id', 'c.model_id')
    .select(['c.id', 'c.value', 'c.sampling', 'c.status', 'c.paper_id', 'c.submission_id'])
    .where('m.name', '=', model)
    .orderBy('c.value')
    .execute();
}

/** The dataset table's rows as { value, sampling } read from the page. */
function leaderboardRows(html: string) {
  const table = /<table class="leaderboard"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  const headers = [...table.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) =>
    m[1]!.replace(/<[^>]+>/g, '').trim(),
  );
  const at = (name: string) => headers.indexOf(name);
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((row) =>
      [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
        cell[1]!
          .replace(/<details[\s\S]*?<\/details>/g, ' ')
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    )
    .filter((cells) => cells.length > 0 && cells[at('Model')]!.startsWith(model))
    .map((cells) => ({ value: cells[at('Value')], sampling: cells[at('Sampling')] }));
}

describe('the sampling protocol, end to end', () => {
  test('when a row names a sampling that is none of greedy, maj@K or pass@K, then the form comes back with a message on that field and nothing is stored', async () => {
    const before = await tableCounts(source.db);
    const response = await submit([gsm8k({ value: '50.9', sampling: 'best-of-5' })]);
    expect(response.status).toBe(422);
    expect(response.text).toContain('id="rows-0-sampling-error"');
    expect(response.text).toContain('Write the sampling as greedy, maj@K or pass@K');
    expect(response.text).toContain('value="best-of-5"');
    expect(await tableCounts(source.db)).toEqual(before);
  });

  test('when LLaMA’s table is submitted, approved, filtered, exported, read through the API and imported elsewhere, then the sampling travels with every claim', async () => {
    const llama = validPaper({ arxivId: uniqueArxivId(), title: 'LLaMA (sampling test)' });
    // LLaMA writes maj1@1; the form reads it as maj@1.
    const submitted = await submit(
      [gsm8k({ value: '50.9', sampling: 'maj1@1' }), gsm8k({ value: '69.7', sampling: 'maj@100' })],
      llama,
    );
    expect(submitted.status).toBe(303);
    const stored = await claimsOf(source);
    expect(stored.map((c) => [c.value, c.sampling, c.status])).toEqual([
      [50.9, 'maj@1', 'pending'],
      [69.7, 'maj@100', 'pending'],
    ]);

    // A reproduction from another paper: same model and setting as the maj@1 claim, 9.1 apart.
    const other = validPaper({ arxivId: uniqueArxivId(), title: 'A GSM8K reproduction' });
    expect((await submit([gsm8k({ value: '60', sampling: 'maj@1' })], other)).status).toBe(303);

    const admin = await signedInAdmin(app);
    for (const submission of new Set((await claimsOf(source)).map((c) => c.submission_id))) {
      await admin.agent
        .post(`/moderation/submissions/${submission}/approve`)
        .type('form')
        .send(formBody({ _csrf: admin.token }))
        .expect(303);
    }
    expect((await claimsOf(source)).every((c) => c.status === 'approved')).toBe(true);

    // The leaderboard: a Sampling column, a filter, and conflicts only within one protocol.
    const all = await request(app).get('/benchmarks/gsm8k').expect(200);
    expect(leaderboardRows(all.text)).toEqual([
      { value: '69.7', sampling: 'maj@100' },
      { value: '60', sampling: 'maj@1' },
      { value: '50.9', sampling: 'maj@1' },
    ]);
    expect(all.text).toContain('<option value="maj@100">maj@100</option>');
    const maj100 = await request(app).get('/benchmarks/gsm8k?sampling=maj%40100').expect(200);
    expect(leaderboardRows(maj100.text)).toEqual([{ value: '69.7', sampling: 'maj@100' }]);
    expect(maj100.text).not.toContain('conflicting claims</span>');
    expect(maj100.text).toContain('<option value="maj@100" selected>maj@100</option>');
    const maj1 = await request(app).get('/benchmarks/gsm8k?sampling=maj@1').expect(200);
    expect(leaderboardRows(maj1.text).map((r) => r.value)).toEqual(['60', '50.9']);
    expect(maj1.text).toContain('conflicting claims</span> spread 9.10');
    const unstated = await request(app).get('/benchmarks/gsm8k?sampling=none').expect(200);
    expect(leaderboardRows(unstated.text)).toEqual([]);

    // Exports: the CSV has a sampling column; the JSON a sampling in each setting and the filter.
    const csv = await request(app).get('/benchmarks/gsm8k.csv?sampling=maj%40100').expect(200);
    const [header, row] = csv.text
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    expect(row![header!.indexOf('sampling')]).toBe('maj@100');
    const json = await request(app).get('/benchmarks/gsm8k.json?sampling=maj%40100').expect(200);
    expect(json.body.filters.sampling).toBe('maj@100');
    expect(
      json.body.rows.map(
        (r: { claim: { setting: { sampling: string } } }) => r.claim.setting.sampling,
      ),
    ).toEqual(['maj@100']);
    expect(validExport(json.body)).toEqual([]);

    // The API: one claim, and the leaderboard filtered the same way as the page.
    const [first] = await claimsOf(source);
    const claim = await request(app).get(`/api/claims/${first!.id}`).expect(200);
    expect(claim.body.data.setting).toMatchObject({ sampling: 'maj@1', nShot: 8 });
    const api = await request(app)
      .get('/api/benchmarks/gsm8k/leaderboard?sampling=maj@1')
      .expect(200);
    expect(api.body.leaderboard.filters.sampling).toBe('maj@1');
    expect(api.body.data.map((r: { claim: { value: number } }) => r.claim.value)).toEqual([
      60, 50.9,
    ]);
    const openapi = await request(app).get('/api/openapi.json').expect(200);
    const parameters = openapi.body.paths['/api/benchmarks/{slug}/leaderboard'].get.parameters;
    expect(parameters.map((p: { name: string }) => p.name)).toContain('sampling');
    expect(openapi.body.components.schemas.setting.required).toContain('sampling');

    // Re-import: the paper's CSV into another ledger, then the whole dump on top of it.
    const targetAdmin = await signedInAdmin(targetApp);
    const importFile = async (name: string, content: string) => {
      const form = await targetAdmin.agent.get('/admin/import').expect(200);
      const preview = await targetAdmin.agent
        .post('/admin/import')
        .field('_csrf', csrfTokenIn(form.text))
        .attach('file', Buffer.from(content), name)
        .expect(200);
      const token = /name="token" value="([^"]+)"/.exec(preview.text)![1]!;
      const done = await targetAdmin.agent
        .post('/admin/import/confirm')
        .type('form')
        .send({ _csrf: csrfTokenIn(preview.text), token })
        .expect(303);
      return done.headers.location as string;
    };
    const paperCsv = await request(app).get(`/papers/${llama.arxivId}.csv`).expect(200);
    expect(await importFile('llama.csv', paperCsv.text)).toBe(
      '/admin/import?added=2&already=0&skipped=0',
    );
    const dump = await request(app).get('/export/ledger.json').expect(200);
    // LLaMA's two claims are already there, with their sampling: only the reproduction is new.
    expect(await importFile('ledger.json', dump.text)).toBe(
      '/admin/import?added=1&already=2&skipped=0',
    );
    expect((await claimsOf(target)).map((c) => [c.value, c.sampling])).toEqual([
      [50.9, 'maj@1'],
      [60, 'maj@1'],
      [69.7, 'maj@100'],
    ]);
  });
});
