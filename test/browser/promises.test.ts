// A resident asks "is the mayor keeping their promises?": from the scorecard to a promise, its
// evidence, the indicator that measures it and the dataset behind that indicator.
import { describe, expect, it } from 'vitest';
import { newVisitor } from './support/browser.js';
import { expectAccessible, navigate, useBrowser } from './support/suite.js';

const browser = useBrowser();
const PROMISE = 'Full-fibre broadband available to 95% of homes';

describe.each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('a resident $label', ({ js }) => {
  it('follows a promise from the scorecard to the data behind it', async () => {
    const { page, problems, context } = await newVisitor(browser(), js);
    page.setDefaultTimeout(15_000);

    await page.goto('/promises');
    await expectAccessible(page, js);
    await expect(page.locator('#term-day').textContent()).resolves.toMatch(/Day \d+/);
    const counted = await page.locator('#status-counts dd').allTextContents();
    const total = counted.reduce((sum, text) => sum + Number(/\d+/.exec(text)?.[0] ?? 0), 0);
    expect(total).toBeGreaterThanOrEqual(20);

    // Filter by a status: the URL holds it, and only that status is listed.
    await page.getByRole('checkbox', { name: /^Kept/ }).check();
    await navigate(page, () => page.getByRole('button', { name: 'Apply filters' }).click());
    expect(new URL(page.url()).searchParams.getAll('status')).toEqual(['kept']);
    await page.goto('/promises');

    await navigate(page, () => page.getByRole('link', { name: PROMISE }).first().click());
    await expect(page.locator('h1').textContent()).resolves.toContain(PROMISE);
    await expect(page.locator('main').textContent()).resolves.toContain(
      '95 out of every 100 homes',
    );
    // The timeline: each status change with its evidence.
    await expect(page.locator('main a[href^="/datasets/"]').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page, js);

    await navigate(page, () => page.locator('h3[id^="indicator-"] a').first().click());
    expect(new URL(page.url()).pathname).toMatch(/^\/indicators\//);
    await expectAccessible(page, js);
    const chart = await page.locator('img[src$=".svg"]').first().getAttribute('src');
    const svg = await context.request.get(new URL(chart ?? '', page.url()).href);
    expect(svg.headers()['content-type']).toContain('image/svg+xml');

    await navigate(page, () =>
      page.getByText('Computed live from').getByRole('link').first().click(),
    );
    expect(new URL(page.url()).pathname).toMatch(/^\/datasets\/[^/]+\/resources\//);
    await expect(page.getByRole('heading', { name: 'Table' }).count()).resolves.toBe(1);

    expect(problems).toEqual([]);
    await context.close();
  });
});
