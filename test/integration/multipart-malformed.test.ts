import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { $, h1, PageClient } from '../helpers/pages.js';

let t: TestApp;
let fx: Fixture;

beforeAll(async () => {
  t = await createTestApp({ maxUploadBytes: 4096 });
  fx = await seedFixture(t.ctx);
  await setPassword(t.ctx, 'editor@bolton.example', 'correct horse battery staple');
});
afterAll(() => t.close());

const B = 'xyzBOUNDARYxyz';
const file = (content: string, name = 'file') =>
  `--${B}\r\nContent-Disposition: form-data; name="${name}"; filename="a.csv"\r\n` +
  `Content-Type: text/csv\r\n\r\n${content}\r\n`;
const field = (name: string, value: string) =>
  `--${B}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

const CASES: [string, string, string, number][] = [
  ['a truncated body', `multipart/form-data; boundary=${B}`, file('a,b\n1,2').slice(0, 60), 400],
  ['a missing boundary', 'multipart/form-data', `${file('a,b\n1,2')}--${B}--\r\n`, 400],
  [
    'a wrong boundary',
    'multipart/form-data; boundary=other',
    `${file('a,b\n1,2')}--${B}--\r\n`,
    400,
  ],
  [
    'a part without headers',
    `multipart/form-data; boundary=${B}`,
    `--${B}\r\n\r\nhello\r\n--${B}--\r\n`,
    422,
  ],
  [
    'a file too large',
    `multipart/form-data; boundary=${B}`,
    `${file('x'.repeat(10_000))}--${B}--\r\n`,
    413,
  ],
  [
    'too many parts',
    `multipart/form-data; boundary=${B}`,
    `${Array.from({ length: 30 }, (_, i) => field('name', `v${String(i)}`)).join('')}--${B}--\r\n`,
    413,
  ],
];

describe('a malformed multipart body is a 4xx in the one error shape, never a 500', () => {
  it.each(CASES)('%s', async (_name, type, payload, status) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/datasets/bus-punctuality/resources',
      headers: { ...bearer(fx.tokens.editor), 'content-type': type },
      payload,
    });
    expect(res.statusCode, res.body).toBe(status);
    const { error } = res.json<{ error: { code: string; message: string } }>();
    expect(error.message.length).toBeGreaterThan(10);
    // Nothing was added.
    const list = await t.app.inject('/api/v1/datasets/bus-punctuality/resources');
    expect(list.json<{ total: number }>().total).toBe(0);
  });
});

describe('a malformed multipart body on the upload page', () => {
  it('is a 400 GOV.UK page with its headers, and adds nothing', async () => {
    const browser = new PageClient(t.app);
    await browser.signIn('editor@bolton.example', 'correct horse battery staple');
    const url = '/publish/datasets/bus-punctuality/upload';
    const csrf = await browser.csrfFrom(url);
    const whole = `${field('_csrf', csrf)}${file('a,b\n1,2')}--${B}--\r\n`;
    const res = await browser.upload(url, {
      body: Buffer.from(whole.slice(0, whole.length - 30)),
      contentType: `multipart/form-data; boundary=${B}`,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-security-policy']).toBeTruthy();
    expect(h1(res.body)).toBe('There is a problem with the request');
    expect($(res.body)('main').text()).toMatch(/upload could not be read .*send it again whole/);
    const list = await t.app.inject('/api/v1/datasets/bus-punctuality/resources');
    expect(list.json<{ total: number }>().total).toBe(0);
  });
});
