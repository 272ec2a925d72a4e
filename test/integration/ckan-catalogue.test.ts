import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ckanCatalogue, type Envelope, type Pkg, type Search } from '../helpers/ckan-catalogue.js';

// The CKAN Action API's catalogue reads, as CKAN clients use them: raw HTTP in CKAN's shapes,
// and the okfn `ckan` npm client over real HTTP. package_search is in ckan-search.test.ts.

const c = ckanCatalogue();
const { get, token } = c;

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
      id: c.csvId,
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
    const { body } = await get<Record<string, unknown>>('resource_show', `?id=${c.csvId}`);
    expect(body.result).toMatchObject({
      id: c.csvId,
      name: 'routes.csv',
      format: 'CSV',
      datastore_active: true,
      url: `${c.t.ctx.config.baseUrl}/api/v1/resources/${c.csvId}/download`,
    });
    expect(body.result.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.result.size).toBeGreaterThan(0);
    expect((await get('resource_show', '?id=nothing')).status).toBe(404);
  });

  it('lists the views each resource has: a table, a chart of numbers, a map of places', async () => {
    const views = async (id: string) =>
      (await get<{ view_type: string; url: string }[]>('resource_view_list', `?id=${id}`)).body
        .result;
    const csv = await views(c.csvId);
    expect(csv.map((v) => v.view_type)).toEqual(['datatables_view', 'chart_view']);
    expect(csv[0]?.url).toMatch(new RegExp(`/datasets/bus-punctuality/resources/${c.csvId}$`));
    expect((await views(c.mapId)).map((v) => v.view_type)).toContain('map_view');
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
    await c.t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = c.t.app.server.address() as AddressInfo;
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
