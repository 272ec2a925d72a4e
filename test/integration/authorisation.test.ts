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

// One table walks every read and write endpoint of /api/v1 with every kind of caller. A new
// endpoint belongs here (standards outputs: authorisation-standards.test.ts): if it is missing,
// private data may leak or a write may go unchecked.

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
