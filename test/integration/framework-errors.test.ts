import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';

let t: TestApp;
let fx: Fixture;
let port = 0;

beforeAll(async () => {
  t = await createTestApp({ maxBodyBytes: 2048 });
  fx = await seedFixture(t.ctx);
  // Some errors happen in Node's HTTP parser, before Fastify routes anything: a real socket.
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

interface Answer {
  status: number;
  type: string;
  csp: string;
  body: string;
}

/** A raw request over a socket: path and headers exactly as given. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'] ?? '',
          csp: String(res.headers['content-security-policy'] ?? ''),
          body,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const errorOf = (body: string) =>
  (JSON.parse(body) as { error: { code: string; message: string } }).error;

describe("Fastify's and Node's own errors answer in the one error shape", () => {
  it.each([
    ['a malformed URL', '/api/v1/datasets/%E0%A4%A', 400, 'invalid_request'],
    ['an unknown route', '/api/v1/nothing', 404, 'not_found'],
  ])('%s', async (_name, path, status, code) => {
    const res = await raw(path);
    expect(res.status, res.body).toBe(status);
    expect(res.type, res.body).toMatch(/^application\/json/);
    expect(errorOf(res.body).code).toBe(code);
  });

  it('a URI too long (414)', async () => {
    const res = await raw(`/api/v1/datasets/${'a'.repeat(300)}`);
    expect(res.status, res.body).toBe(414);
    expect(errorOf(res.body).code).toBe('uri_too_long');
  });

  it('headers too large (431)', async () => {
    const res = await raw('/api/v1/datasets', { 'x-big': 'a'.repeat(20_000) });
    expect(res.status, res.body).toBe(431);
    expect(errorOf(res.body).code).toBe('headers_too_large');
  });

  it('a method the route does not have (405)', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/datasets' });
    expect(res.statusCode, res.body).toBe(405);
    expect(res.headers.allow).toMatch(/GET/);
    expect(errorOf(res.body).code).toBe('method_not_allowed');
  });

  it.each([
    ['invalid JSON', 'application/json', '{"title": ', 400, 'invalid_json'],
    ['an empty JSON body', 'application/json', '', 400, 'invalid_json'],
    ['an unsupported media type', 'text/plain', 'hello', 415, 'unsupported_media_type'],
    [
      'a body too large',
      'application/json',
      `{"t":"${'x'.repeat(5000)}"}`,
      413,
      'payload_too_large',
    ],
  ])('%s', async (_name, type, payload, status, code) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/datasets',
      headers: { ...bearer(fx.tokens.editor), 'content-type': type },
      payload,
    });
    expect(res.statusCode, res.body).toBe(status);
    expect(Object.keys(res.json<object>())).toEqual(['error']);
    expect(errorOf(res.body).code).toBe(code);
  });

  it('pages answer the same failures with a GOV.UK error page', async () => {
    for (const [path, status] of [
      ['/datasets/%E0%A4%A', 400],
      [`/datasets/${'a'.repeat(300)}`, 414],
      ['/no-such-page', 404],
    ] as const) {
      const res = await raw(path);
      expect(res.status, path).toBe(status);
      expect(res.type, path).toMatch(/^text\/html/);
      // Answered with every hook run: the security headers too.
      expect(res.csp, path).toContain("default-src 'self'");
      expect(load(res.body)('h1').text().trim().length, path).toBeGreaterThan(0);
    }
  });
});
