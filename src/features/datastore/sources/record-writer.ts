import { ndjsonRelation, type ColumnType } from '../sql/read-files.js';
import { ColumnNamer } from './column-names.js';
import { LineWriter } from './line-writer.js';
import { SourceError } from './source.js';
import type { Warning } from '../field.js';

type Kind = 'integer' | 'number' | 'boolean' | 'text';

const MAX_COLUMNS = 2000;
const MAX_BYTES = 4 * 1024 ** 3;
/** DuckDB's JSON reader sets aside a buffer this big per thread, so it is kept modest. */
const MAX_RECORD = 32 * 1024 * 1024;

/** One level of nesting: objects and arrays inside a record become JSON text. */
function flatten(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return JSON.stringify(value);
}

function kindOf(value: string | number | boolean): Kind {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? 'integer' : 'number';
  return typeof value === 'boolean' ? 'boolean' : 'text';
}

/**
 * A column holding only numbers (or only true/false) keeps that type; anything else, including
 * mixed columns, is text, so ingest infers its type (dates, UK dates ...) over all its values.
 */
function duckType(kinds: Set<Kind> | undefined): string {
  if (!kinds || kinds.size === 0 || kinds.has('text')) return 'VARCHAR';
  if (kinds.has('boolean')) return kinds.size === 1 ? 'BOOLEAN' : 'VARCHAR';
  return kinds.has('number') ? 'DOUBLE' : 'BIGINT';
}

/**
 * Writes records (JSON objects) as NDJSON with final column names, noting each column's kinds
 * of value, so DuckDB reads the file with explicit columns and nothing left to guess.
 */
export class RecordWriter {
  private readonly namer = new ColumnNamer(MAX_COLUMNS);
  private readonly order: string[] = [];
  private readonly kinds = new Map<string, Set<Kind>>();
  private readonly out: LineWriter;
  records = 0;

  constructor(
    readonly file: string,
    /** Columns every record has, of a known DuckDB type. */
    private readonly fixed: ColumnType[] = [],
  ) {
    this.out = new LineWriter(file, MAX_BYTES, 'The file holds more data than can be loaded');
  }

  get warnings(): Warning[] {
    return this.namer.warnings;
  }

  async write(record: object, fixed: Record<string, string | number | null> = {}): Promise<void> {
    const parts: string[] = [];
    for (const [key, raw] of Object.entries(record)) {
      const name = this.namer.name(key);
      if (name === undefined) {
        throw new SourceError(`The records have more than ${MAX_COLUMNS} different fields`);
      }
      let kinds = this.kinds.get(name);
      if (!kinds) {
        kinds = new Set();
        this.kinds.set(name, kinds);
        this.order.push(name);
      }
      const value = flatten(raw);
      if (value !== null) kinds.add(kindOf(value));
      parts.push(`${JSON.stringify(name)}:${JSON.stringify(value)}`);
    }
    for (const [name, value] of Object.entries(fixed)) {
      parts.push(`${JSON.stringify(name)}:${JSON.stringify(value)}`);
    }
    const line = `{${parts.join(',')}}`;
    if (line.length > MAX_RECORD / 4 && Buffer.byteLength(line) > MAX_RECORD) {
      throw new SourceError(`Record ${this.records + 1} is over 32 MB, too large to load`);
    }
    await this.out.write(line);
    this.records++;
  }

  close(): Promise<void> {
    return this.out.close();
  }

  abort(): void {
    this.out.abort();
  }

  /** A DuckDB table expression reading the written file. */
  relation(): string {
    const columns = [
      ...this.order.map((name) => ({ name, type: duckType(this.kinds.get(name)) })),
      ...this.fixed,
    ];
    if (columns.length === 0) throw new SourceError('The records have no fields');
    return ndjsonRelation(this.file, columns, MAX_RECORD);
  }
}
