import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetsOf, fetcherFor } from '../../../../test/helpers/harvest.js';
import type { HarvestFetcher, HarvestFilters, HarvestItem } from '../harvest-record.js';
import { opendatasoftHarvester } from './opendatasoft.js';

const BASE = 'https://opendata.example.org';
const CATALOG = `${BASE}/api/explore/v2.1/catalog/datasets`;
const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** Three pages of 2, 2 and 1 datasets (total_count 5), as a portal capping pages at 2 would. */
const PAGES: Record<string, string> = {
  [`${CATALOG}?limit=100&offset=0`]: fixture('opendatasoft-page-1.json'),
  [`${CATALOG}?limit=100&offset=2`]: fixture('opendatasoft-page-2.json'),
  [`${CATALOG}?limit=100&offset=4`]: fixture('opendatasoft-page-3.json'),
};

async function harvest(filters: HarvestFilters = {}, pages = PAGES) {
  const fetcher = fetcherFor(pages, 500);
  const items: HarvestItem[] = [];
  for await (const item of opendatasoftHarvester({ url: BASE, filters, fetcher })) {
    items.push(item);
  }
  return { items, urls: fetcher.urls };
}

const datasets = datasetsOf;

describe('opendatasoftHarvester', () => {
  it('follows the pages to total_count and stops there', async () => {
    const { items, urls } = await harvest();
    expect(urls).toEqual(Object.keys(PAGES));
    expect(items).toHaveLength(5);
    expect(datasets(items).map((d) => d.identifier)).toEqual([
      'bus-stops-exampleshire',
      'council-budget-2024',
      'ward-boundaries',
      'annual-report-documents',
    ]);
  });

  it("maps a dataset's metadata and offers its exports, GeoJSON only for geographic data", async () => {
    const [stops, budget] = datasets((await harvest()).items);
    const exports = `${CATALOG}/bus-stops-exampleshire/exports`;
    expect(stops).toMatchObject({
      identifier: 'bus-stops-exampleshire',
      title: 'Bus stops, Exampleshire',
      description: '<p>Every bus stop with its shelter and timetable display.</p>',
      licence: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      tags: ['bus', 'public transport'],
      landingPage: `${BASE}/explore/dataset/bus-stops-exampleshire/`,
      modified: '2024-05-02T13:58:26.000Z',
      publisher: 'Exampleshire Transport',
      contactName: 'Transport data team',
      contactEmail: 'transport-data@example.org',
      updateFrequency: 'Weekly',
    });
    expect(stops?.resources.map((r) => [r.url, r.format, r.mediaType])).toEqual([
      [`${exports}/csv`, 'CSV', 'text/csv'],
      [`${exports}/geojson`, 'GeoJSON', 'application/geo+json'],
      [`${exports}/json`, 'JSON', 'application/json'],
    ]);
    expect(budget).toMatchObject({
      licence: 'CC BY 4.0',
      tags: ['finance'],
      modified: '2024-02-29',
    });
    expect(budget?.resources.map((r) => r.format)).toEqual(['CSV', 'JSON']);
  });

  it('gives a dataset with no records no exports', async () => {
    const documents = datasets((await harvest()).items).at(-1);
    expect(documents?.identifier).toBe('annual-report-documents');
    expect(documents?.resources).toEqual([]);
  });

  it('yields a record without a title as an error, numbered in the catalogue, and goes on', async () => {
    const { items } = await harvest();
    expect(items[2]).toEqual({ identifier: 'broken-metadata', error: 'record 3 has no title' });
    expect(items[3]).toHaveProperty('dataset.identifier', 'ward-boundaries');
    expect(items[3]).toHaveProperty('dataset.resources.1.format', 'GeoJSON');
  });

  it('asks the portal for the filtered catalogue and reads what it answers', async () => {
    const page1 = JSON.parse(fixture('opendatasoft-page-1.json')) as { results: unknown[] };
    const matching = JSON.stringify({ total_count: 1, results: page1.results.slice(0, 1) });
    const urls: string[] = [];
    const fetcher: HarvestFetcher = {
      get(url) {
        urls.push(url);
        return Promise.resolve({ url, body: matching, contentType: 'application/json' });
      },
    };
    const filters = { organisation: 'Exampleshire "Transport"', tag: 'bus', query: 'shelter' };
    const items: HarvestItem[] = [];
    for await (const item of opendatasoftHarvester({ url: BASE, filters, fetcher })) {
      items.push(item);
    }
    expect(urls).toHaveLength(1);
    const params = new URL(urls[0] ?? '').searchParams;
    expect(params.getAll('refine')).toEqual([
      'publisher:"Exampleshire \\"Transport\\""',
      'keyword:"bus"',
    ]);
    expect(params.get('where')).toBe('search("shelter")');
    expect(datasets(items).map((d) => d.identifier)).toEqual(['bus-stops-exampleshire']);
  });

  it('fails the run when a page request fails, after yielding the pages before it', async () => {
    const firstPageOnly = {
      [`${CATALOG}?limit=100&offset=0`]: fixture('opendatasoft-page-1.json'),
    };
    const seen: HarvestItem[] = [];
    const run = async () => {
      const input = { url: BASE, filters: {}, fetcher: fetcherFor(firstPageOnly, 500) };
      for await (const item of opendatasoftHarvester(input)) seen.push(item);
    };
    await expect(run()).rejects.toThrow(`HTTP 500 for ${CATALOG}?limit=100&offset=2`);
    expect(seen).toHaveLength(2);
  });
});
