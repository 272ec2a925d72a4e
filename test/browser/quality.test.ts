// The mayor's chief digital officer compares the bodies' open data: from the league table to a
// council's quality page, then to its weakest dataset's quality panel and what to fix there.
import { describe, expect, it } from 'vitest';
import { newVisitor } from './support/browser.js';
import { expectAccessible, navigate, useBrowser } from './support/suite.js';

const browser = useBrowser();

describe.each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('a visitor $label', ({ js }) => {
  it('follows the league table to a body and to a dataset’s fixes', async () => {
    const { page, problems, context } = await newVisitor(browser(), js);
    page.setDefaultTimeout(15_000);

    await page.goto('/quality');
    await expect(page.locator('h1').textContent()).resolves.toContain('how the bodies compare');
    const rows = page.locator('#league-table tbody tr');
    await expect(rows.count()).resolves.toBeGreaterThanOrEqual(10);
    await expectAccessible(page, js);

    await navigate(page, () => rows.first().locator('a').click());
    expect(new URL(page.url()).pathname).toMatch(/^\/quality\/organisations\//);
    await expect(page.locator('#organisation-score').textContent()).resolves.toContain(
      'Average metadata quality',
    );
    // The demo's links are not checked while seeding: none counts as broken yet.
    await expect(
      page.locator('#broken-links').locator('xpath=following-sibling::p[1]').textContent(),
    ).resolves.toContain('No broken link found');
    await expectAccessible(page, js);

    await navigate(page, () => page.locator('#dataset-scores tbody a').first().click());
    expect(new URL(page.url()).pathname).toMatch(/^\/datasets\//);
    await expect(page.locator('#quality-stars').textContent()).resolves.toMatch(
      /^[0-5] of 5 stars$/,
    );
    await expect(page.locator('#quality-dimensions tbody tr').count()).resolves.toBe(5);
    await expectAccessible(page, js);

    expect(problems).toEqual([]);
    await context.close();
  });
});
