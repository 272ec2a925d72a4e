import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture } from '../helpers/fixture.js';
import { decodedBody, readOutbox } from '../helpers/mail.js';
import { $, h1, PageClient } from '../helpers/pages.js';

const PASSWORD = 'correct horse battery staple';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedFixture(t.ctx);
  await setPassword(t.ctx, 'editor@bolton.example', PASSWORD);
});
afterAll(() => t.close());

/** Asks for a link as a visitor would; returns the page they see. */
async function askForLink(email: string, address = '203.0.113.50') {
  const browser = new PageClient(t.app, { remoteAddress: address });
  const form = await browser.get('/sign-in/link');
  expect(form.statusCode).toBe(200);
  expect($(form.body)('label[for="email"]').text()).toContain('E-mail address');
  return browser.post('/sign-in/link', { email }, { from: '/sign-in/link' });
}

/** The sign-in link in the newest message to `to`. */
async function latestLink(to: string): Promise<string> {
  const mail = (await readOutbox(t.ctx)).filter((m) => m.includes(`To: ${to}`)).at(-1);
  const link = /http:\/\/metrodata\.test(\/sign-in\/link\/[\w-]+)/.exec(decodedBody(mail ?? ''));
  if (!link?.[1]) throw new Error(`No sign-in link mailed to ${to}`);
  return link[1];
}

/** What a page says, without the parts that differ by request (CSRF token, nonce). */
const mainText = (html: string) => $(html)('main').text().replace(/\s+/g, ' ').trim();

describe('a sign-in link by e-mail', () => {
  it('is offered on the sign-in page', async () => {
    const res = await new PageClient(t.app).get('/sign-in');
    expect($(res.body)('a[href="/sign-in/link"]').text()).toContain('E-mail me a sign-in link');
  });

  it('gets the same answer for an address with an account and one without', async () => {
    const before = (await readOutbox(t.ctx)).length;
    const known = await askForLink('Editor@Bolton.example');
    const unknown = await askForLink('nobody@example.org');
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(h1(known.body)).toBe('Check your e-mail');
    expect(mainText(known.body).replace('Editor@Bolton.example', 'X')).toBe(
      mainText(unknown.body).replace('nobody@example.org', 'X'),
    );
    // Only the account's owner got mail.
    const outbox = await readOutbox(t.ctx);
    expect(outbox.length).toBe(before + 1);
    expect(outbox.at(-1)).toMatch(/^To: editor@bolton\.example$/m);
    expect(outbox.at(-1)).toMatch(/^Subject: Your sign-in link$/m);
  });

  it('signs in once, then is refused', async () => {
    await askForLink('editor@bolton.example');
    const link = await latestLink('editor@bolton.example');
    // The database keeps only a hash of the link's token.
    const token = link.split('/').at(-1) ?? '';
    const rows = await t.ctx.db.kysely.selectFrom('sign_in_links').select('id').execute();
    expect(rows.some((r) => r.id === token)).toBe(false);

    // Opening the link does not sign in (mail scanners open links); its button does.
    const browser = new PageClient(t.app, { remoteAddress: '203.0.113.51' });
    const confirm = await browser.get(link);
    expect(confirm.statusCode).toBe(200);
    expect(h1(confirm.body)).toBe('Sign in');
    expect(browser.cookies.has('md_session')).toBe(false);
    const res = await browser.post(link, {}, { from: link });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/publish');
    expect(browser.cookies.has('md_session')).toBe(true);
    expect((await browser.get('/publish')).statusCode).toBe(200);

    const again = new PageClient(t.app);
    const used = await again.get(link);
    expect(used.statusCode).toBe(410);
    expect(h1(used.body)).toBe('This sign-in link has expired or has been used');
    expect($(used.body)('a[href="/sign-in/link"]').length).toBe(1);
    const replay = await again.post(link, {}, { from: '/sign-in/link' });
    expect(replay.statusCode).toBe(410);
    expect(again.cookies.has('md_session')).toBe(false);
  });

  it('expires', async () => {
    await askForLink('editor@bolton.example');
    const link = await latestLink('editor@bolton.example');
    await t.ctx.db.kysely
      .updateTable('sign_in_links')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .execute();
    const browser = new PageClient(t.app);
    expect((await browser.get(link)).statusCode).toBe(410);
    const res = await browser.post(link, {}, { from: '/sign-in/link' });
    expect(res.statusCode).toBe(410);
    expect(browser.cookies.has('md_session')).toBe(false);
  });

  it('refuses a made-up link the same way', async () => {
    const res = await new PageClient(t.app).get('/sign-in/link/not-a-real-token');
    expect(res.statusCode).toBe(410);
  });

  it('lets a publisher whose password is being guessed in, and clears the back-off', async () => {
    for (let i = 0; i < 6; i++) {
      await new PageClient(t.app, { remoteAddress: '192.0.2.9' }).signIn(
        'editor@bolton.example',
        `guess ${i}`,
      );
    }
    const elsewhere = new PageClient(t.app, { remoteAddress: '203.0.113.77' });
    expect((await elsewhere.signIn('editor@bolton.example', PASSWORD)).statusCode).toBe(429);
    await askForLink('editor@bolton.example', '203.0.113.77');
    const link = await latestLink('editor@bolton.example');
    const res = await elsewhere.post(link, {}, { from: link });
    expect(res.statusCode).toBe(303);
    // The account's count is cleared: the password works again from a new address too.
    const later = new PageClient(t.app, { remoteAddress: '203.0.113.78' });
    expect((await later.signIn('editor@bolton.example', PASSWORD)).statusCode).toBe(303);
  });

  it('mails an account a few links at most before making it wait, with the same answer', async () => {
    const mailsTo = async () =>
      (await readOutbox(t.ctx)).filter((m) => /^To: admin@example\.org$/m.test(m)).length;
    const pages = [];
    for (let i = 0; i < 4; i++)
      pages.push(await askForLink('admin@example.org', `198.51.100.${i}`));
    expect(pages.map((p) => p.statusCode)).toEqual([200, 200, 200, 200]);
    expect(new Set(pages.map((p) => mainText(p.body))).size).toBe(1);
    expect(await mailsTo()).toBe(3);
  });

  it('asks for an address when none is given', async () => {
    const res = await askForLink('   ');
    expect(res.statusCode).toBe(422);
    expect($(res.body)('.govuk-error-summary').text()).toContain('Enter your e-mail address');
  });
});
