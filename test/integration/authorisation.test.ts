import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDataset,
  deleteDataset,
  findResource,
  addFileResource,
} from '../../src/features/catalog/index.js';
import { Readable } from 'node:stream';
import { createLoad, runLoad } from '../../src/features/datastore/load.service.js';
import { multipartBody } from '../helpers/multipart.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';

// One table walks every read and write endpoint with every kind of caller. A new endpoint
// belongs here: if it is missing, private data may leak or a write may go unchecked.

type Who = keyof Fixture['tokens'] | 'anonymous';
const EVERYONE: Who[] = [
  'anonymous',
  'outsider',
  'member',
  'editor',
  'otherEditor',
  'admin',
  'readOnlyEditor',
  'expired',
  'revoked',
];

let t: TestApp;
let fx: Fixture;
let counter = 0;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
});
afterAll(() => t.close());

const headers = (who: Who) => (who === 'anonymous' ? {} : bearer(fx.tokens[who]));

/** A fresh Bolton dataset per case, so one case's write never changes another's input. */
async function freshDataset(
  options: { visibility?: 'private'; state?: 'draft'; deleted?: boolean } = {},
) {
  counter += 1;
  const slug = `case-${counter}`;
  await createDataset(t.ctx, fx.editorActor, {
    slug,
    title: `Case ${counter}`,
    organisation: 'bolton',
    ...(options.visibility ? { visibility: options.visibility } : {}),
    ...(options.state ? { state: options.state } : {}),
  });
  const resource = await addFileResource(t.ctx, fx.editorActor, slug, {
    fileName: 'data.csv',
    stream: Readable.from(['ward,count\nHalliwell,3\n']),
  });
  const stored = (await findResource(t.ctx, resource.id))?.resource;
  if (!stored) throw new Error('resource not stored');
  const load = await createLoad(t.ctx, stored, null);
  await runLoad(t.ctx, load.id);
  if (options.deleted) await deleteDataset(t.ctx, fx.editorActor, slug);
  return { slug, resourceId: resource.id };
}

interface WriteCase {
  name: string;
  request: (
    slug: string,
    resourceId: string,
  ) => {
    method: 'POST' | 'PATCH' | 'DELETE';
    url: string;
    payload?: object | Buffer;
    headers?: Record<string, string>;
  };
  deleted?: boolean;
  ok: number;
  /** Activity records an allowed write adds (a new file and its load are two). */
  activities?: number;
}

const writes: WriteCase[] = [
  {
    name: 'create a dataset',
    request: () => ({
      method: 'POST',
      url: '/api/v1/datasets',
      payload: { title: 'New data', organisation: 'bolton' },
    }),
    ok: 201,
  },
  {
    name: 'change a dataset',
    request: (slug) => ({
      method: 'PATCH',
      url: `/api/v1/datasets/${slug}`,
      payload: { title: 'Changed' },
    }),
    ok: 200,
  },
  {
    name: 'delete a dataset',
    request: (slug) => ({ method: 'DELETE', url: `/api/v1/datasets/${slug}` }),
    ok: 204,
  },
  {
    name: 'restore a dataset',
    request: (slug) => ({ method: 'POST', url: `/api/v1/datasets/${slug}/restore` }),
    deleted: true,
    ok: 200,
  },
  {
    name: 'add a resource',
    request: (slug) => ({
      method: 'POST',
      url: `/api/v1/datasets/${slug}/resources`,
      payload: { name: 'More', url: 'https://example.org/more.csv' },
    }),
    ok: 201,
  },
  {
    name: 'load the data again',
    request: (_slug, id) => ({
      method: 'POST',
      url: `/api/v1/resources/${id}/loads?wait=true`,
      payload: {},
    }),
    ok: 201,
  },
  {
    name: 'replace the data',
    request: (_slug, id) => {
      const { body, contentType } = multipartBody(
        {},
        { field: 'file', filename: 'v2.csv', content: 'ward,count\nAstley Bridge,5\n' },
      );
      return {
        method: 'POST',
        url: `/api/v1/resources/${id}/data?wait=true`,
        payload: body,
        headers: { 'content-type': contentType },
      };
    },
    ok: 201,
    activities: 2,
  },
];

// What each caller gets when writing to a public Bolton dataset.
const writeOutcome = (who: Who, ok: number, deleted: boolean): number => {
  // A deleted dataset is invisible to everyone who could not restore it.
  if (deleted && ['anonymous', 'outsider', 'member', 'otherEditor'].includes(who)) return 404;
  switch (who) {
    case 'editor':
    case 'admin':
      return ok;
    case 'anonymous':
    case 'expired':
    case 'revoked':
      return 401;
    default:
      return 403;
  }
};

describe.each(writes)('$name', (c) => {
  it.each(EVERYONE)('as %s', async (who) => {
    const { slug, resourceId } = await freshDataset({ deleted: c.deleted ?? false });
    const before = await t.ctx.db.kysely
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const req = c.request(slug, resourceId);
    const res = await t.app.inject({ ...req, headers: { ...req.headers, ...headers(who) } });
    const expected = writeOutcome(who, c.ok, c.deleted ?? false);
    expect(res.statusCode, res.body).toBe(expected);
    const after = await t.ctx.db.kysely
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    // Allowed writes are logged; refused ones change nothing, not even the log.
    expect(Number(after.n) - Number(before.n)).toBe(expected === c.ok ? (c.activities ?? 1) : 0);
    if (expected >= 400) expect(res.json()).toHaveProperty('error.code');
  });
});

describe('creating an organisation', () => {
  it.each(EVERYONE)('as %s', async (who) => {
    counter += 1;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: headers(who),
      payload: { slug: `org-${counter}`, name: `Org ${counter}`, kind: 'other' },
    });
    const expected =
      who === 'admin' ? 201 : ['anonymous', 'expired', 'revoked'].includes(who) ? 401 : 403;
    expect(res.statusCode).toBe(expected);
  });
});

type Kind = 'private' | 'draft' | 'deleted';
const seers: Record<Kind, Who[]> = {
  private: ['member', 'editor', 'admin', 'readOnlyEditor'],
  draft: ['member', 'editor', 'admin', 'readOnlyEditor'],
  deleted: ['editor', 'admin', 'readOnlyEditor'],
};

describe.each(['private', 'draft', 'deleted'] as Kind[])('reading a %s dataset', (kind) => {
  const reads: [string, (slug: string, resourceId: string) => string][] = [
    ['the dataset', (slug) => `/api/v1/datasets/${slug}`],
    ['its resources', (slug) => `/api/v1/datasets/${slug}/resources`],
    ['its activity', (slug) => `/api/v1/datasets/${slug}/activity`],
    ['a resource', (_slug, id) => `/api/v1/resources/${id}`],
    ['its rows', (_slug, id) => `/api/v1/resources/${id}/query`],
    ['its rows as JSON', (_slug, id) => `/api/v1/resources/${id}/query?format=json`],
  ];
  it.each(EVERYONE)('as %s', async (who) => {
    const { slug, resourceId } = await freshDataset(
      kind === 'private'
        ? { visibility: 'private' }
        : kind === 'draft'
          ? { state: 'draft' }
          : { deleted: true },
    );
    for (const [what, url] of reads) {
      const res = await t.app.inject({ url: url(slug, resourceId), headers: headers(who) });
      const expected = ['expired', 'revoked'].includes(who)
        ? 401
        : seers[kind].includes(who)
          ? 200
          : 404;
      expect(res.statusCode, `${what}: ${res.body}`).toBe(expected);
    }
    // Lists, search and facet counts agree with the dataset page.
    const search = await t.app.inject({
      url: `/api/v1/datasets?q=case&per_page=100`,
      headers: headers(who),
    });
    if (search.statusCode === 200) {
      const slugs = search.json<{ results: { slug: string }[] }>().results.map((r) => r.slug);
      expect(slugs.includes(slug)).toBe(kind !== 'deleted' && seers[kind].includes(who));
    }
  });
});

describe('counts never reveal unpublished datasets', () => {
  it('facets, themes, tags and organisation counts match what anonymous users can open', async () => {
    const search = await t.app.inject('/api/v1/datasets?per_page=100');
    const body = search.json<{
      total: number;
      results: { slug: string; state: string; visibility: string }[];
      facets: { organisation: { value: string; count: number }[] };
    }>();
    expect(body.results.every((r) => r.state === 'active' && r.visibility === 'public')).toBe(true);
    expect(body.total).toBe(body.results.length);
    const facetTotal = body.facets.organisation.reduce((sum, f) => sum + f.count, 0);
    expect(facetTotal).toBe(body.total);
    const orgs = (await t.app.inject('/api/v1/organisations')).json<{
      results: { dataset_count: number }[];
    }>();
    expect(orgs.results.reduce((s, o) => s + o.dataset_count, 0)).toBe(body.total);
    const tags = (await t.app.inject('/api/v1/tags')).json<{ results: { tag: string }[] }>();
    expect(tags.results.map((x) => x.tag)).not.toContain('internal');
  });
});

describe('the CKAN Action API', () => {
  // CKAN's statuses: 403 Authorization Error for every refusal (no token or a bad one too),
  // 404 Not Found Error for what the caller may not see.
  const ckanHeaders = (who: Who): Record<string, string> =>
    who === 'anonymous' ? {} : { authorization: fx.tokens[who] };
  const ckanWrite = (who: Who, hidden: boolean): number => {
    if (['editor', 'admin'].includes(who)) return 200;
    if (hidden && ['outsider', 'otherEditor'].includes(who)) return 404;
    return 403;
  };
  const activities = async () =>
    Number(
      (
        await t.ctx.db.kysely
          .selectFrom('activities')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const upload = (slug: string) =>
    multipartBody(
      { package_id: slug, name: 'Upload' },
      { field: 'upload', filename: 'u.csv', content: 'ward,count\nHalliwell,3\n' },
    );
  const ckanWrites: [string, (slug: string, id: string) => object | Buffer, boolean?][] = [
    ['package_create', () => ({ name: `ckan-new-${counter}`, owner_org: 'bolton' })],
    ['package_patch', (slug) => ({ id: slug, title: 'Changed' })],
    ['package_update', (slug) => ({ id: slug, title: 'Replaced' })],
    ['package_delete', (slug) => ({ id: slug })],
    ['resource_create', (slug) => ({ package_id: slug, url: 'https://example.org/more.csv' })],
    ['resource_create', (slug) => upload(slug).body, true],
    ['resource_patch', (_slug, id) => ({ id, name: 'Renamed' })],
    ['resource_delete', (_slug, id) => ({ id })],
  ];

  describe.each([false, true])('writing (private dataset: %s)', (hidden) => {
    describe.each(ckanWrites)('%s', (name, payload, multipart) => {
      it.each(EVERYONE)('as %s', async (who) => {
        const { slug, resourceId } = await freshDataset(hidden ? { visibility: 'private' } : {});
        const before = await activities();
        const body = payload(slug, resourceId);
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/3/action/${name}`,
          payload: body,
          headers: {
            ...ckanHeaders(who),
            ...(multipart ? { 'content-type': upload(slug).contentType } : {}),
          },
        });
        // Creating a dataset names no existing one: nothing to hide.
        const expected = ckanWrite(who, hidden && name !== 'package_create');
        expect(res.statusCode, res.body).toBe(expected);
        const added = (await activities()) - before;
        if (expected === 200) expect(added).toBeGreaterThan(0);
        else {
          expect(added).toBe(0);
          expect(res.json()).toMatchObject({
            success: false,
            error: { __type: expected === 404 ? 'Not Found Error' : 'Authorization Error' },
          });
        }
      });
    });
  });

  describe.each(['private', 'draft'] as const)('reading a %s dataset’s data', (kind) => {
    it.each(EVERYONE)('as %s', async (who) => {
      const { resourceId } = await freshDataset(
        kind === 'private' ? { visibility: 'private' } : { state: 'draft' },
      );
      const sees = seers[kind].includes(who);
      const badToken = ['expired', 'revoked'].includes(who);
      const calls: [string, object, number][] = [
        ['datastore_search', { resource_id: resourceId }, sees ? 200 : 404],
        ['datastore_info', { id: resourceId }, sees ? 200 : 404],
        ['datastore_search_sql', { sql: `SELECT * FROM "${resourceId}"` }, sees ? 200 : 403],
      ];
      for (const [name, params, ok] of calls) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/3/action/${name}`,
          payload: params,
          headers: ckanHeaders(who),
        });
        expect(res.statusCode, `${name}: ${res.body}`).toBe(badToken ? 403 : ok);
        if (res.statusCode !== 200) expect(res.body).not.toContain('Halliwell');
      }
    });
  });
});

describe('the DCAT-AP catalogue never holds unpublished datasets', () => {
  // DCAT describes what an anonymous visitor sees, whoever asks (docs/api.md, "DCAT-AP 3").
  const hidden: string[] = [];
  beforeAll(async () => {
    for (const options of [
      { visibility: 'private' as const },
      { state: 'draft' as const },
      { deleted: true },
    ]) {
      hidden.push((await freshDataset(options)).slug);
    }
  });

  it.each(EVERYONE)('as %s', async (who) => {
    const publicTotal = (await t.app.inject('/api/v1/datasets?per_page=1')).json<{
      total: number;
    }>().total;
    for (const url of [
      '/catalog.ttl',
      '/catalog.jsonld',
      '/catalog.rdf',
      '/catalog.xml',
      '/catalog.ttl?q=case',
    ]) {
      const res = await t.app.inject({ url, headers: headers(who) });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      for (const slug of hidden) expect(res.body, url).not.toContain(`/dataset/${slug}`);
      if (url === '/catalog.ttl') expect(res.body).toContain(`hydra:totalItems ${publicTotal}`);
    }
    const turtle = { ...headers(who), accept: 'text/turtle' };
    for (const slug of hidden) {
      for (const [url, h] of [
        [`/dataset/${slug}.ttl`, headers(who)],
        [`/dataset/${slug}.jsonld`, headers(who)],
        [`/dataset/${slug}.rdf`, headers(who)],
        [`/dataset/${slug}`, turtle],
        [`/datasets/${slug}`, turtle],
      ] as const) {
        const res = await t.app.inject({ url, headers: h });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(404);
        expect(res.headers['content-type'], url).not.toMatch(/turtle|ld\+json|rdf/);
      }
    }
  });
});

describe.each(['private', 'draft', 'deleted'] as Kind[])('the CKAN API on a %s dataset', (kind) => {
  const ckan = async (who: Who, name: string, query: string) => {
    const res = await t.app.inject({
      url: `/api/3/action/${name}?${query}`,
      headers: headers(who),
    });
    return { status: res.statusCode, result: res.json<{ result: unknown }>().result };
  };
  it.each(EVERYONE)('as %s', async (who) => {
    const { slug, resourceId } = await freshDataset(
      kind === 'private'
        ? { visibility: 'private' }
        : kind === 'draft'
          ? { state: 'draft' }
          : { deleted: true },
    );
    const badToken = ['expired', 'revoked'].includes(who);
    const sees = seers[kind].includes(who);
    // CKAN answers a refused key with 403 Authorization Error, a hidden dataset with 404.
    const reads: [string, string][] = [
      ['package_show', `id=${slug}`],
      ['resource_show', `id=${resourceId}`],
      ['resource_view_list', `id=${resourceId}`],
      ['package_activity_list', `id=${slug}`],
    ];
    for (const [name, query] of reads) {
      const { status } = await ckan(who, name, query);
      expect(status, name).toBe(badToken ? 403 : sees ? 200 : 404);
    }
    if (badToken) return;
    // Searches, lists and streams show it only to those who may read it, and only when asked.
    const everything = 'include_private=true&include_drafts=true&rows=1000';
    const found = async (query: string) =>
      ((await ckan(who, 'package_search', query)).result as { results: { name: string }[] }).results
        .map((r) => r.name)
        .includes(slug);
    expect(await found(everything)).toBe(sees && kind !== 'deleted');
    expect(await found('rows=1000')).toBe(false);
    expect(await found(`fq=name:${slug}&${everything}`)).toBe(sees && kind !== 'deleted');
    const list = (await ckan(who, 'package_list', '')).result as string[];
    expect(list).not.toContain(slug);
    const recent = (await ckan(who, 'recently_changed_packages_activity_list', 'limit=100'))
      .result as { object_id: string; data: { package: { name: string } | null } }[];
    expect(recent.some((a) => a.data.package?.name === slug)).toBe(sees && kind === 'private');
    // Counts agree with what the caller can find.
    const bolton = (await ckan(who, 'organization_show', 'id=bolton')).result as {
      package_count: number;
    };
    const searched = (
      await ckan(who, 'package_search', 'fq=organization:bolton&include_private=true')
    ).result as { count: number };
    expect(bolton.package_count).toBe(searched.count);
    const tags = (await ckan(who, 'tag_list', '')).result as string[];
    expect(tags.includes('internal')).toBe(seers.private.includes(who));
    expect(tags).not.toContain('cycling');
    const facets = (
      (await ckan(who, 'package_search', `${everything}&facet.field=["tags"]`)).result as {
        facets: { tags: Record<string, number> };
      }
    ).facets.tags;
    expect('internal' in facets).toBe(seers.private.includes(who));
    expect('cycling' in facets).toBe(seers.draft.includes(who));
  });
});

describe.each(['private', 'draft', 'deleted'] as Kind[])(
  'a %s dataset in data packages, the sitemap and the feeds',
  (kind) => {
    it.each(EVERYONE)('as %s', async (who) => {
      const { slug } = await freshDataset(
        kind === 'private'
          ? { visibility: 'private' }
          : kind === 'draft'
            ? { state: 'draft' }
            : { deleted: true },
      );
      // A data package is the dataset's data: only those who may read it, and never deleted.
      const mayRead = kind !== 'deleted' && seers[kind].includes(who);
      for (const file of ['datapackage.json', 'datapackage.zip']) {
        const res = await t.app.inject({
          url: `/dataset/${slug}/datapackage.${file.split('.')[1] ?? ''}`,
          headers: headers(who),
        });
        // Not the API: a token that is no longer valid is ignored, as pages ignore it.
        const expected = mayRead ? 200 : 404;
        expect(res.statusCode, `${file}: ${res.body.slice(0, 200)}`).toBe(expected);
        if (res.statusCode === 200) expect(res.headers['cache-control']).toContain('private');
      }
      // Shared files list what anyone may read, whoever asks.
      for (const url of [
        '/sitemap.xml',
        '/sitemaps/1.xml',
        '/feeds/datasets.atom',
        '/datasets.atom',
        '/feeds/organisations/bolton.atom',
      ]) {
        const res = await t.app.inject({ url, headers: headers(who) });
        if (res.statusCode === 401) continue;
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).not.toContain(`/datasets/${slug}<`);
        expect(res.body, url).not.toContain(`<title>Case ${slug.slice(5)}</title>`);
      }
    });
  },
);

it('the sweep above would see a dataset in the sitemap and the feeds (public ones are there)', async () => {
  const { slug } = await freshDataset();
  const n = slug.slice(5);
  expect((await t.app.inject('/sitemap.xml')).body).toContain(`/datasets/${slug}<`);
  for (const url of ['/feeds/datasets.atom', '/feeds/organisations/bolton.atom']) {
    expect((await t.app.inject(url)).body).toContain(`<title>Case ${n}</title>`);
  }
  expect((await t.app.inject(`/dataset/${slug}/datapackage.json`)).statusCode).toBe(200);
});
