import path from 'node:path';
import type { Config } from '../../config.js';
import { engineRoot, removeDeadScratch } from '../engine/open-engine.js';
import type { Engine } from '../engine/engine.js';
import { removeStale } from './stale-files.js';

/** Temporary files in which nothing has changed for this long were left by a dead process. */
export const TEMP_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Not swept as one entry: DuckDB's own spill folders (it removes their files itself, and a dead
 * process's go whole) and the loads' folder, whose loads are swept one by one.
 */
const NOT_SWEPT = new Set(['spill', 'duckdb-exports', 'loads']);

interface TempOwners {
  config: Pick<Config, 'dataDir'>;
  engine: Pick<Engine, 'tempDir'>;
}

/**
 * One sweep of this node's temporary files nobody will finish (a process killed mid-load or
 * mid-export): loads' staging folders and exports' files in the engine's scratch folder, and the
 * scratch folders of dead processes. Anything changed within the hour stays (a load still under
 * way). Returns how many. The blob store's own (shared) temporary files are swept once per
 * cluster, by `sweepBlobStore`.
 */
export async function sweepTemporaryFiles(ctx: TempOwners, now = Date.now()): Promise<number> {
  const removed =
    (await removeStale(ctx.engine.tempDir, TEMP_MAX_AGE_MS, now, NOT_SWEPT)) +
    // Each load's staging folder (load.service.ts: <scratch>/loads/<load id>).
    (await removeStale(path.join(ctx.engine.tempDir, 'loads'), TEMP_MAX_AGE_MS, now));
  await removeDeadScratch(engineRoot(ctx.config), ctx.engine.tempDir, now);
  return removed;
}
