import { checkZipBomb, type ZipEntry } from './zip-directory.js';
import {
  InflateLimitError,
  madeEntry,
  type MadeEntry,
  measureEntry,
  type MeasuredEntry,
  sizeText,
} from './zip-stream.js';
import { SourceError, type ZipLimits } from './source.js';
import { rowSpanCheck } from './xlsx-row-span.js';

/** The defaults of UPLOAD_MAX_INFLATED_BYTES and UPLOAD_MAX_ZIP_ENTRIES (src/config.ts). */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotal: 1024 ** 3,
  maxRatio: 100,
  maxEntries: 10_000,
};

/**
 * The shared strings are kept in memory while the sheet is read, so they get a smaller share of
 * the limit: a part of tiny strings costs several times its size as JavaScript strings.
 */
export const SHARED_STRINGS_SHARE = 8;

/**
 * The other parts the reader parses whole into memory: real ones are far smaller (64,000 cell
 * formats, Excel's own limit, take about 5 MB of styles). A sheet is read a row at a time, so
 * only a row (the XML between two row ends) is limited.
 */
const PART_MAX: Record<string, number> = {
  'xl/_rels/workbook.xml.rels': 16 * 1024 ** 2,
  'xl/workbook.xml': 16 * 1024 ** 2,
  'xl/styles.xml': 8 * 1024 ** 2,
};
export const ROW_MAX_BYTES = 8 * 1024 ** 2;

const SHARED = 'xl/sharedStrings.xml';

/**
 * The parts the sheet reader needs, in the order it reads best (relationships, workbook, shared
 * strings and styles before the sheet, so the sheet streams straight through), each inflated
 * once here with the bytes really produced counted against the limits.
 */
export async function measuredParts(
  file: string,
  entries: ZipEntry[],
  sheetPart: string,
  limits: ZipLimits,
): Promise<(MeasuredEntry | MadeEntry)[]> {
  if (entries.length > limits.maxEntries) {
    throw new SourceError(
      `The workbook has ${entries.length} parts, over the limit of ${limits.maxEntries}`,
    );
  }
  const names = [
    'xl/_rels/workbook.xml.rels',
    'xl/workbook.xml',
    SHARED,
    'xl/styles.xml',
    sheetPart,
  ];
  const parts: (MeasuredEntry | MadeEntry)[] = [];
  let left = limits.maxTotal;
  for (const name of names) {
    const entry = entries.find((e) => e.name === name);
    if (!entry) {
      // Without a shared strings part the reader would park the sheet in a temporary file.
      if (name === SHARED) parts.push(madeEntry(SHARED, '<sst/>'));
      continue;
    }
    const own = name === SHARED ? limits.maxTotal / SHARED_STRINGS_SHARE : PART_MAX[name];
    const budget = Math.min(left, own ?? left);
    let measured: MeasuredEntry;
    try {
      const rows = name === sheetPart ? rowSpanCheck(ROW_MAX_BYTES) : undefined;
      measured = await measureEntry(file, entry, budget, rows);
    } catch (err) {
      if (!(err instanceof InflateLimitError)) throw err;
      throw new SourceError(
        budget < left
          ? `The workbook's part ${name} expands to more than ${sizeText(budget)} when unzipped (the limit for it); it may be a zip bomb`
          : `The workbook expands to more than ${sizeText(limits.maxTotal)} when unzipped (the limit is ${sizeText(limits.maxTotal)}); it may be a zip bomb`,
      );
    }
    // The same check as on the declared sizes, now on the real ones.
    checkZipBomb([{ ...measured, size: measured.inflated }], limits);
    left -= measured.inflated;
    parts.push(measured);
  }
  return parts;
}
