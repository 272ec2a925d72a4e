import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetsOf, fetcherFor } from '../../../../test/helpers/harvest.js';
import type { HarvestFilters, HarvestItem } from '../harvest-record.js';
import { projectOpenDataItems, socrataHarvester } from './socrata.js';

const BASE = 'https://data.example.gov';
const CATALOG = `${BASE}/data.json`;
const body = readFileSync(new URL('./fixtures/socrata-data.json', import.meta.url), 'utf8');

async function harvest(
  filters: HarvestFilters = {},
  pages: Record<string, string> = { [CATALOG]: body },
  url = BASE,
) {
  const fetcher = fetcherFor(pages, 403);
  const items: HarvestItem[] = [];
  for await (const item of socrataHarvester({ url, filters, fetcher })) items.push(item);
  return { items, urls: fetcher.urls };
}

const datasets = datasetsOf;

describe('socrataHarvester', () => {
  it("reads the site's data.json, given the site or the catalogue's own address", async () => {
    expect((await harvest()).urls).toEqual([CATALOG]);
    expect((await harvest({}, undefined, CATALOG)).urls).toEqual([CATALOG]);
  });

  it('maps a dataset with its contact, dates and every distribution', async () => {
    const [inspections] = datasets((await harvest()).items);
    expect(inspections).toMatchObject({
      identifier: 'https://data.example.gov/api/views/abcd-1234',
      title: 'Restaurant inspections, Example County',
      licence: 'http://opendatacommons.org/licenses/pddl/',
      tags: ['food', 'inspections', 'health'],
      landingPage: 'https://data.example.gov/d/abcd-1234',
      modified: '2024-07-01T06:00:12.000Z',
      publisher: 'Example County Health',
      contactName: 'Food Safety Office',
      contactEmail: 'foodsafety@example.gov',
      updateFrequency: 'R/P1D',
      temporalStart: '2015-01-01',
      temporalEnd: '2024-06-30',
    });
    expect(inspections?.resources.map((r) => [r.url, r.format])).toEqual([
      ['https://data.example.gov/api/views/abcd-1234/rows.csv?accessType=DOWNLOAD', 'CSV'],
      ['https://data.example.gov/api/views/abcd-1234/rows.rdf?accessType=DOWNLOAD', 'RDF'],
      ['https://data.example.gov/api/views/abcd-1234/rows.json?accessType=DOWNLOAD', 'JSON'],
      // The API endpoint is kept as a link; its format is not a file format Metrodata names.
      ['https://data.example.gov/resource/abcd-1234.json', 'JSON'],
    ]);
    expect(inspections?.resources[3]?.name).toBe('SODA API');
  });

  it('falls back to the landing page for identity and leaves an unreadable date empty', async () => {
    const trees = datasets((await harvest()).items)[1];
    expect(trees).toMatchObject({
      identifier: 'https://data.example.gov/d/wxyz-9876',
      modified: null,
      publisher: 'Example County Parks',
    });
    expect(trees?.resources).toMatchObject([{ name: 'Tree inventory shapefile', format: 'ZIP' }]);
  });

  it('yields a record without a title as an error and goes on', async () => {
    const { items } = await harvest();
    expect(items).toHaveLength(3);
    expect(items[2]).toEqual({
      identifier: 'https://data.example.gov/api/views/qqqq-0000',
      error: 'record 3 has no title',
    });
  });

  it('keeps only the datasets the filters ask for', async () => {
    const ids = async (filters: HarvestFilters) =>
      datasets((await harvest(filters)).items).map((d) => d.identifier);
    expect(await ids({ organisation: 'example county parks' })).toEqual([
      'https://data.example.gov/d/wxyz-9876',
    ]);
    expect(await ids({ tag: 'Inspections' })).toEqual([
      'https://data.example.gov/api/views/abcd-1234',
    ]);
    expect(await ids({ query: 'trees' })).toEqual(['https://data.example.gov/d/wxyz-9876']);
    expect(await ids({ query: 'nothing like this' })).toEqual([]);
  });

  it('fails the run when data.json cannot be read', async () => {
    await expect(harvest({}, {})).rejects.toThrow(`HTTP 403 for ${CATALOG}`);
    await expect(harvest({}, { [CATALOG]: '{"datasets": []}' })).rejects.toThrow(
      'data.json has no "dataset" list',
    );
  });
});

describe('projectOpenDataItems', () => {
  it('translates any data.json document, for plain DCAT-US sources', () => {
    const items = [...projectOpenDataItems(JSON.parse(body))];
    expect(items.map((i) => ('dataset' in i ? i.dataset.title : i.error))).toEqual([
      'Restaurant inspections, Example County',
      'Street trees',
      'record 3 has no title',
    ]);
  });
});
