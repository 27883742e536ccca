import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_ENV, ADMIN_PASSWORD, ADMIN_USER, useSeededApp } from '../support/app';
import { browserAvailable, launch, listen, screenshot, watchErrors } from '../support/browser';

const run = browserAvailable() ? describe : describe.skip;

run('submitting a results table in a real browser', () => {
  const { database, app } = useSeededApp({ env: ADMIN_ENV });
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ server, base } = await listen(app));
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const model = `Browser-Model-${Date.now().toString(36)}`;

  test('when a table is filled in with rows added by the script, then it is stored pending, shown on the link, approved by the admin and appears on the leaderboard', async () => {
    await page.goto(`${base}/submit/table?rows=1`);
    await page.getByLabel('arXiv id').fill('2512.99001v2');
    await page.getByLabel('Title').fill('Browser-submitted results');
    await page.getByLabel('Authors').fill('Ada Lovelace, Alan Turing');
    await page.getByLabel('First submitted').fill('2025-06');

    const row = (n: number) => page.locator('fieldset.claim-row').nth(n);
    await row(0).getByLabel('Model').fill(model);
    await row(0).getByLabel('Benchmark').selectOption('glue-cola');
    // The script narrows the metric choices to the benchmark's and picks the only one.
    await page.waitForFunction(
      () => (document.getElementById('rows-0-metric') as HTMLSelectElement).value === 'mcc',
    );
    const visibleMetrics = await row(0)
      .locator('select[name$="[metric]"] option:not([hidden])')
      .allInnerTexts();
    expect(visibleMetrics).toEqual(['Choose a metric', 'Matthews corr.']);
    await row(0).locator('input[name$="[value]"]').fill('63.4');
    await row(0).getByLabel('Where in the paper').fill('Table 1');

    await page.getByRole('button', { name: 'Add a row' }).click();
    expect(await page.locator('fieldset.claim-row').count()).toBe(2);
    // The new row copies the model and setting and focuses the benchmark.
    expect(await row(1).getByLabel('Model').inputValue()).toBe(model);
    await row(1).getByLabel('Benchmark').selectOption('glue-sst2');
    await row(1).getByLabel('Metric').selectOption('accuracy');
    await row(1).locator('input[name$="[value]"]').fill('95.1');
    await screenshot(page, 'submission-table-filled');

    await page.getByRole('button', { name: 'Submit the table' }).click();
    await page.waitForURL(/\/submissions\/[A-Za-z0-9_-]{32}\?new=1$/);
    const link = await page.locator('#submission-link').getAttribute('href');
    expect(link).toMatch(/\/submissions\//);
    const statuses = await page.locator('table.submission-claims .status-pending').count();
    expect(statuses).toBe(2);
    await screenshot(page, 'submission-pending');

    const stored = await database.db
      .selectFrom('claim as c')
      .innerJoin('model as m', 'm.id', 'c.model_id')
      .select(['c.status', 'c.value'])
      .where('m.name', '=', model)
      .orderBy('c.value')
      .execute();
    expect(stored).toEqual([
      { status: 'pending', value: 63.4 },
      { status: 'pending', value: 95.1 },
    ]);

    await page.goto(`${base}/benchmarks/glue-sst2`);
    expect(await page.locator('body').innerText()).not.toContain(model);

    await page.goto(`${base}/moderation`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('User name').fill(ADMIN_USER);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/moderation`);
    await page.getByRole('button', { name: /Approve all 2 claims/ }).click();
    await page.waitForURL(/\/moderation\?done=submission/);
    expect(await page.getByRole('status').innerText()).toContain('were approved');

    await page.goto(`${base}/benchmarks/glue-sst2`);
    const leaderboard = await page.locator('table.leaderboard').innerText();
    expect(leaderboard).toContain(model);
    expect(leaderboard).toContain('95.1');
    await screenshot(page, 'submission-approved-on-leaderboard');

    await page.goto(`${base}${new URL(link!, base).pathname}`);
    expect(await page.locator('table.submission-claims .status-approved').count()).toBe(2);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/`);
    expect(errors).toEqual([]);
  });

  test('when an invalid table is submitted, then the error summary takes focus and links to the field', async () => {
    await page.goto(`${base}/submit/table?rows=1`);
    await page.getByLabel('arXiv id').fill('2512.99002');
    await page.getByLabel('Title').fill('Another paper');
    const row = page.locator('fieldset.claim-row').first();
    await row.getByLabel('Model').fill(model);
    await row.getByLabel('Benchmark').selectOption('glue-sst2');
    await row.getByLabel('Metric').selectOption('accuracy');
    await row.locator('input[name$="[value]"]').fill('0.951');
    await page.getByRole('button', { name: 'Submit the table' }).click();
    await page.waitForSelector('#error-summary');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    await page.getByRole('link', { name: /did you mean 95.1/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rows-0-value');
    expect(await page.locator('#rows-0-value').inputValue()).toBe('0.951');
    // Chromium logs the 422 itself; anything else (a CSP violation, a script error) is a failure.
    expect(errors.filter((e) => !e.includes('status of 422'))).toEqual([]);
  });
});
