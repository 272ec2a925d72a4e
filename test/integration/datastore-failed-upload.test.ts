import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import { loadQueue } from '../../src/features/datastore/load-queue.js';
import { sweepBlobGarbage } from '../../src/platform/blobs/garbage-sweeper.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';
import { $, h1, PageClient } from '../helpers/pages.js';

// An upload that claims a tabular format and does not load changes nothing anyone can see: the
// resource keeps its file, format, size, hash and data; only the publisher reads what went wrong.

let t: TestApp;
let fx: Fixture;
const GOOD = 'ward,count\nHalliwell,12\nGreat Lever,7\n';
const PASSWORD = 'correct horse battery staple';

async function upload(url: string, filename: string, content: string | Buffer) {
  const { body, contentType } = multipartBody({}, { field: 'file', filename, content });
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...bearer(fx.tokens.editor), 'content-type': contentType },
    payload: body,
  });
}

interface ResourceJson {
  id: string;
  format: string;
  size: number | null;
  sha256: string | null;
  url: string | null;
  modified_at: string;
  datastore: { version: number | null; latest_load: { id: string; status: string } | null };
}

/** Everything a visitor can see of a resource and its dataset. */
async function visible(id: string) {
  const resource = (await t.app.inject(`/api/v1/resources/${id}`)).json<ResourceJson>();
  const download = await t.app.inject(`/api/v1/resources/${id}/download`);
  const rows = await t.app.inject(`/api/v1/resources/${id}/data`);
  const dataset = (await t.app.inject('/api/v1/datasets/fly-tipping-reports')).json<{
    modified_at: string;
    formats: string[];
  }>();
  const search = (await t.app.inject('/api/v1/datasets?q=fly-tipping')).json<unknown>();
  return {
    resource,
    download: { status: download.statusCode, body: download.body },
    rows: rows.json<unknown>(),
    dataset,
    search,
  };
}

const blobFiles = async (resourceId: string) =>
  (
    await readdir(path.join(t.ctx.config.blobDir, 'resources', resourceId), {
      recursive: true,
      withFileTypes: true,
    })
  ).filter((e) => e.isFile()).length;

let resourceId: string;

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
  await setPassword(t.ctx, 'editor@bolton.example', PASSWORD);
  const res = await upload(
    '/api/v1/datasets/fly-tipping-reports/resources?wait=true',
    'wards.csv',
    GOOD,
  );
  expect(res.statusCode, res.body).toBe(201);
  resourceId = res.json<{ id: string }>().id;
});
afterAll(() => t.close());

const BROKEN: [string, string | Buffer, RegExp][] = [
  ['wards.xlsx', Buffer.from('PK\u0003\u0004 this is not really a workbook'), /xlsx/i],
  ['wards.csv', 'ward,count\n', /no rows/],
  ['wards.geojson', '{"type": "FeatureCollection", "features": [', /GeoJSON|JSON/],
];

describe('a replacement that fails to load', () => {
  it.each(BROKEN)('changes nothing visible: %s', async (name, content, error) => {
    const before = await visible(resourceId);
    expect(before.resource).toMatchObject({ format: 'CSV', size: Buffer.byteLength(GOOD) });
    expect(before.download).toEqual({ status: 200, body: GOOD });
    const files = await blobFiles(resourceId);

    const res = await upload(`/api/v1/resources/${resourceId}/data?wait=true`, name, content);
    expect(res.statusCode, res.body).toBe(201);
    const load = res.json<{ load: { id: string; status: string; error: string } }>().load;
    expect(load.status).toBe('failed');
    expect(load.error).toMatch(error);

    expect(await visible(resourceId)).toEqual(before);
    // The failed file is cleaned up: nothing of it is left once the sweeper has run.
    await sweepBlobGarbage(t.ctx.db.kysely, t.ctx.blobs);
    expect(await blobFiles(resourceId)).toBe(files);

    // The publisher reads the failed attempt's report; anonymous visitors cannot.
    const mine = await t.app.inject({
      url: `/api/v1/resources/${resourceId}/loads/${load.id}`,
      headers: bearer(fx.tokens.editor),
    });
    expect(mine.statusCode).toBe(200);
    const report = mine.json<{ status: string; error: string; report: { errors: string[] } }>();
    expect(report.status).toBe('failed');
    expect(report.error).toMatch(error);
    expect(report.report.errors).toEqual([report.error]);
    const anonymous = await t.app.inject(`/api/v1/resources/${resourceId}/loads/${load.id}`);
    expect(anonymous.statusCode).toBe(404);
    const publisherView = (
      await t.app.inject({
        url: `/api/v1/resources/${resourceId}`,
        headers: bearer(fx.tokens.editor),
      })
    ).json<ResourceJson>();
    expect(publisherView.datastore.latest_load).toMatchObject({ id: load.id, status: 'failed' });
  });

  it('changes nothing visible when replaced through the upload page', async () => {
    const before = await visible(resourceId);
    const browser = new PageClient(t.app);
    expect((await browser.signIn('editor@bolton.example', PASSWORD)).statusCode).toBe(303);
    const replaceUrl = `/publish/resources/${resourceId}/replace`;
    const res = await browser.upload(
      replaceUrl,
      multipartBody(
        { _csrf: await browser.csrfFrom(replaceUrl) },
        { field: 'file', filename: 'wards.xlsx', content: Buffer.from('not a workbook') },
      ),
    );
    expect(res.statusCode, res.body).toBe(303);
    const reportUrl = res.headers.location ?? '';
    await loadQueue(t.ctx).waitFor(reportUrl.split('/').pop() ?? '');
    expect(await visible(resourceId)).toEqual(before);
    const report = await browser.get(reportUrl);
    expect(h1(report.body)).toBe('“wards.csv” could not be loaded');
    expect($(report.body)('.govuk-error-summary').text()).toMatch(/xlsx/i);
    const anonymous = await t.app.inject(reportUrl);
    expect(anonymous.statusCode).toBe(303);
  });

  it('a replacement that loads changes the file, format and size at once', async () => {
    const csv = 'ward,count\nHalliwell,13\n';
    const res = await upload(`/api/v1/resources/${resourceId}/data?wait=true`, 'new.csv', csv);
    expect(res.json<{ load: { status: string } }>().load.status).toBe('succeeded');
    const after = await visible(resourceId);
    expect(after.resource).toMatchObject({ size: Buffer.byteLength(csv), format: 'CSV' });
    expect(after.download.body).toBe(csv);
  });
});

describe('a first upload that fails to load', () => {
  it('does not offer the broken bytes as the resource file, and reports to the publisher', async () => {
    const res = await upload(
      '/api/v1/datasets/fly-tipping-reports/resources?wait=true',
      'broken.xlsx',
      Buffer.from('not a workbook'),
    );
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ id: string; datastore: { load: { id: string; status: string } } }>();
    expect(created.datastore.load.status).toBe('failed');
    const resource = (await t.app.inject(`/api/v1/resources/${created.id}`)).json<ResourceJson>();
    expect(resource).toMatchObject({ url: null, size: null, sha256: null });
    expect(resource.datastore).toMatchObject({ version: null, latest_load: null });
    expect((await t.app.inject(`/api/v1/resources/${created.id}/download`)).statusCode).toBe(404);
    const report = await t.app.inject({
      url: `/api/v1/resources/${created.id}/loads/${created.datastore.load.id}`,
      headers: bearer(fx.tokens.editor),
    });
    expect(report.json()).toMatchObject({ status: 'failed' });
    await sweepBlobGarbage(t.ctx.db.kysely, t.ctx.blobs);
    expect(await blobFiles(created.id)).toBe(0);
  });
});

describe('a file that is not tabular', () => {
  it('is stored as the resource file at once, as before', async () => {
    const pdf = '%PDF-1.4 not tabular at all';
    const res = await upload('/api/v1/datasets/fly-tipping-reports/resources', 'minutes.pdf', pdf);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ id: string; size: number; kind: string }>();
    expect(created).toMatchObject({ size: pdf.length, kind: 'file' });
    expect((await t.app.inject(`/api/v1/resources/${created.id}/download`)).body).toBe(pdf);
  });
});
