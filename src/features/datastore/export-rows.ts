import type { Json } from '@duckdb/node-api';
import type { AppContext } from '../../context.js';
import { prepare, type SqlParam } from '../../platform/engine/engine.js';
import { exportEngine } from './export-engine.js';

/**
 * The query's rows one DuckDB chunk (about 2,048 rows) at a time, as JSON-safe arrays in column
 * order: a consumer that waits for its client holds at most a chunk. Stopping early (the client
 * left) closes the connection.
 */
export async function* resultChunks(
  ctx: AppContext,
  sql: string,
  params: SqlParam[],
): AsyncGenerator<Json[][]> {
  const c = await (await exportEngine(ctx)).connect();
  try {
    const result = await (await prepare(c, sql, params)).stream();
    for await (const rows of result.yieldRowsJson()) yield rows;
  } finally {
    c.closeSync();
  }
}
