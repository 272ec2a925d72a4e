import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import { createOrganisation } from '../../src/features/organisations/organisation.service.js';
import { seedDemoPublisher } from '../../src/demo/seed.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture, type Fixture } from '../helpers/fixture.js';
import { $, h1, PageClient } from '../helpers/pages.js';

const PASSWORD = 'correct horse battery staple';
let t: TestApp;
let fx: Fixture;

beforeAll(async () => {
  t = await createTestApp({ baseUrl: 'https://data.example.gov.uk' });
  fx = await seedFixture(t.ctx);
  await setPassword(t.ctx, 'editor@bolton.example', PASSWORD);
  await setPassword(t.ctx, 'member@bolton.example', PASSWORD);
  await setPassword(t.ctx, 'editor@wigan.example', PASSWORD);
});
afterAll(() => t.close());

const sessionCount = async () =>
  Number(
    (
      await t.ctx.db.kysely
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('signing in', () => {
  it('shows a labelled sign-in form with a CSRF token', async () => {
    const res = await new PageClient(t.app).get('/sign-in');
    expect(res.statusCode).toBe(200);
    const page = $(res.body);
    expect(h1(res.body)).toBe('Sign in');
    expect(page('title').text()).toMatch(/^Sign in – /);
    expect(page('label[for="email"]').text()).toContain('E-mail address');
    expect(page('label[for="password"]').text()).toContain('Password');
    expect(page('input[name="_csrf"]').val()).toBeTruthy();
  });

  it('signs a publisher in with a secure, HttpOnly, SameSite cookie and goes to /publish', async () => {
    const browser = new PageClient(t.app);
    const res = await browser.signIn('Editor@Bolton.example', PASSWORD);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/publish');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/md_session=[\w-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/Path=\//);
    // The database holds only a hash of the cookie's token.
    const token = browser.cookies.get('md_session') ?? '';
    const rows = await t.ctx.db.kysely.selectFrom('sessions').select('id').execute();
    expect(rows.some((r) => r.id === token)).toBe(false);
    const home = await browser.get('/sign-in');
    expect(home.statusCode).toBe(303);
  });

  it('says only that the e-mail or password is wrong, for either mistake', async () => {
    const browser = new PageClient(t.app);
    const wrongPassword = await browser.signIn('editor@bolton.example', 'not the password');
    const unknown = await browser.signIn('nobody@example.org', PASSWORD);
    for (const res of [wrongPassword, unknown]) {
      expect(res.statusCode).toBe(401);
      const page = $(res.body);
      expect(page('title').text()).toMatch(/^Error: Sign in/);
      expect(page('.govuk-error-summary').text()).toContain(
        'The e-mail address or password is wrong',
      );
      expect(page('.govuk-error-summary a').attr('href')).toBe('#email');
    }
    expect($(unknown.body)('#email').val()).toBe('nobody@example.org');
    expect(browser.cookies.has('md_session')).toBe(false);
  });

  it('asks for both fields when they are empty', async () => {
    const res = await new PageClient(t.app).signIn('', '');
    expect(res.statusCode).toBe(422);
    const summary = $(res.body)('.govuk-error-summary');
    expect(summary.text()).toContain('Enter your e-mail address');
    expect(summary.text()).toContain('Enter your password');
    expect($(res.body)('#password-error').text()).toContain('Enter your password');
  });

  it('refuses a form without its CSRF token', async () => {
    const browser = new PageClient(t.app);
    await browser.get('/sign-in');
    const res = await browser.post(
      '/sign-in',
      { email: 'editor@bolton.example', password: PASSWORD },
      { csrf: null },
    );
    expect(res.statusCode).toBe(403);
    expect(browser.cookies.has('md_session')).toBe(false);
  });

  it('makes guesses wait after five wrong passwords (see sign-in-throttle.test.ts)', async () => {
    const browser = new PageClient(t.app);
    for (let i = 0; i < 5; i++) {
      expect((await browser.signIn('editor@wigan.example', `guess ${i}`)).statusCode).toBe(401);
    }
    const res = await browser.signIn('editor@wigan.example', PASSWORD);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('30');
    expect($(res.body)('.govuk-error-summary').text()).toContain(
      'Too many attempts. Try again in 30 seconds, or get a sign-in link by e-mail.',
    );
  });

  it('follows ?next= to a page of this site only', async () => {
    const local = new PageClient(t.app);
    const form = await local.get('/sign-in?next=/publish/datasets/new');
    expect($(form.body)('input[name="next"]').val()).toBe('/publish/datasets/new');
    const res = await local.post(
      '/sign-in',
      { email: 'editor@bolton.example', password: PASSWORD, next: '/publish/datasets/new' },
      { from: '/sign-in' },
    );
    expect(res.headers.location).toBe('/publish/datasets/new');
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await new PageClient(t.app).post(
        '/sign-in',
        { email: 'editor@bolton.example', password: PASSWORD, next },
        { from: '/sign-in' },
      );
      expect(res.headers.location).toBe('/publish');
    }
  });

  it('sends a body’s member who cannot publish to /publish, for the body’s reports only', async () => {
    const browser = new PageClient(t.app);
    const res = await browser.signIn('member@bolton.example', PASSWORD);
    expect(res.headers.location).toBe('/publish');
    const publish = await browser.get('/publish');
    expect(publish.statusCode).toBe(200);
    expect(publish.body).toContain('href="/publish/reports"');
    expect(publish.body).not.toContain('href="/publish/datasets/new"');
    // Publishing itself stays refused.
    expect((await browser.get('/publish/datasets/new')).statusCode).toBe(403);
  });

  it('gives a new session id at each sign-in and drops the old one', async () => {
    const browser = new PageClient(t.app);
    await browser.signIn('editor@bolton.example', PASSWORD);
    const first = browser.cookies.get('md_session');
    const before = await sessionCount();
    await browser.post(
      '/sign-in',
      { email: 'editor@bolton.example', password: PASSWORD },
      { from: '/sign-out' },
    );
    expect(browser.cookies.get('md_session')).not.toBe(first);
    expect(await sessionCount()).toBe(before);
  });
});

describe('the session', () => {
  it('shows the signed-in navigation, and the page knows the user', async () => {
    const browser = new PageClient(t.app);
    await browser.signIn('editor@bolton.example', PASSWORD);
    const res = await browser.get('/sign-out');
    const nav = $(res.body)('nav[aria-label="Account"]');
    expect(nav.text()).toContain('Sign out');
    expect(nav.text()).toContain('Publish');
    expect(nav.text()).not.toContain('Sign in');
    expect($(res.body)('main').text()).toContain('editor@bolton.example');
  });

  it('lets the cookie read private data through the API, but never write', async () => {
    const browser = new PageClient(t.app);
    await browser.signIn('editor@bolton.example', PASSWORD);
    const read = await browser.get('/api/v1/datasets/staff-rota');
    expect(read.statusCode).toBe(200);
    expect(read.headers['cache-control']).toBe('private, no-cache');
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/datasets/bus-punctuality',
      headers: { cookie: browser.cookieHeader },
      payload: { title: 'Changed by a cookie' },
    });
    expect(write.statusCode).toBe(401);
    // Bearer tokens work exactly as before.
    const anonymous = await t.app.inject({ url: '/api/v1/datasets/staff-rota' });
    expect(anonymous.statusCode).toBe(404);
    expect(fx.tokens.editor).toMatch(/^mdt_/);
  });

  it('ends after SESSION_TTL_HOURS without use', async () => {
    const browser = new PageClient(t.app);
    await browser.signIn('editor@bolton.example', PASSWORD);
    expect((await browser.get('/publish')).statusCode).toBe(200);
    await t.ctx.db.kysely
      .updateTable('sessions')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .execute();
    const res = await browser.get('/publish');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/sign-in?next=%2Fpublish');
    expect(browser.cookies.has('md_session')).toBe(false);
  });

  it('signs out with a confirmation and a POST, ending the session on the server', async () => {
    const browser = new PageClient(t.app);
    await browser.signIn('editor@bolton.example', PASSWORD);
    const token = browser.cookies.get('md_session') ?? '';
    const confirm = await browser.get('/sign-out');
    expect(h1(confirm.body)).toBe('Sign out');
    const res = await browser.post('/sign-out', {}, { from: '/sign-out' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(browser.cookies.has('md_session')).toBe(false);
    // The old cookie, replayed, is no longer a session.
    const replay = await t.app.inject({
      url: '/publish',
      headers: { cookie: `md_session=${token}` },
    });
    expect(replay.statusCode).toBe(303);
  });
});

describe('the demo publisher', () => {
  it('is created with a password shown once, and can publish for the combined authority', async () => {
    await createOrganisation(t.ctx, null, {
      slug: 'gmca',
      name: 'Greater Manchester Combined Authority',
      kind: 'combined-authority',
    });
    const publisher = await seedDemoPublisher(t.ctx);
    expect(publisher?.password.length).toBeGreaterThanOrEqual(12);
    expect(await seedDemoPublisher(t.ctx)).toBeNull();
    const browser = new PageClient(t.app);
    const res = await browser.signIn(publisher?.email ?? '', publisher?.password ?? '');
    expect(res.headers.location).toBe('/publish');
    const home = await browser.get('/publish');
    expect($(home.body)('h2').text()).toContain('Greater Manchester Combined Authority');
    expect($(home.body)('a[href="/publish/organisations/gmca/members"]').length).toBe(1);
  });
});
