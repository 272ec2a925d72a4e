import type { EventEmitter } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { Json } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { outputValue } from './query-values.js';
import type { OutputField } from './sql/query-parts.js';

/** Excel refuses a cell longer than this. */
const MAX_CELL_TEXT = 32_767;
/** Sheet XML allowed to wait for the zip before the next chunk of rows is taken. */
const MAX_BACKLOG = 1024 * 1024;

const NUM_FMT: Partial<Record<string, string>> = {
  date: 'yyyy-mm-dd',
  timestamp: 'yyyy-mm-dd hh:mm:ss',
};

/** A value as Excel wants it: dates and times as real dates (UTC), long text cut to fit. */
function cellValue(type: string, v: Json): unknown {
  if (v === null) return null;
  if (type === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
  if (type === 'timestamp' && typeof v === 'string') return new Date(`${v.replace(' ', 'T')}Z`);
  if (typeof v === 'string' && v.length > MAX_CELL_TEXT) return v.slice(0, MAX_CELL_TEXT);
  return outputValue(type, v);
}

interface ZipInput extends EventEmitter {
  _writableState?: { length?: number };
}

/**
 * exceljs 4 writes a sheet's XML into the zip's input stream without heeding backpressure
 * (exceljs issues #2337, #2916), so rows pile up in memory while the zip deflates. This is that
 * input stream, found in exceljs's internals, so the writer can wait for it; null if not found.
 */
function zipInput(sheet: unknown): ZipInput | null {
  const s = sheet as { stream?: { pipes?: ZipInput[] } };
  const input = s.stream?.pipes?.[0];
  return input && typeof input.once === 'function' ? input : null;
}

/** Resolves on the first of the events. */
function first(on: [EventEmitter, string][]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const [emitter, event] of on) emitter.off(event, done);
      resolve();
    };
    for (const [emitter, event] of on) emitter.on(event, done);
  });
}

/**
 * One sheet written by exceljs's streaming writer from DuckDB's chunks: each row is committed
 * (turned into XML and zipped) as it comes, and the next chunk waits while the zip or the client
 * is behind, so memory stays flat however many rows there are.
 */
export function xlsxStream(chunks: AsyncGenerator<Json[][]>, columns: OutputField[]): Readable {
  const out = new PassThrough();
  const write = async () => {
    // Styles make exceljs about 3x slower (a style lookup per cell): only dates need them.
    const dated = columns.some((c) => NUM_FMT[c.type] !== undefined);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: dated,
      useSharedStrings: false,
    });
    const ws = wb.addWorksheet('data');
    ws.columns = columns.map((c) => {
      const numFmt = NUM_FMT[c.type];
      return { header: c.name, key: c.name, width: 14, ...(numFmt ? { style: { numFmt } } : {}) };
    });
    for await (const rows of chunks) {
      for (const row of rows) {
        ws.addRow(columns.map((c, i) => cellValue(c.type, row[i] ?? null))).commit();
      }
      const input = zipInput(ws);
      if (input && (input._writableState?.length ?? 0) > MAX_BACKLOG) {
        await first([
          [input, 'drain'],
          [out, 'close'],
        ]);
      } else await new Promise<void>((resolve) => setImmediate(resolve));
      if (out.writableNeedDrain)
        await first([
          [out, 'drain'],
          [out, 'close'],
        ]);
      if (out.destroyed) return;
    }
    ws.commit();
    await wb.commit();
  };
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
