import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture, type Fixture } from '../helpers/fixture.js';

// CKAN's envelope, statuses and token forms, which every CKAN client relies on.

let t: TestApp;
let fx: Fixture;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
});
afterAll(() => t.close());

const action = (name: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/3/action/${name}`, headers });

describe('the CKAN Action API envelope', () => {
  it('answers status_show with help, success and result, as CKAN 2.11', async () => {
    const res = await action('status_show');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ help: string; success: boolean; result: Record<string, unknown> }>();
    expect(body.success).toBe(true);
    expect(body.help).toMatch(/\/api\/3\/action\/help_show\?name=status_show$/);
    expect(body.result.ckan_version).toMatch(/^2\.11\./);
    expect(body.result.extensions).toContain('datastore');
  });

  it('is mounted at /api/action too, and answers its version at /api/3', async () => {
    expect((await t.app.inject({ url: '/api/action/site_read' })).json()).toMatchObject({
      success: true,
      result: true,
    });
    expect((await t.app.inject({ url: '/api/3' })).json()).toEqual({ version: 3 });
  });

  it('refuses an unknown action with a 400 naming it, as CKAN does', async () => {
    const res = await action('package_frobnicate');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      success: false,
      error: { message: 'Action name not known: package_frobnicate' },
    });
  });

  it('answers a missing parameter with a 409 Validation Error listing the field', async () => {
    const res = await action('help_show');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      success: false,
      error: { __type: 'Validation Error', name: ['Missing value'] },
    });
  });

  it('gives the help of an action, and a 404 Not Found Error for one it does not have', async () => {
    const res = await action('help_show?name=status_show');
    expect(res.json<{ result: string }>().result).toMatch(/configuration/);
    const missing = await action('help_show?name=nothing_here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { __type: 'Not Found Error' } });
  });

  it('takes the token bare, as CKAN clients send it, and Bearer too', async () => {
    for (const header of [fx.tokens.editor, `Bearer ${fx.tokens.editor}`]) {
      const res = await action('site_read', { authorization: header });
      expect(res.statusCode, header).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-cache');
    }
  });

  it('answers a bad token with a 403 Authorization Error in the envelope', async () => {
    const res = await action('site_read', { authorization: 'not-a-token' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      success: false,
      error: { __type: 'Authorization Error' },
    });
  });

  it('answers a body that is not JSON with a 400 in the envelope', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/3/action/site_read',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ success: false, error: { __type: 'Bad request' } });
  });
});
