import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AppContext } from '../../context.js';
import type { HarvestRun } from '../../platform/db/schema.js';
import { conflict, notFound } from '../../platform/errors.js';
import { newId, now } from '../../platform/ids.js';
import { automaticPublisher } from '../accounts/index.js';
import { harvestFetcher } from './harvest-fetcher.js';
import { withdrawUnseen, type RunState } from './harvest-items.js';
import { takeSlices } from './harvest-lanes.js';
import { itemToTake } from './harvest-listed.js';
import type { HarvestFilters, ReadItem } from './harvest-record.js';
import {
  findRun,
  findSource,
  insertRun,
  lastCleanRunStart,
  updateRun,
  updateSource,
} from './harvest.repository.js';
import { harvesterFor } from './harvesters/index.js';

// One run of a source: read its catalogue item by item and store the items (harvest-items.ts);
// then withdraw what the source no longer lists (only after a complete read: a run cut short by
// an error or the item limit withdraws nothing). Counts and log are the run's.

export const HARVEST_PUBLISHER = {
  email: 'harvest@metrodata.invalid',
  name: 'Harvest (automatic publishing)',
} as const;

/** A source failing this many runs in a row is flagged to administrators. */
export const FAILING_RUNS = 3;

/** Items read from the source ahead of the slices that store them. */
const READ_AHEAD = 64;

/** Runs one harvest of the source now; the finished run. Throws conflict if one is running. */
export async function runHarvest(
  ctx: AppContext,
  sourceId: string,
  startedBy: string | null = null,
): Promise<HarvestRun> {
  const db = ctx.db.kysely;
  const source = await findSource(db, sourceId);
  if (!source) throw notFound('Harvest source');
  const org = await db
    .selectFrom('organisations')
    .select('slug')
    .where('id', '=', source.organisation_id)
    .executeTakeFirstOrThrow();
  const run: HarvestRun = {
    id: newId(),
    source_id: source.id,
    status: 'running',
    created: 0,
    updated: 0,
    unchanged: 0,
    withdrawn: 0,
    failed: 0,
    error: null,
    truncated: 0,
    started_by: startedBy,
    started_at: now(),
    finished_at: null,
  };
  if (!(await insertRun(db, run))) throw conflict('A run of this source is already under way');
  const s: RunState = {
    ctx,
    source,
    organisation: org.slug,
    publisher: await automaticPublisher(ctx, HARVEST_PUBLISHER, source.organisation_id),
    run,
    counts: { created: 0, updated: 0, unchanged: 0, withdrawn: 0, failed: 0 },
  };
  let error: string | null = null;
  let truncated = false;
  try {
    const harvester = harvesterFor(source.type);
    const items = harvester({
      url: source.url,
      filters: JSON.parse(source.filters) as HarvestFilters,
      fetcher: harvestFetcher(ctx.config),
      since: await lastCleanRunStart(db, source.id),
    });
    const iterator = items[Symbol.asyncIterator]();
    const ready: ReadItem[] = [];
    let taken = 0;
    let exhausted = false;
    // A source failing mid-way fails the run, once the items read before it are stored.
    let readError: Error | undefined;
    try {
      for (;;) {
        // Read ahead outside any transaction: reading may wait on the source.
        while (!exhausted && !truncated && ready.length < READ_AHEAD) {
          const next = await iterator.next().catch((err: unknown) => {
            readError = err instanceof Error ? err : new Error(String(err));
            return { done: true as const, value: undefined };
          });
          if (next.done) exhausted = true;
          else if (taken >= ctx.config.harvestMaxItems) truncated = true;
          else {
            taken += 1;
            // A listed dataset kept unchanged (incremental runs) is counted, not read.
            const full = await itemToTake(db, source.id, next.value);
            if (full) ready.push(full);
            else s.counts.unchanged += 1;
          }
        }
        if (ready.length === 0) break;
        await takeSlices(s, ready);
        // SQLite answers synchronously: between slices the process serves others (searches
        // waited for whole pages, 2 s, when a run never yielded).
        await nextTurn();
      }
    } finally {
      if (!exhausted) await iterator.return?.();
    }
    if (readError !== undefined) throw readError;
    if (!truncated) await withdrawUnseen(s);
  } catch (err) {
    error = (err as Error).message;
  }
  const finished = now();
  await updateRun(db, run.id, {
    ...s.counts,
    status: error ? 'failed' : 'succeeded',
    error,
    truncated: truncated ? 1 : 0,
    finished_at: finished,
  });
  await updateSource(db, source.id, {
    consecutive_failures: error ? source.consecutive_failures + 1 : 0,
    updated_at: finished,
  });
  const done = await findRun(db, run.id);
  if (!done) throw notFound('Harvest run');
  return done;
}
