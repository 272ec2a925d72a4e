import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../helpers/multipart.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  EVERYONE,
  freshCase,
  seers,
  type CaseOptions,
  type Kind,
  type Who,
} from '../helpers/authorisation-matrix.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';

// The authorisation matrix of the standards outputs: the CKAN Action API (reads, writes and
// datastore), DCAT-AP, data packages, the sitemap and the feeds, with every kind of caller, over
// private, draft and deleted datasets. Nothing unpublished may show in any of them.

let t: TestApp;
let fx: Fixture;
let counter = 0;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
});
afterAll(() => t.close());

const headers = (who: Who) => (who === 'anonymous' ? {} : bearer(fx.tokens[who]));
const freshDataset = (options: CaseOptions = {}) => freshCase(t, fx, ++counter, options);

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
