import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import { sheetCsvRelation } from '../sql/read-files.js';
import { nameColumns } from './column-names.js';
import { SourceError, type StageOptions, type StagedSource } from './source.js';
import { sheetToCsv } from './xlsx-sheet.js';
import { DEFAULT_ZIP_LIMITS, measuredParts } from './xlsx-parts.js';
import { chooseSheet, readWorkbook } from './xlsx-workbook.js';
import { rebuiltZip } from './zip-stream.js';
import { checkZipBomb, NOT_XLSX, readZipDirectory } from './zip-directory.js';

const OLE_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const XLS_MESSAGE =
  'This is an old-style Excel .xls workbook (or a password-protected one), which cannot be ' +
  'loaded: open it in Excel and save it as .xlsx (Excel Workbook) or CSV';

async function signature(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(8);
    const { bytesRead } = await handle.read(buf, 0, 8, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Old binary Excel files are refused with a way forward rather than a parse error. */
export function stageXls(): Promise<StagedSource> {
  return Promise.reject(new SourceError(XLS_MESSAGE));
}

/**
 * XLSX: one sheet (the first, or the one named) converted in Node to a CSV of text in the work
 * folder, since DuckDB's excel extension cannot be installed here. The zip is checked for
 * bombs from its central directory before anything is inflated, then by inflating the parts
 * the reader needs once as a stream, counting the bytes really produced (xlsx-parts.ts).
 */
export async function stageXlsx(options: StageOptions): Promise<StagedSource> {
  const head = await signature(options.file);
  if (head.length === 0) throw new SourceError('The file is empty');
  if (head.equals(OLE_SIGNATURE)) throw new SourceError(XLS_MESSAGE);
  if (head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) throw new SourceError(NOT_XLSX);

  // Real workbooks expand 5-30 times; far more than that, or past the limit, is a zip bomb.
  const limits = options.zipLimits ?? DEFAULT_ZIP_LIMITS;
  const entries = await readZipDirectory(options.file);
  checkZipBomb(entries, limits); // the declared sizes: a cheap early refusal
  const info = await readWorkbook(options.file, entries);
  const sheet = chooseSheet(info, options.sheet);
  // The real sizes: the reader is then given only these parts, exactly as measured.
  const parts = await measuredParts(options.file, entries, sheet.part, limits);

  const out = path.join(options.workDir, 'sheet.csv');
  const cleanup = () => rm(out, { force: true });
  try {
    const csv = await sheetToCsv(rebuiltZip(options.file, parts), sheet, info.date1904, out);
    const { names, warnings } = nameColumns(csv.header);
    // We wrote the file, so nothing is sniffed; rows shorter than the widest are padded.
    const relation = sheetCsvRelation(out, names);
    return { relation, geometry: false, warnings: [...warnings, ...csv.warnings], cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
