import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPassword } from '../../src/features/accounts/index.js';
import { exportJobHandlers } from '../../src/features/datastore/index.js';
import { BlobCache } from '../../src/platform/blobs/blob-cache.js';
import { runDueJobs } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';
import { PageClient } from '../helpers/pages.js';
import { cameraPhoto, postDetails } from '../helpers/report-journey.js';
import { seedReportFixture, type ReportFixture } from '../helpers/report-fixture.js';
import { startS3Server, type S3TestServer } from '../helpers/s3-server.js';

// BLOB_STORE=s3: files live in an S3-compatible bucket (s3rver here), nothing on the node's disk
// but the cache DuckDB reads Parquet from; every way in and out of a file works as on disk.

let s3: S3TestServer;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3.close();
});

const CSV = ['borough,cost', ...Array.from({ length: 120 }, (_, i) => `B${i % 3},${i}`)].join('\n');

describe('the datastore on object storage', () => {
  let t: TestApp;
  let fx: Fixture;
  let resourceId = '';
  beforeAll(async () => {
    t = await createTestApp(s3.config);
    fx = await seedFixture(t.ctx);
  });
  afterAll(() => t.close());

  const version = () =>
    t.ctx.db.kysely
      .selectFrom('datastore_versions')
      .selectAll()
      .where('resource_id', '=', resourceId)
      .executeTakeFirstOrThrow();
  const totals = () =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/resources/${resourceId}/query`,
      payload: { group_by: ['borough'], aggregates: [{ fn: 'sum', field: 'cost', as: 'total' }] },
    });

  it('takes an upload into the bucket and loads it into the datastore', async () => {
    const { body, contentType } = multipartBody(
      {},
      { field: 'file', filename: 'costs.csv', content: CSV },
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/datasets/fly-tipping-reports/resources?wait=true',
      headers: { ...bearer(fx.tokens.editor), 'content-type': contentType },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ id: string; datastore: { load: { status: string } } }>();
    expect(created.datastore.load.status).toBe('succeeded');
    resourceId = created.id;
    expect(existsSync(t.ctx.config.blobDir)).toBe(false); // no file on the node's own disk
    expect(await t.ctx.blobs.exists((await version()).blob_key)).toBe(true);
  });

  it('answers queries, SQL and exports, the loading node downloading nothing', async () => {
    const res = await totals();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ records: unknown[] }>().records).toEqual([
      { borough: 'B0', total: 2340 },
      { borough: 'B1', total: 2380 },
      { borough: 'B2', total: 2420 },
    ]);
    const sql = await t.app.inject(
      `/api/v1/sql?q=${encodeURIComponent(`SELECT count(*) AS n FROM "${resourceId}"`)}`,
    );
    expect(sql.json<{ records: unknown[] }>().records).toEqual([{ n: 120 }]);
    const csv = await t.app.inject(`/api/v1/resources/${resourceId}/export.csv`);
    expect(csv.body.trimEnd().split('\n')).toHaveLength(121);
    // The load's Parquet file went into this node's cache as it was stored.
    expect((await s3.gets())[(await version()).blob_key]).toBeUndefined();
  });

  it('on a cold node, downloads the version once for many queries at the same moment', async () => {
    await rm(t.ctx.config.cacheDir, { recursive: true, force: true });
    t.ctx.blobCache = new BlobCache(t.ctx.blobs, t.ctx.config.cacheDir, 1_000_000_000);
    const answers = await Promise.all(Array.from({ length: 6 }, () => totals()));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await s3.gets())[(await version()).blob_key]).toBe(1);
    expect(await readdir(t.ctx.config.cacheDir)).toHaveLength(2); // the file and .tmp
  });

  it('serves the whole-version download from the bucket, the Parquet file not read', async () => {
    const streamed = await t.app.inject(`/api/v1/resources/${resourceId}/export.csv`);
    await runDueJobs(t.ctx.db, exportJobHandlers(t.ctx));
    const built = await t.ctx.db.kysely
      .selectFrom('datastore_downloads')
      .selectAll()
      .where('resource_id', '=', resourceId)
      .where('format', '=', 'csv')
      .executeTakeFirstOrThrow();
    // A cold node: nothing in its cache, yet the download needs only the built file.
    await rm(t.ctx.config.cacheDir, { recursive: true, force: true });
    t.ctx.blobCache = new BlobCache(t.ctx.blobs, t.ctx.config.cacheDir, 1_000_000_000);
    const parquetGets = (await s3.gets())[(await version()).blob_key] ?? 0;
    const res = await t.app.inject(`/api/v1/resources/${resourceId}/export.csv`);
    expect([res.statusCode, res.headers.etag]).toEqual([200, `"${built.sha256}"`]);
    expect(res.body).toBe(streamed.body);
    expect((await s3.gets())[built.blob_key]).toBe(1);
    expect((await s3.gets())[(await version()).blob_key] ?? 0).toBe(parquetGets);
  });

  it('serves the original file for download', async () => {
    const res = await t.app.inject(`/api/v1/resources/${resourceId}/download`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(CSV);
  });
});

describe('report photos on object storage', () => {
  let t: TestApp;
  let fx: ReportFixture;
  beforeAll(async () => {
    t = await createTestApp(s3.config);
    fx = await seedReportFixture(t.ctx);
    await setPassword(t.ctx, fx.emails.resident, 'a long enough password');
  }, 60_000);
  afterAll(() => t.close());

  it('stores a photo in the bucket and serves it back', async () => {
    const client = new PageClient(t.app, { remoteAddress: '203.0.113.30' });
    await client.signIn(fx.emails.resident, 'a long enough password');
    const page = `/report/details?lat=${fx.points.west.lat}&lon=${fx.points.west.lon}&category=fly-tipping`;
    const jpeg = await cameraPhoto(400, 300);
    const res = await postDetails(client, page, { description: 'Mattress on the verge' }, [
      { field: 'photos', filename: 'IMG_1.JPG', content: jpeg, contentType: 'image/jpeg' },
    ]);
    expect(res.statusCode).toBe(303);
    const photo = await t.ctx.db.kysely
      .selectFrom('report_photos')
      .innerJoin('reports', 'reports.id', 'report_photos.report_id')
      .select(['report_photos.id', 'report_photos.report_id', 'report_photos.blob_key'])
      .where('reports.description', '=', 'Mattress on the verge')
      .executeTakeFirstOrThrow();
    expect(await t.ctx.blobs.exists(photo.blob_key)).toBe(true);
    const served = await new PageClient(t.app).get(
      `/reports/${photo.report_id}/photos/${photo.id}.jpg`,
    );
    expect(served.statusCode).toBe(200);
    const meta = await sharp(served.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 300, 400]);
  });
});
