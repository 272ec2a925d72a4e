import type { EventEmitter } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { Json } from '@duckdb/node-api';
import { ZipFile } from 'yazl';
import { outputValue } from './query-values.js';
import type { OutputField } from './sql/query-parts.js';
import { DATE_STYLE, SHEET_END, sheetStart, TIMESTAMP_STYLE, XLSX_PARTS } from './xlsx-parts.js';

// The XLSX export writes the sheet's XML itself, a chunk of rows at a time, into a zip entry
// (yazl deflates it as it streams). A general workbook library (exceljs) builds an object per
// cell and a style lookup per cell, which held the export to about 20,000 rows/s; the XML of
// one sheet of plain values is simple enough to write directly (docs/performance.md).

/** Excel refuses a cell longer than this. */
const MAX_CELL_TEXT = 32_767;
// Characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/F).
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_SPECIAL = /[&<>]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function textCell(at: string, value: string): string {
  const text = (value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value)
    .replace(NOT_XML, '')
    .replace(XML_SPECIAL, (c) => ESCAPES[c] ?? c);
  return `<c${at} t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
}

/**
 * One cell's XML: numbers, booleans and dates as Excel's own values, the rest as text. Dates
 * and times come as Excel's serial numbers, computed by the export's SQL (export-query.ts).
 */
function cellXml(at: string, type: string, raw: Json): string {
  if (type === 'date' && typeof raw === 'number')
    return `<c${at} s="${DATE_STYLE}"><v>${raw}</v></c>`;
  if (type === 'timestamp' && typeof raw === 'number') {
    return `<c${at} s="${TIMESTAMP_STYLE}"><v>${raw}</v></c>`;
  }
  const v = outputValue(type, raw);
  if (typeof v === 'number') {
    return Number.isFinite(v) ? `<c${at}><v>${v}</v></c>` : textCell(at, String(v));
  }
  if (typeof v === 'boolean') return `<c${at} t="b"><v>${v ? 1 : 0}</v></c>`;
  return textCell(at, typeof v === 'string' ? v : JSON.stringify(v));
}

/** A column's letters as Excel names it: A … Z, AA … */
function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
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
 * One sheet written from DuckDB's chunks: a chunk's rows become one piece of XML, and the next
 * chunk waits while the zip or the client is behind, so memory stays flat however many rows.
 */
export function xlsxStream(
  chunks: AsyncGenerator<Json[][]>,
  columns: OutputField[],
  mtime: Date,
): Readable {
  const zip = new ZipFile();
  const out = new PassThrough();
  const sheet = new PassThrough();
  // The parts' times are the data's, not the clock's: the same rows make the same bytes (a
  // download built ahead is the one streamed, and its ETag holds).
  for (const [name, xml] of XLSX_PARTS) zip.addBuffer(Buffer.from(xml), name, { mtime });
  // Level 1: about a third faster than the default for a quarter more bytes (repetitive XML).
  zip.addReadStream(sheet, 'xl/worksheets/sheet1.xml', { compressionLevel: 1, mtime });
  zip.end();
  zip.outputStream.pipe(out);
  const types = columns.map((c) => c.type);
  const letters = columns.map((_, i) => columnLetters(i));
  let r = 1;
  const write = async () => {
    sheet.write(sheetStart(columns.length));
    const header = columns.map((c, i) => textCell(` r="${letters[i] ?? ''}1"`, c.name));
    sheet.write(`<row r="1">${header.join('')}</row>`);
    for await (const rows of chunks) {
      let xml = '';
      for (const row of rows) {
        r++;
        xml += `<row r="${r}">`;
        for (let i = 0; i < types.length; i++) {
          const value = row[i] ?? null;
          // Every cell says where it is: some readers (exceljs) need it, though Excel does not.
          if (value !== null)
            xml += cellXml(` r="${letters[i] ?? ''}${r}"`, types[i] ?? 'text', value);
        }
        xml += '</row>';
      }
      if (!sheet.write(xml)) {
        await first([
          [sheet, 'drain'],
          [out, 'close'],
        ]);
      }
      if (out.destroyed) return;
    }
    sheet.end(SHEET_END);
  };
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
