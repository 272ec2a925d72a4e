import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFileResource, findResource, patchDataset } from '../../src/features/catalog/index.js';
import { runLoad } from '../../src/features/datastore/load-queue.js';
import { createLoad } from '../../src/features/datastore/load.service.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { seedFixture, type Fixture } from '../helpers/fixture.js';

// The CKAN Action API's catalogue reads, as CKAN clients use them: raw HTTP in CKAN's shapes,
// and the okfn `ckan` npm client over real HTTP.

let t: TestApp;
let fx: Fixture;
let csvId: string;
let mapId: string;

async function loadedFile(slug: string, fileName: string, content: string): Promise<string> {
  const resource = await addFileResource(t.ctx, fx.editorActor, slug, {
    fileName,
    stream: Readable.from([content]),
  });
  const stored = (await findResource(t.ctx, resource.id))?.resource;
  if (!stored) throw new Error('resource not stored');
  await runLoad(t.ctx, (await createLoad(t.ctx, stored, null)).id);
  return resource.id;
}

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  csvId = await loadedFile('bus-punctuality', 'routes.csv', 'route,on_time\n8,0.91\n36,0.84\n');
  mapId = await loadedFile(
    'fly-tipping-reports',
    'reports.csv',
    'ward,latitude,longitude\nHalliwell,53.59,-2.45\nGreat Lever,53.56,-2.44\n',
  );
  await patchDataset(t.ctx, fx.editorActor, 'bus-punctuality', {
    update_frequency: 'monthly',
    temporal_coverage: { start: '2024-01-01', end: '2024-12-31' },
    spatial_coverage: 'Bolton',
  });
});
afterAll(() => t.close());

interface Envelope<T> {
  help: string;
  success: boolean;
  result: T;
  error?: Record<string, unknown>;
}

interface Pkg {
  id: string;
  name: string;
  title: string;
  private: boolean;
  state: string;
  organization: { name: string; title: string };
  tags: { name: string; display_name: string; id: string; vocabulary_id: null }[];
  groups: { name: string; title: string }[];
  extras: { key: string; value: string }[];
  resources: Record<string, unknown>[];
  [key: string]: unknown;
}

interface Search {
  count: number;
  results: Pkg[];
  facets: Record<string, Record<string, number>>;
  search_facets: Record<
    string,
    { title: string; items: { name: string; display_name: string; count: number }[] }
  >;
  sort: string;
}

const token = (who: keyof Fixture['tokens']) => ({ authorization: fx.tokens[who] });

async function get<T>(name: string, query = '', headers: Record<string, string> = {}) {
  const res = await t.app.inject({ url: `/api/3/action/${name}${query}`, headers });
  return { status: res.statusCode, body: res.json<Envelope<T>>() };
}

const names = (s: Search) => s.results.map((r) => r.name).sort();
const search = async (query: string, headers: Record<string, string> = {}) =>
  (await get<Search>('package_search', query, headers)).body.result;
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
    const res = await t.app.inject({
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

describe('package_show and resource_show', () => {
  it("shows a dataset by name or id in CKAN's words, with resources, tags, groups and extras", async () => {
    const { status, body } = await get<Pkg>('package_show', '?id=bus-punctuality');
    expect(status).toBe(200);
    const p = body.result;
    expect(p).toMatchObject({
      name: 'bus-punctuality',
      title: 'Bus punctuality',
      type: 'dataset',
      notes: 'How often buses leave on time, by route and month.',
      license_id: 'OGL-UK-3.0',
      license_title: 'Open Government Licence v3.0',
      private: false,
      state: 'active',
      num_resources: 1,
      num_tags: 2,
      organization: { name: 'bolton', title: 'Bolton Council', is_organization: true },
    });
    expect(p.owner_org).toBe((p.organization as unknown as { id: string }).id);
    expect(p.metadata_created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    expect(p.tags.map((x) => x.name)).toEqual(['buses', 'punctuality']);
    expect(p.tags[0]).toMatchObject({
      display_name: 'buses',
      state: 'active',
      vocabulary_id: null,
    });
    expect(p.groups).toEqual([expect.objectContaining({ name: 'transport' })]);
    expect(p.extras).toEqual(
      expect.arrayContaining([
        { key: 'update_frequency', value: 'monthly' },
        { key: 'temporal_start', value: '2024-01-01' },
        { key: 'temporal_end', value: '2024-12-31' },
        { key: 'spatial_coverage', value: 'Bolton' },
      ]),
    );
    expect(p.resources[0]).toMatchObject({
      id: csvId,
      package_id: p.id,
      format: 'CSV',
      datastore_active: true,
      url_type: 'upload',
      position: 0,
      state: 'active',
    });
    const byId = await get<Pkg>('package_show', `?id=${p.id}`);
    expect(byId.body.result.name).toBe('bus-punctuality');
  });

  it('answers 404 Not Found Error for a private dataset to those who may not read it', async () => {
    const hidden = await get('package_show', '?id=staff-rota', token('otherEditor'));
    expect(hidden.status).toBe(404);
    expect(hidden.body.error).toMatchObject({ __type: 'Not Found Error' });
    expect(
      (await get<Pkg>('package_show', '?id=staff-rota', token('member'))).body.result.private,
    ).toBe(true);
  });

  it('shows a resource with our download URL, size, hash and datastore_active', async () => {
    const { body } = await get<Record<string, unknown>>('resource_show', `?id=${csvId}`);
    expect(body.result).toMatchObject({
      id: csvId,
      name: 'routes.csv',
      format: 'CSV',
      datastore_active: true,
      url: `${t.ctx.config.baseUrl}/api/v1/resources/${csvId}/download`,
    });
    expect(body.result.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.result.size).toBeGreaterThan(0);
    expect((await get('resource_show', '?id=nothing')).status).toBe(404);
  });

  it('lists the views each resource has: a table, a chart of numbers, a map of places', async () => {
    const views = async (id: string) =>
      (await get<{ view_type: string; url: string }[]>('resource_view_list', `?id=${id}`)).body
        .result;
    const csv = await views(csvId);
    expect(csv.map((v) => v.view_type)).toEqual(['datatables_view', 'chart_view']);
    expect(csv[0]?.url).toMatch(new RegExp(`/datasets/bus-punctuality/resources/${csvId}$`));
    expect((await views(mapId)).map((v) => v.view_type)).toContain('map_view');
  });
});

describe('package_list, organizations, groups, tags and licences', () => {
  it('lists the names of public datasets, by name, with limit and offset', async () => {
    const all = (await get<string[]>('package_list', '', token('admin'))).body.result;
    expect(all).toEqual(['air-quality', 'bus-punctuality', 'fly-tipping-reports']);
    expect((await get<string[]>('package_list', '?limit=1&offset=1')).body.result).toEqual([
      'bus-punctuality',
    ]);
  });

  it('lists organizations with the counts the caller may see', async () => {
    expect((await get<string[]>('organization_list')).body.result).toEqual(['bolton', 'wigan']);
    interface Org {
      name: string;
      package_count: number;
      title: string;
    }
    const counts = async (headers: Record<string, string> = {}) =>
      Object.fromEntries(
        (await get<Org[]>('organization_list', '?all_fields=true', headers)).body.result.map(
          (o) => [o.name, o.package_count],
        ),
      );
    expect(await counts()).toEqual({ bolton: 2, wigan: 1 });
    expect(await counts(token('member'))).toEqual({ bolton: 3, wigan: 1 });
    const sorted = await get<Org[]>(
      'organization_list',
      '?all_fields=true&sort=package_count%20desc',
    );
    expect(sorted.body.result[0]?.name).toBe('bolton');
  });

  it('shows an organization and, when asked, its datasets', async () => {
    const { body } = await get<Record<string, unknown>>(
      'organization_show',
      '?id=bolton&include_datasets=true',
    );
    expect(body.result).toMatchObject({
      name: 'bolton',
      title: 'Bolton Council',
      package_count: 2,
    });
    expect((body.result.packages as Pkg[]).map((p) => p.name).sort()).toEqual([
      'bus-punctuality',
      'fly-tipping-reports',
    ]);
    expect((await get('organization_show', '?id=nowhere')).status).toBe(404);
  });

  it('offers themes as groups', async () => {
    interface Group {
      name: string;
      title: string;
      package_count: number;
    }
    const groups = (await get<Group[]>('group_list', '?all_fields=true')).body.result;
    expect(groups.find((g) => g.name === 'environment')?.package_count).toBe(2);
    expect(groups.find((g) => g.name === 'transport')?.package_count).toBe(1);
    const shown = await get<Group & { packages: Pkg[] }>(
      'group_show',
      '?id=transport&include_datasets=true',
    );
    expect(shown.body.result.packages.map((p) => p.name)).toEqual(['bus-punctuality']);
  });

  it('lists tags of visible datasets only, filtered by query', async () => {
    const tags = (await get<string[]>('tag_list')).body.result;
    expect(tags).toContain('buses');
    expect(tags).not.toContain('internal');
    expect(tags).not.toContain('cycling');
    expect((await get<string[]>('tag_list', '?query=pol')).body.result).toEqual(['pollution']);
    const dicts = (
      await get<{ name: string; id: string }[]>('tag_list', '?query=waste&all_fields=true')
    ).body.result;
    expect(dicts[0]).toMatchObject({ name: 'waste', display_name: 'waste' });
  });

  it("lists the licences with CKAN's fields", async () => {
    const licences = (await get<Record<string, unknown>[]>('license_list')).body.result;
    expect(licences.find((l) => l.id === 'OGL-UK-3.0')).toMatchObject({
      title: 'Open Government Licence v3.0',
      od_conformance: 'approved',
      status: 'active',
    });
  });
});

describe('activity', () => {
  interface Activity {
    activity_type: string;
    object_id: string;
    data: { package: Pkg | null };
  }

  it("lists a dataset's activity, newest first, in CKAN's activity dicts", async () => {
    const { body } = await get<Activity[]>('package_activity_list', '?id=bus-punctuality');
    const types = body.result.map((a) => a.activity_type);
    expect(types.at(-1)).toBe('new package');
    expect(types).toContain('changed package');
    expect(body.result[0]).toMatchObject({
      object_id: expect.any(String) as string,
      timestamp: expect.stringMatching(/^\d{4}-/) as string,
      data: { package: { name: 'bus-punctuality' } },
    });
    expect((await get('package_activity_list', '?id=staff-rota')).status).toBe(404);
  });

  it('lists recently changed datasets the caller may see', async () => {
    const ids = async (headers: Record<string, string> = {}) =>
      (
        await get<Activity[]>('recently_changed_packages_activity_list', '?limit=100', headers)
      ).body.result.map((a) => a.data.package?.name);
    const anyone = await ids();
    expect(anyone).toContain('air-quality');
    expect(anyone).not.toContain('staff-rota');
    expect(anyone).not.toContain('draft-cycle-counts');
    expect(await ids(token('member'))).toContain('staff-rota');
  });
});

describe('the okfn ckan client', () => {
  it('searches and shows datasets over real HTTP', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    const ckan = createRequire(import.meta.url)('ckan') as {
      Client: new (url: string) => {
        action: (
          name: string,
          data: object,
          cb: (err: unknown, body: Envelope<unknown>) => void,
        ) => void;
      };
    };
    const client = new ckan.Client(`http://127.0.0.1:${String(port)}`);
    const call = (name: string, data: object) =>
      new Promise<Envelope<unknown>>((resolve, reject) => {
        client.action(name, data, (err, body) => {
          if (err) reject(new Error(typeof err === 'string' ? err : JSON.stringify(err)));
          else resolve(body);
        });
      });
    const found = (await call('package_search', { fq: 'tags:buses' })) as Envelope<Search>;
    expect(found.success).toBe(true);
    expect(found.result.results.map((r) => r.name)).toEqual(['bus-punctuality']);
    // The client renames dataset_* actions to package_* as it goes.
    const shown = (await call('dataset_show', { id: 'air-quality' })) as Envelope<Pkg>;
    expect(shown.result.organization.name).toBe('wigan');
    await expect(call('package_show', { id: 'staff-rota' })).rejects.toThrow(/HTTP code 404/);
  });
});
