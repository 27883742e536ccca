import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { useSeededApp } from '../support/app';
import { browserAvailable, launch, listen, screenshot, watchErrors } from '../support/browser';

const run = browserAvailable() ? describe : describe.skip;

run('leaderboards in a real browser', () => {
  const { app } = useSeededApp();
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ server, base } = await listen(app));
    browser = await launch();
  });
  afterAll(async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(async () => {
    // Reduced motion turns chart animations off, so points sit where the test reads them.
    page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    errors = watchErrors(page);
  });
  afterEach(async () => {
    await page.close();
  });

  /** Every chart on the page is mounted and has painted something on its canvas. */
  async function expectChartsDrawn(count: number) {
    await page.waitForFunction(
      (n) => document.querySelectorAll('canvas[data-mounted="true"]').length === n,
      count,
    );
    const painted = await page.$$eval('canvas[data-chart]', (canvases) =>
      canvases.map((canvas) => {
        const c = canvas as HTMLCanvasElement;
        const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let drawn = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) drawn += 1;
        return { id: c.id, drawn };
      }),
    );
    expect(painted).toHaveLength(count);
    for (const chart of painted) expect(chart.drawn).toBeGreaterThan(1000);
  }

  test('when the BLURB suite leaderboard opens, then its chart is drawn with no console errors or CSP violations', async () => {
    await page.goto(`${base}/benchmarks/blurb`);
    await expectChartsDrawn(1);
    const first = await page.locator('table.leaderboard tbody tr').first().innerText();
    expect(first).toContain('BioLinkBERT-large');
    expect(first).toContain('84.30');
    await screenshot(page, 'blurb-leaderboard');
    expect(errors).toEqual([]);
  });

  test('when the GLUE dev leaderboard opens, then the SOTA and Pareto charts are both drawn', async () => {
    await page.goto(`${base}/benchmarks/glue?split=dev`);
    await expectChartsDrawn(2);
    await screenshot(page, 'glue-dev-leaderboard');
    expect(errors).toEqual([]);
  });

  test('when a dataset leaderboard is sorted and filtered through the page, then the table and URL follow', async () => {
    await page.goto(`${base}/benchmarks/glue-sst2?split=dev`);
    await expectChartsDrawn(2);
    const values = () => page.locator('table.leaderboard tbody tr td:nth-child(3)').allInnerTexts();
    await page.getByRole('link', { name: 'Value', exact: true }).click();
    await page.waitForURL(/sort=value/);
    expect((await values())[0]).toBe('96.1');
    await page.getByRole('link', { name: 'Value', exact: true }).click();
    await page.waitForURL(/sort=value&order=asc/);
    expect(await values()).toEqual(['93.7', '94', '94.2', '94.2', '94.2', '94.6', '95.8', '96.1']);

    await page.getByLabel('Adaptation').selectOption('lora');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/adaptation=lora/);
    const rows = await page.locator('table.leaderboard tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('94.2');
    await screenshot(page, 'sst2-filtered');
    expect(errors).toEqual([]);
  });

  test('when a chart point is clicked, then its paper opens', async () => {
    await page.goto(`${base}/benchmarks/gsm8k`);
    await expectChartsDrawn(1);
    const target = await page.$eval('#sota-chart', (canvas) => {
      const chart = (
        window as unknown as { Chart: { getChart(c: Element): unknown } }
      ).Chart.getChart(canvas) as {
        data: { datasets: { type?: string; data: { href: string }[] }[] };
        getDatasetMeta(i: number): { data: { x: number; y: number }[] };
      };
      const index = chart.data.datasets.findIndex((d) => d.type !== 'line');
      const element = chart.getDatasetMeta(index).data[0]!;
      return { x: element.x, y: element.y, href: chart.data.datasets[index]!.data[0]!.href };
    });
    await page.locator('#sota-chart').scrollIntoViewIfNeeded();
    const box = (await page.locator('#sota-chart').boundingBox())!;
    // As a person would: point at the dot (its tooltip names the paper), then click it.
    await page.mouse.move(box.x + target.x, box.y + target.y);
    await page.waitForFunction(() => {
      type Active = { getActiveElements(): unknown[] };
      const charts = window as unknown as { Chart: { getChart(c: Element | null): Active } };
      return (
        charts.Chart.getChart(document.querySelector('#sota-chart')).getActiveElements().length > 0
      );
    });
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await page.waitForURL((url) => url.pathname === target.href);
    expect(await page.locator('h1').innerText()).toContain('Yi: Open Foundation Models');
    expect(errors).toEqual([]);
  });
});
