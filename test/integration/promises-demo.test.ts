import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROMISES } from '../../src/demo/promises/seed-promises.js';
import { dayOfTerm } from '../../src/features/promises/term.js';
import { seedDemo } from '../../src/demo/seed.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { $ } from '../helpers/pages.js';
import { todayIso } from '../../src/features/promises/index.js';

interface Listed {
  term: { start: string; day: number };
  total: number;
  results: { slug: string; owner: { slug: string }; suggested_status: string | null }[];
}
interface Detail {
  history: { date: string; evidence: { url: string; kind: string }[] }[];
  indicators: { slug: string; latest: { value: number } | null; dataset: { url: string } | null }[];
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.ctx, { force: false, largeRows: 2_000 });
}, 240_000);
afterAll(() => t.close());

describe('the demo promise tracker', () => {
  it('counts the days of the term from the mayor taking office in May 2024', async () => {
    const list = (await t.app.inject({ url: '/api/v1/promises?per_page=100' })).json<Listed>();
    const day = dayOfTerm('2024-05-10', todayIso());
    expect(list.term).toEqual({ start: '2024-05-10', day });
    const page = $((await t.app.inject({ url: '/promises' })).body);
    expect(page('#term-day').text().trim()).toBe(`Day ${String(day)} of the mayor’s term`);
  });

  it('has 20+ promises owned by demo organisations, each with a dated, evidenced history', async () => {
    const list = (await t.app.inject({ url: '/api/v1/promises?per_page=100' })).json<Listed>();
    expect(list.total).toBe(DEMO_PROMISES.length);
    expect(list.total).toBeGreaterThanOrEqual(20);
    const start = list.term.start;
    let withHistory = 0;
    for (const p of list.results) {
      const d = (await t.app.inject({ url: `/api/v1/promises/${p.slug}` })).json<Detail>();
      expect(d.history.length).toBeLessThanOrEqual(4);
      if (d.history.length > 0) withHistory++;
      for (const h of d.history) {
        expect(h.date >= start && h.date <= todayIso(), `${p.slug} ${h.date}`).toBe(true);
        expect(h.evidence.length).toBeGreaterThan(0);
      }
      // Every dataset the evidence links to is a real page of the demo.
      for (const e of d.history.flatMap((h) => h.evidence).filter((x) => x.kind === 'dataset')) {
        expect((await t.app.inject({ url: e.url })).statusCode, e.url).toBe(200);
      }
    }
    expect(withHistory).toBeGreaterThanOrEqual(20);
  }, 60_000);

  it('measures promises with the demo indicators, over the demo data', async () => {
    const d = (
      await t.app.inject({ url: '/api/v1/promises/full-fibre-for-every-home' })
    ).json<Detail>();
    expect(d.indicators.map((i) => i.slug)).toEqual(['full-fibre-coverage']);
    expect(d.indicators[0]?.latest).not.toBeNull();
    expect(d.indicators[0]?.dataset?.url).toBe('/datasets/full-fibre-gigabit-coverage');
    const list = (await t.app.inject({ url: '/api/v1/promises?per_page=100' })).json<Listed>();
    const fibre = list.results.find((p) => p.slug === 'full-fibre-for-every-home');
    expect(fibre?.suggested_status).not.toBeNull();
    const page = $((await t.app.inject({ url: '/promises' })).body);
    const img = page('[data-slug="full-fibre-for-every-home"] img');
    expect(img.attr('src')).toBe('/indicators/full-fibre-coverage/sparkline.svg');
    const promise = $((await t.app.inject({ url: '/promises/full-fibre-for-every-home' })).body);
    expect(promise('a[href="/indicators/full-fibre-coverage"]').length).toBeGreaterThan(0);
    expect(promise('a[href="/datasets/full-fibre-gigabit-coverage"]').length).toBeGreaterThan(0);
  });
});
