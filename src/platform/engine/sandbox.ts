import {
  type DuckDBConnection,
  type DuckDBResult,
  type Json,
  JsonDuckDBValueConverter,
} from '@duckdb/node-api';
import path from 'node:path';
import type { Config } from '../../config.js';
import { engineBlobDir } from '../blobs/open-blob-store.js';
import { Engine, type EngineOptions, type SqlParam } from './engine.js';
import { sqlIdentifier } from './sql.js';

// The DuckDB side of the read-only SQL endpoint: an instance of its own (its own memory, threads
// and connections, so a heavy query cannot starve the rest of the API), locked down like the
// app's engine. It parses a statement into DuckDB's own syntax tree, and runs a statement that
// the SQL feature has checked over exactly the tables it names, as temporary views of their
// Parquet files on a connection that lives for that one query.

/** DuckDB's syntax tree of a statement (json_serialize_sql), or its parser's error. */
export type ParsedSql =
  | { error: false; statements: { node: unknown; named_param_map: unknown }[] }
  | { error: true; error_type: string; error_message: string };

/**
 * A table the statement may read: the name it uses, and the table expression that reads it
 * (built by the datastore from a version's Parquet file, never from the caller's text).
 */
export interface SandboxTable {
  name: string;
  relation: string;
}

export interface SandboxColumn {
  name: string;
  /** DuckDB's SQL type, e.g. BIGINT, VARCHAR, DECIMAL(18,3), DATE, INTEGER[]. */
  type: string;
}

/** The rows of a running statement, read a chunk at a time. */
export interface SandboxCursor {
  columns: SandboxColumn[];
  /** The next rows (JSON-safe values), or null at the end. */
  next: () => Promise<Record<string, Json>[] | null>;
}

/** One statement's connection: interrupt() stops it at any stage (views, binding, rows). */
export class SandboxSession {
  private closed = false;
  constructor(private readonly c: DuckDBConnection) {}

  /**
   * Starts `sql` with each table as a temporary view of its file. The caller has checked that
   * the statement reads nothing else (see features/sql).
   */
  async start(
    tables: SandboxTable[],
    sql: string,
    params: Record<string, SqlParam>,
  ): Promise<SandboxCursor> {
    for (const t of tables) {
      await this.c.run(`CREATE TEMP VIEW ${sqlIdentifier(t.name)} AS SELECT * FROM ${t.relation}`);
    }
    const statement = await this.c.prepare(sql);
    if (Object.keys(params).length > 0) statement.bind(params);
    return cursorOf(await statement.stream());
  }

  interrupt(): void {
    if (!this.closed) this.c.interrupt();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.c.closeSync();
  }
}

export class Sandbox {
  private constructor(
    private readonly engine: Engine,
    /** Scalar, aggregate and macro functions of DuckDB's main schema, lower case. */
    readonly functions: ReadonlySet<string>,
  ) {}

  static async open(options: EngineOptions): Promise<Sandbox> {
    const engine = await Engine.open(options);
    const rows = await engine.all(
      "SELECT DISTINCT lower(function_name) AS name FROM duckdb_functions() WHERE schema_name = 'main' AND function_type IN ('scalar', 'aggregate', 'macro')",
    );
    return new Sandbox(engine, new Set(rows.map((r) => String(r.name))));
  }

  /** DuckDB's own parse of `sql`: only SELECT statements serialise; anything else is an error. */
  async parse(sql: string): Promise<ParsedSql> {
    const [row] = await this.engine.all('SELECT json_serialize_sql($1::VARCHAR) AS tree', [sql]);
    return JSON.parse(String(row?.tree)) as ParsedSql;
  }

  /** A connection of its own for one statement; interrupt it to stop whatever it runs. */
  async session(): Promise<SandboxSession> {
    return new SandboxSession(await this.engine.connect());
  }

  async close(): Promise<void> {
    await this.engine.close();
  }
}

/** Column names made distinct (a join of two tables may repeat one): a, a_2, a_3. */
function distinctNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((base) => {
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${String(n)}`;
    used.add(name);
    return name;
  });
}

const BIG_INTEGERS = new Set(['BIGINT', 'UBIGINT', 'HUGEINT', 'UHUGEINT', 'BIGNUM']);

/** Numbers as JSON numbers where they fit (DuckDB's JSON converter gives big ones as text). */
function numeric(type: string): ((v: Json) => Json) | null {
  if (BIG_INTEGERS.has(type)) {
    return (v) => (typeof v === 'string' && Number.isSafeInteger(Number(v)) ? Number(v) : v);
  }
  if (type.startsWith('DECIMAL')) return (v) => (typeof v === 'string' ? Number(v) : v);
  return null;
}

function cursorOf(result: DuckDBResult): SandboxCursor {
  const names = distinctNames(result.columnNames());
  const types = result.columnTypes().map(String);
  const convert = types.map(numeric);
  return {
    columns: names.map((name, i) => ({ name, type: types[i] ?? 'VARCHAR' })),
    async next() {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) return null;
      const rows: Record<string, Json>[] = [];
      for (let r = 0; r < chunk.rowCount; r++) {
        const values = chunk.convertRowValues(r, JsonDuckDBValueConverter);
        const row: Record<string, Json> = {};
        names.forEach((n, i) => {
          const v = values[i] ?? null;
          const fn = convert[i];
          row[n] = v !== null && fn ? fn(v) : v;
        });
        rows.push(row);
      }
      return rows;
    },
  };
}

/**
 * The SQL endpoint's instance: reads the folder of blobs only (no scratch folder of the app's, no
 * network), with SQL_MEMORY_LIMIT and SQL_THREADS; it spills under the app engine's scratch.
 */
export function openSandbox(config: Config, scratchDir: string): Promise<Sandbox> {
  return Sandbox.open({
    allowedDirectories: [engineBlobDir(config)],
    tempDir: path.join(scratchDir, 'duckdb-sql'),
    threads: Math.max(1, config.sqlThreads),
    memoryLimit: config.sqlMemoryLimit,
  });
}
