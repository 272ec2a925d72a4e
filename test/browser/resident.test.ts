// A resident finds a dataset by search and facet, reads it, sorts and filters its table, draws a
// chart and opens the map: with JavaScript, and again without it where the page promises it.
import { describe, expect, it } from 'vitest';
import { newVisitor } from './support/browser.js';
import {
  columnValues,
  expectAccessible,
  navigate,
  shownTotal,
  useBrowser,
} from './support/suite.js';

const browser = useBrowser();
const DATASET = 'Public electric vehicle charge points';

describe.each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('a resident $label', ({ js }) => {
  it('finds, reads, sorts, filters, charts and maps a dataset', async () => {
    const { page, problems, context } = await newVisitor(browser(), js);
    page.setDefaultTimeout(15_000);

    await page.goto('/');
    await expectAccessible(page, js);
    await page.getByLabel('Search datasets').fill('charge points');
    await navigate(page, () => page.getByRole('button', { name: 'Search' }).click());
    await expect(page.locator('#result-count').textContent()).resolves.toMatch(/found/);
    await expectAccessible(page, js);

    // Narrow by a facet: the URL holds the state, so the result can be linked.
    await page.getByRole('checkbox', { name: /^Transport \(\d+\)$/ }).check();
    await navigate(page, () => page.getByRole('button', { name: 'Apply filters' }).click());
    expect(new URL(page.url()).searchParams.getAll('theme')).toEqual(['transport']);
    await navigate(page, () =>
      page.getByRole('link', { name: DATASET, exact: true }).first().click(),
    );
    await expect(page.locator('h1').textContent()).resolves.toContain(DATASET);
    await expect(page.getByRole('heading', { name: 'How to cite' }).count()).resolves.toBe(1);
    await expectAccessible(page, js);

    // The table: sort by a column, then filter the rows.
    await navigate(page, () =>
      page.locator('a[href^="/datasets/"][href*="/resources/"]').first().click(),
    );
    await expect(page.getByRole('heading', { name: 'Table' }).count()).resolves.toBe(1);
    await expectAccessible(page, js);
    const total = await shownTotal(page);
    expect(total).toBeGreaterThan(10);
    await navigate(page, () => page.locator('thead th a', { hasText: /^borough,/ }).click());
    await expect(page.locator('th[aria-sort=ascending]').textContent()).resolves.toContain(
      'borough',
    );
    const sorted = await columnValues(page, 'borough');
    expect(sorted.length).toBeGreaterThan(1);
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b)));

    await page.getByText('Filter and search the rows').click();
    await page.locator('#filter-field-1').selectOption('borough');
    await page.locator('#filter-op-1').selectOption('eq');
    await page.locator('#filter-value-1').fill('Bolton');
    await navigate(page, () => page.getByRole('button', { name: 'Apply', exact: true }).click());
    const filtered = await shownTotal(page);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(total);
    expect(new Set(await columnValues(page, 'borough'))).toEqual(new Set(['Bolton']));
    await expectAccessible(page, js);

    // The chart: drawn on the server as an image, with its data as a table beside it.
    await navigate(page, () => page.getByRole('link', { name: 'Chart', exact: true }).click());
    await page.locator('#type').selectOption('bar');
    await page.locator('#x').selectOption('borough');
    await page.locator('#agg').selectOption('count');
    await navigate(page, () => page.getByRole('button', { name: 'Draw chart' }).click());
    expect(new URL(page.url()).searchParams.get('x')).toBe('borough');
    // The same drawing as a file to download and share.
    const svgLink = page.locator('a[href*="chart.svg"]').first();
    const svg = await context.request.get(
      new URL((await svgLink.getAttribute('href')) ?? '', page.url()).href,
    );
    expect(svg.headers()['content-type']).toContain('image/svg+xml');
    expect(await svg.text()).toContain('Bolton');
    if (js) {
      // Enhanced in the browser: Vega draws the same spec, interactive.
      await page.locator('.app-chart__interactive svg').first().waitFor();
    } else {
      await expect(
        page.locator('figure img[src*="chart.svg"]').getAttribute('alt'),
      ).resolves.toMatch(/borough/i);
    }
    await expect(page.locator('main table').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page, js);

    // The map: Leaflet draws the points with JavaScript; without it the page says so.
    await navigate(page, () => page.getByRole('link', { name: 'Map', exact: true }).click());
    if (js) {
      await page.locator('.leaflet-marker-icon, .marker-cluster').first().waitFor();
    } else {
      await expect(page.locator('main').textContent()).resolves.toMatch(/JavaScript/);
    }
    await expectAccessible(page, js);

    expect(problems).toEqual([]);
    await context.close();
  });
});
