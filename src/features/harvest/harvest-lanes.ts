import { slugify } from '../catalog/index.js';
import { takeSlice, type RunState } from './harvest-items.js';
import type { ReadItem } from './harvest-record.js';

// On PostgreSQL every statement is a round trip that yields the thread, and a run storing one
// record at a time took turns with the searches it served meanwhile: 32 datasets a second at
// 100,000 datasets. Several slices side by side, each in its own transaction, overlap one's round
// trips with another's. SQLite has one writer: one lane.

/** Slices stored at once on PostgreSQL. */
const LANES = 4;

function laneCount(s: RunState): number {
  const { db, config } = s.ctx;
  if (db.dialect === 'sqlite') return 1;
  // Half the pool at most: the other half serves the site meanwhile.
  return Math.max(1, Math.min(LANES, config.databasePoolSize >> 1));
}

/**
 * Records that would be given the same slug share a lane: in two lanes both would pick the
 * same free slug, and the second wait for the first's commit to be refused.
 */
function laneOf(item: ReadItem, lanes: number): number {
  const key = 'dataset' in item ? slugify(item.dataset.title) : (item.identifier ?? '');
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return Math.abs(hash) % lanes;
}

/** Stores what it can of `ready` in one round of slices; what is left stays in `ready`. */
export async function takeSlices(s: RunState, ready: ReadItem[]): Promise<void> {
  const lanes = laneCount(s);
  if (lanes === 1) {
    await takeSlice(s, ready);
    return;
  }
  const queues = Array.from({ length: lanes }, (): ReadItem[] => []);
  for (const item of ready.splice(0)) queues[laneOf(item, lanes)]?.push(item);
  await Promise.all(queues.filter((q) => q.length > 0).map((q) => takeSlice(s, q)));
  ready.push(...queues.flat());
}
