import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AppContext } from '../../context.js';
import { findMetaValue, setMetaValue } from '../../platform/db/meta.repository.js';
import { catalogueGeneration, datasetsChangedAfter } from '../catalog/index.js';
import { scoreDatasets } from './quality-recompute.js';
import { datasetIdsAfter } from './quality.repository.js';

// Which datasets to score again: those the catalogue's change log says changed since the
// generation scored last (a dataset, its tags, themes or resources), so a pass costs what
// changed, not the size of the catalogue (a scan for stale scores walked 100,000 datasets every
// minute). The first pass, and one that fell behind the log's pruning, scores everything.
// Link checks and new datastore versions are not in the log: they score their datasets
// themselves (link-checker.ts, quality.plugin.ts).

/** The `meta` key holding the newest catalogue generation whose changes are scored. */
const SCORED_KEY = 'quality_scored_generation';
/** Datasets scored per transaction, the process serving others between them. */
const BATCH = 200;
/** Generations of the log read at a time. */
const SPAN = 500;

/** Scores `ids` a batch at a time; how many. */
export async function scoreInBatches(ctx: AppContext, ids: readonly string[]): Promise<number> {
  for (let i = 0; i < ids.length; i += BATCH) {
    await scoreDatasets(ctx, ids.slice(i, i + BATCH));
    await nextTurn();
  }
  return ids.length;
}

async function scoreEverything(ctx: AppContext): Promise<number> {
  const db = ctx.db.kysely;
  // Read first: what changes during the scan is scored again by the next pass.
  const from = await catalogueGeneration(db);
  let scored = 0;
  for (let after = ''; ;) {
    const ids = await datasetIdsAfter(db, after, BATCH);
    if (ids.length === 0) break;
    scored += await scoreInBatches(ctx, ids);
    after = ids.at(-1) ?? after;
  }
  await setMetaValue(db, SCORED_KEY, String(from));
  return scored;
}

/** Scores the datasets changed since the last pass (everything the first time); how many. */
export async function rescoreChanged(ctx: AppContext): Promise<number> {
  const db = ctx.db.kysely;
  const saved = await findMetaValue(db, SCORED_KEY);
  if (saved === undefined) return scoreEverything(ctx);
  let scored = 0;
  for (let after = Number(saved); ;) {
    const changes = await datasetsChangedAfter(db, after, SPAN);
    if (!changes) return scored + (await scoreEverything(ctx));
    if (changes.upTo === after) return scored;
    scored += await scoreInBatches(ctx, changes.ids);
    after = changes.upTo;
    await setMetaValue(db, SCORED_KEY, String(after));
  }
}
