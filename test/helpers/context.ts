import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { openBlobCache, openBlobStore } from '../../src/platform/blobs/open-blob-store.js';
import { connectDb } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { openEngine } from '../../src/platform/engine/open-engine.js';
import { createMailer } from '../../src/platform/mail/mailer.js';

export interface TestContext extends AppContext {
  cleanup(): Promise<void>;
}

/** The tests' configuration, with DATA_DIR (and the blob store's folder) in `dir`. */
export function testConfig(dir: string, overrides: Partial<Config> = {}): Config {
  return loadConfig(process.env, {
    dataDir: dir,
    blobDir: path.join(dir, 'blobs'),
    logLevel: 'silent',
    baseUrl: 'http://metrodata.test',
    // The app's own job runner looks once at start and then hourly: tests drain the queue
    // themselves (runDueJobs), so a background send never races a test's assertions.
    jobPollIntervalMs: 3_600_000,
    ...overrides,
  });
}

/**
 * A migrated catalogue of its own: an SQLite file in a temporary folder, or, when DATABASE_URL
 * is set, a fresh PostgreSQL schema, so test files run side by side on either database.
 */
export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const dir = await mkdtemp(path.join(tmpdir(), 'metrodata-test-'));
  const config = testConfig(dir, overrides);
  let schema: string | undefined;
  if (config.databaseUrl) {
    schema = `t_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
  }
  const db = connectDb(config, schema ? { schema } : {});
  const dropSchema = async () => {
    if (!schema) return;
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  };
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.close();
    await dropSchema();
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const blobs = await openBlobStore(config);
  const blobCache = await openBlobCache(config, blobs);
  const engine = await openEngine(config);
  return {
    config,
    db,
    blobs,
    blobCache,
    engine,
    // No SMTP_URL in tests: mail lands in the temporary DATA_DIR's outbox (test/helpers/mail.ts).
    mailer: createMailer(config),
    async cleanup() {
      // Each step runs even if an earlier one fails (a test may have closed the database
      // itself), so no schema or folder is left behind.
      const results = await Promise.allSettled([engine.close(), db.close()]);
      await dropSchema();
      await rm(dir, { recursive: true, force: true });
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}
