import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  HarvestFetcher,
  HarvestFilters,
  HarvestedDataset,
} from '../../src/features/harvest/harvest-record.js';
import { dcatHarvester } from '../../src/features/harvest/harvesters/dcat.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { linkAirQualityGeoJson, uploadPunctualityCsv } from '../helpers/dcat-fixture.js';

// Metrodata harvesting Metrodata: the catalogue our own DCAT writer publishes at /catalog.ttl,
// /catalog.rdf (RDF/XML) and /catalog.jsonld, read back by the DCAT harvester, gives back the
// datasets as they were published, whichever syntax it was read in.

let t: TestApp;
let fx: Fixture;
let csvUrl: string;
const BASE = 'http://localhost:8080';
const requested: string[] = [];

/** The harvest's fetcher, answered by the app itself (4xx/5xx throw, as the real one does). */
const fetcher: HarvestFetcher = {
  async get(url, accept) {
    requested.push(url);
    if (!url.startsWith(`${BASE}/`)) throw new Error(`Not this site: ${url}`);
    const res = await t.app.inject({
      method: 'GET',
      url: url.slice(BASE.length),
      headers: accept ? { accept } : {},
    });
    if (res.statusCode >= 300) throw new Error(`${res.statusCode} from ${url}`);
    return { url, body: res.body, contentType: String(res.headers['content-type']) };
  },
};

async function harvest(
  filters: HarvestFilters = {},
  extension = 'ttl',
): Promise<HarvestedDataset[]> {
  requested.length = 0;
  const found: HarvestedDataset[] = [];
  const url = `${BASE}/catalog.${extension}`;
  for await (const item of dcatHarvester({ url, filters, fetcher })) {
    if (!('dataset' in item)) throw new Error(`Not a dataset: ${JSON.stringify(item)}`);
    found.push(item.dataset);
  }
  return found;
}

const bySlug = (found: HarvestedDataset[], slug: string) => {
  const d = found.find((x) => x.identifier === `${BASE}/dataset/${slug}`);
  if (!d) throw new Error(`${slug} was not harvested`);
  return d;
};

beforeAll(async () => {
  // Two datasets a page, so the three public datasets take two pages.
  t = await createTestApp({ baseUrl: BASE, dcatPageSize: 2 });
  fx = await seedFixture(t.ctx);
  csvUrl = (await uploadPunctualityCsv(t, fx)).url;
  await linkAirQualityGeoJson(
    t,
    fx,
    'Diffusion tube readings',
    'https://example.org/air-quality.geojson',
  );
  const patch = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/datasets/bus-punctuality',
    headers: bearer(fx.tokens.editor),
    payload: {
      update_frequency: 'monthly',
      temporal_coverage: { start: '2024-01-01', end: '2024-12-31' },
      contact: { name: 'Transport data team', email: 'transport.data@bolton.example' },
    },
  });
  expect(patch.statusCode, patch.body).toBe(200);
});
afterAll(() => t.close());

describe('harvesting another Metrodata over DCAT', () => {
  it('reads the public datasets across both catalogue pages', async () => {
    const found = await harvest();
    expect(requested).toEqual([`${BASE}/catalog.ttl`, `${BASE}/catalog.ttl?page=2`]);
    expect(found.map((d) => d.title).sort()).toEqual([
      'Air quality monitoring',
      'Bus punctuality',
      'Fly-tipping reports',
    ]);
  });

  it('gives back titles, licences, publishers, contacts and distributions', async () => {
    const found = await harvest();
    const bus = bySlug(found, 'bus-punctuality');
    expect(bus).toMatchObject({
      title: 'Bus punctuality',
      description: 'How often buses leave on time, by route and month.',
      licence: 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      tags: ['buses', 'punctuality'],
      landingPage: `${BASE}/datasets/bus-punctuality`,
      publisher: 'Bolton Council',
      contactName: 'Transport data team',
      contactEmail: 'transport.data@bolton.example',
      updateFrequency: 'MONTHLY',
      temporalStart: '2024-01-01',
      temporalEnd: '2024-12-31',
    });
    expect(bus.modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(bus.resources).toEqual([
      expect.objectContaining({
        url: csvUrl,
        name: 'punctuality.csv',
        format: 'CSV',
        mediaType: 'text/csv',
      }),
    ]);
    expect(bus.resources[0]?.size).toBeGreaterThan(0);

    const air = bySlug(found, 'air-quality');
    expect(air).toMatchObject({
      title: 'Air quality monitoring',
      licence: 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0',
      publisher: 'Wigan Council',
      tags: ['air quality', 'pollution'],
    });
    expect(air.resources).toEqual([
      expect.objectContaining({
        url: 'https://example.org/air-quality.geojson',
        name: 'Diffusion tube readings',
        format: 'GeoJSON',
      }),
    ]);
    expect(bySlug(found, 'fly-tipping-reports').resources).toEqual([]);
  });

  it.each([
    ['rdf', 'RDF/XML'],
    ['jsonld', 'JSON-LD'],
  ])('reads the catalogue in %s (%s) as it reads the Turtle, page by page', async (ext) => {
    const turtle = await harvest();
    const other = await harvest({}, ext);
    expect(requested).toEqual([`${BASE}/catalog.${ext}`, `${BASE}/catalog.${ext}?page=2`]);
    const byId = (list: HarvestedDataset[]) =>
      [...list].sort((a, b) => a.identifier.localeCompare(b.identifier));
    expect(byId(other)).toEqual(byId(turtle));
    expect(other).toHaveLength(3);
  });

  it('applies the filters to what the catalogue lists', async () => {
    const wigan = await harvest({ organisation: 'wigan council' });
    expect(wigan.map((d) => d.title)).toEqual(['Air quality monitoring']);
    const waste = await harvest({ tag: 'waste' });
    expect(waste.map((d) => d.title)).toEqual(['Fly-tipping reports']);
  });
});
