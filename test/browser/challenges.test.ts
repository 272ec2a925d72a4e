// The mayor's office sets a challenge, a resident enters it (changes the entry, and withdraws a
// second one), and once the deadline has passed the office picks the winner and writes the
// outcome: with JavaScript and without it.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { newVisitor } from './support/browser.js';
import { expectAccessible, navigate, useBrowser } from './support/suite.js';

const browser = useBrowser();

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await navigate(page, () => page.getByRole('button', { name: 'Sign in' }).click());
}

async function fillDeadline(page: Page, date: Date) {
  await page.getByLabel('Day').fill(String(date.getUTCDate()));
  await page.getByLabel('Month').fill(String(date.getUTCMonth() + 1));
  await page.getByLabel('Year').fill(String(date.getUTCFullYear()));
}

describe.each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('a challenge $label', ({ js }) => {
  it('is set by the organisation, entered by a resident and judged after the deadline', async () => {
    const title = `Map the not-spots ${js ? 'online' : 'offline'}`;
    const office = await newVisitor(browser(), js);
    office.page.setDefaultTimeout(20_000);
    await signIn(office.page, inject('publisher'));

    await office.page.goto('/publish/challenges/new');
    await expectAccessible(office.page, js);
    await office.page.getByLabel('Title').fill(title);
    await office.page.getByLabel('The problem').fill('Where are households **offline**?');
    await office.page.getByLabel('How entries are judged').fill('Households it could reach.');
    await fillDeadline(office.page, new Date(Date.now() + 30 * 86_400_000));
    await office.page.getByLabel('Datasets offered (optional)').fill('full-fibre-gigabit-coverage');
    await office.page.getByLabel('Promise it serves (optional)').fill('full-fibre-for-every-home');
    await office.page.getByLabel('Published: everyone, open for entries').check();
    await navigate(office.page, () =>
      office.page.getByRole('button', { name: 'Save challenge' }).click(),
    );
    await expect(office.page.locator('h1').textContent()).resolves.toBe(title);
    await expect(office.page.locator('#status').textContent()).resolves.toContain(
      'Open for entries',
    );
    await expectAccessible(office.page, js);
    const challengeUrl = new URL(office.page.url()).pathname;

    // A resident finds it in the list and enters.
    const resident = await newVisitor(browser(), js);
    resident.page.setDefaultTimeout(20_000);
    await signIn(resident.page, inject('challengeResident'));
    await resident.page.goto('/challenges');
    await expectAccessible(resident.page, js);
    await navigate(resident.page, () => resident.page.getByRole('link', { name: title }).click());
    await navigate(resident.page, () =>
      resident.page.getByRole('button', { name: 'Enter this challenge' }).click(),
    );
    await expectAccessible(resident.page, js);
    // A link that is not a web address is refused, with the GOV.UK error summary.
    await resident.page.getByLabel('Title').fill('Not-spots finder');
    await resident.page.getByLabel('Description').fill('Streets where fibre is unused.');
    await resident.page.getByLabel('Link').fill('not a link');
    await navigate(resident.page, () =>
      resident.page.getByRole('button', { name: 'Send entry' }).click(),
    );
    await expect(resident.page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'full web address',
    );
    await expectAccessible(resident.page, js);
    await resident.page.getByLabel('Link').fill('https://example.org/not-spots');
    await navigate(resident.page, () =>
      resident.page.getByRole('button', { name: 'Send entry' }).click(),
    );
    expect(new URL(resident.page.url()).pathname).toBe(challengeUrl);
    await expect(resident.page.locator('#entry-list').textContent()).resolves.toContain(
      'Not-spots finder',
    );
    await expectAccessible(resident.page, js);

    // The lead changes the entry until the deadline.
    const r = resident.page;
    await navigate(r, () =>
      r.getByRole('link', { name: 'Change your entry “Not-spots finder”' }).click(),
    );
    await expectAccessible(r, js);
    await r.getByLabel('Description').fill('Streets where fibre is unused, ward by ward.');
    await navigate(r, () => r.getByRole('button', { name: 'Save changes' }).click());
    await expect(r.locator('#entry-list').textContent()).resolves.toContain('ward by ward');

    // A second entry, withdrawn after "are you sure?": it stays, marked, for the team alone.
    await navigate(r, () => r.getByRole('button', { name: 'Enter this challenge' }).click());
    await r.getByLabel('Title').fill('Half an idea');
    await r.getByLabel('Description').fill('Not ready.');
    await r.getByLabel('Link').fill('https://example.org/half');
    await navigate(r, () => r.getByRole('button', { name: 'Send entry' }).click());
    await navigate(r, () =>
      r.getByRole('link', { name: 'Withdraw your entry “Half an idea”' }).click(),
    );
    await expect(r.locator('h1').textContent()).resolves.toBe(
      'Withdraw your entry “Half an idea”?',
    );
    await expectAccessible(r, js);
    await navigate(r, () => r.getByRole('button', { name: 'Withdraw the entry' }).click());
    await expect(
      r.locator('#entry-list li', { hasText: 'Half an idea' }).textContent(),
    ).resolves.toContain('Withdrawn');
    await expectAccessible(r, js);

    // The deadline passes: the office moves it to yesterday, then judges.
    await office.page.goto(`/publish/challenges${challengeUrl.slice('/challenges'.length)}/edit`);
    await fillDeadline(office.page, new Date(Date.now() - 86_400_000));
    await navigate(office.page, () =>
      office.page.getByRole('button', { name: 'Save changes' }).click(),
    );
    await expect(office.page.locator('#status').textContent()).resolves.toContain('Judging');
    await navigate(office.page, () =>
      office.page.getByRole('link', { name: 'Judge the entries and write the outcome' }).click(),
    );
    await expectAccessible(office.page, js);
    await office.page.getByRole('radio', { name: 'Winner' }).check();
    await office.page.getByLabel('Outcome').fill('The **not-spots finder** won.');
    await navigate(office.page, () =>
      office.page.getByRole('button', { name: 'Publish the result' }).click(),
    );
    await expect(office.page.locator('#status').textContent()).resolves.toContain('Decided');

    // Everyone now sees the winner and the outcome, and the entry form says entries closed.
    const visitor = await newVisitor(browser(), js);
    await visitor.page.goto(challengeUrl);
    await expect(visitor.page.locator('#winners').textContent()).resolves.toContain(
      'Not-spots finder',
    );
    await expect(visitor.page.locator('#outcome + div strong').textContent()).resolves.toBe(
      'not-spots finder',
    );
    await expectAccessible(visitor.page, js);

    expect([...office.problems, ...resident.problems, ...visitor.problems]).toEqual([]);
    await Promise.all([office.context.close(), resident.context.close(), visitor.context.close()]);
  });
});
