import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJobHandlers, pruneVersions } from '../../src/features/datastore/index.js';
import { buildDownloads } from '../../src/features/datastore/export-build.js';
import { migrateDown, migrateToLatest } from '../../src/platform/db/migrate.js';
import { runDueJobs } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';

// A whole version's downloads are built once by a job after the load publishes it, and served
// from the blob store (ETag, Content-Length, 304) with the very bytes the streamed export gives;
// anything with parameters, or a download not built yet, is streamed as before.

let t: TestApp;
let fx: Fixture;

const CSV = (rows: number, shift = 0) =>
  [
    'id,borough,lat,lon,when',
    ...Array.from({ length: rows }, (_, i) => {
      const n = i + 1 + shift;
      const at = `2024-0${(n % 9) + 1}-0${(n % 9) + 1}T10:00:00Z`;
      return `${n},${['Bolton', 'Bury', 'Wigan'][n % 3] ?? ''},53.${n % 10},-2.${n % 7},${at}`;
    }),
  ].join('\n') + '\n';

async function send(url: string, dataset: string, name: string, content: string) {
  const { body, contentType } = multipartBody({}, { field: 'file', filename: name, content });
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: { ...bearer(fx.tokens.editor), 'content-type': contentType },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

const upload = (dataset: string, name: string, content: string) =>
  send(`/api/v1/datasets/${dataset}/resources?wait=true`, dataset, name, content);

const exportOf = (
  id: string,
  fmt: string,
  { qs = '', token, method = 'GET', etag }: Options = {},
) =>
  t.app.inject({
    method,
    url: `/api/v1/resources/${id}/export.${fmt}${qs ? `?${qs}` : ''}`,
    headers: { ...(token ? bearer(token) : {}), ...(etag ? { 'if-none-match': etag } : {}) },
  });
interface Options {
  qs?: string;
  token?: string;
  method?: 'GET' | 'HEAD';
  etag?: string;
}

/** What a node's job runner would do: build every download asked for. */
const runExportJobs = () => runDueJobs(t.ctx.db, exportJobHandlers(t.ctx));

const downloadRows = (resourceId: string) =>
  t.ctx.db.kysely
    .selectFrom('datastore_downloads')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .orderBy('version')
    .orderBy('format')
    .execute();

/** The built files of a version in the (local) blob store. */
const builtFiles = (resourceId: string, version: number) =>
  readdir(
    path.join(t.ctx.config.blobDir, 'datastore', resourceId, 'downloads', String(version)),
  ).catch(() => []);

beforeAll(async () => {
  t = await createTestApp();
  fx = await seedFixture(t.ctx);
});
afterAll(() => t.close());

describe('whole-version downloads built ahead', () => {
  it('are the very bytes of the streamed export, in csv, geojson and xlsx', async () => {
    const id = await upload('fly-tipping-reports', 'sightings.csv', CSV(300));
    const streamed = new Map<string, Buffer>();
    for (const fmt of ['csv', 'geojson', 'xlsx']) {
      const res = await exportOf(id, fmt);
      expect(res.statusCode, res.body).toBe(200);
      // Not built yet: streamed as ever, and no ETag to promise the bytes by.
      expect(res.headers.etag).toBeUndefined();
      streamed.set(fmt, res.rawPayload);
    }
    expect(await runExportJobs()).toBe(1);
    for (const fmt of ['csv', 'geojson', 'xlsx']) {
      const res = await exportOf(id, fmt);
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
      expect(res.headers['content-length']).toBe(String(res.rawPayload.length));
      expect(res.rawPayload.equals(streamed.get(fmt) ?? Buffer.alloc(0))).toBe(true);
    }
    const first = await exportOf(id, 'csv');
    expect(first.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(first.headers['content-disposition']).toMatch(
      /^attachment; filename="fly-tipping-reports-sightings-csv-v1\.csv"/,
    );
    expect(first.headers['cache-control']).toBeUndefined();
    // Formats not built ahead stream as before.
    expect((await exportOf(id, 'ndjson')).headers.etag).toBeUndefined();
  });

  it('are served from the store: 304 on If-None-Match, HEAD with the size, no Parquet read', async () => {
    const id = await upload('fly-tipping-reports', 'served.csv', CSV(50));
    await runExportJobs();
    const first = await exportOf(id, 'csv');
    const etag = String(first.headers.etag);
    const again = await exportOf(id, 'csv', { etag });
    expect([again.statusCode, again.body, again.headers.etag]).toEqual([304, '', etag]);
    expect((await exportOf(id, 'csv', { etag: `"other", W/${etag}` })).statusCode).toBe(304);
    expect((await exportOf(id, 'csv', { etag: '"other"' })).statusCode).toBe(200);
    const head = await exportOf(id, 'csv', { method: 'HEAD' });
    expect([head.statusCode, head.headers['content-length'], head.headers.etag]).toEqual([
      200,
      String(first.rawPayload.length),
      etag,
    ]);
    // An explicit version is the whole version too.
    expect((await exportOf(id, 'csv', { qs: 'version=1' })).headers.etag).toBe(etag);
    // A filtered download is a query of the version's Parquet file, streamed.
    const filtered = await exportOf(id, 'csv', { qs: 'filter=borough:eq:Bury' });
    expect([filtered.statusCode, filtered.headers.etag]).toEqual([200, undefined]);
    expect(
      filtered.body
        .trimEnd()
        .split('\n')
        .slice(1)
        .every((l) => l.includes(',Bury,')),
    ).toBe(true);

    // Without the Parquet file no query can run, yet the whole download is still there.
    const version = await t.ctx.db.kysely
      .selectFrom('datastore_versions')
      .select('blob_key')
      .where('resource_id', '=', id)
      .executeTakeFirstOrThrow();
    await t.ctx.blobs.delete(version.blob_key);
    const stored = await exportOf(id, 'csv');
    expect(stored.statusCode).toBe(200);
    expect(stored.rawPayload.equals(first.rawPayload)).toBe(true);
    expect((await exportOf(id, 'csv', { qs: 'limit=1' })).statusCode).toBe(500);
  });

  it('are built again for a new version, and the old files go with retention', async () => {
    const id = await upload('fly-tipping-reports', 'versions.csv', CSV(20));
    await runExportJobs();
    const v1 = (await exportOf(id, 'csv')).headers.etag;
    await send(`/api/v1/resources/${id}/data?wait=true`, '', 'versions.csv', CSV(30, 100));
    // Published, not built yet: the new version is streamed meanwhile, never the old file.
    const meanwhile = await exportOf(id, 'csv');
    expect(meanwhile.headers.etag).toBeUndefined();
    expect(meanwhile.body).toContain('\n101,');
    await runExportJobs();
    const v2 = await exportOf(id, 'csv');
    expect(v2.headers.etag).toBeDefined();
    expect(v2.headers.etag).not.toBe(v1);
    expect(v2.body).toBe(meanwhile.body);
    expect((await exportOf(id, 'csv', { qs: 'version=1' })).headers.etag).toBe(v1);

    expect(await builtFiles(id, 1)).toHaveLength(3);
    await pruneVersions(t.ctx, fx.editorActor, id, 1);
    expect((await downloadRows(id)).map((d) => d.version)).toEqual([2, 2, 2]);
    expect(await builtFiles(id, 1)).toEqual([]);
    expect(await builtFiles(id, 2)).toHaveLength(3);
    expect((await exportOf(id, 'csv', { qs: 'version=1' })).statusCode).toBe(404);
    expect((await exportOf(id, 'csv')).headers.etag).toBe(v2.headers.etag);
  });

  it('keep private data private: 404 to anyone else, private and unstored for its readers', async () => {
    const id = await upload('staff-rota', 'rota.csv', 'name,shift\nAsha,early\nBen,late\n');
    await runExportJobs();
    expect(await downloadRows(id)).toHaveLength(2);
    for (const method of ['GET', 'HEAD'] as const) {
      expect((await exportOf(id, 'csv', { method })).statusCode).toBe(404);
      expect((await exportOf(id, 'csv', { method, token: fx.tokens.outsider })).statusCode).toBe(
        404,
      );
    }
    const own = await exportOf(id, 'csv', { token: fx.tokens.editor });
    expect(own.body).toBe('name,shift\nAsha,early\nBen,late\n');
    expect(own.headers.etag).toBeDefined();
    expect(own.headers['cache-control']).toBe('private, no-store');
    const etag = String(own.headers.etag);
    expect((await exportOf(id, 'csv', { etag })).statusCode).toBe(404);
    const cached = await exportOf(id, 'csv', { etag, token: fx.tokens.editor });
    expect([cached.statusCode, cached.headers['cache-control']]).toEqual([
      304,
      'private, no-store',
    ]);
  });

  it('are built once however often the job runs, and not at all for a gone version', async () => {
    const id = await upload('fly-tipping-reports', 'twice.csv', CSV(10));
    // Two runs at once (a node taken over while still alive), then the job, then once more.
    await Promise.all([buildDownloads(t.ctx, id, 1), buildDownloads(t.ctx, id, 1)]);
    const built = await downloadRows(id);
    expect(built.map((d) => d.format)).toEqual(['csv', 'geojson', 'xlsx']);
    await runExportJobs();
    await buildDownloads(t.ctx, id, 1);
    const after = await downloadRows(id);
    expect(after).toEqual(built);
    // One file a row: a run that lost the race removed its own.
    expect((await builtFiles(id, 1)).sort()).toEqual(
      after.map((d) => path.basename(d.blob_key)).sort(),
    );
    // A version that does not exist (gone with retention) builds nothing.
    await buildDownloads(t.ctx, id, 7);
    expect(await downloadRows(id)).toHaveLength(3);
    // A built file the store has lost: the download is streamed, never broken.
    const csv = await exportOf(id, 'csv');
    await t.ctx.blobs.delete(after[0]?.blob_key ?? '');
    const lost = await exportOf(id, 'csv');
    expect([lost.statusCode, lost.headers.etag, lost.body]).toEqual([200, undefined, csv.body]);
  });

  it('are built, on upgrade, for the latest versions published before there were any', async () => {
    const id = await upload('fly-tipping-reports', 'older.csv', CSV(5));
    // The database as it was before 0027 (no downloads, no job), then upgraded.
    expect(await migrateDown(t.ctx.db)).toEqual(['0027-datastore-downloads']);
    expect(await migrateToLatest(t.ctx.db)).toEqual(['0027-datastore-downloads']);
    expect(await downloadRows(id)).toEqual([]);
    expect((await exportOf(id, 'csv')).headers.etag).toBeUndefined();
    await runExportJobs();
    expect((await downloadRows(id)).map((d) => d.format)).toEqual(['csv', 'geojson', 'xlsx']);
    expect((await exportOf(id, 'csv')).headers.etag).toBeDefined();
  });
});
