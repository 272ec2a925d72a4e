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
  for (const email of ['editor@bolton.example', 'editor@wigan.example', 'admin@example.org']) {
    await setPassword(t.ctx, email, PASSWORD);
  }
});
afterAll(() => t.close());

/** One sign-in attempt from `address`, as a browser there would make it. */
async function attempt(email: string, password: string, address: string) {
  const browser = new PageClient(t.app, { remoteAddress: address });
  return browser.signIn(email, password);
}

const statuses = (results: { statusCode: number }[]) =>
  results.reduce<Record<number, number>>((acc, r) => {
    acc[r.statusCode] = (acc[r.statusCode] ?? 0) + 1;
    return acc;
  }, {});

const retryAfter = (res: { body: string }) => {
  const text = $(res.body)('.govuk-error-summary').text();
  const m = /Try again in (\d+) (second|minute)s?/.exec(text);
  if (!m) throw new Error(`No waiting time in: ${text}`);
  return Number(m[1]) * (m[2] === 'minute' ? 60 : 1);
};

/** Lets the waiting time pass, as the clock would (the back-off is kept in the database). */
const letBackOffPass = () =>
  t.ctx.db.kysely
    .updateTable('sign_in_attempts')
    .set({ blocked_until: '2000-01-01T00:00:00.000Z' })
    .execute();

describe('guessing passwords in parallel', () => {
  it('verifies at most five of 40 concurrent wrong passwords for one account', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        attempt('editor@bolton.example', `wrong ${i}`, '198.51.100.7'),
      ),
    );
    // 401: the password was checked and was wrong; 429: refused before any check.
    expect(statuses(results)).toEqual({ 401: 5, 429: 35 });
  });

  it('does not sign in with the right password among 30 parallel guesses while throttled', async () => {
    const guesses = Array.from({ length: 30 }, (_, i) => (i === 17 ? PASSWORD : `guess ${i}`));
    const results = await Promise.all(
      guesses.map((g) => attempt('editor@bolton.example', g, '198.51.100.8')),
    );
    expect(statuses(results)).toEqual({ 429: 30 });
    expect(results.some((r) => r.cookies.some((c) => c.name === 'md_session'))).toBe(false);
    const page = $(results[17]?.body ?? '');
    expect(page('title').text()).toMatch(/^Error: Sign in/);
    expect(page('.govuk-error-summary').text()).toContain('Too many attempts');
    // The way in that an attacker cannot block: a link by e-mail.
    expect(page('a[href="/sign-in/link"]').length).toBeGreaterThan(0);
  });

  it('records each throttled attempt on the account’s activity', async () => {
    const rows = await t.ctx.db.kysely
      .selectFrom('activities')
      .innerJoin('users', 'users.id', 'activities.subject_id')
      .select(['activities.action', 'activities.diff'])
      .where('users.email', '=', 'editor@bolton.example')
      .where('activities.action', '=', 'user.sign-in-throttled')
      .orderBy('activities.id')
      .execute();
    expect(rows.length).toBe(35 + 30);
    expect(rows[0]?.diff).toContain('198.51.100.7');
  });
});

describe('the real user', () => {
  it('still signs in from an address they signed in from before, while attacked from elsewhere', async () => {
    const home = '203.0.113.10';
    expect((await attempt('editor@wigan.example', PASSWORD, home)).statusCode).toBe(303);
    // An attacker elsewhere exhausts the account's free attempts ...
    for (let i = 0; i < 5; i++) {
      expect((await attempt('editor@wigan.example', `x${i}`, '192.0.2.66')).statusCode).toBe(401);
    }
    expect((await attempt('editor@wigan.example', PASSWORD, '192.0.2.67')).statusCode).toBe(429);
    // ... but the usual address is throttled only by its own failures: a typo, then in.
    expect((await attempt('editor@wigan.example', 'typo', home)).statusCode).toBe(401);
    const res = await attempt('editor@wigan.example', PASSWORD, home);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/publish');
  });
});

describe('the back-off', () => {
  it('doubles with each failure after the free ones, and never locks for good', async () => {
    const address = '192.0.2.90';
    for (let i = 0; i < 5; i++) {
      expect((await attempt('admin@example.org', `no ${i}`, address)).statusCode).toBe(401);
    }
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const refused = await attempt('admin@example.org', PASSWORD, address);
      expect(refused.statusCode).toBe(429);
      waits.push(retryAfter(refused));
      await letBackOffPass();
      expect((await attempt('admin@example.org', `again ${round}`, address)).statusCode).toBe(401);
    }
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[1]).toBe((waits[0] ?? 0) * 2);
    expect(waits[2]).toBe((waits[1] ?? 0) * 2);
    // Once the wait has passed, the right password works, and clears the count.
    await letBackOffPass();
    expect((await attempt('admin@example.org', PASSWORD, address)).statusCode).toBe(303);
    expect((await attempt('admin@example.org', 'one typo', address)).statusCode).toBe(401);
    expect((await attempt('admin@example.org', PASSWORD, address)).statusCode).toBe(303);
  });

  it('answers an unknown address exactly as a known one', async () => {
    const address = '192.0.2.120';
    const unknown = [];
    for (let i = 0; i < 6; i++) unknown.push(await attempt('nobody@example.org', `p${i}`, address));
    expect(unknown.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401, 429]);
    expect($(unknown[5]?.body ?? '')('.govuk-error-summary').text()).toMatch(
      /Too many attempts\. Try again in 30 seconds/,
    );
  });

  it('limits one address guessing across many accounts', async () => {
    const address = '192.0.2.150';
    const results = [];
    for (let i = 0; i < 21; i++) {
      results.push(await attempt(`person${i}@example.org`, 'password1', address));
    }
    expect(results.slice(0, 20).every((r) => r.statusCode === 401)).toBe(true);
    expect(results[20]?.statusCode).toBe(429);
    // Another address is not affected.
    expect((await attempt('person99@example.org', 'password1', '192.0.2.151')).statusCode).toBe(
      401,
    );
  });
});
