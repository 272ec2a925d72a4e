import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedChallenges } from '../../src/demo/challenges/seed-challenges.js';
import { seedDemo } from '../../src/demo/seed.js';
import { actorForUser, findUser, SESSION_SCOPES } from '../../src/features/accounts/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import type { ChallengeBody, EntryListBody } from '../helpers/challenge-fixture.js';
import { $ } from '../helpers/pages.js';

// The demo's challenges: the mayor's office's open digital-inclusion challenge linked to the
// broadband promise, and a decided one from early in the term, with synthetic entries.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx, { force: false, largeRows: 2_000 });
}, 240_000);
afterAll(() => t.close());

describe('the demo challenges', () => {
  it('has the open digital-inclusion challenge, on the broadband promise’s page too', async () => {
    const res = await t.app.inject({ url: '/api/v1/challenges/get-every-household-online' });
    const c = res.json<ChallengeBody & { problem: string }>();
    expect(c).toMatchObject({
      status: 'open',
      promise: { slug: 'full-fibre-for-every-home' },
      entries_public: false,
      entry_count: 2,
    });
    expect(c.datasets.map((d) => d.slug)).toEqual([
      'full-fibre-gigabit-coverage',
      'digital-skills-course-enrolments',
      'oldham-digital-support-venues',
    ]);
    expect(c.problem).toContain('SYNTHETIC demo content');
    const promise = await t.app.inject({ url: '/promises/full-fibre-for-every-home' });
    expect($(promise.body)('#challenges + ul a').text()).toBe('Get every household online');
  });

  it('has a decided challenge with fixed dates, a winner, a commendation and an outcome', async () => {
    const res = await t.app.inject({ url: '/api/v1/challenges/bus-delays-you-can-see' });
    expect(res.json<ChallengeBody & { deadline: string }>()).toMatchObject({
      status: 'decided',
      deadline: '2024-11-26T17:00:00.000Z',
      entries_public: true,
    });
    const entries = await t.app.inject({
      url: '/api/v1/challenges/bus-delays-you-can-see/entries',
    });
    const list = entries.json<EntryListBody>();
    expect(list.results.map((e) => e.award)).toEqual(['winner', 'commended', null]);
    expect(list.results[0]?.members).toEqual([
      { name: 'Grace Okafor (synthetic)', role: 'lead' },
      { name: 'Dev Patel (synthetic)', role: 'member' },
    ]);
    const page = $((await t.app.inject({ url: '/challenges' })).body);
    expect(page('[data-status="decided"] a').text()).toBe('Bus delays you can see');
    expect(page('[data-status="open"] a').text()).toBe('Get every household online');
  });

  it('adds nothing when seeded again', async () => {
    const bot = await findUser(t.ctx, 'demo@metrodata.invalid');
    const actor = await actorForUser(t.ctx, bot?.id ?? '', SESSION_SCOPES);
    expect(await seedChallenges(t.ctx, actor)).toBe(0);
    const all = await t.app.inject({ url: '/api/v1/challenges' });
    expect(all.json<{ total: number }>().total).toBe(2);
  });
});
