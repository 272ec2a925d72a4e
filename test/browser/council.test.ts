// A council's streets officer signs in, opens the queue of reports, opens one, changes its
// status with an update for the public, and moderates it with a reason: hides its photo (with
// JavaScript) or redacts a phone number from its text (without).
import { describe, expect, inject, it } from 'vitest';
import { newVisitor } from './support/browser.js';
import { expectAccessible, navigate, useBrowser } from './support/suite.js';

const browser = useBrowser();

describe.each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('a council editor $label', ({ js }) => {
  it('handles a report from the queue: status, update and moderation', async () => {
    const council = inject('council');
    const { page, problems, context } = await newVisitor(browser(), js);
    page.setDefaultTimeout(20_000);

    await page.goto('/sign-in');
    await page.getByLabel('E-mail address').fill(council.email);
    await page.getByLabel('Password', { exact: true }).fill(council.password);
    await navigate(page, () => page.getByRole('button', { name: 'Sign in' }).click());
    expect(new URL(page.url()).pathname).toBe('/publish');

    await navigate(page, () => page.getByRole('link', { name: 'Reports from residents' }).click());
    expect(new URL(page.url()).pathname).toBe('/publish/reports');
    await expect(page.locator('h1').textContent()).resolves.toBe('Reports to your bodies');
    if (js) {
      // The map draws the filtered reports' points.
      await page.locator('#map .leaflet-marker-icon, #map .marker-cluster').first().waitFor();
    } else {
      await expect(page.locator('#map').isVisible()).resolves.toBe(false);
    }
    await expectAccessible(page, js);

    await navigate(page, () =>
      page.locator(`a[href="/publish/reports/${council.reportId}"]`).click(),
    );
    await expect(page.locator('h1').textContent()).resolves.toBe('Street light not working report');
    await expect(page.locator('main').textContent()).resolves.toContain('lamp.watcher@example.net');
    await expectAccessible(page, js);

    // A status with an update for the public.
    const status = js ? 'Investigating' : 'Action scheduled';
    await page.getByRole('radio', { name: status, exact: true }).check();
    await page.getByLabel('Update for the public').fill(`${status}: a crew is booked.`);
    await navigate(page, () => page.getByRole('button', { name: 'Post the update' }).click());
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Your update was posted',
    );
    await expect(page.locator('main').textContent()).resolves.toContain(
      `${status}: a crew is booked.`,
    );

    if (js) {
      await navigate(page, () => page.getByRole('link', { name: 'Hide photo 1' }).click());
      await expectAccessible(page, js);
      // No reason: refused, with the GOV.UK error summary.
      await navigate(page, () =>
        page.getByRole('button', { name: 'Hide a photo from the public' }).click(),
      );
      await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
        'Enter the reason',
      );
      await expectAccessible(page, js);
      await page.getByLabel('Reason').fill('A neighbour’s face is visible');
      await navigate(page, () =>
        page.getByRole('button', { name: 'Hide a photo from the public' }).click(),
      );
      await expect(page.locator('main').textContent()).resolves.toContain(
        'Reason: A neighbour’s face is visible',
      );
      await expect(page.getByRole('link', { name: 'Show photo 1 again' }).count()).resolves.toBe(1);
    } else {
      await navigate(page, () =>
        page.getByRole('link', { name: 'Redact the description' }).click(),
      );
      await expectAccessible(page, js);
      const text = page.getByLabel('Description');
      await text.fill(((await text.inputValue()) || '').replace('07700 900321', '[redacted]'));
      await page.getByLabel('Reason').fill('A phone number');
      await navigate(page, () =>
        page.getByRole('button', { name: 'Redact the description' }).click(),
      );
      await expect(page.locator('#description').textContent()).resolves.toContain(
        'Call me on [redacted]',
      );
      await expect(page.locator('main').textContent()).resolves.toContain('Reason: A phone number');
    }
    await expectAccessible(page, js);
    expect(problems).toEqual([]);
    await context.close();
  });
});
