import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';

let t: TestApp;
let fx: Fixture;

beforeAll(async () => {
  t = await createTestApp({ maxBodyBytes: 2048 });
  fx = await seedFixture(t.ctx);
});
afterAll(() => t.close());

const countDatasets = async () =>
  Number(
    (
      await t.ctx.db.kysely
        .selectFrom('datasets')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/datasets',
    headers: { ...bearer(fx.tokens.editor), 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

describe('bad input gets a clear 4xx and changes nothing', () => {
  const cases: [string, unknown, number, string, string?][] = [
    ['malformed JSON', '{"title": "x",', 400, 'invalid_json'],
    ['a missing title', { organisation: 'bolton' }, 400, 'invalid_request', 'title'],
    ['a wrong type', { title: 7, organisation: 'bolton' }, 400, 'invalid_request', 'title'],
    [
      'an unknown field',
      { title: 'x', organisation: 'bolton', colour: 'red' },
      400,
      'invalid_request',
      'colour',
    ],
    [
      'a slug that is not URL-safe',
      { title: 'x', organisation: 'bolton', slug: 'Bad Slug!' },
      400,
      'invalid_request',
      'slug',
    ],
    [
      'a duplicate slug',
      { title: 'x', organisation: 'bolton', slug: 'bus-punctuality' },
      422,
      'validation_failed',
      'slug',
    ],
    [
      'an unknown organisation',
      { title: 'x', organisation: 'atlantis' },
      422,
      'validation_failed',
      'organisation',
    ],
    [
      'an unknown licence',
      { title: 'x', organisation: 'bolton', licence: 'WTFPL' },
      422,
      'validation_failed',
      'licence',
    ],
    [
      'an unknown theme',
      { title: 'x', organisation: 'bolton', themes: ['cheese'] },
      422,
      'validation_failed',
      'themes',
    ],
    [
      'a bad date',
      { title: 'x', organisation: 'bolton', temporal_coverage: { start: '31/01/2024', end: null } },
      400,
      'invalid_request',
      'temporal_coverage.start',
    ],
    [
      'a bad e-mail',
      { title: 'x', organisation: 'bolton', contact: { name: 'A', email: 'nope' } },
      400,
      'invalid_request',
      'contact.email',
    ],
    [
      'an oversize body',
      { title: 'x', organisation: 'bolton', description: 'y'.repeat(5000) },
      413,
      'payload_too_large',
    ],
  ];

  it.each(cases)('%s', async (_name, payload, status, code, field) => {
    const before = await countDatasets();
    const res = await post(payload);
    expect(res.statusCode, res.body).toBe(status);
    const body = res.json<{
      error: { code: string; message: string; details?: { field: string }[] };
    }>();
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(0);
    if (field) expect(body.error.details?.map((d) => d.field)).toContain(field);
    expect(await countDatasets()).toBe(before);
  });

  it('answers a wrong content type with 415', async () => {
    const res = await post('title=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });

  it.each([
    ['an unknown token', 'Bearer mdt_not-a-real-token', 'The API token is not valid'],
    ['a malformed header', 'Token abc', 'Send the API token as "Authorization: Bearer <token>"'],
  ])('refuses %s with 401 even on reads', async (_name, authorization, message) => {
    const res = await t.app.inject({ url: '/api/v1/datasets', headers: { authorization } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'invalid_token', message } });
  });

  it('says why an expired or revoked token is refused', async () => {
    const expired = await t.app.inject({
      url: '/api/v1/datasets',
      headers: bearer(fx.tokens.expired),
    });
    expect(expired.json()).toEqual({
      error: { code: 'invalid_token', message: 'The API token has expired' },
    });
    const revoked = await t.app.inject({
      url: '/api/v1/datasets',
      headers: bearer(fx.tokens.revoked),
    });
    expect(revoked.json()).toEqual({
      error: { code: 'invalid_token', message: 'The API token has been revoked' },
    });
  });

  it('tells a read-only token that it lacks the write scope', async () => {
    const res = await post(
      { title: 'x', organisation: 'bolton' },
      bearer(fx.tokens.readOnlyEditor),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('write');
  });

  it('answers an unknown route with 404 in the same error shape', async () => {
    const res = await t.app.inject('/api/v1/nothing-here?x=1');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'not_found', message: 'No route for GET /api/v1/nothing-here' },
    });
  });
});
