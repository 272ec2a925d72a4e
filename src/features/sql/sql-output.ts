import { Readable } from 'node:stream';
import { defusedCell } from '../datastore/index.js';
import type { Row, SqlStream } from './sql.service.js';

// The streamed formats of a result: CSV (RFC 4180, a header row; text a spreadsheet would run as
// a formula is defused as the exports do) and NDJSON (a record a line, the data as it is).

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? defusedCell(value) : JSON.stringify(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function* csvLines(stream: SqlStream): AsyncGenerator<string> {
  const names = stream.fields.map((f) => f.name);
  yield `${names.map(csvCell).join(',')}\r\n`;
  for await (const rows of stream.chunks) {
    yield rows.map((r: Row) => `${names.map((n) => csvCell(r[n])).join(',')}\r\n`).join('');
  }
}

async function* ndjsonLines(stream: SqlStream): AsyncGenerator<string> {
  for await (const rows of stream.chunks) {
    yield rows.map((r) => `${JSON.stringify(r)}\n`).join('');
  }
}

export const SQL_MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
} as const;

/** The rows as a byte stream in the format. */
export function sqlOutput(stream: SqlStream, format: 'csv' | 'ndjson'): Readable {
  return Readable.from(format === 'csv' ? csvLines(stream) : ndjsonLines(stream));
}
