import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetsOf, fetcherFor } from '../../../../test/helpers/harvest.js';
import type { HarvestFilters, HarvestItem } from '../harvest-record.js';
import { datapressHarvester } from './datapress.js';

const BASE = 'https://data.example.org';
const EXPORT = `${BASE}/api/v3/datasets/export.json`;
const body = readFileSync(new URL('./fixtures/datapress-export.json', import.meta.url), 'utf8');

async function harvest(
  filters: HarvestFilters = {},
  pages: Record<string, string> = { [EXPORT]: body },
) {
  const fetcher = fetcherFor(pages, 404);
  const items: HarvestItem[] = [];
  for await (const item of datapressHarvester({ url: `${BASE}/`, filters, fetcher })) {
    items.push(item);
  }
  return { items, urls: fetcher.urls };
}

const datasets = datasetsOf;

describe('datapressHarvester', () => {
  it('reads the whole catalogue from the export in one request', async () => {
    const { items, urls } = await harvest();
    expect(urls).toEqual([EXPORT]);
    expect(datasets(items).map((d) => d.identifier)).toEqual(['a1b2c', 'd4e5f', 'j9k0l']);
  });

  it('maps a dataset and all its files, with formats', async () => {
    const [toilets] = datasets((await harvest()).items);
    expect(toilets).toMatchObject({
      identifier: 'a1b2c',
      title: 'Public toilets, Exampleshire',
      description: '<p>Every public toilet the council runs, with opening hours.</p>',
      licence: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      tags: ['toilets', 'Accessibility'],
      landingPage: 'https://data.example.org/dataset/public-toilets-exampleshire',
      modified: '2024-06-12T08:15:30.000Z',
      publisher: 'Exampleshire Council',
      contactName: 'Open Data Team',
      contactEmail: 'opendata@example.org',
      updateFrequency: 'Monthly',
    });
    // The file with no URL is left out; the rest keep their order.
    expect(toilets?.resources).toEqual([
      {
        url: 'https://data.example.org/download/a1b2c/r01/public-toilets.csv',
        name: 'Public toilets (CSV)',
        description: '',
        format: 'CSV',
        mediaType: null,
        size: 18230,
        modified: '2024-06-12T08:15:30.000Z',
      },
      {
        url: 'https://data.example.org/download/a1b2c/r02/public-toilets.geojson',
        name: 'Public toilets (map)',
        description: '',
        format: 'GeoJSON',
        mediaType: 'application/geo+json',
        size: 40211,
        modified: '2024-06-12',
      },
      {
        url: 'https://data.example.org/download/a1b2c/r03/Opening%20hours%202024.xlsx',
        name: 'Opening hours 2024.xlsx',
        description: '',
        format: 'XLSX',
        mediaType: null,
        size: null,
        modified: null,
      },
    ]);
  });

  it('reads the older shapes: licence id, logo, tag objects, resources keyed by id', async () => {
    const benches = datasets((await harvest()).items)[1];
    expect(benches).toMatchObject({
      licence: 'ogl-v3',
      publisher: 'Exampleshire Parks Trust',
      tags: ['Parks'],
      landingPage: 'https://data.example.org/dataset/park-benches',
      modified: '2023-03-01T09:30:00.000Z',
    });
    expect(benches?.resources.map((r) => [r.name, r.format])).toEqual([
      ['Benches', 'CSV'],
      ['Bench survey report', 'PDF'],
    ]);
  });

  it('accepts an export that is an object of datasets keyed by id', async () => {
    const list = JSON.parse(body) as { id: string }[];
    const keyed = JSON.stringify(Object.fromEntries(list.map((d) => [d.id, d])));
    const { items } = await harvest({}, { [EXPORT]: keyed });
    expect(datasets(items)).toHaveLength(3);
  });

  it('yields a record without a title as an error and goes on', async () => {
    const { items } = await harvest();
    expect(items[2]).toEqual({ identifier: 'g7h8i', error: 'record 3 has no title' });
    expect(items[3]).toHaveProperty('dataset.title', 'Street lights');
    // An unreadable date is left empty rather than stored as something else.
    expect(items[3]).toHaveProperty('dataset.modified', null);
  });

  it('keeps only the datasets the filters ask for', async () => {
    const ids = async (filters: HarvestFilters) =>
      datasets((await harvest(filters)).items).map((d) => d.identifier);
    expect(await ids({ organisation: 'exampleshire council' })).toEqual(['a1b2c', 'j9k0l']);
    expect(await ids({ tag: 'parks' })).toEqual(['d4e5f']);
    expect(await ids({ query: 'lamp street' })).toEqual(['j9k0l']);
    expect(await ids({ organisation: 'Exampleshire Council', query: 'toilet' })).toEqual(['a1b2c']);
  });

  it('fails the run when the export cannot be read', async () => {
    await expect(harvest({}, {})).rejects.toThrow(`HTTP 404 for ${EXPORT}`);
    await expect(harvest({}, { [EXPORT]: '<html>Maintenance</html>' })).rejects.toThrow(
      'is not JSON',
    );
  });
});
