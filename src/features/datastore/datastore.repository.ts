import type { Kysely } from 'kysely';
import type {
  Database,
  DatastoreLoad,
  DatastoreLoadTable,
  DatastoreVersion,
} from '../../platform/db/schema.js';
import type { Updateable } from 'kysely';

export async function insertLoad(db: Kysely<Database>, load: DatastoreLoad): Promise<void> {
  await db.insertInto('datastore_loads').values(load).execute();
}

export function findLoad(db: Kysely<Database>, id: string): Promise<DatastoreLoad | undefined> {
  return db.selectFrom('datastore_loads').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateLoad(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<DatastoreLoadTable>,
): Promise<void> {
  await db.updateTable('datastore_loads').set(changes).where('id', '=', id).execute();
}

/**
 * Ends a load (succeeded or failed) unless another run of it succeeded first; false then. Inside
 * a transaction on PostgreSQL, a second run waits on the row until the first commits.
 */
export async function settleLoad(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<DatastoreLoadTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('datastore_loads')
    .set(changes)
    .where('id', '=', id)
    .where('status', '!=', 'succeeded')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The newest loads of a resource; with `succeededOnly`, those that made a version. */
export function listLoads(
  db: Kysely<Database>,
  resourceId: string,
  limit: number,
  succeededOnly = false,
) {
  let qb = db.selectFrom('datastore_loads').selectAll().where('resource_id', '=', resourceId);
  if (succeededOnly) qb = qb.where('status', '=', 'succeeded');
  return qb.orderBy('created_at', 'desc').limit(limit).execute();
}

export async function nextVersionNumber(db: Kysely<Database>, resourceId: string): Promise<number> {
  const row = await db
    .selectFrom('datastore_versions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
  return (row?.v ?? 0) + 1;
}

export async function insertVersion(db: Kysely<Database>, v: DatastoreVersion): Promise<void> {
  await db.insertInto('datastore_versions').values(v).execute();
}

export function listVersions(
  db: Kysely<Database>,
  resourceId: string,
): Promise<DatastoreVersion[]> {
  return db
    .selectFrom('datastore_versions')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .orderBy('version', 'desc')
    .execute();
}

/** The versions of a resource older than its newest `keep`, with their loads and files. */
export function versionsBeyond(db: Kysely<Database>, resourceId: string, keep: number) {
  return db
    .selectFrom('datastore_versions')
    .select(['version', 'load_id', 'blob_key'])
    .where('resource_id', '=', resourceId)
    .orderBy('version', 'desc')
    .offset(keep)
    .limit(100_000)
    .execute();
}

/** Forgets these versions of a resource and the loads that made them. */
export async function deleteVersions(
  db: Kysely<Database>,
  resourceId: string,
  versions: readonly { version: number; load_id: string }[],
): Promise<void> {
  if (versions.length === 0) return;
  await db
    .deleteFrom('datastore_versions')
    .where('resource_id', '=', resourceId)
    .where(
      'version',
      'in',
      versions.map((v) => v.version),
    )
    .execute();
  await db
    .deleteFrom('datastore_loads')
    .where(
      'id',
      'in',
      versions.map((v) => v.load_id),
    )
    .execute();
}

/** A version by number, or the latest when `version` is null. */
export function findVersion(
  db: Kysely<Database>,
  resourceId: string,
  version: number | null,
): Promise<DatastoreVersion | undefined> {
  let qb = db.selectFrom('datastore_versions').selectAll().where('resource_id', '=', resourceId);
  qb = version === null ? qb.orderBy('version', 'desc') : qb.where('version', '=', version);
  return qb.limit(1).executeTakeFirst();
}

/** Forgets every version and load of a resource (its files are scheduled for removal). */
export async function deleteDataOfResource(db: Kysely<Database>, resourceId: string) {
  await db.deleteFrom('datastore_versions').where('resource_id', '=', resourceId).execute();
  await db.deleteFrom('datastore_loads').where('resource_id', '=', resourceId).execute();
}

/** Every version's number, row count and fields of these resources, newest first. */
export function versionsOf(db: Kysely<Database>, resourceIds: string[]) {
  if (resourceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('datastore_versions')
    .select(['resource_id', 'version', 'row_count', 'fields'])
    .where('resource_id', 'in', resourceIds)
    .orderBy('resource_id')
    .orderBy('version', 'desc')
    .execute();
}
