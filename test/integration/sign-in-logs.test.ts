import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { findUser, setPassword } from '../../src/features/accounts/index.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { seedFixture } from '../helpers/fixture.js';
import { decodedBody, readOutbox } from '../helpers/mail.js';
import { PageClient } from '../helpers/pages.js';

// The operator's view: what the logs say about throttled sign-ins and sign-in links.
let ctx: TestContext;
let app: FastifyInstance;
const lines: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ logLevel: 'info' });
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  app = await buildApp(ctx, { logStream });
  await app.ready();
  await seedFixture(ctx);
  await setPassword(ctx, 'editor@bolton.example', 'correct horse battery staple');
});
afterAll(async () => {
  await app.close();
  await ctx.cleanup();
});

const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

it('logs each throttled attempt as a warning with the account, the address and the wait', async () => {
  for (let i = 0; i < 6; i++) {
    await new PageClient(app, { remoteAddress: '192.0.2.5' }).signIn(
      'editor@bolton.example',
      `${i}`,
    );
  }
  const user = await findUser(ctx, 'editor@bolton.example');
  const warnings = entries().filter((e) => e.msg === 'sign-in throttled');
  expect(warnings).toHaveLength(1);
  expect(warnings[0]?.level).toBe(40);
  expect(warnings[0]?.throttle).toEqual({
    account: user?.id,
    address: '192.0.2.5',
    limit: 'account',
    retry_after_seconds: 30,
  });
});

it('never writes a sign-in link’s secret into the logs', async () => {
  const browser = new PageClient(app, { remoteAddress: '192.0.2.6' });
  await browser.post(
    '/sign-in/link',
    { email: 'editor@bolton.example' },
    { from: '/sign-in/link' },
  );
  const mail = decodedBody((await readOutbox(ctx)).at(-1) ?? '');
  const path = /\/sign-in\/link\/[\w-]+/.exec(mail)?.[0] ?? '';
  const token = path.split('/').at(-1) ?? '';
  expect(token.length).toBeGreaterThan(40);
  await browser.get(path);
  await browser.post(path, {}, { from: path });
  expect(browser.cookies.has('md_session')).toBe(true);
  expect(lines.some((l) => l.includes(token))).toBe(false);
  expect(lines.some((l) => l.includes('/sign-in/link/[redacted]'))).toBe(true);
});
