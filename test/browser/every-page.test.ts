// Every page type, signed out and signed in, passes axe-core's WCAG 2.2 AA rules with one h1,
// loads its scripts and styles under the CSP, and has a title that names the page.
import { describe, expect, inject, it } from 'vitest';
import { newVisitor } from './support/browser.js';
import { expectAccessible, navigate, useBrowser } from './support/suite.js';

const browser = useBrowser();

const PUBLIC_PAGES = [
  '/',
  '/datasets',
  '/datasets?q=bus&theme=transport',
  '/organisations',
  '/organisations/tfgm',
  '/themes',
  '/themes/transport',
  '/datasets/ev-charge-points',
  '/api/docs',
  '/promises',
  '/quality',
  '/quality/organisations/tfgm',
  '/promises?status=kept',
  '/promises/full-fibre-for-every-home',
  '/indicators',
  '/dashboards',
  '/reports',
  '/reports?status=open&area=bolton-council&sort=oldest',
  '/showcases',
  '/showcases?type=app&q=bus',
  '/showcases/on-time-bus-finder',
  '/report',
  '/report?q=Bolton',
  '/dashboards/citizen-reports-by-borough',
  '/sign-up',
  '/my-data',
  '/sign-in',
  '/sign-in/link',
  '/sql',
  '/sql?q=SELECT%201%20AS%20one',
  '/challenges',
  '/challenges/get-every-household-online',
  '/challenges/bus-delays-you-can-see',
  '/get-involved',
  '/data-requests',
  '/no-such-page',
];

const RESOURCE_VIEWS = [
  '',
  '/chart?type=line&x=installed&agg=count',
  '/map',
  '/fields',
  '/versions',
];

const PUBLISHER_PAGES = [
  '/publish',
  '/publish/datasets/new',
  '/publish/datasets/full-fibre-gigabit-coverage',
  '/publish/datasets/full-fibre-gigabit-coverage/edit',
  '/publish/datasets/full-fibre-gigabit-coverage/upload',
  '/publish/organisations/gmca/members',
  '/publish/organisations/gmca/categories',
  '/publish/reports',
  '/publish/harvest',
  '/publish/harvest/new',
  '/account/tokens',
  '/account/reports',
  '/account/showcases',
  '/account/showcases/new',
  '/account/data',
  '/publish/promises',
  '/publish/promises/new',
  '/publish/challenges/new',
  '/publish/challenges/get-every-household-online/edit',
  '/publish/challenges/bus-delays-you-can-see/judge',
  '/account/challenges',
  '/account/challenges/get-every-household-online/enter',
  '/sign-out',
];

describe('every page type', () => {
  it('is accessible to a visitor, including each view of a resource', async () => {
    const { page, problems, context } = await newVisitor(browser());
    await page.goto('/datasets/ev-charge-points');
    const resource = await page
      .locator('a[href^="/datasets/"][href*="/resources/"]')
      .first()
      .getAttribute('href');
    const firstLink = async (url: string, prefix: string) => {
      await page.goto(url);
      return (await page.locator(`main a[href^="${prefix}"]`).first().getAttribute('href')) ?? '';
    };
    const urls = [
      ...PUBLIC_PAGES,
      ...RESOURCE_VIEWS.map((view) => `${resource ?? ''}${view}`),
      await firstLink('/indicators', '/indicators/'),
      await firstLink('/dashboards', '/dashboards/'),
    ];
    for (const url of urls) {
      await page.goto(url);
      await expectAccessible(page);
      expect(await page.title(), url).toMatch(/ – Greater Manchester$/);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is accessible to a signed-in publisher', async () => {
    const publisher = inject('publisher');
    const { page, problems, context } = await newVisitor(browser());
    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill(publisher.email);
    await page.getByLabel('Password', { exact: true }).fill(publisher.password);
    await navigate(page, () => page.getByRole('button', { name: 'Sign in' }).click());
    for (const url of PUBLISHER_PAGES) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expectAccessible(page);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
