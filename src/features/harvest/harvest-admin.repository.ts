import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

// The SQL of managing sources beyond adding them: what a source harvested, deleting it, and
// where harvested datasets came from.

type Db = Kysely<Database>;

/** Deletes the source; its runs, their logs and its links to datasets go with it (cascade). */
export const deleteSourceRow = (db: Db, id: string) =>
  db.deleteFrom('harvest_sources').where('id', '=', id).execute();

/** The source's run under way, if any. */
export const runningRun = (db: Db, sourceId: string) =>
  db
    .selectFrom('harvest_runs')
    .select('id')
    .where('source_id', '=', sourceId)
    .where('status', '=', 'running')
    .executeTakeFirst();

/** The datasets the source harvested that are still in the catalogue (not deleted). */
export const liveHarvested = (db: Db, sourceId: string) =>
  db
    .selectFrom('harvested_datasets')
    .innerJoin('datasets', 'datasets.id', 'harvested_datasets.dataset_id')
    .select(['datasets.id', 'datasets.slug'])
    .where('harvested_datasets.source_id', '=', sourceId)
    .where('datasets.state', '!=', 'deleted')
    .orderBy('datasets.slug')
    .execute();

/** Where each of these datasets was harvested from (datasets not harvested are absent). */
export function originsOf(db: Db, datasetIds: readonly string[]) {
  if (datasetIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('harvested_datasets')
    .innerJoin('harvest_sources', 'harvest_sources.id', 'harvested_datasets.source_id')
    .select([
      'harvested_datasets.dataset_id',
      'harvested_datasets.identifier',
      'harvested_datasets.harvested_at',
      'harvest_sources.id as source_id',
      'harvest_sources.title',
      'harvest_sources.url',
    ])
    .where('harvested_datasets.dataset_id', 'in', datasetIds)
    .execute();
}

/** The sources that failed at least `runs` runs in a row, with their organisation. */
export const failingSources = (db: Db, runs: number) =>
  db
    .selectFrom('harvest_sources')
    .select(['id', 'organisation_id'])
    .where('consecutive_failures', '>=', runs)
    .execute();
