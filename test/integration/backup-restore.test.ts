import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { closeContext, openContext } from '../../src/bootstrap.js';
import type { Config } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { noRequests, qualityJobHandlers } from '../../src/features/quality/index.js';
import { sqliteFile } from '../../src/platform/db/connect.js';
import { runDueJobs } from '../../src/platform/jobs/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { copyBucketToFolder, copyFolderToBucket } from '../helpers/bucket-copy.js';
import { testConfig } from '../helpers/context.js';
import { bearer, seedFixture, type Fixture } from '../helpers/fixture.js';
import { multipartBody } from '../helpers/multipart.js';
import { startS3Server, type S3TestServer } from '../helpers/s3-server.js';

// The backup and restore procedures of docs/operations.md: on PostgreSQL and an S3-compatible
// bucket, pg_dump of the catalogue and a copy of every object, restored into a fresh database
// and a fresh bucket; on SQLite, an online copy of the file and the files folder. A node started
// on the restored pair as in production serves every dataset, file and query as before.
const databaseUrl = process.env.DATABASE_URL ?? '';
const run = promisify(execFile);

const UPLOADS = [
  { dataset: 'bus-punctuality', file: 'routes.csv', rows: 90 },
  { dataset: 'air-quality', file: 'tubes.csv', rows: 40 },
];
const csv = (rows: number) =>
  ['site,reading', ...Array.from({ length: rows }, (_, i) => `S${i % 4},${i}`)].join('\n');

interface Answers {
  datasets: unknown[];
  files: Record<string, string>;
  totals: Record<string, unknown>;
}

/** What people would see: every dataset as the admin does, each file's hash, a query of each. */
async function answers(app: FastifyInstance, token: string): Promise<Answers> {
  const list = await app.inject({ url: '/api/v1/datasets?per_page=100', headers: bearer(token) });
  const slugs = list.json<{ results: { slug: string }[] }>().results.map((d) => d.slug);
  const result: Answers = { datasets: [], files: {}, totals: {} };
  for (const slug of slugs.sort()) {
    const res = await app.inject({ url: `/api/v1/datasets/${slug}`, headers: bearer(token) });
    const dataset = res.json<{ resources: { id: string }[] }>();
    result.datasets.push(dataset);
    for (const { id } of dataset.resources) {
      const file = await app.inject({
        url: `/api/v1/resources/${id}/download`,
        headers: bearer(token),
      });
      result.files[id] = createHash('sha256').update(file.rawPayload).digest('hex');
      const totals = await app.inject({
        method: 'POST',
        url: `/api/v1/resources/${id}/query`,
        headers: bearer(token),
        payload: { group_by: ['site'], aggregates: [{ fn: 'sum', field: 'reading', as: 'total' }] },
      });
      result.totals[id] = totals.json<{ records: unknown }>().records;
    }
  }
  return result;
}

/** Uploads a file into each of two datasets, loaded into the datastore; returns the answers. */
async function seedCatalogue(t: TestApp): Promise<{ fx: Fixture; before: Answers }> {
  const fx = await seedFixture(t.ctx);
  for (const [i, upload] of UPLOADS.entries()) {
    const { body, contentType } = multipartBody(
      {},
      { field: 'file', filename: upload.file, content: csv(upload.rows) },
    );
    const token = i === 0 ? fx.tokens.editor : fx.tokens.otherEditor;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/datasets/${upload.dataset}/resources?wait=true`,
      headers: { ...bearer(token), 'content-type': contentType },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  // The uploads queued quality rescoring: done here, so the restored node finds none to do.
  await runDueJobs(t.ctx.db, qualityJobHandlers(t.ctx, noRequests));
  return { fx, before: await answers(t.app, fx.tokens.admin) };
}

/** Starts a node as production does (openContext migrates) on `config`; returns its answers. */
async function answersOfRestoredNode(config: Config, token: string): Promise<Answers> {
  let ctx: AppContext | undefined;
  let app: FastifyInstance | undefined;
  try {
    ctx = await openContext(config);
    app = await buildApp(ctx, { logger: false });
    expect((await app.inject('/readyz')).json()).toMatchObject({ status: 'ok' });
    return await answers(app, token);
  } finally {
    await app?.close();
    if (ctx) await closeContext(ctx);
  }
}

/** The restored node answers exactly as the original did, and holds every file intact. */
function expectSameAnswers(after: Answers, before: Answers) {
  expect(after).toEqual(before);
  expect(after.datasets).toHaveLength(5); // the fixture's, private and draft ones included
  const sha256s = after.datasets.flatMap((d) =>
    (d as { resources: { sha256: string }[] }).resources.map((r) => r.sha256),
  );
  expect(Object.values(after.files).sort()).toEqual(sha256s.sort());
  expect(sha256s).toHaveLength(UPLOADS.length);
  for (const records of Object.values(after.totals)) expect(records).toHaveLength(4);
}

describe.skipIf(!databaseUrl)('backup and restore on PostgreSQL and object storage', () => {
  let source: S3TestServer;
  let restored: S3TestServer;
  let t: TestApp;
  let dir = '';
  const restoredDb = `restore_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  let seeded: { fx: Fixture; before: Answers };

  beforeAll(async () => {
    [source, restored] = await Promise.all([startS3Server(), startS3Server('metrodata-restored')]);
    dir = await mkdtemp(path.join(tmpdir(), 'metrodata-backup-'));
    await admin.connect();
    t = await createTestApp(source.config);
    seeded = await seedCatalogue(t);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await admin.query(`DROP DATABASE IF EXISTS ${restoredDb}`);
    await admin.end();
    await Promise.all([
      source.close(),
      restored.close(),
      rm(dir, { recursive: true, force: true }),
    ]);
  });

  it('restores a dump and a copy of the bucket that serve every dataset, file and query', async () => {
    const schema = t.ctx.db.schema ?? '';
    const dump = path.join(dir, 'metrodata.dump');
    const objects = path.join(dir, 'bucket');
    // Backup: the database, then the bucket (objects are immutable once written, and a row
    // names an object only once it is complete, so objects newer than the dump do no harm).
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--schema=${schema}`,
      `--file=${dump}`,
      databaseUrl,
    ]);
    const keys = await copyBucketToFolder(source, objects);
    expect(keys.length).toBeGreaterThanOrEqual(UPLOADS.length * 2); // each file and its Parquet

    // Restore: a fresh database first, then a fresh bucket, then start the node.
    await admin.query(`CREATE DATABASE ${restoredDb}`);
    const restoredUrl = new URL(databaseUrl);
    restoredUrl.pathname = `/${restoredDb}`;
    await run('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      `--dbname=${restoredUrl.href}`,
      dump,
    ]);
    // The test's catalogue lives in a schema of its own; a region's is in public, as here.
    const target = new pg.Client({ connectionString: restoredUrl.href });
    await target.connect();
    await target.query(`DROP SCHEMA public CASCADE; ALTER SCHEMA ${schema} RENAME TO public`);
    await target.end();
    await copyFolderToBucket(objects, keys, restored);

    const config = testConfig(path.join(dir, 'node'), {
      ...restored.config,
      databaseUrl: restoredUrl.href,
    });
    expectSameAnswers(await answersOfRestoredNode(config, seeded.fx.tokens.admin), seeded.before);
  });
});

describe.skipIf(databaseUrl)('backup and restore of a single node on SQLite', () => {
  let t: TestApp;
  let dir = '';
  let seeded: { fx: Fixture; before: Answers };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'metrodata-backup-'));
    t = await createTestApp();
    seeded = await seedCatalogue(t);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('restores an online copy of the database file and the files folder', async () => {
    const restored = path.join(dir, 'data');
    await mkdir(restored);
    // Backup while serving: SQLite's online backup (what `sqlite3 FILE ".backup COPY"` runs;
    // through better-sqlite3 here, as a newcomer's machine may lack the sqlite3 program), then
    // the files folder.
    const source = new Database(sqliteFile(t.ctx.config), { readonly: true });
    try {
      await source.backup(path.join(restored, 'metrodata.sqlite'));
    } finally {
      source.close();
    }
    await cp(t.ctx.config.blobDir, path.join(restored, 'blobs'), { recursive: true });
    expectSameAnswers(
      await answersOfRestoredNode(testConfig(restored, {}), seeded.fx.tokens.admin),
      seeded.before,
    );
  });
});
