import { Readable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import { addFileResource, findResource, patchDataset } from '../../src/features/catalog/index.js';
import { runLoad } from '../../src/features/datastore/load-queue.js';
import { createLoad } from '../../src/features/datastore/load.service.js';
import { createTestApp, type TestApp } from './app.js';
import { seedFixture, type Fixture } from './fixture.js';

// The catalogue the CKAN Action API tests read (ckan-search, ckan-catalogue): the fixture, with
// a loaded CSV on bus-punctuality, a loaded map on fly-tipping-reports and richer metadata.

export interface Envelope<T> {
  help: string;
  success: boolean;
  result: T;
  error?: Record<string, unknown>;
}

export interface Pkg {
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

export interface Search {
  count: number;
  results: Pkg[];
  facets: Record<string, Record<string, number>>;
  search_facets: Record<
    string,
    { title: string; items: { name: string; display_name: string; count: number }[] }
  >;
  sort: string;
}

export interface CkanCatalogue {
  t: TestApp;
  fx: Fixture;
  /** The loaded CSV resource of bus-punctuality. */
  csvId: string;
  /** The loaded map resource of fly-tipping-reports. */
  mapId: string;
  token: (who: keyof Fixture['tokens']) => { authorization: string };
  get: <T>(
    name: string,
    query?: string,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: Envelope<T> }>;
  search: (query: string, headers?: Record<string, string>) => Promise<Search>;
}

/** For a test file: the catalogue, set up before its tests and closed after them. */
export function ckanCatalogue(): CkanCatalogue {
  const c = {} as CkanCatalogue;
  async function loadedFile(slug: string, fileName: string, content: string): Promise<string> {
    const resource = await addFileResource(c.t.ctx, c.fx.editorActor, slug, {
      fileName,
      stream: Readable.from([content]),
    });
    const stored = (await findResource(c.t.ctx, resource.id))?.resource;
    if (!stored) throw new Error('resource not stored');
    await runLoad(c.t.ctx, (await createLoad(c.t.ctx, stored, null)).id);
    return resource.id;
  }
  beforeAll(async () => {
    c.t = await createTestApp();
    c.fx = await seedFixture(c.t.ctx);
    c.csvId = await loadedFile('bus-punctuality', 'routes.csv', 'route,on_time\n8,0.91\n36,0.84\n');
    c.mapId = await loadedFile(
      'fly-tipping-reports',
      'reports.csv',
      'ward,latitude,longitude\nHalliwell,53.59,-2.45\nGreat Lever,53.56,-2.44\n',
    );
    await patchDataset(c.t.ctx, c.fx.editorActor, 'bus-punctuality', {
      update_frequency: 'monthly',
      temporal_coverage: { start: '2024-01-01', end: '2024-12-31' },
      spatial_coverage: 'Bolton',
    });
  });
  afterAll(() => c.t.close());
  c.token = (who) => ({ authorization: c.fx.tokens[who] });
  c.get = async <T>(name: string, query = '', headers: Record<string, string> = {}) => {
    const res = await c.t.app.inject({ url: `/api/3/action/${name}${query}`, headers });
    return { status: res.statusCode, body: res.json<Envelope<T>>() };
  };
  c.search = async (query, headers = {}) =>
    (await c.get<Search>('package_search', query, headers)).body.result;
  return c;
}
