import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/features/accounts/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  RESIDENT,
  seedShowcaseFixture,
  showcaseBody,
  testImage,
  type ShowcaseFixture,
} from '../helpers/showcase-fixture.js';
import { multipartBody } from '../helpers/multipart.js';

// Who may do what with showcases by API, for every kind of caller. Anyone signed in submits;
// only site admins approve or reject; a pending one is invisible to all but its author and the
// admins; its author or an admin changes or deletes it. Each case gets a showcase of its own.

let t: TestApp;
let fx: ShowcaseFixture;
let authorReadOnly = '';

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedShowcaseFixture(t);
  authorReadOnly = (
    await createToken(t.ctx, { email: RESIDENT.email, name: 'read only', scopes: ['read'] })
  ).token;
}, 60_000);
afterAll(() => t.close());

type Who =
  | 'anonymous'
  | 'author'
  | 'otherResident'
  | 'publisher'
  | 'siteAdmin'
  | 'authorReadOnly'
  | 'expired';
const WHO: Who[] = [
  'anonymous',
  'author',
  'otherResident',
  'publisher',
  'siteAdmin',
  'authorReadOnly',
  'expired',
];

const token = (who: Who): string | null =>
  ({
    anonymous: null,
    author: fx.residentToken,
    otherResident: fx.otherResidentToken,
    publisher: fx.tokens.editor,
    siteAdmin: fx.tokens.admin,
    authorReadOnly,
    expired: fx.tokens.expired,
  })[who];

function call(
  who: Who,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  const bearer = token(who);
  return t.app.inject({
    method,
    url,
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    ...(payload ? { payload } : {}),
  });
}

async function putImage(who: Who, slug: string) {
  const { body, contentType } = multipartBody(
    {},
    { field: 'image', filename: 'a.png', content: await testImage() },
  );
  const bearer = token(who);
  return t.app.inject({
    method: 'PUT',
    url: `/api/v1/showcases/${slug}/image`,
    headers: {
      'content-type': contentType,
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    payload: body,
  });
}

let n = 0;
/** A fresh showcase by the author, pending unless approved. */
async function fresh(approved = false): Promise<string> {
  n++;
  const res = await call(
    'author',
    'POST',
    '/api/v1/showcases',
    showcaseBody({ title: `Case ${n}` }),
  );
  const slug = res.json<{ slug: string }>().slug;
  if (approved) await call('siteAdmin', 'POST', `/api/v1/showcases/${slug}/approve`);
  return slug;
}

const rows: {
  name: string;
  approved: boolean;
  run: (who: Who, slug: string) => ReturnType<typeof call>;
  expect: Record<Who, number>;
}[] = [
  {
    name: 'GET a pending showcase',
    approved: false,
    run: (who, slug) => call(who, 'GET', `/api/v1/showcases/${slug}`),
    expect: {
      anonymous: 404,
      author: 200,
      otherResident: 404,
      publisher: 404,
      siteAdmin: 200,
      authorReadOnly: 200,
      expired: 401,
    },
  },
  {
    name: 'GET an approved showcase',
    approved: true,
    run: (who, slug) => call(who, 'GET', `/api/v1/showcases/${slug}`),
    expect: {
      anonymous: 200,
      author: 200,
      otherResident: 200,
      publisher: 200,
      siteAdmin: 200,
      authorReadOnly: 200,
      expired: 401,
    },
  },
  {
    name: 'POST approve',
    approved: false,
    run: (who, slug) => call(who, 'POST', `/api/v1/showcases/${slug}/approve`),
    expect: {
      anonymous: 401,
      author: 403,
      otherResident: 403,
      publisher: 403,
      siteAdmin: 200,
      authorReadOnly: 403,
      expired: 401,
    },
  },
  {
    name: 'POST reject',
    approved: false,
    run: (who, slug) => call(who, 'POST', `/api/v1/showcases/${slug}/reject`, { reason: 'No' }),
    expect: {
      anonymous: 401,
      author: 403,
      otherResident: 403,
      publisher: 403,
      siteAdmin: 200,
      authorReadOnly: 403,
      expired: 401,
    },
  },
  {
    name: 'PUT the image of a pending showcase',
    approved: false,
    run: putImage,
    expect: {
      anonymous: 404,
      author: 200,
      otherResident: 404,
      publisher: 404,
      siteAdmin: 200,
      authorReadOnly: 403,
      expired: 401,
    },
  },
  {
    name: 'PATCH a pending showcase',
    approved: false,
    run: (who, slug) => call(who, 'PATCH', `/api/v1/showcases/${slug}`, { link: 'https://x.org/' }),
    expect: {
      anonymous: 404,
      author: 200,
      otherResident: 404,
      publisher: 404,
      siteAdmin: 200,
      authorReadOnly: 403,
      expired: 401,
    },
  },
  {
    name: 'PATCH an approved showcase',
    approved: true,
    run: (who, slug) => call(who, 'PATCH', `/api/v1/showcases/${slug}`, { link: 'https://x.org/' }),
    expect: {
      anonymous: 401,
      author: 200,
      otherResident: 403,
      publisher: 403,
      siteAdmin: 200,
      authorReadOnly: 403,
      expired: 401,
    },
  },
  {
    name: 'PUT the image of an approved showcase',
    approved: true,
    run: putImage,
    expect: {
      anonymous: 401,
      author: 200,
      otherResident: 403,
      publisher: 403,
      siteAdmin: 200,
      authorReadOnly: 403,
      expired: 401,
    },
  },
  {
    name: 'DELETE an approved showcase',
    approved: true,
    run: (who, slug) => call(who, 'DELETE', `/api/v1/showcases/${slug}`),
    expect: {
      anonymous: 401,
      author: 204,
      otherResident: 403,
      publisher: 403,
      siteAdmin: 204,
      authorReadOnly: 403,
      expired: 401,
    },
  },
  {
    name: 'DELETE a pending showcase',
    approved: false,
    run: (who, slug) => call(who, 'DELETE', `/api/v1/showcases/${slug}`),
    expect: {
      anonymous: 404,
      author: 204,
      otherResident: 404,
      publisher: 404,
      siteAdmin: 204,
      authorReadOnly: 403,
      expired: 401,
    },
  },
];

describe('showcases by API', () => {
  for (const who of WHO) {
    const expected = {
      anonymous: 401,
      author: 201,
      otherResident: 201,
      publisher: 201,
      siteAdmin: 201,
      authorReadOnly: 403,
      expired: 401,
    }[who];
    it(`POST /api/v1/showcases as ${who}: ${expected}`, async () => {
      const res = await call(
        who,
        'POST',
        '/api/v1/showcases',
        showcaseBody({ title: `By ${who}` }),
      );
      expect(res.statusCode).toBe(expected);
    });
  }

  for (const row of rows) {
    for (const who of WHO) {
      it(`${row.name} as ${who}: ${row.expect[who]}`, async () => {
        const slug = await fresh(row.approved);
        const res = await row.run(who, slug);
        expect(res.statusCode).toBe(row.expect[who]);
        const after = await call('siteAdmin', 'GET', `/api/v1/showcases/${slug}`);
        if (res.statusCode >= 400) {
          // Refused means nothing changed.
          expect(after.json()).toMatchObject({
            status: row.approved ? 'approved' : 'pending',
            link: 'https://example.org/bus-watch',
            image: null,
          });
        }
      });
    }
  }

  it('never lists a pending showcase to anyone but its author and the admins', async () => {
    const slug = await fresh();
    for (const who of WHO) {
      const res = await call(who, 'GET', '/api/v1/showcases?status=pending&per_page=1000');
      if (who === 'expired') continue;
      const slugs = res.json<{ results: { slug: string }[] }>().results.map((s) => s.slug);
      expect(slugs.includes(slug), who).toBe(
        ['author', 'siteAdmin', 'authorReadOnly'].includes(who),
      );
    }
  });
});
