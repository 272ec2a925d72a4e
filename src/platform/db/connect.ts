import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../../config.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL: the schema the tables live in. */
  schema?: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** PostgreSQL only: a schema to create and use, so tests can run side by side. */
  schema?: string;
  /** SQLite only: a file path instead of DATA_DIR/metrodata.sqlite (":memory:" allowed). */
  sqliteFile?: string;
}

/** The SQLite database file of a configuration without DATABASE_URL. */
export function sqliteFile(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'metrodata.sqlite');
}

export function connectDb(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'databasePoolSize' | 'sqliteCacheMib'>,
  options: ConnectOptions = {},
): Db {
  if (config.databaseUrl) {
    // int8 (COUNT results) as JS numbers: catalogue counts stay far below 2^53.
    pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.databasePoolSize,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      kysely,
      dialect: 'postgres',
      schema: options.schema ?? 'public',
      close: () => kysely.destroy(),
    };
  }
  const file = options.sqliteFile ?? sqliteFile(config);
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's default cache is 2 MiB. Each write to the full-text index merges its segments,
  // reading pages all over a large file: with 64 MiB, bulk loads of 500 datasets a commit fell
  // from 400 to 50 a second past 35,000 (pages reread from the OS for every merge). But every
  // commit also walks the cache (pcache1TruncateUnsafe): at 256 MiB a harvest at 90,000 datasets
  // stored 130-150 a second, at 128 MiB 208. The cache only grows as pages are read.
  sqlite.pragma(`cache_size = ${String(-1024 * config.sqliteCacheMib)}`);
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
}

const STATEMENTS_KEPT = 500;

/**
 * Kysely prepares every statement anew; preparing cost as much as running for the catalogue's
 * small writes (a quarter of a harvest's time). The services issue a few hundred distinct
 * statements, so the most recent are kept. Sharing one is safe: Kysely runs one statement at a
 * time on the connection, and a stream holds the connection until it ends.
 */
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const kept = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = kept.get(sql);
      if (statement) kept.delete(sql);
      else statement = sqlite.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value ?? '');
      return statement;
    },
  };
}
