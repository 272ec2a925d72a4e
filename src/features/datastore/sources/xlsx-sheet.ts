import type { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Warning } from '../field.js';
import { LineWriter } from './line-writer.js';
import { cellText, type CellContext } from './xlsx-cells.js';
import type { SheetRef } from './xlsx-workbook.js';
import { SourceError } from './source.js';
import { NOT_XLSX } from './zip-directory.js';

export interface SheetCsv {
  /** The header row's text, one per column, as wide as the widest row. */
  header: string[];
  rows: number;
  warnings: Warning[];
}

const MAX_CSV_BYTES = 2 * 1024 ** 3;

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A row's cells as text, without the empty cells at its end. */
function rowTexts(row: ExcelJS.Row, ctx: CellContext): string[] {
  const cells: (string | undefined)[] = [];
  row.eachCell((cell, col) => {
    const style = cell.style as { numFmt?: string } | undefined;
    cells[col - 1] = cellText(cell.value, style?.numFmt ?? '', ctx);
  });
  const texts = Array.from(cells, (c) => c ?? '');
  while (texts.length > 0 && texts[texts.length - 1]?.trim() === '') texts.pop();
  return texts;
}

/**
 * Streams one worksheet into a headerless UTF-8 CSV file (constant memory: rows are read and
 * written one at a time). The header is returned, not written, because the widest row is only
 * known at the end; DuckDB is then given the columns explicitly.
 */
export async function sheetToCsv(
  input: Readable,
  sheet: SheetRef,
  date1904: boolean,
  out: string,
): Promise<SheetCsv> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache', // number formats tell dates from numbers
    entries: 'emit',
  });
  // The reader announces each worksheet's part just before handing it over.
  let part = '';
  (reader as unknown as EventEmitter).on('entry', (e: { type?: string; id?: string }) => {
    if (e.type === 'worksheet') part = `xl/worksheets/sheet${e.id ?? ''}.xml`;
  });
  const writer = new LineWriter(out, MAX_CSV_BYTES, 'The sheet holds more than 2 GB of data');
  const ctx: CellContext = { date1904, errors: 0 };
  let header: string[] | undefined;
  let width = 0;
  let rows = 0;
  let blank = 0;
  let found = false;
  try {
    for await (const worksheet of reader) {
      if (part !== sheet.part) continue;
      found = true;
      for await (const row of worksheet) {
        const texts = rowTexts(row, ctx);
        if (texts.length === 0) {
          if (header) blank++;
          continue;
        }
        width = Math.max(width, texts.length);
        if (!header) header = texts;
        else {
          rows++;
          await writer.write(texts.map(csvField).join(','));
        }
      }
      break;
    }
    await writer.close();
  } catch (err) {
    writer.abort();
    // Disk errors are ours to report; anything the zip or XML parsers throw means a bad file.
    if (err instanceof SourceError || (err as NodeJS.ErrnoException).syscall) throw err;
    throw new SourceError(NOT_XLSX);
  } finally {
    input.destroy();
  }
  if (!found) throw new SourceError(`${NOT_XLSX}: the sheet "${sheet.name}" is missing`);
  if (!header) throw new SourceError(`The sheet "${sheet.name}" is empty`);
  const warnings: Warning[] = [];
  if (ctx.errors > 0) {
    warnings.push({
      message: `${ctx.errors} cells hold Excel errors (such as #N/A): loaded as empty`,
    });
  }
  if (blank > 0) warnings.push({ message: `${blank} empty rows were left out` });
  const names = header;
  return { header: Array.from({ length: width }, (_, i) => names[i] ?? ''), rows, warnings };
}
