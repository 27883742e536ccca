import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { useSeededApp } from '../support/app';
import { browserAvailable, launch, listen, screenshot, watchErrors } from '../support/browser';
import { tableCounts, uniqueArxivId } from '../support/forms';

const run = browserAvailable() ? describe : describe.skip;

const BERT_TABLE = fs.readFileSync(
  path.join(__dirname, '../fixtures/paste/bert-glue-test.tex'),
  'utf8',
);

run('pasting a results table in a real browser', () => {
  const { database, app } = useSeededApp();
  let server: Server;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, base } = await listen(app));
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const model = `Pasted-Model-${Date.now().toString(36)}`;
  const cases = [
    {
      width: 1366,
      name: "BERT's GLUE table for its own paper",
      table: BERT_TABLE,
      arxivId: '1810.04805',
      title: null,
      read: 'Read as a LaTeX tabular: 7 rows × 10 columns.',
      preview: /30 new claims to send for review, 20 already in the ledger/,
      send: 'Send 30 claims for review',
      pending: 30,
    },
    {
      width: 390,
      name: 'a small table of a paper new to the ledger',
      table: [
        '\\begin{tabular}{lccc}',
        '\\toprule',
        'Model & SST-2 & CoLA & Avg. \\\\',
        '\\midrule',
        `${model} & \\textbf{95.1}$\\pm$0.2 & 63.4$^\\dagger$ & 79.3 \\\\`,
        '\\bottomrule',
        '\\end{tabular}',
      ].join('\n'),
      arxivId: uniqueArxivId(),
      title: 'A paper pasted on a phone',
      read: 'Read as a LaTeX tabular: 2 rows × 4 columns.',
      preview: /2 new claims to send for review\./,
      send: 'Send 2 claims for review',
      pending: 2,
    },
  ];

  test.each(cases)(
    'at $width px, when $name is pasted, its suggested mapping confirmed and the preview sent, then the claims are pending and the pages fit the screen',
    async (c) => {
      const page = await browser.newPage({ viewport: { width: c.width, height: 900 } });
      const errors = watchErrors(page);
      const before = await tableCounts(database.db);
      const fits = () =>
        page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

      await page.goto(`${base}/submit/table`);
      await page.getByText('Paste a table instead').click();
      await page.getByLabel('The table').fill(c.table);
      // The script reads the paste as it is typed, with the server's reader.
      await page.waitForSelector('#paste-preview table.paste-grid');
      expect(await page.locator('#paste-preview p').innerText()).toBe(c.read);
      await page.getByLabel('Paper on arXiv (optional)').fill(c.arxivId);
      await page.getByLabel('Where in the paper (optional)').fill('Table 1');
      await screenshot(page, `paste-box-${c.width}`);
      await page.getByRole('button', { name: 'Read the table' }).click();

      await page.waitForURL(`${base}/submit/table/paste`);
      expect(await page.locator('h1').innerText()).toBe('Map the pasted table');
      if (c.title) await page.getByLabel('Title').fill(c.title);
      expect(
        await page.locator('#column-2 select[name="columns[c1][benchmark]"]').inputValue(),
      ).toBe(c.width === 1366 ? 'glue-mnli' : 'glue-sst2');
      expect(await fits()).toBe(true);
      await screenshot(page, `paste-mapping-${c.width}`);
      await page.getByRole('button', { name: 'Preview the claims' }).click();

      await page.waitForURL(`${base}/submit/table/paste/preview`);
      expect(await page.locator('main > p').first().innerText()).toMatch(c.preview);
      expect(await fits()).toBe(true);
      await screenshot(page, `paste-preview-${c.width}`);
      await page.getByRole('button', { name: c.send }).click();

      await page.waitForURL(/\/submissions\/[A-Za-z0-9_-]{32}\?new=1$/);
      expect(await page.locator('table.submission-claims .status-pending').count()).toBe(c.pending);
      const after = await tableCounts(database.db);
      expect(after.claim - before.claim).toBe(c.pending);
      expect(after.submission - before.submission).toBe(1);
      await screenshot(page, `paste-submitted-${c.width}`);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  test('when the mapping is confirmed, then the stderr, bold and footnote mark of the small table are read as the plain value with its standard error', async () => {
    const stored = await database.db
      .selectFrom('claim as c')
      .innerJoin('model as m', 'm.id', 'c.model_id')
      .innerJoin('benchmark as b', 'b.id', 'c.benchmark_id')
      .select(['b.slug', 'c.value', 'c.stderr', 'c.locator', 'c.status', 'c.adaptation'])
      .where('m.name', '=', model)
      .orderBy('b.slug')
      .execute();
    expect(stored).toEqual([
      {
        slug: 'glue-cola',
        value: 63.4,
        stderr: null,
        locator: 'Table 1',
        status: 'pending',
        adaptation: 'full_ft',
      },
      {
        slug: 'glue-sst2',
        value: 95.1,
        stderr: 0.2,
        locator: 'Table 1',
        status: 'pending',
        adaptation: 'full_ft',
      },
    ]);
  });
});
