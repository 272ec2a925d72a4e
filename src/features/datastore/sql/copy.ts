import { sqlString } from '../../../platform/engine/sql.js';

/** DuckDB writes the query's rows to `file` itself; `options` name the format and its settings. */
export const copySql = (query: string, file: string, options: string): string =>
  `COPY (${query}) TO ${sqlString(file)} (${options})`;
