// The key pages fit a desktop and a phone screen without sideways scrolling. Each is saved as a
// screenshot into SCREENSHOT_DIR (build/screenshots by default); `npm run screenshots` writes
// the README's pictures into docs/screenshots.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { newVisitor } from './support/browser.js';
import { navigate, pageHeight, sidewaysOverflow, useBrowser } from './support/suite.js';

const browser = useBrowser();
const dir = path.resolve(process.env.SCREENSHOT_DIR ?? 'build/screenshots');

const PAGES: { name: string; url: string }[] = [
  { name: 'home', url: '/' },
  { name: 'search', url: '/datasets?q=broadband&theme=broadband' },
  { name: 'dataset', url: '/datasets/ev-charge-points' },
  { name: 'table', url: 'resource:' },
  { name: 'chart', url: 'resource:/chart?type=bar&x=borough&agg=count&group=status' },
  { name: 'map', url: 'resource:/map' },
  { name: 'promises', url: '/promises' },
  { name: 'quality', url: '/quality' },
  { name: 'promise', url: '/promises/full-fibre-for-every-home' },
  { name: 'indicator', url: '/indicators/full-fibre-coverage' },
  { name: 'dashboard', url: '/dashboards' },
  { name: 'report-start', url: '/report' },
  { name: 'reports', url: '/reports?area=bolton-council' },
  { name: 'report', url: 'report:' },
  { name: 'reports-dashboard', url: '/dashboards/citizen-reports-by-borough' },
  { name: 'showcases', url: '/showcases' },
  { name: 'showcase', url: '/showcases/getting-online-in-the-boroughs' },
  { name: 'challenges', url: '/challenges' },
  { name: 'challenge', url: '/challenges/bus-delays-you-can-see' },
  { name: 'data-requests', url: '/data-requests' },
  { name: 'data-request', url: 'data-request:' },
  { name: 'quality-body', url: '/quality/organisations/tfgm' },
  { name: 'get-involved', url: '/get-involved' },
];

/** The top of the page, down to where its main content (a chart, a map) has been seen. */
async function shoot(page: Page, name: string): Promise<void> {
  const height = await pageHeight(page);
  const clip = { x: 0, y: 0, width: 1280, height: Math.min(height, 1500) };
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true, clip });
}

describe('the key pages', () => {
  it.each([
    { screen: 'desktop', width: 1280, height: 900 },
    { screen: 'phone', width: 375, height: 812 },
  ])('fit a $screen screen', async ({ screen, width, height }) => {
    await mkdir(dir, { recursive: true });
    const { page, context } = await newVisitor(browser());
    await page.setViewportSize({ width, height });
    await page.goto('/datasets/ev-charge-points');
    const resource =
      (await page
        .locator('a[href^="/datasets/"][href*="/resources/"]')
        .first()
        .getAttribute('href')) ?? '';
    await page.goto('/reports?status=fixed&area=bolton-council');
    const report =
      (await page.locator('a[href^="/reports/"]').first().getAttribute('href')) ?? '/reports';
    await page.goto('/data-requests?status=released');
    const request =
      (await page
        .locator('a[href^="/data-requests/"]:not([href="/data-requests/new"])')
        .first()
        .getAttribute('href')) ?? '/data-requests';
    for (const { name, url } of PAGES) {
      await page.goto(
        url
          .replace('resource:', resource)
          .replace('report:', report)
          .replace('data-request:', request),
      );
      if (name === 'map')
        await page.locator('.leaflet-marker-icon, .marker-cluster').first().waitFor();
      if (name === 'chart') await page.locator('.app-chart__interactive svg').first().waitFor();
      const overflow = await sidewaysOverflow(page);
      expect(overflow, `${name} scrolls sideways on a ${screen}`).toBeLessThanOrEqual(0);
      if (screen === 'desktop') await shoot(page, name);
    }

    // The publisher's view: the report of a load.
    const publisher = inject('publisher');
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill(publisher.email);
    await page.getByLabel('Password', { exact: true }).fill(publisher.password);
    await navigate(page, () => page.getByRole('button', { name: 'Sign in' }).click());
    await page.goto('/publish/datasets/full-fibre-gigabit-coverage');
    await navigate(page, () =>
      page
        .getByRole('link', { name: /^Report/ })
        .first()
        .click(),
    );
    const overflow = await sidewaysOverflow(page);
    expect(overflow, `the load report scrolls sideways on a ${screen}`).toBeLessThanOrEqual(0);
    if (screen === 'desktop') await shoot(page, 'load-report');

    // A council's view: its queue of reports and one report to answer and moderate.
    const council = inject('council');
    await page.goto('/sign-out');
    await page.context().clearCookies();
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill(council.email);
    await page.getByLabel('Password', { exact: true }).fill(council.password);
    await navigate(page, () => page.getByRole('button', { name: 'Sign in' }).click());
    for (const [name, url] of [
      ['council-queue', '/publish/reports'],
      ['council-report', `/publish/reports/${council.reportId}`],
    ] as const) {
      await page.goto(url);
      const wide = await sidewaysOverflow(page);
      expect(wide, `${name} scrolls sideways on a ${screen}`).toBeLessThanOrEqual(0);
      if (screen === 'desktop') await shoot(page, name);
    }
    await context.close();
  });
});
