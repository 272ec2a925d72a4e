import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLinkResource, patchDataset } from '../../src/features/catalog/index.js';
import { rescorePass } from '../../src/features/quality/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { recordBrokenLink } from '../helpers/broken-link.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';

// The quality API: a dataset's stars and points with the fixes, an organisation's scores with
// its trend, broken links and stale datasets, and the league table of the bodies.

let t: TestApp;
let fx: Fixture;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  await patchDataset(t.ctx, fx.wiganActor, 'air-quality', {
    spatial_coverage: 'Wigan',
    temporal_coverage: { start: '2023-01-01', end: '2023-12-31' },
    contact: { name: 'Air team', email: 'air@wigan.example' },
    update_frequency: 'monthly',
  });
  const link = await addLinkResource(t.ctx, fx.editorActor, 'bus-punctuality', {
    name: 'Timetable',
    url: 'https://example.org/timetable.csv',
    format: 'CSV',
  });
  // A check that found the link gone (as the link checker records it).
  await recordBrokenLink(t.ctx, link.id, 'https://example.org/timetable.csv');
  await rescorePass(t.ctx);
});
afterAll(() => t.close());

describe('the quality API', () => {
  it('answers a dataset’s stars, points per dimension and fixes', async () => {
    const res = await t.app.inject({ url: '/api/v1/quality/datasets/bus-punctuality' });
    expect(res.statusCode).toBe(200);
    const q = res.json<{
      stars: number;
      openness: { met: boolean }[];
      metadata: { total: number; max: number; dimensions: Record<string, { points: number }> };
      checks: { reason: string | null; fix: string | null }[];
      broken_links: number;
    }>();
    expect(q.stars).toBe(3);
    expect(q.openness.map((s) => s.met)).toEqual([true, true, true, false, false]);
    expect(q.metadata.max).toBe(405);
    expect(q.broken_links).toBe(1);
    expect(q.checks.map((c) => c.reason)).toContain('“Timetable”: this link answers 404');
    expect(q.checks.map((c) => c.fix)).toContain(
      'add a spatial coverage (the area the data covers)',
    );
  });

  it('compares the bodies, the best first, counting public datasets only', async () => {
    const res = await t.app.inject({ url: '/api/v1/quality/organisations' });
    expect(res.statusCode).toBe(200);
    const page = res.json<{
      total: number;
      results: {
        organisation: { slug: string };
        average_score: number;
        datasets: number;
        broken_links: number;
      }[];
    }>();
    expect(page.total).toBe(2);
    const scores = page.results.map((r) => r.average_score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Bolton's private and draft datasets are not counted.
    const bolton = page.results.find((r) => r.organisation.slug === 'bolton');
    expect(bolton).toMatchObject({ datasets: 2, broken_links: 1 });
  });

  it('shows an organisation’s scores, trend, broken links and datasets, weakest first', async () => {
    const res = await t.app.inject({ url: '/api/v1/quality/organisations/bolton?per_page=1' });
    expect(res.statusCode).toBe(200);
    const o = res.json<{
      total: number;
      results: { slug: string }[];
      trend: { day: string; datasets: number }[];
      broken_links: { resource: { name: string }; status: number }[];
      score: { datasets: number };
    }>();
    expect(o.total).toBe(2);
    expect(o.results).toHaveLength(1);
    expect(o.trend.at(-1)).toMatchObject({
      day: new Date().toISOString().slice(0, 10),
      datasets: 2,
    });
    expect(o.broken_links.map((b) => [b.resource.name, b.status])).toEqual([['Timetable', 404]]);
  });

  it('lists a stale dataset (past its update frequency)', async () => {
    await t.ctx.db.kysely
      .updateTable('quality_scores')
      .set({ due_by: '2020-01-01T00:00:00.000Z' })
      .where('organisation_id', '=', await orgId('wigan'))
      .execute();
    const res = await t.app.inject({ url: '/api/v1/quality/organisations/wigan' });
    expect(
      res.json<{ stale_datasets: { slug: string }[] }>().stale_datasets.map((s) => s.slug),
    ).toEqual(['air-quality']);
  });

  it('queues a re-check of the dataset’s links for its publisher', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/quality/datasets/bus-punctuality/recheck',
      headers: bearer(fx.tokens.editor),
    });
    // The link checker's pass waits already (queued at start): it takes the link.
    expect(res.json()).toEqual({ links: 1, queued: false });
    // Due at once, first in the next pass; the last result stands until then.
    const checks = await t.ctx.db.kysely.selectFrom('link_checks').selectAll().execute();
    expect(checks.map((c) => [c.status, c.scheduled_from])).toEqual([
      [404, '1970-01-01T00:00:00.000Z'],
    ]);
  });

  it('answers 404 and 400 in the one error shape', async () => {
    const missing = await t.app.inject({ url: '/api/v1/quality/datasets/no-such-thing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toHaveProperty('error.code', 'not_found');
    const org = await t.app.inject({ url: '/api/v1/quality/organisations/nowhere' });
    expect(org.statusCode).toBe(404);
    const bad = await t.app.inject({ url: '/api/v1/quality/organisations?per_page=0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toHaveProperty('error.code');
  });
});

async function orgId(slug: string): Promise<string> {
  const o = await t.ctx.db.kysely
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return o.id;
}
