import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { now } from '../../platform/ids.js';
import type { HarvestItem, ReadItem } from './harvest-record.js';
import { findHarvested, updateHarvested } from './harvest.repository.js';

// An incremental run's ListedItems (harvest-record.ts): a dataset the source still lists and has
// not changed is kept as it is and marked seen, so it is not withdrawn; one this site does not
// hold as harvested and active (new to the filters, failed before, deleted here) is read in full.

/** The item to compare and store, or null when it was a listed dataset kept unchanged. */
export async function itemToTake(
  db: Kysely<Database>,
  sourceId: string,
  item: HarvestItem,
): Promise<ReadItem | null> {
  if (!('listed' in item)) return item;
  const known = await findHarvested(db, sourceId, item.listed);
  if (known && known.state !== 'deleted' && known.withdrawn_at === null) {
    await updateHarvested(db, known.dataset_id, { harvested_at: now() });
    return null;
  }
  return item.read();
}
