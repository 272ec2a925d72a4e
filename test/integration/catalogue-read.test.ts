import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveRegion } from '../../src/features/region/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';

let t: TestApp;
let fx: Fixture;
beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
});
afterAll(() => t.close());

describe('reading the catalogue', () => {
  it('lists organisations with the number of datasets a visitor can see', async () => {
    const res = await t.app.inject('/api/v1/organisations');
    expect(res.statusCode).toBe(200);
    const orgs = res.json<{ results: { slug: string; dataset_count: number }[] }>().results;
    expect(orgs.map((o) => [o.slug, o.dataset_count])).toEqual([
      ['bolton', 2],
      ['wigan', 1],
    ]);
  });

  it('shows a member the private and draft datasets of their organisation in the counts', async () => {
    const res = await t.app.inject({
      url: '/api/v1/organisations/bolton',
      headers: bearer(fx.tokens.member),
    });
    expect(res.json<{ dataset_count: number }>().dataset_count).toBe(4);
  });

  it('shows a dataset with its organisation, licence, themes and resources', async () => {
    const res = await t.app.inject('/api/v1/datasets/bus-punctuality');
    expect(res.statusCode).toBe(200);
    const d = res.json<Record<string, unknown>>();
    expect(d).toMatchObject({
      slug: 'bus-punctuality',
      title: 'Bus punctuality',
      organisation: { slug: 'bolton', name: 'Bolton Council' },
      licence: { id: 'OGL-UK-3.0' },
      tags: ['buses', 'punctuality'],
      themes: [{ slug: 'transport', title: 'Transport' }],
      state: 'active',
      visibility: 'public',
      resources: [],
    });
  });

  it('lists themes and tags with counts of visible datasets only', async () => {
    const themes = (await t.app.inject('/api/v1/themes')).json<{
      results: { slug: string; dataset_count: number }[];
    }>().results;
    expect(themes.find((x) => x.slug === 'transport')?.dataset_count).toBe(1);
    expect(themes.find((x) => x.slug === 'environment')?.dataset_count).toBe(2);
    const tags = (await t.app.inject('/api/v1/tags')).json<{ results: { tag: string }[] }>()
      .results;
    expect(tags.map((x) => x.tag)).not.toContain('internal');
    expect(tags.map((x) => x.tag)).toContain('buses');
  });

  it('answers 404 in the standard error shape for an unknown dataset', async () => {
    const res = await t.app.inject('/api/v1/datasets/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'not_found', message: 'Dataset nope was not found' },
    });
  });

  it('describes the region once it has one', async () => {
    expect((await t.app.inject('/api/v1/region')).statusCode).toBe(404);
    const boundary = {
      type: 'Polygon',
      coordinates: [
        [
          [-2.5, 53.4],
          [-2, 53.4],
          [-2, 53.6],
          [-2.5, 53.4],
        ],
      ],
    };
    await saveRegion(t.ctx, {
      id: 'r1',
      slug: 'greater-manchester',
      name: 'Greater Manchester',
      boundary: JSON.stringify(boundary),
      settings: JSON.stringify({ areaCode: 'E47000001' }),
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    const res = await t.app.inject('/api/v1/region');
    expect(res.json()).toMatchObject({
      name: 'Greater Manchester',
      area_code: 'E47000001',
      boundary,
    });
  });
});
