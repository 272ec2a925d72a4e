import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { closeContext, openContext } from '../../src/bootstrap.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { openBlobCache, openBlobStore } from '../../src/platform/blobs/open-blob-store.js';
import { connectDb } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { openEngine } from '../../src/platform/engine/open-engine.js';
import { createMailer } from '../../src/platform/mail/mailer.js';

export interface BenchContext {
  ctx: AppContext;
  /**
   * SQLite: closes the database and opens it again with these settings instead of the first
   * ones (as after a restart), for a catalogue set up with settings of its own; the new context.
   * PostgreSQL: the same context.
   */
  reopen(overrides: Partial<Config>): Promise<AppContext>;
  /** What the numbers were measured on, for the report. */
  database: string;
  cleanup(): Promise<void>;
}

async function onPostgres(url: string, statement: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ server_version?: string }>(statement);
    return result.rows[0]?.server_version ?? '';
  } finally {
    await client.end();
  }
}

/**
 * Runs `cleanup` if the run is interrupted (Ctrl-C, kill), so no temporary schema or folder is
 * left behind; returns the cleanup to call at the end of a normal run.
 */
function cleanupOnSignal(cleanup: () => Promise<void>): () => Promise<void> {
  // Once only: the interrupted run's own `finally` may call it again while it is under way.
  let done: Promise<void> | undefined;
  const once = () => (done ??= cleanup());
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: cleaning up…\n`);
    void once().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    return once();
  };
}

/**
 * A fresh, migrated catalogue in a temporary folder: SQLite by default, or a new schema of its
 * own when DATABASE_URL is set (as test/helpers/context.ts does), so a run never touches data
 * that is already there and leaves nothing behind.
 */
export async function createBenchContext(
  prefix: string,
  overrides: Partial<Config> = {},
): Promise<BenchContext> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `metrodata-bench-${prefix}-`));
  const base: Partial<Config> = {
    dataDir,
    blobDir: path.join(dataDir, 'blobs'),
    logLevel: 'silent',
    seedDemo: false,
  };
  const config = loadConfig(process.env, { ...base, ...overrides });
  const removeDir = () => rm(dataDir, { recursive: true, force: true });
  try {
    if (!config.databaseUrl) {
      let ctx = await openContext(config);
      const { rows } = await sql<{ v: string }>`select sqlite_version() as v`.execute(
        ctx.db.kysely,
      );
      const sqliteVersion = rows[0]?.v ?? '?';
      const cleanup = async () => {
        await closeContext(ctx);
        await removeDir();
      };
      const release = cleanupOnSignal(cleanup);
      return {
        ctx,
        async reopen(settings) {
          await closeContext(ctx);
          ctx = await openContext(loadConfig(process.env, { ...base, ...settings }));
          return ctx;
        },
        database: `SQLite ${sqliteVersion} (better-sqlite3, WAL, file in a temporary folder)`,
        cleanup: release,
      };
    }
    const url = config.databaseUrl;
    const schema = `bench_${randomBytes(6).toString('hex')}`;
    const version = await onPostgres(url, 'SHOW server_version');
    await onPostgres(url, `CREATE SCHEMA ${schema}`);
    const dropSchema = () => onPostgres(url, `DROP SCHEMA ${schema} CASCADE`);
    const db = connectDb(config, { schema });
    let engine;
    try {
      await migrateToLatest(db);
      engine = await openEngine(config);
    } catch (err) {
      await db.close();
      await dropSchema();
      throw err;
    }
    const blobs = await openBlobStore(config);
    const ctx: AppContext = {
      config,
      db,
      blobs,
      blobCache: await openBlobCache(config, blobs),
      engine,
      mailer: createMailer(config),
    };
    const cleanup = async () => {
      await closeContext(ctx);
      await dropSchema();
      await removeDir();
    };
    const release = cleanupOnSignal(cleanup);
    return {
      ctx,
      reopen: () => Promise.resolve(ctx),
      database: `PostgreSQL ${version.split(' ')[0] ?? version} (pg pool of ${config.databasePoolSize}, fresh schema)`,
      cleanup: release,
    };
  } catch (err) {
    await removeDir();
    throw err;
  }
}
