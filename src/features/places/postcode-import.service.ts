import { stat } from 'node:fs/promises';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { badRequest } from '../../platform/errors.js';
import { findRegion } from '../region/index.js';
import { boundingBox, type Box } from './bounding-box.js';
import { readPostcodeFile } from './postcode-file.js';
import type { PostcodeRecord, PostcodeSource } from './postcode-layouts.js';
import {
  countPostcodes,
  deleteAllPostcodes,
  deletePostcodesFrom,
  upsertPostcodes,
} from './postcode.repository.js';

type Progress = (done: number, total: number, note?: string) => void;

export interface PostcodeImportOptions {
  /** Empty the directory first (in the same transaction), instead of adding to it. */
  replace?: boolean;
  /** Keep only postcodes inside the bounding box of the region's boundary. */
  withinRegion?: boolean;
  progress?: Progress;
}

export interface SkippedRows {
  reason: string;
  count: number;
  /** The first few line numbers (1 is the file's first line). */
  lines: number[];
}

export interface PostcodeImportReport {
  source: PostcodeSource;
  imported: number;
  skipped: SkippedRows[];
  /** Postcodes in the directory after the import. */
  total: number;
  /** The demo's made-up postcodes removed, so they never sit beside real ones. */
  syntheticRemoved: number;
  seconds: number;
  rowsPerSecond: number;
}

// 1,000 rows x 7 columns stays under both databases' bound-parameter limits.
const BATCH = 1000;
const LINES_LISTED = 5;
const OUTSIDE_REGION = "outside the region's bounding box";
const SYNTHETIC: PostcodeSource = 'synthetic (demo)';
const REPEATED = 'repeated postcode (the later line kept)';

/** Counts skipped rows by reason, remembering the first few line numbers of each. */
function skipCounter() {
  const byReason = new Map<string, SkippedRows>();
  return {
    add(reason: string, line: number) {
      const s = byReason.get(reason) ?? { reason, count: 0, lines: [] };
      s.count++;
      if (s.lines.length < LINES_LISTED) s.lines.push(line);
      byReason.set(reason, s);
    },
    list: () => [...byReason.values()].sort((a, b) => b.count - a.count),
  };
}

async function regionBox(ctx: AppContext): Promise<Box> {
  const region = await findRegion(ctx);
  const box = region?.boundary ? boundingBox(JSON.parse(region.boundary) as unknown) : null;
  if (!box) {
    throw badRequest(
      '--within-region needs the region and its boundary; set them up first ' +
        '(`metrodata seed` or `metrodata region import`)',
    );
  }
  return box;
}

const inBox = (b: Box, r: PostcodeRecord) =>
  r.longitude >= b.minX && r.longitude <= b.maxX && r.latitude >= b.minY && r.latitude <= b.maxY;

const toRow = (r: PostcodeRecord) => ({ ...r, terminated: r.terminated ? 1 : 0 });

/**
 * `metrodata postcodes import`: streams an ONSPD or Code-Point Open CSV a line at a time into
 * the postcode directory, in batches inside one transaction, so a damaged file changes nothing.
 * Rows that cannot be placed (no grid reference, not a postcode) are skipped and counted.
 */
export async function importPostcodes(
  ctx: AppContext,
  file: string,
  options: PostcodeImportOptions = {},
): Promise<PostcodeImportReport> {
  const size = await stat(file).then(
    (s) => s.size,
    () => {
      throw badRequest(`${file} was not found or cannot be read`);
    },
  );
  const box = options.withinRegion ? await regionBox(ctx) : null;
  const started = performance.now();
  const skipped = skipCounter();
  let source: PostcodeSource = 'ONSPD';
  let lastLine = 0;
  let imported = 0;
  let syntheticRemoved = 0;
  const total = await inTransaction(ctx, async (tx) => {
    if (options.replace) await deleteAllPostcodes(tx.db.kysely);
    else syntheticRemoved = await deletePostcodesFrom(tx.db.kysely, SYNTHETIC);
    let batch = new Map<string, ReturnType<typeof toRow>>();
    let bytesRead = 0;
    const flush = async () => {
      await upsertPostcodes(tx.db.kysely, [...batch.values()]);
      imported += batch.size;
      batch = new Map();
      options.progress?.(bytesRead, size, `${imported} postcodes`);
    };
    const rows = readPostcodeFile(file, (layout) => {
      source = layout.source;
    });
    for await (const { line, result, bytesRead: read } of rows) {
      lastLine = line;
      bytesRead = read;
      if ('skip' in result) {
        skipped.add(result.skip, line);
        continue;
      }
      const r = result.record;
      if (box && !inBox(box, r)) {
        skipped.add(OUTSIDE_REGION, line);
        continue;
      }
      if (batch.has(r.postcode)) skipped.add(REPEATED, line);
      batch.set(r.postcode, toRow(r));
      if (batch.size >= BATCH) await flush();
    }
    bytesRead = size;
    await flush();
    return countPostcodes(tx.db.kysely);
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    source,
    imported,
    skipped: skipped.list(),
    total,
    syntheticRemoved,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(lastLine / Math.max(seconds, 0.001)),
  };
}

/** The report as lines for a terminal. */
export function importReportLines(r: PostcodeImportReport): string[] {
  const skippedCount = r.skipped.reduce((n, s) => n + s.count, 0);
  return [
    `Imported ${r.imported} postcodes (${r.source} layout) in ${r.seconds} s, ` +
      `${r.rowsPerSecond} rows/s; the directory now holds ${r.total}.`,
    ...(r.syntheticRemoved > 0
      ? [`Removed the demo's ${r.syntheticRemoved} synthetic postcodes first.`]
      : []),
    ...(skippedCount > 0 ? [`Skipped ${skippedCount} rows:`] : []),
    ...r.skipped.map(
      (s) =>
        `  ${s.count} ${s.reason} (line${s.lines.length > 1 ? 's' : ''} ${s.lines.join(', ')}` +
        `${s.count > s.lines.length ? ', …' : ''})`,
    ),
  ];
}
