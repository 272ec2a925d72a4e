import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchDataset } from '../../src/features/catalog/index.js';
import { rescorePass, scoreDatasets } from '../../src/features/quality/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';

// Openness stars and metadata quality as search facets and fields: a visitor narrows the
// catalogue to the datasets rated as they need, and sees each result's rating.

let t: TestApp;
let fx: Fixture;

interface Facet {
  value: string;
  label: string;
  count: number;
}
interface Found {
  total: number;
  results: { slug: string; openness_stars: number | null; metadata_quality: string | null }[];
  facets: Record<string, Facet[]>;
}

const search = async (query: string, token?: string) => {
  const res = await t.app.inject({
    url: `/api/v1/datasets?${query}`,
    ...(token ? { headers: bearer(token) } : {}),
  });
  expect(res.statusCode).toBe(200);
  return res.json<Found>();
};

const stars = async (slug: string) => {
  const res = await t.app.inject({ url: `/api/v1/quality/datasets/${slug}` });
  return res.json<{ stars: number; metadata: { rating: string } }>();
};

const generation = async () =>
  (
    await t.ctx.db.kysely
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'search_generation')
      .executeTakeFirstOrThrow()
  ).value;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
});
afterAll(() => t.close());

describe('quality in search', () => {
  it('leaves a dataset unrated, and out of the facets, until it is scored', async () => {
    const found = await search('');
    expect(found.results.every((r) => r.openness_stars === null)).toBe(true);
    expect(found.facets.openness).toEqual([]);
    expect(found.facets.quality).toEqual([]);
  });

  it('rates every result as the quality API does, and counts the ratings, best first', async () => {
    await rescorePass(t.ctx);
    const found = await search('');
    expect(found.total).toBe(3);
    for (const r of found.results) {
      const q = await stars(r.slug);
      expect(r.openness_stars).toBe(q.stars);
      expect(r.metadata_quality).toBe(q.metadata.rating);
    }
    const counted = found.facets.openness?.reduce((n, f) => n + f.count, 0);
    expect(counted).toBe(3);
    const values = (found.facets.openness ?? []).map((f) => Number(f.value));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(found.facets.quality?.[0]?.label).toMatch(/^(Excellent|Good|Sufficient|Bad)$/);
  });

  it('narrows to the stars asked for, and says what is wrong with a bad filter', async () => {
    const before = await stars('air-quality');
    const found = await search(`openness=${String(before.stars)}`);
    expect(found.results.map((r) => r.slug)).toContain('air-quality');
    expect(found.results.every((r) => r.openness_stars === before.stars)).toBe(true);

    const bad = await t.app.inject({ url: '/api/v1/datasets?openness=6' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toMatch(/openness/);
  });

  it('moves a dataset between facets when its score changes', async () => {
    await patchDataset(t.ctx, fx.wiganActor, 'air-quality', { licence: 'other-closed' });
    await rescorePass(t.ctx);
    expect((await stars('air-quality')).stars).toBe(0);
    const none = await search('openness=0');
    expect(none.results.map((r) => r.slug)).toEqual(['air-quality']);
    expect(none.facets.openness?.find((f) => f.value === '0')).toMatchObject({
      label: 'No stars',
      count: 1,
    });
  });

  it('counts private datasets only for those who may read them', async () => {
    await rescorePass(t.ctx);
    const anonymous = await search('');
    const editor = await search('', fx.tokens.editor);
    const sum = (f: Found) => (f.facets.openness ?? []).reduce((n, v) => n + v.count, 0);
    expect(sum(anonymous)).toBe(anonymous.total);
    expect(sum(editor)).toBe(editor.total);
    expect(editor.total).toBeGreaterThan(anonymous.total);
  });

  it('does not touch search when a rescore finds the same ratings', async () => {
    const ids = (await t.ctx.db.kysely.selectFrom('datasets').select('id').execute()).map(
      (d) => d.id,
    );
    const at = await generation();
    await scoreDatasets(t.ctx, ids);
    expect(await generation()).toBe(at);
  });

  it('offers the facets on the search page, and shows each result’s rating', async () => {
    const res = await t.app.inject({
      url: '/datasets?quality=' + (await stars('bus-punctuality')).metadata.rating,
    });
    expect(res.statusCode).toBe(200);
    const $ = load(res.body);
    const legends = $('legend')
      .map((_, el) => $(el).text().trim())
      .get();
    expect(legends).toEqual(expect.arrayContaining(['Openness', 'Metadata quality']));
    expect($('.app-dataset-list__item').first().text()).toMatch(/Openness: \d stars?|No stars/);
    expect($('input[name="quality"]:checked')).toHaveLength(1);
  });
});
