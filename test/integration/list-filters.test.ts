import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture } from '../helpers/fixture.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedFixture(t.ctx);
});
afterAll(() => t.close());

interface ErrorBody {
  error: { code: string; message: string; details: { field: string; message: string }[] };
}

describe('an enum-like filter with a value it does not have is a 400 naming the allowed values', () => {
  it.each([
    ['/api/v1/promises?status=evil', 'status', 'kept'],
    ['/api/v1/promises?status=kept&status=evil', 'status', 'broken'],
    ['/api/v1/datasets?sort=evil', 'sort', 'relevance'],
    ['/api/v1/datasets?format=%3Cscript%3E', 'format', 'pattern'],
  ])('%s', async (url, field, allowed) => {
    const res = await t.app.inject(url);
    expect(res.statusCode, res.body).toBe(400);
    const { error } = res.json<ErrorBody>();
    expect(error.code).toBe('invalid_request');
    expect(error.details[0]?.field).toBe(field);
    expect(error.message).toContain(allowed);
  });

  it('still takes good values, one or repeated', async () => {
    for (const url of [
      '/api/v1/promises?status=kept',
      '/api/v1/promises?status=kept&status=stalled',
      '/api/v1/datasets?sort=title&format=CSV&format=xlsx',
    ]) {
      expect((await t.app.inject(url)).statusCode, url).toBe(200);
    }
  });

  it('refuses the same on the promises page, as a GOV.UK error page', async () => {
    const res = await t.app.inject('/promises?status=evil');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('not-yet-rated');
  });
});
