import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerErrorHandling } from '../../src/platform/http/error-handler.js';
import { HttpError } from '../../src/platform/http/errors.js';
import { registerViews } from '../../src/platform/views/views.plugin.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { $ } from '../helpers/pages.js';

// The views' own guarantee, apart from the app's hook order: a request that fails before their
// security headers are set (a hook registered earlier throws) still gets a GOV.UK error page
// with a CSP whose nonce is the page's, and the other headers.
let ctx: TestContext;
let app: FastifyInstance;

beforeAll(async () => {
  ctx = await createTestContext();
  app = Fastify();
  registerErrorHandling(app);
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.url.startsWith('/fails-early')) {
      done(new HttpError(400, 'bad_request', 'This request failed before the views'));
      return;
    }
    done();
  });
  await registerViews(app, ctx, { siteName: () => Promise.resolve('Test region') });
  app.get('/fails-early', () => 'never');
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await ctx.cleanup();
});

it('renders the error page with the CSP nonce and security headers', async () => {
  const res = await app.inject({ url: '/fails-early' });
  expect(res.statusCode).toBe(400);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  const nonce = /script-src 'self' 'nonce-([0-9a-f]{32})'/.exec(
    String(res.headers['content-security-policy']),
  )?.[1];
  expect(nonce).toBeTruthy();
  expect($(res.body)('script[nonce]').attr('nonce')).toBe(nonce);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect($(res.body)('main').text()).toContain('This request failed before the views');
});
