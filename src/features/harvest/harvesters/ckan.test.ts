import { describe, expect, it } from 'vitest';
import { collect, datasetsOf, fetcherFor } from '../../../../test/helpers/harvest.js';
import { ckanHarvester } from './ckan.js';

// CKAN's package_search, answered from a generated catalogue of 150 packages (two pages of 100).

const BASE = 'https://ckan.example.org';

function catalogue(): Record<string, string> {
  const packages = Array.from({ length: 150 }, (_, i) => ({
    id: `id-${i}`,
    name: i === 7 ? '' : `dataset-${i}`,
    title: i === 7 ? '' : `Dataset ${i}`,
    notes: 'About it',
    license_id: 'uk-ogl',
    metadata_modified: '2024-01-31T10:00:00.123456',
    organization: { name: 'bolton', title: 'Bolton Council' },
    tags: [{ name: 'toilets', display_name: 'toilets' }],
    resources: [{ url: `${BASE}/files/${i}.csv`, name: 'Data', format: 'csv', size: 120 }],
  }));
  const page = (start: number) =>
    JSON.stringify({
      success: true,
      result: { count: packages.length, results: packages.slice(start, start + 100) },
    });
  const url = (start: number) =>
    `${BASE}/api/3/action/package_search?rows=100&start=${start}&sort=name+asc&fq=organization%3A%22bolton%22`;
  return { [url(0)]: page(0), [url(100)]: page(100) };
}

describe('ckanHarvester', () => {
  it('pages package_search to the end with the filter, mapping each package', async () => {
    const pages = catalogue();
    const fetcher = fetcherFor(pages);
    const items = await collect(
      ckanHarvester({ url: `${BASE}/api/3/`, filters: { organisation: 'bolton' }, fetcher }),
    );
    expect(fetcher.urls).toEqual(Object.keys(pages));
    const datasets = datasetsOf(items);
    expect(datasets).toHaveLength(149);
    expect(items.find((i) => 'error' in i)).toEqual({
      identifier: 'id-7',
      error: 'package id-7 has no title',
    });
    expect(datasets[0]).toMatchObject({
      identifier: 'id-0',
      title: 'Dataset 0',
      licence: 'uk-ogl',
      tags: ['toilets'],
      landingPage: `${BASE}/dataset/dataset-0`,
      modified: '2024-01-31T10:00:00.123Z',
      publisher: 'Bolton Council',
    });
    expect(datasets[0]?.resources[0]).toMatchObject({ format: 'CSV', size: 120 });
  });

  it('stops the run when a page is not a package_search answer', async () => {
    const fetcher = fetcherFor({
      [`${BASE}/api/3/action/package_search?rows=100&start=0&sort=name+asc`]: '{"success": false}',
    });
    await expect(collect(ckanHarvester({ url: BASE, filters: {}, fetcher }))).rejects.toThrow(
      /did not answer a CKAN package_search result/,
    );
  });
});
