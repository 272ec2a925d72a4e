import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset, addLinkResource } from '../../src/features/catalog/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture } from '../helpers/fixture.js';

interface SearchBody {
  total: number;
  page: number;
  per_page: number;
  results: { slug: string; formats: string[] }[];
  facets: Record<string, { value: string; label: string; count: number }[]>;
}

let t: TestApp;
const search = async (qs: string) => {
  const res = await t.app.inject(`/api/v1/datasets?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SearchBody>();
};
const slugs = (b: SearchBody) => b.results.map((r) => r.slug);

beforeAll(async () => {
  t = await createTestApp();
  const { editorActor, wiganActor } = await seedFixture(t.ctx);
  // Three datasets that mention "tram" in a different field each, to check the ranking.
  await createDataset(t.ctx, editorActor, {
    slug: 'in-description',
    title: 'Passenger journeys',
    organisation: 'bolton',
    description: 'Counts include tram and train journeys.',
  });
  await createDataset(t.ctx, editorActor, {
    slug: 'in-tags',
    title: 'Stop locations',
    organisation: 'bolton',
    tags: ['tram'],
  });
  await createDataset(t.ctx, editorActor, {
    slug: 'in-title',
    title: 'Tram stops',
    organisation: 'bolton',
  });
  await addLinkResource(t.ctx, editorActor, 'in-title', {
    name: 'Stops',
    url: 'https://example.org/stops.geojson',
  });
  await addLinkResource(t.ctx, wiganActor, 'air-quality', {
    name: 'Readings',
    url: 'https://example.org/no2.csv',
  });
});
afterAll(() => t.close());

describe('dataset search', () => {
  it('ranks a match in the title over tags over description', async () => {
    expect(slugs(await search('q=tram'))).toEqual(['in-title', 'in-tags', 'in-description']);
  });

  it('stems English words, so "buses" finds "bus" and "bus" finds "buses"', async () => {
    expect(slugs(await search('q=bus'))).toContain('bus-punctuality');
    expect(slugs(await search('q=punctual+buses'))).toEqual(['bus-punctuality']);
  });

  it('matches the last word as a prefix while typing', async () => {
    expect(slugs(await search('q=punctu'))).toEqual(['bus-punctuality']);
    expect(slugs(await search('q=air+qual'))).toEqual(['air-quality']);
  });

  it('requires every word to match', async () => {
    expect((await search('q=tram+nitrogen')).total).toBe(0);
  });

  it('filters by organisation, theme, tag, format and licence', async () => {
    expect(slugs(await search('organisation=wigan'))).toEqual(['air-quality']);
    expect(slugs(await search('theme=service-requests'))).toEqual(['fly-tipping-reports']);
    expect(slugs(await search('tag=Waste'))).toEqual(['fly-tipping-reports']);
    expect(slugs(await search('format=geojson'))).toEqual(['in-title']);
    expect(slugs(await search('licence=CC-BY-4.0'))).toEqual(['air-quality']);
    expect(slugs(await search('theme=environment&theme=transport&sort=title'))).toEqual([
      'air-quality',
      'bus-punctuality',
      'fly-tipping-reports',
    ]);
  });

  it('counts each facet with the other filters applied but not its own', async () => {
    const body = await search('organisation=wigan&theme=environment');
    expect(body.total).toBe(1);
    // Organisation counts ignore the organisation filter, so other choices stay visible.
    expect(body.facets.organisation).toEqual([
      { value: 'bolton', label: 'Bolton Council', count: 1 },
      { value: 'wigan', label: 'Wigan Council', count: 1 },
    ]);
    // Theme counts apply the organisation filter.
    expect(body.facets.theme?.map((f) => [f.value, f.count])).toEqual([['environment', 1]]);
    expect(body.facets.licence).toEqual([
      { value: 'CC-BY-4.0', label: 'Creative Commons Attribution 4.0', count: 1 },
    ]);
    expect(body.facets.format).toEqual([{ value: 'CSV', label: 'CSV', count: 1 }]);
  });

  it('sorts by title or newest and pages through results', async () => {
    const all = await search('sort=title&per_page=100');
    const titles = all.results.map((r) => r.slug);
    expect(all.total).toBe(6);
    const first = await search('sort=title&per_page=4&page=1');
    const second = await search('sort=title&per_page=4&page=2');
    expect([...slugs(first), ...slugs(second)]).toEqual(titles);
    expect(second.page).toBe(2);
    // Adding a resource counts as a change to its dataset.
    expect(slugs(await search('sort=modified&per_page=1'))).toEqual(['air-quality']);
  });

  it('treats search syntax in the query as plain words', async () => {
    for (const q of [
      '"tram',
      'tram OR bus',
      'tram*',
      'NOT tram',
      '{title}: tram',
      "tram'; --",
      '(((',
    ]) {
      const res = await t.app.inject(`/api/v1/datasets?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
    }
  });

  it('rejects unknown parameters and bad values with a clear 400', async () => {
    const unknown = await t.app.inject('/api/v1/datasets?colour=red');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: {
        code: 'invalid_request',
        details: [{ field: 'colour', message: 'is not a known parameter' }],
      },
    });
    expect((await t.app.inject('/api/v1/datasets?per_page=1001')).statusCode).toBe(400);
    expect((await t.app.inject('/api/v1/datasets?sort=popular')).statusCode).toBe(400);
    expect((await t.app.inject('/api/v1/datasets?page=0')).statusCode).toBe(400);
  });
});
