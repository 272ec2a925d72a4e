import type { Engine } from '../../../platform/engine/engine.js';
import { sqlIdentifier, sqlString } from '../../../platform/engine/sql.js';
import { REPORT_COLUMNS } from './reports-table.js';

// The table's rows (newline-delimited JSON, written by the service) become one Parquet file with
// the table's own types, so a column stays typed whatever its values (days_to_fixed is a number
// even before anything is fixed) and the datastore keeps them. DuckDB writes the same rows the
// same way, byte for byte, so an unchanged table gives an unchanged file (and hash).

const columnsSql = () =>
  `{${REPORT_COLUMNS.map(([name, type]) => `${sqlIdentifier(name)}: ${sqlString(type)}`).join(', ')}}`;

/** Writes `rowsFile` (in the engine's scratch folder) as the Parquet file `parquetFile`. */
export async function writeReportsParquet(
  engine: Engine,
  rowsFile: string,
  parquetFile: string,
): Promise<void> {
  const read = `read_json(${sqlString(rowsFile)}, format = 'newline_delimited', columns = ${columnsSql()})`;
  const order = REPORT_COLUMNS.map(([name]) => sqlIdentifier(name)).join(', ');
  await engine.run(
    `COPY (SELECT ${order} FROM ${read}) TO ${sqlString(parquetFile)} (FORMAT parquet, COMPRESSION zstd)`,
  );
}
