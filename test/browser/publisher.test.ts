// A data officer signs in, creates a dataset, uploads a CSV, reads the ingest report, replaces
// the data and sees version 2; with JavaScript (progress bar) and without (plain forms).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { newVisitor } from './support/browser.js';
import { expectAccessible, navigate, useBrowser } from './support/suite.js';

const browser = useBrowser();

async function csvFile(name: string, rows: number): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'metrodata-upload-'));
  const lines = ['site,borough,visits,opened'];
  for (let i = 1; i <= rows; i++) {
    lines.push(
      `Library ${String(i)},${i % 2 ? 'Bolton' : 'Wigan'},${String(i * 10)},0${String((i % 9) + 1)}/01/2024`,
    );
  }
  const file = path.join(dir, name);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

/** Waits out the report page's own refresh until the load has finished. */
async function finishedReport(page: import('playwright-core').Page): Promise<string> {
  for (let i = 0; i < 30; i++) {
    const text = (await page.locator('main').textContent()) ?? '';
    if (!/being loaded|waiting to be loaded/.test(text)) return text;
    await page.waitForTimeout(1000);
    await page.reload();
  }
  throw new Error('The load did not finish');
}

describe.each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('a data officer $label', ({ js }) => {
  it('publishes a dataset, loads a CSV and replaces it with version 2', async () => {
    const publisher = inject('publisher');
    const { page, problems, context } = await newVisitor(browser(), js);
    page.setDefaultTimeout(20_000);
    const title = `Library visits ${js ? 'online' : 'offline'} ${String(Date.now())}`;

    await page.goto('/sign-in');
    await expectAccessible(page, js);
    await page.getByLabel('E-mail address').fill(publisher.email);
    await page.getByLabel('Password', { exact: true }).fill(publisher.password);
    await navigate(page, () => page.getByRole('button', { name: 'Sign in' }).click());
    expect(new URL(page.url()).pathname).toBe('/publish');
    await expectAccessible(page, js);

    await navigate(page, () =>
      page
        .getByRole('button', { name: /^Create a dataset/ })
        .first()
        .click(),
    );
    await expectAccessible(page, js);
    // An empty title is refused with a GOV.UK error summary, and nothing is created.
    await navigate(page, () => page.getByRole('button', { name: 'Create dataset' }).click());
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toMatch(/title/i);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page, js);
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Description').fill('Visits to **libraries**, by site.');
    await page.getByRole('radio', { name: /^Published/ }).check();
    await navigate(page, () => page.getByRole('button', { name: 'Create dataset' }).click());
    await expect(page.locator('h1').textContent()).resolves.toContain(title);

    await navigate(page, () => page.getByRole('button', { name: 'Add data' }).click());
    await expectAccessible(page, js);
    await page.getByLabel('File').setInputFiles(await csvFile('library-visits.csv', 40));
    await navigate(page, () =>
      page.getByRole('button', { name: 'Upload and load the data' }).click(),
    );
    let report = await finishedReport(page);
    expect(report).toContain('Version 1');
    expect(report).toMatch(/40 rows, 4 columns/);
    await expectAccessible(page, js);

    // Replace the data: version 2, and the public page serves it.
    await navigate(page, () => page.getByRole('button', { name: 'Back to the dataset' }).click());
    await navigate(page, () =>
      page
        .getByRole('link', { name: /^Replace data/ })
        .first()
        .click(),
    );
    await page.getByLabel('File').setInputFiles(await csvFile('library-visits-2.csv', 55));
    await navigate(page, () => page.getByRole('button', { name: 'Upload the new data' }).click());
    report = await finishedReport(page);
    expect(report).toContain('Version 2');
    expect(report).toMatch(/55 rows/);

    await page.goto('/datasets?q=' + encodeURIComponent(title));
    await navigate(page, () => page.getByRole('link', { name: title }).click());
    await navigate(page, () =>
      page.locator('a[href^="/datasets/"][href*="/resources/"]').first().click(),
    );
    await expect(page.locator('main').textContent()).resolves.toMatch(/version 2, 55 rows/);
    const resourcePage = page.url();

    // Delete the file: asked first, on an accessible page, then gone, with a message that says so.
    await page.goto('/publish');
    await navigate(page, () => page.getByRole('link', { name: title }).click());
    const datasetPage = page.url();
    await navigate(page, () =>
      page
        .getByRole('link', { name: /^Delete/ })
        .first()
        .click(),
    );
    await expectAccessible(page, js);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Delete the resource “.+”\?$/);
    await navigate(page, () => page.getByRole('button', { name: 'Delete the resource' }).click());
    expect(page.url()).toBe(datasetPage);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toMatch(
      /was deleted/,
    );
    await expectAccessible(page, js);
    expect((await page.goto(resourcePage))?.status()).toBe(404);

    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('a signed-out visitor', () => {
  it('cannot reach private data or the publisher pages', async () => {
    const { page, context } = await newVisitor(browser());
    await page.goto('/publish');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/publish');
    await expectAccessible(page);

    // The demo's restricted dataset: not found, not listed, not in the feed or sitemap.
    const slug = 'bolton-temporary-accommodation-placements';
    const response = await page.goto(`/datasets/${slug}`);
    expect(response?.status()).toBe(404);
    await expectAccessible(page);
    await page.goto('/datasets?q=temporary+accommodation+placements');
    await expect(page.locator('main').textContent()).resolves.not.toContain('(restricted)');
    for (const file of ['/sitemap.xml', '/datasets.atom']) {
      const body = await (await context.request.get(file)).text();
      expect(body).not.toContain(slug);
    }
    const upload = await context.request.get('/publish/datasets/ev-charge-points/upload', {
      maxRedirects: 0,
    });
    expect(upload.status()).toBe(303);
    expect(upload.headers().location).toMatch(/^\/sign-in/);
    await context.close();
  });
});
