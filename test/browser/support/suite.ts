import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { axeViolations, describeViolations, launchBrowser } from './browser.js';

/** One Chromium per test file. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser is not running');
    return browser;
  };
}

/**
 * The page has exactly one h1 and passes axe-core's WCAG 2.2 AA rules. axe is a script, so with
 * JavaScript off only the h1 is checked (the same pages are audited in the journeys with it on).
 */
export async function expectAccessible(page: Page, js = true): Promise<void> {
  await expect(page.locator('h1').count()).resolves.toBe(1);
  if (!js) return;
  const violations = await axeViolations(page);
  expect(violations, `${page.url()}\n${describeViolations(violations)}`).toEqual([]);
}

/** Does something that loads a new page (a link, a form) and waits for that page. */
export async function navigate(page: Page, action: () => Promise<unknown>): Promise<void> {
  const loaded = page.waitForEvent('load');
  // A failed action throws with its own message, rather than as a navigation timeout.
  void loaded.catch(() => undefined);
  await action();
  await loaded;
}

/** The number in a GOV.UK "Showing 1 to 100 of 1,234 rows" line. */
export async function shownTotal(page: Page): Promise<number> {
  const text = (await page.locator('p[role=status]').textContent()) ?? '';
  return Number(/of ([\d,]+)/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
}

/** The text of one column of the data table, top to bottom. */
export async function columnValues(page: Page, column: string): Promise<string[]> {
  const names = await page.locator('thead th a').allTextContents();
  const index = names.findIndex((name) => name.trim().startsWith(`${column},`));
  if (index < 0) throw new Error(`No column ${column} in ${names.join(' | ')}`);
  return page
    .locator(`tbody tr td:nth-child(${String(index + 1)})`)
    .allTextContents()
    .then((cells) => cells.map((cell) => cell.trim()));
}

/** How many pixels the page is wider than the window (0 when it fits). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  // A string expression: the test project has no DOM types.
  return Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
}

export async function pageHeight(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollHeight'));
}
