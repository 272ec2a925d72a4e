import { rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { SqlParam } from '../../src/platform/engine/engine.js';
import { sqlString } from '../../src/platform/engine/sql.js';

// DuckDB on its own, without the app: the baseline each datastore number is compared with.
// Same thread count and memory limit as the app's engine, no directory restrictions.

export class RawDuckDb {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connections: DuckDBConnection[],
  ) {}

  static async open(threads: number, memoryLimit: string, connections = 2): Promise<RawDuckDb> {
    const instance = await DuckDBInstance.create(':memory:', {
      threads: String(threads),
      memory_limit: memoryLimit,
    });
    const cs: DuckDBConnection[] = [];
    for (let i = 0; i < connections; i++) cs.push(await instance.connect());
    return new RawDuckDb(instance, cs);
  }

  private connection(i: number): DuckDBConnection {
    const c = this.connections[i];
    if (!c) throw new Error(`no connection ${i}`);
    return c;
  }

  async run(sql: string): Promise<void> {
    await this.connection(0).run(sql);
  }

  async rows(sql: string, params: SqlParam[] = [], on = 0): Promise<Record<string, unknown>[]> {
    const statement = await this.connection(on).prepare(sql);
    if (params.length > 0) statement.bind(params);
    return (await statement.runAndReadAll()).getRowObjectsJson();
  }

  /** Runs the statements at once, one per connection (as the app runs a page and its count). */
  async together(statements: { sql: string; params?: SqlParam[] }[]): Promise<unknown[][]> {
    return Promise.all(statements.map((s, i) => this.rows(s.sql, s.params ?? [], i)));
  }

  close(): void {
    for (const c of this.connections) c.closeSync();
    this.instance.closeSync();
  }
}

/**
 * DuckDB's own ingest, the baseline: one pass from the CSV file to zstd Parquet,
 * `COPY (SELECT * FROM read_csv(file)) TO 'x.parquet' (FORMAT parquet, COMPRESSION zstd)`
 * (types detected by its sniffer), in a fresh in-memory instance; seconds, from creating the
 * instance to the file written.
 */
export async function duckDbIngest(
  file: string,
  out: string,
  threads: number,
  memoryLimit: string,
): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  const db = await RawDuckDb.open(threads, memoryLimit, 1);
  try {
    await db.run(
      `COPY (SELECT * FROM read_csv(${sqlString(file)})) TO ${sqlString(out)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    const seconds = (performance.now() - started) / 1000;
    const rows = Number(
      (await db.rows(`SELECT count(*) AS n FROM read_parquet(${sqlString(out)})`))[0]?.n,
    );
    await rm(out, { force: true });
    return { seconds, rows };
  } finally {
    db.close();
  }
}
