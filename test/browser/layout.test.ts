import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeViolations, launchBrowser, newVisitor } from './support/browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('every page', () => {
  it('a page that does not exist is a GOV.UK 404 page with no accessibility violations', async () => {
    const { page, problems, context } = await newVisitor(browser);
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toContain('Page not found');
    expect(await page.title()).toBe('Page not found – Greater Manchester');
    // The region's styles and scripts load under the CSP: GOV.UK Frontend marked the body.
    await expect(page.locator('body.govuk-frontend-supported').count()).resolves.toBe(1);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits the service navigation on one line on a laptop screen, signed out', async () => {
    const { page, context } = await newVisitor(browser);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/get-involved');
    const items = page.locator('.govuk-service-navigation__item');
    const tops: number[] = [];
    for (const item of await items.all())
      tops.push(Math.round((await item.boundingBox())?.y ?? -1));
    expect(tops.length).toBeGreaterThan(5);
    expect(new Set(tops).size, 'items wrapped onto another line').toBe(1);
    // The page is under "Get involved", and leads to each way to take part.
    await expect(
      page.locator('.govuk-service-navigation__item--active').textContent(),
    ).resolves.toContain('Get involved');
    for (const name of ['Report a problem', 'Ask for data', 'Showcases', 'Challenges']) {
      await expect(page.getByRole('heading', { name }).count()).resolves.toBe(1);
    }
    await context.close();
  });
});
