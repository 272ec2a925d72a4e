// A resident reports a pothole on the demo from a postcode: the place confirmed on the map
// drawn by the server, the problem, the details, "check your e-mail", then the link from the
// outbox and its button: confirmed, and the borough's inbox gets the report from the job
// runner. With JavaScript, and again without it; axe clean.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { newVisitor } from './support/browser.js';
import { expectAccessible, navigate, useBrowser } from './support/suite.js';

const browser = useBrowser();
// Manchester's first synthetic postcode (src/demo/places/postcodes.ts): "<first district> 1AA".
const POSTCODE = 'M1 1AA';

/** The server's outbox, newest first, decoded from quoted-printable. */
async function outbox(): Promise<string[]> {
  const dir = path.join(inject('dataDir'), 'outbox');
  const names = (await readdir(dir))
    .filter((n) => n.endsWith('.eml'))
    .sort()
    .reverse();
  return Promise.all(
    names.map(async (name) =>
      (await readFile(path.join(dir, name), 'utf8'))
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    ),
  );
}

/** The confirmation link of the mail sent to `to`, from the server's outbox. */
async function confirmLink(to: string): Promise<string> {
  for (const mail of await outbox()) {
    if (!mail.includes(`To: ${to}`)) continue;
    const link = /https?:\/\/[^\s/]+(\/report\/confirm\/[A-Za-z0-9_-]+)/.exec(mail)?.[1];
    if (link) return link;
  }
  throw new Error(`No confirmation mail to ${to}`);
}

/** The report as the body received it: the server's job runner sends it within seconds. */
async function mailToBody(body: string, reporter: string): Promise<string> {
  for (let tries = 0; tries < 60; tries++) {
    const sent = (await outbox()).find(
      (m) => m.includes(`To: ${body}`) && m.includes(`Reply-To: ${reporter}`),
    );
    if (sent) return sent;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`No report mailed to ${body} for ${reporter}`);
}

describe.each([
  { js: true, label: 'with JavaScript' },
  { js: false, label: 'without JavaScript' },
])('a resident $label', ({ js }) => {
  it('reports a pothole from a postcode and confirms it by the e-mailed link', async () => {
    const { page, problems, context } = await newVisitor(browser(), js);
    page.setDefaultTimeout(15_000);
    const email = `pothole-${js ? 'js' : 'nojs'}@example.org`;

    await page.goto('/report');
    await expect(page.locator('h1').textContent()).resolves.toBe('Report a problem');
    // The map is offered only where it can work.
    await expect(page.locator('#report-map').isVisible()).resolves.toBe(js);
    await expectAccessible(page, js);

    await page.getByLabel('Postcode or place').fill(POSTCODE);
    await navigate(page, () => page.getByRole('button', { name: 'Find the place' }).click());
    await expect(page.locator('h1').textContent()).resolves.toBe('Is this the place?');
    await expect(page.locator('.govuk-summary-list').textContent()).resolves.toContain(
      'Manchester',
    );
    await expect(page.locator('.govuk-inset-text').textContent()).resolves.toContain('made up');
    const map = await context.request.get(
      new URL((await page.locator('img').getAttribute('src')) ?? '', page.url()).href,
    );
    expect(map.headers()['content-type']).toContain('image/svg+xml');
    await expectAccessible(page, js);

    await navigate(page, () => page.getByRole('button', { name: 'Report a problem here' }).click());
    await expect(page.locator('h1').textContent()).resolves.toBe('What is the problem?');
    await expectAccessible(page, js);
    await page.getByLabel('Pothole', { exact: true }).check();
    await navigate(page, () => page.getByRole('button', { name: 'Continue' }).click());
    await expect(page.locator('h1').textContent()).resolves.toBe('Report: Pothole');
    await expectAccessible(page, js);

    // Sent without the required answer: the error, and what was typed is kept.
    await page.getByLabel('Describe the problem').fill('A deep pothole in the cycle lane');
    await page.getByLabel('E-mail address').fill(email);
    await navigate(page, () => page.getByRole('button', { name: 'Send the report' }).click());
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Answer “Is it blocking the road or pavement?”',
    );
    await expect(page.getByLabel('Describe the problem').inputValue()).resolves.toBe(
      'A deep pothole in the cycle lane',
    );
    await expectAccessible(page, js);
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await navigate(page, () => page.getByRole('button', { name: 'Send the report' }).click());
    await expect(page.locator('h1').textContent()).resolves.toBe('Check your e-mail');
    await expectAccessible(page, js);

    const link = await confirmLink(email);
    await page.goto(link);
    await expect(page.locator('h1').textContent()).resolves.toBe('Confirm your report');
    await expectAccessible(page, js);
    await navigate(page, () => page.getByRole('button', { name: 'Confirm your report' }).click());
    await expect(page.locator('.govuk-panel__title').textContent()).resolves.toMatch(
      /Your report has been sent to Manchester/,
    );
    await expectAccessible(page, js);
    // And it is: the borough's inbox gets it, with the reporter to reply to.
    const sent = await mailToBody('reports@manchester-city-council.example', email);
    expect(sent).toContain('A deep pothole in the cycle lane');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the map of the first step', () => {
  it('drops a pin where the resident clicks, and goes on from there', async () => {
    const { page, problems, context } = await newVisitor(browser(), true);
    page.setDefaultTimeout(15_000);
    await page.goto('/report');
    const button = page.getByRole('button', { name: 'Report a problem here' });
    await expect(button.isDisabled()).resolves.toBe(true);
    await page.locator('#report-map').click();
    await expect(page.locator('#report-map-status').textContent()).resolves.toContain(
      'Pin dropped',
    );
    await expect(button.isDisabled()).resolves.toBe(false);
    await expectAccessible(page);
    await navigate(page, () => button.click());
    expect(new URL(page.url()).pathname).toBe('/report/where');
    await expect(page.locator('h1').textContent()).resolves.toBe('Is this the place?');
    expect(problems).toEqual([]);
    await context.close();
  });
});
