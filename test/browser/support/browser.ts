// Debian's Chromium driven by playwright-core (no browser download works here), and axe-core
// for the accessibility audit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export const baseUrl = (): string => inject('baseUrl');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Content-Security-Policy violations and script errors seen so far. */
  problems: string[];
}

/** A fresh visitor (own cookies), with or without JavaScript. Map tiles are never fetched. */
export async function newVisitor(browser: Browser, javaScriptEnabled = true): Promise<Visitor> {
  // Reduced motion: maps skip their animations, so audits see pages at rest.
  const context = await browser.newContext({
    baseURL: baseUrl(),
    javaScriptEnabled,
    reducedMotion: 'reduce',
  });
  await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // Failed loads are caught below with their URL; a 404 page's own status is expected.
    const text = message.text();
    if (message.type() === 'error' && !text.startsWith('Failed to load resource')) {
      problems.push(text);
    }
  });
  page.on('response', (response) => {
    const request = response.request();
    if (response.status() >= 400 && request.resourceType() !== 'document') {
      problems.push(`${String(response.status())} for ${request.url()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (WCAG 2.0-2.2 A and AA rules) on the page as it is now. Evaluated through the
 * DevTools protocol, so the page's CSP does not have to allow it.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe;
    return axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
  });
  return (result as { violations: AxeViolation[] }).violations;
}

/** A readable summary for a failed expectation. */
export const describeViolations = (violations: AxeViolation[]): string =>
  violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? '?'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    )
    .join('\n');
