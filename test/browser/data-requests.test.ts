// A cyclist asks Bolton Council for its street lighting data; the council's editor answers
// that it is released as a dataset; the dataset's page says it was published in answer.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newVisitor } from './support/browser.js';
import { expectAccessible, navigate, useBrowser } from './support/suite.js';

const browser = useBrowser();
const DATASET = 'bolton-street-lighting-faults';

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await navigate(page, () => page.getByRole('button', { name: 'Sign in' }).click());
}

describe.each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('a data request $label', ({ js }) => {
  it('is asked by a resident, answered by the council and shown on the dataset', async () => {
    const title = `Street lighting faults by street (${js ? 'JS' : 'no JS'})`;
    const resident = await newVisitor(browser(), js);
    const page = resident.page;
    page.setDefaultTimeout(20_000);

    // The list, with the demo's synthetic requests; asking starts with signing in.
    await page.goto('/data-requests');
    await expectAccessible(page, js);
    await expect(page.locator('.app-data-request').count()).resolves.toBeGreaterThan(0);
    await navigate(page, () => page.getByRole('button', { name: 'Request a dataset' }).click());
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('E-mail address').fill(inject('requester').email);
    await page.getByLabel('Password', { exact: true }).fill(inject('requester').password);
    await navigate(page, () => page.getByRole('button', { name: 'Sign in' }).click());
    expect(new URL(page.url()).pathname).toBe('/data-requests/new');
    await expectAccessible(page, js);

    // A mistake first: the error summary names it.
    await navigate(page, () => page.getByRole('button', { name: 'Send request' }).click());
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Enter the data you need',
    );
    await expectAccessible(page, js);
    await page.getByLabel('The data you need').fill(title);
    await page.getByLabel('What you need it for').fill('A map of dark streets for night cycling.');
    await page.getByLabel('Who holds it').selectOption({ label: 'Bolton Council' });
    await navigate(page, () => page.getByRole('button', { name: 'Send request' }).click());
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    await expect(page.locator('#request-status').textContent()).resolves.toContain(
      'Awaiting a response',
    );
    await expectAccessible(page, js);
    const requestPath = new URL(page.url()).pathname;

    // The council's editor answers: released, as the street lighting dataset.
    const council = await newVisitor(browser(), js);
    council.page.setDefaultTimeout(20_000);
    await signIn(council.page, inject('council'));
    await council.page.goto(requestPath);
    await navigate(council.page, () =>
      council.page.getByRole('link', { name: 'Answer this request' }).click(),
    );
    await expectAccessible(council.page, js);
    await council.page.getByLabel('Released', { exact: true }).check();
    await council.page.getByLabel('Public reason').fill('We publish every fault, monthly.');
    await council.page.getByLabel('Released dataset (if released)').fill(DATASET);
    await navigate(council.page, () =>
      council.page.getByRole('button', { name: 'Publish answer' }).click(),
    );
    expect(new URL(council.page.url()).pathname).toBe(requestPath);

    // The resident sees the answer, and the dataset's page links back to the request.
    await page.reload();
    await expect(page.locator('#answer').textContent()).resolves.toContain(
      'We publish every fault, monthly.',
    );
    await expectAccessible(page, js);
    await navigate(page, () => page.locator('#answer a[href^="/datasets/"]').click());
    expect(new URL(page.url()).pathname).toBe(`/datasets/${DATASET}`);
    const answered = page.locator('.app-request-answer', { hasText: title });
    await expect(answered.textContent()).resolves.toContain(
      'Published in answer to a data request',
    );
    await expectAccessible(page, js);

    expect(resident.problems).toEqual([]);
    expect(council.problems).toEqual([]);
    await resident.context.close();
    await council.context.close();
  });
});
