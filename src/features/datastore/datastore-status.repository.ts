import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/** The latest version of each of these resources that has one (its number, rows, columns, map). */
export async function latestVersionsOf(db: Kysely<Database>, resourceIds: string[]) {
  if (resourceIds.length === 0) return [];
  const latest = db
    .selectFrom('datastore_versions')
    .select(['resource_id', (eb) => eb.fn.max('version').as('version')])
    .where('resource_id', 'in', resourceIds)
    .groupBy('resource_id')
    .as('l');
  return db
    .selectFrom('datastore_versions as v')
    .innerJoin(latest, (join) =>
      join.onRef('l.resource_id', '=', 'v.resource_id').onRef('l.version', '=', 'v.version'),
    )
    .select(['v.resource_id', 'v.version', 'v.row_count', 'v.fields', 'v.geometry', 'v.created_at'])
    .execute();
}

/** The latest load of each of these resources that has one (by when it was asked for). */
export async function latestLoadsOf(db: Kysely<Database>, resourceIds: string[]) {
  if (resourceIds.length === 0) return [];
  const latest = db
    .selectFrom('datastore_loads')
    .select(['resource_id', (eb) => eb.fn.max('created_at').as('created_at')])
    .where('resource_id', 'in', resourceIds)
    .groupBy('resource_id')
    .as('l');
  return db
    .selectFrom('datastore_loads as d')
    .innerJoin(latest, (join) =>
      join.onRef('l.resource_id', '=', 'd.resource_id').onRef('l.created_at', '=', 'd.created_at'),
    )
    .selectAll('d')
    .execute();
}
