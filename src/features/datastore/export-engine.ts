import path from 'node:path';
import type { AppContext } from '../../context.js';
import { engineBlobDir } from '../../platform/blobs/open-blob-store.js';
import { BesideEngine } from '../../platform/engine/beside-engine.js';
import { Engine } from '../../platform/engine/engine.js';

/**
 * Exports run on a DuckDB instance of their own with one thread. An export writes every row in
 * order; with several threads DuckDB reads ahead in parallel and holds the batches that are
 * ready until the ones before them are written, which took the server from 276 MiB to 517 MiB
 * for the 2M-row benchmark file. One thread reads and writes in order with nothing to hold
 * (about 150 MiB in all), and leaves the other cores to queries and to sending the file.
 */
export const EXPORT_THREADS = 1;
/** Enough for a streamed export; a sorted export spills to the scratch folder past it. */
export const EXPORT_MEMORY_LIMIT = '256MB';

const exportInstances = new BesideEngine<AppContext, Engine>((ctx) =>
  Engine.open({
    allowedDirectories: [engineBlobDir(ctx.config), ctx.engine.tempDir],
    tempDir: path.join(ctx.engine.tempDir, 'duckdb-exports'),
    threads: EXPORT_THREADS,
    memoryLimit: EXPORT_MEMORY_LIMIT,
  }),
);

/**
 * The export instance beside the app's engine, opened at the first export with the same
 * lockdown (only the blob folder and the scratch folder, no network, configuration locked).
 */
export const exportEngine = (ctx: AppContext): Promise<Engine> => exportInstances.get(ctx);

/** Closes the export instance, if one was opened (when the app stops). */
export const closeExportEngine = (ctx: AppContext): Promise<void> => exportInstances.close(ctx);
