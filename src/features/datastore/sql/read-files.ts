import type { RowIds } from '../../../platform/db/schema.js';
import { sqlIdentifier, sqlString } from '../../../platform/engine/sql.js';
import { ROW_ID } from '../field.js';

// The table expressions that read files: the sources a load stages (CSV, the NDJSON and CSV the
// load writes from JSON, GeoJSON and worksheets, Parquet) and the versions' Parquet files.

/** Every row of a Parquet file. */
export const readParquet = (file: string): string => `read_parquet(${sqlString(file)})`;

/**
 * A version's rows with their `_id`: stored in older files, else the row's place in the file.
 * DuckDB reads file_row_number without scanning and pushes filters on it down to the row
 * groups, so paging by `_id` skips the rest of the file as it does on a stored column.
 */
export function versionRelation(file: string, rowIds: RowIds): string {
  if (rowIds === 'stored') return readParquet(file);
  return (
    `(SELECT file_row_number + 1 AS ${sqlIdentifier(ROW_ID)}, * EXCLUDE (file_row_number) ` +
    `FROM read_parquet(${sqlString(file)}, file_row_number = true))`
  );
}

/** How DuckDB is to split a CSV file: its sniffer's dialect and the names the load decided. */
export interface CsvRead {
  delimiter: string;
  /** Lines before the header. */
  skip: number;
  /** False when quoted fields may hold line breaks: DuckDB's parallel reader cannot pad those. */
  parallel: boolean;
  /** The columns' names, in order; DuckDB's own when absent. */
  names?: string[];
}

const csvOptions = (read: CsvRead, parallel: boolean) =>
  [
    `delim = ${sqlString(read.delimiter)}`,
    `skip = ${read.skip}`,
    ...(parallel ? [] : ['parallel = false']),
    ...(read.names ? [`names = [${read.names.map(sqlString).join(', ')}]`] : []),
  ].join(', ');

/**
 * Every column as text, lines with too many fields set aside in `csv_rejects`, and short rows
 * padded with nulls when `padded` (DuckDB cannot pad and set aside in one read of some files).
 */
export function csvTextRelation(file: string, read: CsvRead, padded: boolean): string {
  return (
    `read_csv(${sqlString(file)}, header = true, all_varchar = true, ` +
    (padded ? 'null_padding = true, ' : '') +
    `store_rejects = true, rejects_table = 'csv_rejects', rejects_scan = 'csv_scans', ` +
    `max_line_size = 10000000, sample_size = 20480, ${csvOptions(read, read.parallel)})`
  );
}

/** The lines `csvTextRelation` set aside, read on the connection that loaded it. */
export const CSV_REJECTS_SQL =
  'SELECT line, column_name, error_type, csv_line FROM csv_rejects ORDER BY line LIMIT 100';

const DIRECT_TYPES = ['TIMESTAMP', 'TIMESTAMP WITH TIME ZONE', 'VARCHAR'];

/**
 * How DuckDB's sniffer reads the file for a load's single pass (see ingest-direct.ts): its
 * parallel reader types only times itself; numbers stay text, so that 08123 is not read as 8123
 * before our inference sees it, and dates stay text to be read DD/MM/YYYY the UK way round.
 */
export function csvDirectSniffSql(file: string, read: CsvRead): string {
  return (
    `SELECT Quote, Escape, NewLineDelimiter, Comment, Columns, DateFormat, TimestampFormat ` +
    `FROM sniff_csv(${sqlString(file)}, header = true, sample_size = 20480, ` +
    `auto_type_candidates = [${DIRECT_TYPES.map(sqlString).join(', ')}], ${csvOptions(read, true)})`
  );
}

/** An option as DuckDB's sniffer answers it ("(empty)" for one it found unset). */
export const sniffedOption = (v: unknown): string =>
  typeof v === 'string' && v !== '(empty)' ? v : '';

/**
 * The single pass's read, told what `csvDirectSniffSql` found, so that neither its sample nor
 * the pass sniffs the file again (each sniff costs about 60 ms): null when the sniffer answered
 * something unexpected. No padding: a short or long row, or a value that does not fit, is set
 * aside in `csv_rejects`, and the load then takes the slower way that pads short rows. DuckDB's
 * default line limit (2 MB; a larger one costs time on every file) also sends longer lines the
 * slower way, which allows 10 MB.
 */
export function csvDirectRelation(
  file: string,
  read: CsvRead,
  sniff: Record<string, unknown>,
): string | null {
  const columns = sniff.Columns;
  if (!Array.isArray(columns) || columns.length === 0) return null;
  const typed: string[] = [];
  for (const column of columns as { name?: unknown; type?: unknown }[]) {
    if (typeof column.name !== 'string' || !DIRECT_TYPES.includes(String(column.type))) {
      return null;
    }
    typed.push(`${sqlString(column.name)}: ${sqlString(String(column.type))}`);
  }
  const formats = [
    ...(typeof sniff.DateFormat === 'string'
      ? [`dateformat = ${sqlString(sniff.DateFormat)}`]
      : []),
    ...(typeof sniff.TimestampFormat === 'string'
      ? [`timestampformat = ${sqlString(sniff.TimestampFormat)}`]
      : []),
  ];
  return (
    `read_csv(${sqlString(file)}, auto_detect = false, header = true, ` +
    `delim = ${sqlString(read.delimiter)}, skip = ${read.skip}, ` +
    `quote = ${sqlString(sniffedOption(sniff.Quote))}, escape = ${sqlString(sniffedOption(sniff.Escape))}, ` +
    `new_line = ${sqlString(sniffedOption(sniff.NewLineDelimiter))}, comment = ${sqlString(sniffedOption(sniff.Comment))}, ` +
    `columns = {${typed.join(', ')}}, ${formats.map((f) => `${f}, `).join('')}` +
    `store_rejects = true, rejects_table = 'csv_rejects', rejects_scan = 'csv_scans')`
  );
}

/** Each read adds to the rejects tables: they are emptied before one whose rejects matter. */
export const CLEAR_REJECTS_SQL = 'DROP TABLE IF EXISTS csv_rejects; DROP TABLE IF EXISTS csv_scans';

/** What the single pass set aside, by kind (on the connection that ran it). */
export const CSV_REJECT_KINDS_SQL =
  'SELECT error_type, count(DISTINCT line) AS n FROM csv_rejects GROUP BY error_type';

/**
 * How DuckDB's sniffer reads the file with the options the load uses (tab-separated or not).
 * DuckDB's default line limit (2 MB) first: allowing 10 MB lines makes the sniffer take four
 * times as long on any file, so it is allowed only when the default fails.
 */
export function sniffCsvSql(file: string, tab: boolean, longLines: boolean): string {
  // '\t' is DuckDB's own escape for a tab in CSV options (the literal holds a backslash and t).
  const delim = tab ? `, delim = ${sqlString('\\t')}` : '';
  return (
    `SELECT Delimiter, Quote, Escape, SkipRows, Columns FROM sniff_csv(${sqlString(file)}, ` +
    `header = true, all_varchar = true, null_padding = true, sample_size = 20480` +
    `${longLines ? ', max_line_size = 10000000' : ''}${delim})`
  );
}

/** A column of a file whose shape DuckDB is told rather than left to guess. */
export interface ColumnType {
  name: string;
  /** A DuckDB type. */
  type: string;
}

const columnsStruct = (columns: ColumnType[]) =>
  `{${columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ')}}`;

/** NDJSON the load wrote, one record a line, with its columns given. */
export function ndjsonRelation(file: string, columns: ColumnType[], maxObjectSize: number): string {
  return (
    `read_json(${sqlString(file)}, format = 'newline_delimited', records = true, ` +
    `columns = ${columnsStruct(columns)}, maximum_object_size = ${maxObjectSize})`
  );
}

/** The CSV of text the load wrote from a worksheet: nothing sniffed, short rows padded. */
export function sheetCsvRelation(file: string, names: string[]): string {
  const columns = columnsStruct(names.map((name) => ({ name, type: 'VARCHAR' })));
  return (
    `read_csv(${sqlString(file)}, auto_detect = false, header = false, delim = ',', quote = '"', ` +
    `escape = '"', new_line = '\\n', null_padding = true, parallel = false, ` +
    `max_line_size = 10000000, columns = ${columns})`
  );
}
