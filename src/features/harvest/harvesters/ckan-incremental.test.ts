import { describe, expect, it } from 'vitest';
import { collect, fetcherFor } from '../../../../test/helpers/harvest.js';
import type { ListedItem } from '../harvest-record.js';
import { ckanHarvester } from './ckan.js';

// An incremental CKAN run against a portal whose rows_max is 2: the changed package is read in
// full, every other id is listed (two a page, though 1,000 were asked for), none is skipped.

const BASE = 'https://ckan.example.org';
const SINCE = '2024-06-01T12:00:00.000Z';
const RANGE = 'metadata_modified:[2024-06-01T11:00:00.000Z TO *]';
const search = (params: Record<string, string>) =>
  `${BASE}/api/3/action/package_search?${new URLSearchParams(params).toString()}`;
const answer = (count: number, results: object[]) =>
  JSON.stringify({ success: true, result: { count, results } });
const pkg = (name: string) => ({ id: `id-${name}`, name, title: `Dataset ${name}` });

function portal(): Record<string, string> {
  const names = ['a', 'b', 'c', 'd', 'e'];
  const listing = (start: number) =>
    search({ rows: '1000', start: String(start), sort: 'name asc', fl: 'id,name' });
  const ids = (from: number) =>
    names.slice(from, from + 2).map((n) => ({ id: `id-${n}`, name: n }));
  return {
    [search({ fq: RANGE, rows: '0' })]: answer(1, []),
    [search({ rows: '100', start: '0', sort: 'name asc', fq: RANGE })]: answer(1, [pkg('b')]),
    [listing(0)]: answer(5, ids(0)),
    [listing(2)]: answer(5, ids(2)),
    [listing(4)]: answer(5, ids(4)),
    [`${BASE}/api/3/action/package_show?id=id-d`]: JSON.stringify({
      success: true,
      result: pkg('d'),
    }),
  };
}

describe('incremental CKAN harvest', () => {
  it('reads the changed package, lists every other one, and reads a listed one on demand', async () => {
    const fetcher = fetcherFor(portal());
    const items = await collect(ckanHarvester({ url: BASE, filters: {}, fetcher, since: SINCE }));
    expect(items[0]).toMatchObject({ dataset: { identifier: 'id-b', title: 'Dataset b' } });
    const listed = items.slice(1) as ListedItem[];
    expect(listed.map((i) => i.listed)).toEqual(['id-a', 'id-c', 'id-d', 'id-e']);
    expect(await listed[2]?.read()).toMatchObject({ dataset: { identifier: 'id-d' } });
    expect(await listed[0]?.read()).toEqual({
      identifier: 'id-a',
      error: `HTTP 404 for ${BASE}/api/3/action/package_show?id=id-a`,
    });
  });

  it('reads everything when the source refuses the metadata_modified filter', async () => {
    const pages = {
      [search({ rows: '100', start: '0', sort: 'name asc' })]: answer(1, [pkg('a')]),
    };
    const fetcher = fetcherFor(pages, 409);
    const items = await collect(ckanHarvester({ url: BASE, filters: {}, fetcher, since: SINCE }));
    expect(items).toEqual([expect.objectContaining({ dataset: expect.anything() as unknown })]);
    expect(fetcher.urls).toEqual([search({ fq: RANGE, rows: '0' }), ...Object.keys(pages)]);
  });
});
