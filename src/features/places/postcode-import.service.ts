import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { AppContext } from '../../context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { badRequest } from '../../platform/errors.js';
import { findRegion } from '../region/index.js';
import { boundingBox, type Box } from './bounding-box.js';
import { parseCsvLine } from './csv-line.js';
import {
  detectLayout,
  LAYOUT_HELP,
  type Layout,
  type PostcodeRecord,
  type PostcodeSource,
} from './postcode-layouts.js';
import { countPostcodes, deleteAllPostcodes, upsertPostcodes } from './postcode.repository.js';

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
  seconds: number;
  rowsPerSecond: number;
}

// 1,000 rows x 7 columns stays under both databases' bound-parameter limits.
const BATCH = 1000;
const LINES_LISTED = 5;
const OUTSIDE_REGION = "outside the region's bounding box";
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

const damaged = (file: string, line: number, why: string) =>
  badRequest(
    `${path.basename(file)} is damaged at line ${line}: ${why}. Nothing was imported; ` +
      'the directory is as it was.',
    { line },
  );

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
  const size = (await stat(file)).size;
  const box = options.withinRegion ? await regionBox(ctx) : null;
  const started = performance.now();
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const skipped = skipCounter();
  let layout: Layout | null = null;
  let lineNo = 0;
  let imported = 0;
  let total = 0;
  try {
    total = await inTransaction(ctx, async (tx) => {
      if (options.replace) await deleteAllPostcodes(tx.db.kysely);
      let batch = new Map<string, ReturnType<typeof toRow>>();
      const flush = async () => {
        await upsertPostcodes(tx.db.kysely, [...batch.values()]);
        imported += batch.size;
        batch = new Map();
        options.progress?.(stream.bytesRead, size, `${imported} postcodes`);
      };
      for await (const line of lines) {
        lineNo++;
        if (!layout) {
          layout = detectLayout(line);
          if (!layout) {
            throw badRequest(
              `${path.basename(file)} is neither an ONS Postcode Directory nor an OS Code-Point ` +
                `Open file: ${LAYOUT_HELP}. Its first line is: ${line.slice(0, 120) || '(empty)'}`,
            );
          }
          if (layout.header) continue;
        }
        if (line.trim() === '') continue;
        const fields = parseCsvLine(line);
        if (!fields) throw damaged(file, lineNo, 'a quoted field is never closed');
        if (fields.length !== layout.fields) {
          throw damaged(
            file,
            lineNo,
            `it has ${fields.length} fields where the first line has ${layout.fields}`,
          );
        }
        const result = layout.parse(fields);
        if ('skip' in result) {
          skipped.add(result.skip, lineNo);
          continue;
        }
        const r = result.record;
        if (box && !(r.longitude >= box.minX && r.longitude <= box.maxX && r.latitude >= box.minY && r.latitude <= box.maxY)) {
          skipped.add(OUTSIDE_REGION, lineNo);
          continue;
        }
        if (batch.has(r.postcode)) skipped.add(REPEATED, lineNo);
        batch.set(r.postcode, toRow(r));
        if (batch.size >= BATCH) await flush();
      }
      if (!layout) throw badRequest(`${path.basename(file)} is empty: ${LAYOUT_HELP}`);
      await flush();
      return countPostcodes(tx.db.kysely);
    });
  } finally {
    lines.close();
    stream.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    source: (layout as Layout | null)?.source ?? 'ONSPD',
    imported,
    skipped: skipped.list(),
    total,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(lineNo / Math.max(seconds, 0.001)),
  };
}

/** The report as lines for a terminal. */
export function importReportLines(r: PostcodeImportReport): string[] {
  const skippedCount = r.skipped.reduce((n, s) => n + s.count, 0);
  return [
    `Imported ${r.imported} postcodes (${r.source} layout) in ${r.seconds} s, ` +
      `${r.rowsPerSecond} rows/s; the directory now holds ${r.total}.`,
    ...(skippedCount > 0 ? [`Skipped ${skippedCount} rows:`] : []),
    ...r.skipped.map(
      (s) =>
        `  ${s.count} ${s.reason} (line${s.lines.length > 1 ? 's' : ''} ${s.lines.join(', ')}` +
        `${s.count > s.lines.length ? ', …' : ''})`,
    ),
  ];
}
