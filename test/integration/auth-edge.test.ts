import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture } from '../helpers/fixture.js';
import { $, PageClient } from '../helpers/pages.js';

const PASSWORD = 'correct horse battery staple';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedFixture(t.ctx);
  await setPassword(t.ctx, 'editor@bolton.example', PASSWORD);
});
afterAll(() => t.close());

// Headers a careless client or a scanner sends: none of them is a token of this site.
const BOGUS = [
  'Bearer x',
  'Basic !!',
  'Bearer ',
  'Bearer',
  'Basic dXNlcjpwYXNz',
  'Negotiate YIIB',
  `Bearer ${'a'.repeat(8000)}`,
  'Bearer mdt_not-a-real-token',
];

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[0-9a-f]{32}'/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
}

describe('a bogus Authorization header', () => {
  it.each(BOGUS)(
    'is ignored by pages, which render as anonymous with their headers (%#)',
    async (header) => {
      for (const url of ['/', '/datasets', '/sign-in']) {
        const res = await t.app.inject({ url, headers: { authorization: header } });
        expect(res.statusCode, url).toBe(200);
        expectSecurityHeaders(res.headers);
        const page = $(res.body);
        const nonce = /'nonce-([0-9a-f]{32})'/.exec(String(res.headers['content-security-policy']));
        expect(page('script[nonce]').attr('nonce')).toBe(nonce?.[1]);
        expect(page('nav[aria-label="Account"]').text()).toContain('Sign in');
      }
    },
  );

  it.each(BOGUS)(
    'sends a signed-out visitor of the publisher area to sign in (%#)',
    async (header) => {
      const res = await t.app.inject({ url: '/publish', headers: { authorization: header } });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/sign-in?next=%2Fpublish');
    },
  );

  it.each(BOGUS)(
    'renders the 404 page of an unknown page with its headers (%#)',
    async (header) => {
      const res = await t.app.inject({ url: '/no-such-page', headers: { authorization: header } });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expectSecurityHeaders(res.headers);
      expect($(res.body)('h1').text().trim()).toBe('Page not found');
    },
  );

  it.each(BOGUS)(
    'is a 401 in the one error shape on the API, with WWW-Authenticate (%#)',
    async (header) => {
      const res = await t.app.inject({
        url: '/api/v1/datasets',
        headers: { authorization: header },
      });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe(
        'Bearer realm="metrodata", error="invalid_token"',
      );
      const body = res.json<{ error: { code: string; message: string } }>();
      expect(body.error.code).toBe('invalid_token');
      expect(body.error.message).toMatch(/token/i);
      expect(Object.keys(body)).toEqual(['error']);
    },
  );

  it.each(BOGUS)('is a 404 in the one error shape on an unknown API route (%#)', async (header) => {
    const res = await t.app.inject({
      url: '/api/v1/no-such-route',
      headers: { authorization: header },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('not_found');
  });

  it('still lets a signed-in person use pages when a proxy adds Basic credentials', async () => {
    const browser = new PageClient(t.app);
    await browser.signIn('editor@bolton.example', PASSWORD);
    const res = await browser.get('/publish', { authorization: 'Basic dXNlcjpwYXNz' });
    expect(res.statusCode).toBe(200);
    expectSecurityHeaders(res.headers);
  });
});

describe('?next= after signing in', () => {
  async function signInWith(next: string) {
    const browser = new PageClient(t.app);
    const form = await browser.get(`/sign-in?next=${encodeURIComponent(next)}`);
    expect(form.statusCode).toBe(200);
    const res = await browser.post(
      '/sign-in',
      { email: 'editor@bolton.example', password: PASSWORD, next },
      { from: '/sign-in' },
    );
    expect(res.statusCode).toBe(303);
    return { res, browser };
  }

  it('follows a good path on this site', async () => {
    const { res } = await signInWith('/publish');
    expect(res.headers.location).toBe('/publish');
  });

  it('follows a path with characters outside Latin-1, percent-encoded', async () => {
    const { res, browser } = await signInWith('/datasets/€?q=café#ü');
    expect(res.headers.location).toBe('/datasets/%E2%82%AC?q=caf%C3%A9#%C3%BC');
    // Signed in already: the form page sends them on, safely encoded too.
    const again = await browser.get(`/sign-in?next=${encodeURIComponent('/datasets/€')}`);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/datasets/%E2%82%AC');
  });

  it.each([
    '//evil.example',
    '/\\evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    '/..//evil.example',
    '/./\\evil.example',
    '/ok\r\nLocation: https://evil.example',
    'publish',
  ])('falls back to the publisher home for %s', async (next) => {
    const { res } = await signInWith(next);
    expect(res.headers.location).toBe('/publish');
  });
});
