import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

// The key/value `meta` table records install-wide facts such as when the demo was seeded.

export async function findMetaValue(
  db: Kysely<Database>,
  key: string,
): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/**
 * Sets `key` only if no one has: returns false when it already existed. Atomic, so two app
 * nodes starting at once cannot both claim the same one-off job.
 */
export async function claimMetaKey(
  db: Kysely<Database>,
  key: string,
  value: string,
): Promise<boolean> {
  const result = await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setMetaValue(
  db: Kysely<Database>,
  key: string,
  value: string,
): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function deleteMetaKey(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('meta').where('key', '=', key).execute();
}

const BOUNDARIES_VERSION = 'boundaries_version';

/**
 * Records that a boundary (the region's, an organisation's or a ward's) changed, so every node's
 * in-memory routing index sees it is stale and rebuilds on its next lookup.
 */
export const markBoundariesChanged = (db: Kysely<Database>): Promise<void> =>
  setMetaValue(db, BOUNDARIES_VERSION, `${Date.now()}-${Math.random().toString(36).slice(2)}`);

/** The version markBoundariesChanged last wrote ('' before any change was recorded). */
export const boundariesVersion = async (db: Kysely<Database>): Promise<string> =>
  (await findMetaValue(db, BOUNDARIES_VERSION)) ?? '';
