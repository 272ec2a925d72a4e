import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ckanCatalogue, type Envelope, type Search } from '../helpers/ckan-catalogue.js';

// CKAN's package_search as CKAN clients use it: Solr-style q and fq, facets, sorting, paging.

const c = ckanCatalogue();
const { get, search, token } = c;
const names = (s: Search) => s.results.map((r) => r.name).sort();
const fq = (expr: string) => `?rows=100&fq=${encodeURIComponent(expr)}`;

describe('package_search', () => {
  it('finds the public datasets, newest first, as full package dicts with facets', async () => {
    const { status, body } = await get<Search>(
      'package_search',
      `?facet.field=${encodeURIComponent('["organization","tags","res_format","groups","license_id"]')}`,
    );
    expect(status).toBe(200);
    const r = body.result;
    expect(r.count).toBe(3);
    expect(names(r)).toEqual(['air-quality', 'bus-punctuality', 'fly-tipping-reports']);
    expect(r.sort).toBe('score desc, metadata_modified desc');
    // Newest first: the two datasets with new files were modified last.
    expect(r.results.at(-1)?.name).toBe('air-quality');
    expect(r.facets.organization).toEqual({ bolton: 2, wigan: 1 });
    expect(r.facets.tags).not.toHaveProperty('internal');
    expect(r.facets.res_format).toEqual({ CSV: 2 });
    expect(r.search_facets.organization).toEqual({
      title: 'organization',
      items: [
        { name: 'bolton', display_name: 'Bolton Council', count: 2 },
        { name: 'wigan', display_name: 'Wigan Council', count: 1 },
      ],
    });
    expect(r.search_facets.license_id?.items).toContainEqual({
      name: 'CC-BY-4.0',
      display_name: 'Creative Commons Attribution 4.0',
      count: 1,
    });
  });

  it.each([
    ['tags:buses', ['bus-punctuality']],
    ['tags:"air quality"', ['air-quality']],
    ['organization:wigan OR tags:waste', ['air-quality', 'fly-tipping-reports']],
    ['-organization:bolton', ['air-quality']],
    ['organization:bolton -tags:waste', ['bus-punctuality']],
    [
      'organization:bolton AND (tags:waste OR tags:buses)',
      ['bus-punctuality', 'fly-tipping-reports'],
    ],
    ['res_format:csv', ['bus-punctuality', 'fly-tipping-reports']],
    ['groups:environment', ['air-quality', 'fly-tipping-reports']],
    ['license_id:CC-BY-4.0', ['air-quality']],
    ['name:air*', ['air-quality']],
    ['tags:(buses OR pollution)', ['air-quality', 'bus-punctuality']],
    [
      'metadata_modified:[2000-01-01T00:00:00Z TO *]',
      ['air-quality', 'bus-punctuality', 'fly-tipping-reports'],
    ],
    ['metadata_modified:[* TO 2000-01-01T00:00:00Z]', []],
    [
      'metadata_created:[NOW-1DAY TO NOW+1DAY]',
      ['air-quality', 'bus-punctuality', 'fly-tipping-reports'],
    ],
    ['private:true', []],
    ['*:*', ['air-quality', 'bus-punctuality', 'fly-tipping-reports']],
  ])('filters by fq %s', async (expr, expected) => {
    const r = await search(fq(expr));
    expect(names(r)).toEqual(expected);
    expect(r.count).toBe(expected.length);
  });

  it.each([
    ['buses', /no field/],
    ['tags:"unclosed', /not closed/],
    ['colour:red', /cannot filter on colour/],
    ['metadata_modified:[yesterday TO *]', /cannot read the date/],
    ['{!geofilt}', /local parameters/],
  ])('refuses the fq %s with a 409 Validation Error naming fq', async (expr, message) => {
    const { status, body } = await get<Search>('package_search', fq(expr));
    expect(status).toBe(409);
    expect(body.success).toBe(false);
    expect(body.error).toMatchObject({ __type: 'Validation Error' });
    expect((body.error?.fq as string[])[0]).toMatch(/^Search Query Error: /);
    expect((body.error?.fq as string[])[0]).toMatch(message);
  });

  it('answers any fq with results or a 409 naming fq, never a failure', async () => {
    const piece = fc.constantFrom(
      'tags:',
      'name:',
      'private:',
      'metadata_created:',
      'res_format:',
      'colour:',
      '[NOW-1DAY TO *]',
      '{* TO NOW+99999999999YEARS}',
      '[2024-01-01 TO 2024-13-01]',
      '"air quality"',
      'buses',
      'true',
      '*',
      ' OR ',
      ' ',
      '-',
      '(',
      ')',
      'NOW/FORTNIGHT',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }), async (pieces) => {
        const { status, body } = await get<Search>('package_search', fq(pieces.join('')));
        expect([200, 409], JSON.stringify(body)).toContain(status);
        if (status === 409) expect(body.error).toHaveProperty('fq');
      }),
      { numRuns: 150 },
    );
  });

  it('searches free text in q, and reads q of field:value clauses as a filter', async () => {
    expect(names(await search('?q=nitrogen'))).toEqual(['air-quality']);
    expect(names(await search('?q=tags:waste'))).toEqual(['fly-tipping-reports']);
    expect((await search('?q=*:*')).count).toBe(3);
    // A field fq does not know makes q words again, not an error.
    expect(names(await search('?q=dioxide:nitrogen'))).toEqual(['air-quality']);
    expect((await get('package_search', `?q=${'a'.repeat(1001)}`)).status).toBe(409);
  });

  it('pages with rows and start, sorts as asked, and refuses rows over 1000 and unknown sorts', async () => {
    const byName = await search('?sort=name%20asc&rows=2');
    expect(byName.results.map((r) => r.name)).toEqual(['air-quality', 'bus-punctuality']);
    expect(byName.count).toBe(3);
    const next = await search('?sort=name%20asc&rows=2&start=2');
    expect(next.results.map((r) => r.name)).toEqual(['fly-tipping-reports']);
    const byTitle = await search('?sort=title_string%20desc');
    expect(byTitle.results.map((r) => r.title)).toEqual([
      'Fly-tipping reports',
      'Bus punctuality',
      'Air quality monitoring',
    ]);
    expect((await search('?sort=metadata_created%20asc')).results[0]?.name).toBe('bus-punctuality');
    expect((await get('package_search', '?rows=1001')).status).toBe(409);
    const badSort = await get('package_search', '?sort=colour%20asc');
    expect(badSort.status).toBe(409);
    expect(badSort.body.error).toHaveProperty('sort');
  });

  it('shows private datasets and drafts only when asked, and only to those the policy allows', async () => {
    const editor = token('editor');
    expect(names(await search('?rows=100', editor))).not.toContain('staff-rota');
    const withPrivate = await search('?rows=100&include_private=true', editor);
    expect(names(withPrivate)).toContain('staff-rota');
    expect(names(withPrivate)).not.toContain('draft-cycle-counts');
    expect(withPrivate.results.find((r) => r.name === 'staff-rota')?.private).toBe(true);
    const withDrafts = await search('?rows=100&include_private=true&include_drafts=true', editor);
    expect(names(withDrafts)).toContain('draft-cycle-counts');
    for (const who of ['outsider', 'otherEditor'] as const) {
      const r = await search('?rows=100&include_private=true&include_drafts=true', token(who));
      expect(names(r)).toEqual(['air-quality', 'bus-punctuality', 'fly-tipping-reports']);
    }
    const anonymous = await search('?rows=100&include_private=true&include_drafts=true');
    expect(anonymous.count).toBe(3);
  });

  it('counts facets over exactly what the caller sees', async () => {
    const q = `?facet.field=${encodeURIComponent('["tags"]')}&facet.limit=-1`;
    expect((await search(q, token('editor'))).facets.tags).not.toHaveProperty('internal');
    const mine = await search(`${q}&include_private=true`, token('editor'));
    expect(mine.facets.tags?.internal).toBe(1);
    expect(
      (await search(`${q}&include_private=true`, token('otherEditor'))).facets.tags,
    ).not.toHaveProperty('internal');
    const limited = await search(`?facet.field=${encodeURIComponent('["tags"]')}&facet.limit=2`);
    expect(limited.search_facets.tags?.items).toHaveLength(2);
    expect((await search(`${q}&facet=false`)).facets).toEqual({});
  });

  it('takes a POSTed JSON body with facet.field as a list', async () => {
    const res = await c.t.app.inject({
      method: 'POST',
      url: '/api/action/package_search',
      payload: { fq: 'organization:bolton', 'facet.field': ['tags'], rows: 5 },
    });
    const body = res.json<Envelope<Search>>();
    expect(body.result.count).toBe(2);
    expect(Object.keys(body.result.facets.tags ?? {}).sort()).toEqual([
      'buses',
      'punctuality',
      'waste',
    ]);
  });
});
