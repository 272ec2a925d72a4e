// Someone who built an app on the region's data submits it as a showcase, with a screenshot; a
// site administrator approves it from the queue; it appears on the showcases and on the page of
// the dataset it uses ("Built with this data"). Its maker then changes it, which sends it back to
// the queue (and off the public list) until approved again. With JavaScript, and again without.
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { newVisitor } from './support/browser.js';
import { expectAccessible, navigate, useBrowser } from './support/suite.js';

const browser = useBrowser();
const DATASET = { slug: 'ev-charge-points', title: 'Public electric vehicle charge points' };

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await navigate(page, () => page.getByRole('button', { name: 'Sign in' }).click());
}

const screenshot = () =>
  sharp({ create: { width: 900, height: 600, channels: 3, background: '#1d70b8' } })
    .png()
    .toBuffer();

describe.each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('a maker and a site admin $label', ({ js }) => {
  it('submit a showcase with an image, approve it, find it on the dataset page, change it', async () => {
    const title = `Charge point finder ${js ? 'for phones' : 'for the web'}`;
    const maker = await newVisitor(browser(), js);
    const page = maker.page;
    page.setDefaultTimeout(20_000);

    await page.goto('/showcases');
    await expectAccessible(page, js);
    await navigate(page, () => page.getByRole('button', { name: 'Submit a showcase' }).click());
    // Signed out: sign in first, then back to the form.
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('E-mail address').fill(inject('publisher').email);
    await page.getByLabel('Password', { exact: true }).fill(inject('publisher').password);
    await navigate(page, () => page.getByRole('button', { name: 'Sign in' }).click());
    expect(new URL(page.url()).pathname).toBe('/account/showcases/new');
    await expectAccessible(page, js);

    // A first try without a title: the error summary, the rest kept.
    await page.getByLabel('App', { exact: true }).check();
    await page.getByLabel('Description').fill('Find a **free** charge point near you.');
    await page.getByLabel('Link').fill('https://charge-finder.example/');
    await page.getByLabel('Datasets it uses').fill(`/datasets/${DATASET.slug}`);
    await navigate(page, () => page.getByRole('button', { name: 'Submit for approval' }).click());
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Enter a title',
    );
    await expectAccessible(page, js);
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Image (optional)').setInputFiles({
      name: 'screen.png',
      mimeType: 'image/png',
      buffer: await screenshot(),
    });
    await navigate(page, () => page.getByRole('button', { name: 'Submit for approval' }).click());
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    // The thanks, and the banner saying who can see it until it is approved.
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('is waiting for approval by a site administrator');
    expect(main).toContain('Only you and the site administrators can see this showcase');
    const img = page.locator('main img[src^="/showcases/"]');
    await expect(img.getAttribute('width')).resolves.toBe('900');
    await expectAccessible(page, js);
    const showcaseUrl = page.url();
    await maker.context.close();

    const admin = await newVisitor(browser(), js);
    const adminPage = admin.page;
    adminPage.setDefaultTimeout(20_000);
    await signIn(adminPage, inject('siteAdmin'));
    await adminPage.goto('/showcases');
    await navigate(adminPage, () =>
      adminPage.getByRole('link', { name: 'Showcases to approve' }).click(),
    );
    await expectAccessible(adminPage, js);
    const item = adminPage.locator('section.app-queue-item', { hasText: title });
    await navigate(adminPage, () => item.getByRole('button', { name: 'Approve' }).click());
    await expect(adminPage.locator('main').textContent()).resolves.toContain(
      `“${title}” is approved and public.`,
    );
    await admin.context.close();

    // Anyone now sees it, and on the dataset's page.
    const visitor = await newVisitor(browser(), js);
    const v = visitor.page;
    v.setDefaultTimeout(20_000);
    await v.goto(`/datasets/${DATASET.slug}`);
    await expect(v.getByRole('heading', { name: 'Built with this data' }).count()).resolves.toBe(1);
    await navigate(v, () => v.getByRole('link', { name: title }).click());
    expect(v.url()).toBe(showcaseUrl);
    await expect(v.locator('main').textContent()).resolves.not.toContain('Waiting for approval');
    await navigate(v, () => v.getByRole('link', { name: DATASET.title }).click());
    expect(new URL(v.url()).pathname).toBe(`/datasets/${DATASET.slug}`);
    await v.goto('/showcases?type=app');
    await expect(v.locator('.app-showcases').textContent()).resolves.toContain(title);
    await expectAccessible(v, js);

    // The maker changes it: the form starts filled in, a dataset not found is named and what was
    // typed is listed back; saved, it goes back to the queue and leaves the public list.
    const editor = await newVisitor(browser(), js);
    const e = editor.page;
    e.setDefaultTimeout(20_000);
    await signIn(e, inject('publisher'));
    await e.goto(new URL(showcaseUrl).pathname);
    await navigate(e, () => e.getByRole('button', { name: 'Change this showcase' }).click());
    await expect(e.getByLabel('Title').inputValue()).resolves.toBe(title);
    await expect(e.locator('#back-to-queue').textContent()).resolves.toContain(
      'checks your changes',
    );
    await expectAccessible(e, js);
    await e.getByLabel('Description').fill('Find a **free** charge point, now with opening hours.');
    await e
      .getByLabel('Datasets it uses')
      .fill(`${new URL(e.url()).origin}/datasets/${DATASET.slug}\nno-such-data`);
    await navigate(e, () => e.getByRole('button', { name: 'Save and send for approval' }).click());
    await expect(e.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'There is no public dataset “no-such-data”',
    );
    await expect(e.locator('#datasets-chosen').textContent()).resolves.toContain(DATASET.title);
    await expectAccessible(e, js);
    await e.getByLabel('Datasets it uses').fill(DATASET.slug);
    await navigate(e, () => e.getByRole('button', { name: 'Save and send for approval' }).click());
    const changed = (await e.locator('main').textContent()) ?? '';
    expect(changed).toContain('A site administrator checks them');
    expect(changed).toContain('now with opening hours');
    expect(changed).toContain('Only you and the site administrators can see this showcase');
    await expectAccessible(e, js);
    await v.goto('/showcases?type=app');
    await expect(v.locator('main').textContent()).resolves.not.toContain(title);

    expect([...maker.problems, ...admin.problems, ...visitor.problems, ...editor.problems]).toEqual(
      [],
    );
    await Promise.all([visitor.context.close(), editor.context.close()]);
  });
});
