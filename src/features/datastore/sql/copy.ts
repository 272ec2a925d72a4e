import { sqlString } from '../../../platform/engine/sql.js';

/**
 * How a version's Parquet file is written: zstd, in groups of 30,720 rows, with Parquet 2's
 * encodings. A page of rows reads (and decompresses) every column of the row groups it touches,
 * so smaller groups make pages cheaper: a filtered first page on 2M rows took 11 ms of CPU
 * against 31 ms with DuckDB's default 122,880, a deep page 14 against 26, for 27% more on a full
 * count and 4% more bytes. Parquet 2 stores numbers and times as deltas and splits the bytes of
 * decimals, which leaves zstd less to do: the benchmark's file is written in 15-20% less time,
 * is 2% smaller, and sorts and counts distinct values 20-25% faster (docs/performance.md). The
 * files are the engine's own; exports to Parquet are written in DuckDB's default format.
 */
export const VERSION_PARQUET =
  'FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 30720, PARQUET_VERSION V2';

/** DuckDB writes the query's rows to `file` itself; `options` name the format and its settings. */
export const copySql = (query: string, file: string, options: string): string =>
  `COPY (${query}) TO ${sqlString(file)} (${options})`;
