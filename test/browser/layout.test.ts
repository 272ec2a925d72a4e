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
});
