import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorForUser, findUser, SESSION_SCOPES } from '../../src/features/accounts/index.js';
import { createReport } from '../../src/features/reports/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { decodedBody, readOutbox } from '../helpers/mail.js';
import { $, h1, PageClient } from '../helpers/pages.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';

// Residents create their own accounts: the mailed link proves the mailbox and signs them in;
// the form never says whether an address already has an account.

const PASSWORD = 'a long enough resident password';
let t: TestApp;
let fx: ReportFixture;
let address = 10;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedReportFixture(t.ctx);
}, 60_000);
afterAll(() => t.close());

/** A visitor from their own address (the sign-up rate limit counts per address). */
const visitor = () => new PageClient(t.app, { remoteAddress: `198.51.100.${address++}` });

async function signUp(browser: PageClient, form: Record<string, string>) {
  return browser.post('/sign-up', form, { from: '/sign-up' });
}

/** The newest message to `to`: its subject and the site path of the link in it. */
async function latestMail(to: string) {
  const mail = (await readOutbox(t.ctx)).filter((m) => m.includes(`To: ${to}`)).at(-1) ?? '';
  const body = decodedBody(mail);
  return {
    subject: /^Subject: (.*)$/m.exec(mail)?.[1] ?? '',
    link: /http:\/\/metrodata\.test(\/[\w/-]+)/.exec(body)?.[1] ?? '',
    body,
  };
}

const mainText = (html: string) => $(html)('main').text().replace(/\s+/g, ' ').trim();

describe('signing up', () => {
  it('mails a link that confirms the address, signs in and lands on your reports', async () => {
    const browser = visitor();
    const form = await browser.get('/sign-up');
    expect(form.statusCode).toBe(200);
    expect($(form.body)('label[for="password"]').text()).toContain('optional');
    const res = await signUp(browser, {
      name: 'Rosa Parkside',
      email: 'Rosa@Example.org',
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Check your e-mail');
    const user = await findUser(t.ctx, 'rosa@example.org');
    expect(user?.email_verified_at).toBeNull();

    const mail = await latestMail('rosa@example.org');
    expect(mail.subject).toBe('Confirm your e-mail address');
    expect(mail.link).toMatch(/^\/sign-up\/verify\//);
    // Opening the link (as a mail scanner would) does nothing; its button confirms.
    const page = await browser.get(mail.link);
    expect(page.statusCode).toBe(200);
    expect(h1(page.body)).toBe('Confirm your e-mail address');
    expect((await findUser(t.ctx, 'rosa@example.org'))?.email_verified_at).toBeNull();
    const done = await browser.post(mail.link, {}, { from: mail.link });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account/reports');
    expect((await findUser(t.ctx, 'rosa@example.org'))?.email_verified_at).not.toBeNull();

    const reports = await browser.get('/account/reports');
    expect(reports.statusCode).toBe(200);
    expect(mainText(reports.body)).toContain('Your e-mail address is confirmed');
    const nav = $(reports.body)('nav[aria-label="Account"] a')
      .map((_, a) => $(reports.body)(a).text().trim())
      .get();
    expect(nav).toContain('Your reports');
    expect(nav).not.toContain('Publish');

    // The link works once; the password chosen at sign-up works from now on.
    expect((await visitor().get(mail.link)).statusCode).toBe(410);
    expect((await visitor().post(mail.link, {}, { from: '/sign-up' })).statusCode).toBe(410);
    const again = await visitor().signIn('rosa@example.org', PASSWORD);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/account/reports');
  });

  it('answers a taken address with the same page, and mails its owner a sign-in link', async () => {
    const fresh = await signUp(visitor(), { name: 'New Person', email: 'new.person@example.org' });
    const taken = await signUp(visitor(), { name: 'Someone', email: fx.emails.resident });
    expect(taken.statusCode).toBe(200);
    expect(mainText(taken.body).replace(fx.emails.resident, 'X')).toBe(
      mainText(fresh.body).replace('new.person@example.org', 'X'),
    );
    const mail = await latestMail(fx.emails.resident);
    expect(mail.subject).toBe('You already have an account');
    expect(mail.link).toMatch(/^\/sign-in\/link\//);
    // The account is untouched: still the fixture's name.
    expect((await findUser(t.ctx, fx.emails.resident))?.name).toBe('resident');
  });

  it('shows what is wrong with the form, keeping what was typed', async () => {
    const res = await signUp(visitor(), { name: '', email: 'not-an-address', password: 'short' });
    expect(res.statusCode).toBe(422);
    const summary = $(res.body)('.govuk-error-summary').text();
    expect(summary).toContain('Enter your name');
    expect(summary).toContain('Enter an e-mail address like name@example.com');
    expect(summary).toContain('Password must be at least 12 characters');
    expect($(res.body)('#email').val()).toBe('not-an-address');
  });

  it('limits sign-ups from one address, and mail to one address', async () => {
    const browser = visitor();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (await signUp(browser, { name: 'Bot', email: `bot${i}@example.org` })).statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);

    const before = (await readOutbox(t.ctx)).filter((m) => m.includes('To: flood@example.org'));
    for (let i = 0; i < 5; i++) {
      expect((await signUp(visitor(), { name: 'F', email: 'flood@example.org' })).statusCode).toBe(
        200,
      );
    }
    const after = (await readOutbox(t.ctx)).filter((m) => m.includes('To: flood@example.org'));
    expect(after.length - before.length).toBe(3);
  });
});

describe('an account not yet confirmed', () => {
  it('cannot sign in with its password, and is mailed a new link instead', async () => {
    await signUp(visitor(), { name: 'Waiting', email: 'waiting@example.org', password: PASSWORD });
    const res = await visitor().signIn('waiting@example.org', PASSWORD);
    expect(res.statusCode).toBe(403);
    expect($(res.body)('.govuk-error-summary').text()).toContain('Confirm your e-mail address');
    expect(res.headers['set-cookie']?.toString() ?? '').not.toContain('md_session=');
    const mail = await latestMail('waiting@example.org');
    expect(mail.subject).toBe('Confirm your e-mail address');
  });

  it('must confirm each report by e-mail (createReport)', async () => {
    await signUp(visitor(), { name: 'Unproven', email: 'unproven@example.org' });
    const user = await findUser(t.ctx, 'unproven@example.org');
    const actor = await actorForUser(t.ctx, user?.id ?? '', SESSION_SCOPES);
    expect(actor.user?.emailVerified).toBe(false);
    const { report, needsConfirmation } = await createReport(t.ctx, actor, {
      category: 'fly-tipping',
      ...fx.points.west,
      description: 'Mattresses in the lane',
      email: 'unproven@example.org',
      source: 'web',
      clientAddress: '198.51.100.200',
    });
    expect(needsConfirmation).toBe(true);
    expect(report.state).toBe('unconfirmed');
  });

  it('loses a password it did not prove when the owner gets in by the "already" link', async () => {
    // Someone else signs up with the victim's address and a password of their choosing.
    await signUp(visitor(), { name: 'Squatter', email: 'victim@example.org', password: PASSWORD });
    // The real owner tries to sign up, and follows the link they are mailed.
    await signUp(visitor(), { name: 'Victim', email: 'victim@example.org' });
    const mail = await latestMail('victim@example.org');
    expect(mail.subject).toBe('You already have an account');
    const owner = visitor();
    const res = await owner.post(mail.link, {}, { from: mail.link });
    expect(res.statusCode).toBe(303);
    const user = await findUser(t.ctx, 'victim@example.org');
    expect(user?.email_verified_at).not.toBeNull();
    expect(user?.password_hash).toBeNull();
    expect((await visitor().signIn('victim@example.org', PASSWORD)).statusCode).toBe(401);
  });
});
