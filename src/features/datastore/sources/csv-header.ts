import type { Engine } from '../../../platform/engine/engine.js';
import type { Warning } from '../field.js';
import { sniffCsvSql, sniffedOption } from '../sql/read-files.js';
import { SourceError } from './source.js';

export interface Dialect {
  delimiter: string;
  /** '' when the file uses no quoting. */
  quote: string;
  escape: string;
  /** Lines DuckDB skips before the header. */
  skip: number;
  /** How many columns DuckDB found. */
  columns: number;
}

/**
 * Asks DuckDB how it will read the file (with the options the load uses), so the header we
 * parse ourselves is split exactly as DuckDB will split the rows.
 */
export async function sniffDialect(engine: Engine, file: string, tab: boolean): Promise<Dialect> {
  let row: Record<string, unknown> | undefined;
  try {
    [row] = await engine
      .all(sniffCsvSql(file, tab, false))
      .catch(() => engine.all(sniffCsvSql(file, tab, true)));
  } catch (err) {
    // DuckDB's message names the file by its path on the server: keep the reason only.
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
    const reason = first.replace(/^[\w ]*Error: /, '').replace(/"[^"]*"/g, 'the file');
    throw new SourceError(`The file could not be read as CSV: ${reason}`);
  }
  if (!row) throw new SourceError('The file could not be read as CSV');
  return {
    delimiter: sniffedOption(row.Delimiter) || ',',
    quote: sniffedOption(row.Quote),
    escape: sniffedOption(row.Escape),
    skip: Number(row.SkipRows ?? 0),
    columns: Array.isArray(row.Columns) ? row.Columns.length : 0,
  };
}

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into records by the dialect. Only the first bytes of the file are parsed
 * here, so the last record (maybe cut short) is dropped when the text is not the whole file.
 */
export function parseRecords(text: string, d: Dialect, complete: boolean): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === d.escape && d.escape !== d.quote && i + 1 < text.length) field += text[++i] ?? '';
      else if (ch === d.quote && d.escape === d.quote && text[i + 1] === d.quote)
        field += text[++i] ?? '';
      else if (ch === d.quote) quoted = false;
      else field += ch;
      if (ch === '\n') line++;
    } else if (ch === d.quote && field === '') quoted = true;
    else if (ch === d.delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      start = ++line;
    } else field += ch;
  }
  if (complete && (field !== '' || fields.length > 0)) endRecord();
  return records;
}

const blank = (r: CsvRecord) => r.fields.length === 1 && r.fields[0]?.trim() === '';

/** The header (the first non-blank record after the skipped lines) and the records after it. */
export function splitHeader(
  records: CsvRecord[],
  skip: number,
): { header: CsvRecord | undefined; rows: CsvRecord[] } {
  const rest = records.filter((r) => r.line > skip && !blank(r));
  return { header: rest[0], rows: rest.slice(1) };
}

/** Rows with fewer fields than the header are padded with empty values: say so, by line. */
export function shortRowWarnings(header: CsvRecord, rows: CsvRecord[], limit = 10): Warning[] {
  const width = header.fields.length;
  const short = rows.filter((r) => r.fields.length < width);
  const warnings: Warning[] = short.slice(0, limit).map((r) => ({
    line: r.line,
    message: `line ${r.line} has ${r.fields.length} of the ${width} columns: the rest left empty`,
  }));
  if (short.length > limit) {
    warnings.push({ message: `${short.length - limit} more short lines near the top of the file` });
  }
  return warnings;
}

/** True when a quoted field in the text holds a line break (DuckDB's parallel reader cannot pad those rows). */
export function hasQuotedLineBreak(records: CsvRecord[]): boolean {
  return records.some((r) => r.fields.some((f) => f.includes('\n') || f.includes('\r')));
}
