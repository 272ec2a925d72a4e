import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { Database } from '../../platform/db/schema.js';
import {
  applyChanges,
  buildSearchIndex,
  matchesBySlot,
  type SearchIndex,
  type TextMatches,
} from './search-index.js';
import { TextMatchCache } from './search-text-cache.js';
import { queryTextMatches } from './search-text.repository.js';
import { parseQuery } from '../../platform/search/text.js';
import {
  loadDatasetRows,
  loadSearchIndexRows,
  pruneChanges,
  readChangesAfter,
  readPrunedGeneration,
  readSearchGeneration,
} from './search-index.repository.js';

// Each process keeps one index per database. A search first reads the catalogue's generation
// (one primary-key read); when it moved on, the index catches up from the change log, reading
// only the datasets changed since, so a write anywhere (any node, the CLI, plain SQL) is in the
// very next search everywhere. A reload happens only when the log cannot say what changed.

/** Beyond this many changed datasets, one reload is cheaper than catching up. */
const CATCH_UP_LIMIT = 5000;
/** Changes kept in the log for processes that lag behind; older ones make them reload. */
const KEEP_CHANGES = 50_000;
const PRUNE_EVERY_MS = 60_000;

interface Live {
  index: SearchIndex;
  /** Every change up to this generation is in `index`. */
  generation: number;
  catchingUp: Promise<void> | null;
  prunedAt: number;
  texts: TextMatchCache;
}

// Keyed by the Kysely instance: each open database (tests open many) has its own index.
const cache = new WeakMap<Kysely<Database>, Promise<Live>>();

async function reload(db: Db, live: Live) {
  const generation = (await readSearchGeneration(db.kysely)) ?? 0;
  live.index = buildSearchIndex(await loadSearchIndexRows(db));
  live.generation = generation;
  live.texts.clear();
}

/** Applies the changes after live.generation; `target` was read before, so all it covers is seen. */
async function catchUp(db: Db, live: Live, target: number) {
  const k = db.kysely;
  const changes = await readChangesAfter(k, live.generation);
  // Read after the changes: a prune that removed some of them is seen here (same transaction).
  if ((await readPrunedGeneration(k)) > live.generation) return reload(db, live);
  const ids = new Set<string>();
  let newest = target;
  for (const c of changes) {
    if (c.datasetId === null) return reload(db, live);
    ids.add(c.datasetId);
    newest = Math.max(newest, c.generation);
  }
  if (ids.size > CATCH_UP_LIMIT) return reload(db, live);
  if (ids.size > 0) {
    const rows = await loadDatasetRows(db, [...ids]);
    if (!applyChanges(live.index, rows, ids)) return reload(db, live);
    live.texts.changed(ids);
  }
  live.generation = Math.max(live.generation, newest);
  if (Date.now() - live.prunedAt > PRUNE_EVERY_MS) {
    live.prunedAt = Date.now();
    // Not awaited: searches need not wait for it, and a failed prune is retried a minute later.
    pruneChanges(k, KEEP_CHANGES).catch(() => undefined);
  }
}

async function start(db: Db, generation: number): Promise<Live> {
  const index = buildSearchIndex(await loadSearchIndexRows(db));
  return { index, generation, catchingUp: null, prunedAt: 0, texts: new TextMatchCache() };
}

/** This process's copy, current with every write committed before the call; null without one. */
async function currentLive(db: Db): Promise<Live | null> {
  const k = db.kysely;
  const generation = await readSearchGeneration(k);
  // Without a generation (the row was removed) nothing can tell when a copy goes stale.
  if (generation === undefined) return null;
  let entry = cache.get(k);
  if (!entry) {
    // The generation is read before loading, so the copy is never older than its number.
    const started = start(db, generation);
    cache.set(k, started);
    started.catch(() => {
      if (cache.get(k) === started) cache.delete(k);
    });
    entry = started;
  }
  const live = await entry;
  while (live.generation < generation) {
    live.catchingUp ??= catchUp(db, live, generation).finally(() => {
      live.catchingUp = null;
    });
    await live.catchingUp;
  }
  return live;
}

/** The index as of now: current with every write committed before the call. */
export async function currentSearchIndex(db: Db): Promise<SearchIndex> {
  const live = await currentLive(db);
  return live ? live.index : buildSearchIndex(await loadSearchIndexRows(db));
}

/** The index and the full-text matches of `q` (scored when they decide the order), both current. */
export async function currentSearch(
  db: Db,
  q: string,
  scored: boolean,
): Promise<{ index: SearchIndex; matches: TextMatches }> {
  const live = await currentLive(db);
  if (!live) {
    const terms = parseQuery(q);
    const [rows, matches] = await Promise.all([
      loadSearchIndexRows(db),
      terms ? queryTextMatches(db, terms, scored) : Promise.resolve(null),
    ]);
    const index = buildSearchIndex(rows);
    return { index, matches: matches && matchesBySlot(index, matches) };
  }
  // The matches are keyed by this index's slots: a reload meanwhile must not pair them elsewhere.
  const { index } = live;
  const matches = await live.texts.matches(db, index, q, scored);
  return { index, matches };
}
