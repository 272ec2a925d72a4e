import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datastoreResourceData } from '../../src/features/datastore/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';

// A dataset's resources each show their own datastore state (latest version, latest load) on its
// page and the publisher's, read for all of them in one go: a file reloaded, a file loaded once,
// a file whose upload failed to load, and a link with no data, side by side in one dataset.

let t: TestApp;
let fx: Fixture;
const SLUG = 'fly-tipping-reports';

async function upload(filename: string, content: string) {
  const { body, contentType } = multipartBody({}, { field: 'file', filename, content });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/datasets/${SLUG}/resources?wait=true`,
    headers: { ...bearer(fx.tokens.editor), 'content-type': contentType },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

let reloaded: string;
let reload: string;
let once: string;
let failed: string;
let link: string;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  reloaded = await upload('wards.csv', 'ward\nA\nB\n');
  const again = await t.app.inject({
    method: 'POST',
    url: `/api/v1/resources/${reloaded}/loads?wait=true`,
    headers: bearer(fx.tokens.editor),
    payload: {},
  });
  expect(again.statusCode, again.body).toBeLessThan(300);
  reload = again.json<{ id: string }>().id;
  once = await upload('counts.csv', 'n\n1\n2\n3\n');
  failed = await upload('broken.xlsx', 'not a workbook at all');
  const created = await t.app.inject({
    method: 'POST',
    url: `/api/v1/datasets/${SLUG}/resources`,
    headers: bearer(fx.tokens.editor),
    payload: { name: 'Policy', url: 'https://bolton.example/policy.pdf' },
  });
  expect(created.statusCode, created.body).toBe(201);
  link = created.json<{ id: string }>().id;
});
afterAll(() => t.close());

describe("a dataset's resources", () => {
  it('each carry their own latest version and load', async () => {
    const summaries = await datastoreResourceData.summaries(t.ctx, [reloaded, once, failed, link]);
    expect(summaries.get(reloaded)).toMatchObject({
      version: 2,
      rows: 2,
      fields: ['ward'],
      latest_load: { id: reload, status: 'succeeded' },
    });
    expect(summaries.get(once)).toMatchObject({
      version: 1,
      rows: 3,
      fields: ['n'],
      latest_load: { status: 'succeeded' },
    });
    expect(summaries.get(failed)).toMatchObject({
      version: null,
      rows: null,
      latest_load: { status: 'failed' },
    });
    expect(summaries.has(link)).toBe(false);
  });
});
