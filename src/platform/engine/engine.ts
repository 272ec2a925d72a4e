import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  DOUBLE,
  DuckDBInstance,
  type DuckDBConnection,
  type DuckDBPreparedStatement,
} from '@duckdb/node-api';
import { sqlString } from './sql.js';

export type SqlParam = string | number | boolean | null | bigint;

export interface EngineOptions {
  /** Folders DuckDB may read and write: the blob store and the engine's scratch folder. */
  allowedDirectories: string[];
  tempDir: string;
  threads: number;
  memoryLimit: string;
}

/**
 * One DuckDB instance per process. External access is off and locked, except for the folders
 * the datastore itself uses, so no query can read or write any other file or reach the network.
 */
export class Engine {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly tempDir: string,
  ) {}

  static async open(options: EngineOptions): Promise<Engine> {
    await rm(options.tempDir, { recursive: true, force: true });
    await mkdir(options.tempDir, { recursive: true });
    for (const dir of options.allowedDirectories) await mkdir(dir, { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', {
      threads: String(options.threads),
      memory_limit: options.memoryLimit,
      // Results without ORDER BY come in the order read: the datastore's default order (a
      // row's place in its file) relies on it, and lock_configuration keeps it so.
      preserve_insertion_order: 'true',
      temp_directory: path.join(options.tempDir, 'spill'),
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
    });
    const c = await instance.connect();
    const dirs = options.allowedDirectories.map((d) => sqlString(path.resolve(d) + '/'));
    await c.run(`SET allowed_directories = [${dirs.join(', ')}]`);
    await c.run('SET enable_external_access = false');
    await c.run('SET lock_configuration = true');
    c.closeSync();
    return new Engine(instance, options.tempDir);
  }

  async connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  /** Runs `fn` with a connection of its own, closed afterwards. */
  async with<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const c = await this.instance.connect();
    try {
      return await fn(c);
    } finally {
      c.closeSync();
    }
  }

  /** Rows as JSON-safe objects (big integers as numbers when safe, dates as ISO text). */
  async all(sql: string, params: SqlParam[] = []): Promise<Record<string, unknown>[]> {
    return this.with(async (c) => {
      const reader = await (await prepare(c, sql, params)).runAndReadAll();
      return reader.getRowObjectsJson();
    });
  }

  async run(sql: string, params: SqlParam[] = []): Promise<void> {
    await this.with(async (c) => {
      await (await prepare(c, sql, params)).run();
    });
  }

  async close(): Promise<void> {
    this.instance.closeSync();
    await rm(this.tempDir, { recursive: true, force: true });
  }
}

export async function prepare(
  c: DuckDBConnection,
  sql: string,
  params: SqlParam[],
): Promise<DuckDBPreparedStatement> {
  const statement = await c.prepare(sql);
  // The driver binds a whole-valued JS number as BIGINT, so 1e20 would fail as "out of int64
  // range": a number that is not a safe integer is a DOUBLE, which holds it.
  params.forEach((v, i) => {
    const double = typeof v === 'number' && !Number.isSafeInteger(v);
    statement.bindValue(i + 1, v, double ? DOUBLE : undefined);
  });
  return statement;
}

/** The row of a query that returns one (an aggregate over a table); empty if it returns none. */
export async function oneRow(
  c: DuckDBConnection,
  sql: string,
  params: SqlParam[] = [],
): Promise<Record<string, unknown>> {
  const reader = await (await prepare(c, sql, params)).runAndReadAll();
  return reader.getRowObjectsJson()[0] ?? {};
}
